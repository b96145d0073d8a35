"""A real job export as it comes: the share of rows written, and the share normalised right.

    python -m benchmarks.export [path/to/export.csv]

Default: tests/fixtures/exports/51job_bigdata_2019-09.csv (1,500 rows of a real 51job crawl, every
cell a list literal; see that folder's README), scraped through the project's own pipeline with
no column mapping, then checked against the hand labels in `<name>.expected.yaml` (200 rows drawn
at random). A row is right when every labelled field is. The labels keep experience as written
("3-4年") and lump 高中/中专/中技 together; the site files experience in filter levels ("3-5年")
and tells 高中 from 中专/中技, so a level is right when it contains the labelled years, and either
of 高中 and 中专/中技 is right for 高中/中专.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import yaml

from benchmarks.generate import ROOT, registry
from jiuye import dates, metadata, regions
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import Source

DEFAULT = ROOT / "tests" / "fixtures" / "exports" / "51job_bigdata_2019-09.csv"
NOW = datetime(2019, 9, 20, 8, tzinfo=dates.SHANGHAI)
PERIODS = {"月": "month", "天": "day", "日": "day", "时": "hour", "小时": "hour", "年": "year"}
FIELDS = (
    "title",
    "employer",
    "province",
    "city",
    "district",
    "salary_min",
    "salary_max",
    "salary_period",
    "education",
    "experience",
    "openings",
    "posted",
)


def scrape(export: Path, content: Path) -> tuple[dict[int, dict[str, str]], run.RunReport]:
    source = Source("export", "jobs-csv", str(export))
    report = run.run([source], registry(), content, Fetcher(), log=io.StringIO(), progress=False, now=NOW)
    by_row: dict[int, dict[str, str]] = {}
    for path in (content / "scraped" / "jobs").glob("*.md"):
        meta = metadata.parse(path.read_text(encoding="utf-8"))[0]
        row = re.search(r"第 (\d+) 行", meta["origin"])
        if row:
            by_row[int(row.group(1)) - 2] = meta
    return by_row, report


LEVEL_YEARS = {"1年以下": (0, 1), "1-3年": (1, 3), "3-5年": (3, 5), "5-10年": (5, 10), "10年以上": (10, 99)}
SCHOOL = {"高中", "中专/中技"}


def same(field: str, got: object, want: object) -> bool:
    if field == "experience" and isinstance(got, str) and isinstance(want, str) and got in LEVEL_YEARS:
        years = [int(n) for n in re.findall(r"\d+", want)]
        low, high = LEVEL_YEARS[got]
        return bool(years) and low <= min(years) and max(years) <= high and "以上" not in want or want == got
    if field == "education" and want == "高中/中专":
        return got in SCHOOL
    return got == want


def _number(text: str | None) -> float | None:
    return float(text) if text else None


def written_as(meta: dict[str, str]) -> dict[str, object]:
    """The labelled fields, as the written file gives them."""
    province = regions.find_province(meta["province"])
    municipality = province is not None and province.name.endswith("市")
    return {
        "title": meta["title"],
        "employer": meta["employer"],
        "province": meta["province"],
        "city": None if municipality else meta.get("city") or None,
        "district": meta.get("district") or None,
        "salary_min": _number(meta.get("salary_min")),
        "salary_max": _number(meta.get("salary_max")),
        "salary_period": PERIODS.get(meta.get("salary_unit", "")) if meta.get("salary_unit") else None,
        "education": meta.get("education") or None,
        "experience": meta.get("experience") or None,
        "openings": int(meta["openings"]) if meta.get("openings") else None,
        "posted": meta["date"][:10],
    }


def expected_as(label: dict) -> dict[str, object]:
    value = dict(label)
    for key in ("salary_min", "salary_max"):
        value[key] = float(value[key]) if value.get(key) is not None else None
    value["posted"] = str(value["posted"]) if value.get("posted") else None
    return value


def data_rows(export: Path) -> int:
    text = export.read_bytes().decode("gbk")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    return sum(1 for cells in rows if any(cell.strip() not in ("", "[]") for cell in cells))


def labelled_rows(export: Path) -> list[dict]:
    """The hand labels of rows with data."""
    labels = yaml.safe_load(export.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    return [label for label in labels if label.get("title")]


def score(by_row: dict[int, dict[str, str]], labelled: list[dict]) -> tuple[int, Counter[str]]:
    """How many labelled rows were written right, and how often each field was wrong."""
    wrong: Counter[str] = Counter()
    right = 0
    for label in labelled:
        meta = by_row.get(label["row"])
        if meta is None:
            wrong["(not written)"] += 1
            continue
        got, want = written_as(meta), expected_as(label)
        bad = [field for field in FIELDS if not same(field, got.get(field), want.get(field))]
        wrong.update(bad)
        right += not bad
    return right, wrong


def main(export: Path = DEFAULT) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        by_row, report = scrape(export, content)
    rows = data_rows(export)
    written = len(by_row)
    labelled = labelled_rows(export)
    right, wrong = score(by_row, labelled)
    print(f"export: {export.name}")
    print(f"rows with data: {rows}; written: {written} ({written / rows:.1%})")
    print(f"labelled rows with data: {len(labelled)}; normalised right: {right} ({right / len(labelled):.1%})")
    for field, count in wrong.most_common():
        print(f"  wrong {field}: {count}")
    result = report.sources[0]
    print(f"run: {dict(result.counts)}; rows skipped: {len(result.errors)}; fields left out: {len(result.warnings)}")
    if result.failure:
        print(f"source failed: {result.failure}")
    for line in [*result.errors[:5], *result.warnings[:5]]:
        print(f"  {line}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
