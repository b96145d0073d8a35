"""Extraction against real news labelled by hand (tests/fixtures/extraction): places, campaigns,
fairs and people counts, scored on the tuning part and on the held-out part apart.

    python -m benchmarks.extraction [--verbose] [--held-out]

The held-out part is scored only with --held-out: tuning looks at the other part alone.

Provinces, cities, campaigns and figures: micro-averaged precision, recall and F1 over the
articles (a figure is its kind, number and province). Fairs, as the scraper reads them (the body's
paragraphs): a dated fair the article reports is found when a fair extracted from it for the
calendar (one with a date and province) has its date and province; the calendar's other fairs from
it are spurious; field accuracy is over the found ones. Undated reported fairs cannot be on a
calendar and are only counted.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import yaml

from benchmarks.generate import ROOT, registry
from jiuye import extract, fair_text, report_figures, text_days

ARTICLES = ROOT / "tests" / "fixtures" / "extraction" / "articles"
SETS = ("provinces", "cities", "campaigns", "figures")
FAIR_FIELDS = ("date", "province", "city", "employers", "positions")


@dataclass
class Score:
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {name: Counter() for name in SETS})
    fairs: Counter[str] = field(default_factory=Counter)
    fair_fields: Counter[str] = field(default_factory=Counter)
    articles: int = 0

    def add(self, name: str, got: set, want: set) -> None:
        self.counts[name].update(tp=len(got & want), fp=len(got - want), fn=len(want - got))


# A month in a page's path: "/jiangsu/202302/48409.html", "/n/201601/300028.html".
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)-?(0[1-9]|1[0-2])/")


def published_of(article: dict) -> date:
    """The article's date; for the few stored pages that lost theirs, as the labels were written:
    the first full date in the text, else the month in the page's address, else the middle of the
    first year the text names."""
    if isinstance(article.get("published"), date):
        return article["published"]
    text = f"{article['title']}\n{article['body']}"
    for day in text_days.find(text, date(2026, 1, 1)):
        if day.day and day.text[:4].isdigit():
            return day.day
    if month := _URL_MONTH.search(article.get("url") or ""):
        return date(int(month.group(1)), int(month.group(2)), 15)
    year = re.search(r"((?:19|20)\d\d)\s*年", text)
    return date(int(year.group(1)), 7, 1) if year else date(2026, 1, 1)


def _fair_key(fair: fair_text.Fair) -> dict[str, object]:
    return {
        "date": fair.start,
        "province": fair.province.short if fair.province else None,
        "city": fair.city,
        "employers": fair.employers.value if fair.employers else None,
        "positions": fair.positions.value if fair.positions else None,
    }


def score_fairs(score: Score, found: list[fair_text.Fair], wanted: list[dict], verbose: bool, name: str) -> None:
    left = [_fair_key(f) for f in found if not f.problem]
    score.fairs["undated"] += sum(1 for want in wanted if not want.get("date"))
    for want in (w for w in wanted if w.get("date")):
        match = next((g for g in left if g["date"] == want.get("date") and g["province"] == want.get("province")), None)
        if match is None:
            score.fairs["missed"] += 1
            if verbose:
                print(f"  {name} fair missed: {want}")
            continue
        left.remove(match)
        score.fairs["found"] += 1
        for key in FAIR_FIELDS:
            score.fair_fields[key] += match[key] == want.get(key)
    score.fairs["spurious"] += len(left)
    if verbose:
        for got in left:
            print(f"  {name} fair spurious: {got}")


def score_article(score: Score, article: dict, verbose: bool) -> None:
    labels = article["labels"]
    title, body = article["title"] or "", article["body"]
    published = published_of(article)
    places = extract.places_about(title, body, article.get("outlet") or "")
    campaigns = registry().named_in(f"{title}\n{body}")
    found_fairs = fair_text.extract(body.split("\n"), published, places.provinces, places.cities, places.home)
    figures = [
        f for f in report_figures.find(title, body, published, places.provinces, registry().named_in) if f.is_people
    ]
    got = {
        "provinces": {p.short for p in places.provinces},
        "cities": {c.name for c in places.cities},
        "campaigns": {c.slug for c in campaigns},
        "figures": {(f.kind, f.count.value, f.province.short if f.province else None) for f in figures},
    }
    want = {
        "provinces": set(labels.get("provinces") or ()),
        "cities": set(labels.get("cities") or ()),
        "campaigns": set(labels.get("campaigns") or ()),
        "figures": {(f["kind"], f["value"], f.get("province")) for f in labels.get("figures") or ()},
    }
    for name in SETS:
        score.add(name, got[name], want[name])
        if verbose and got[name] != want[name]:
            print(f"  {article['id']} {name}: extra {sorted(got[name] - want[name], key=str)}", end="")
            print(f" missing {sorted(want[name] - got[name], key=str)}")
    score_fairs(score, found_fairs, labels.get("fairs") or [], verbose, article["id"])
    score.articles += 1


def _prf(counts: Counter[str]) -> str:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.2f}  R {recall:.2f}  F1 {f1:.2f}  (tp {tp}, fp {fp}, fn {fn})"


def report(label: str, score: Score) -> None:
    print(f"== {label}: {score.articles} articles")
    for name in SETS:
        print(f"  {name:<10} {_prf(score.counts[name])}")
    found, missed, spurious = score.fairs["found"], score.fairs["missed"], score.fairs["spurious"]
    reported = found + missed
    print(
        f"  fairs      found {found}/{reported} ({found / reported if reported else 1:.0%}), missed {missed}, "
        f"spurious {spurious} ({spurious / (found + spurious) if found + spurious else 0:.0%} of extracted); "
        f"undated ones reported: {score.fairs['undated']}"
    )
    if found:
        fields = ", ".join(f"{key} {score.fair_fields[key] / found:.0%}" for key in FAIR_FIELDS)
        print(f"  fair fields right: {fields}")


def load() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(ARTICLES.glob("a*.yaml"))]


def main(verbose: bool = False, held_out: bool = False) -> dict[bool, Score]:
    scores = {False: Score(), True: Score()}
    for article in load():
        part = bool(article.get("held_out"))
        if part and not held_out:
            continue
        score_article(scores[part], article, verbose and not part)
    report("tuning part", scores[False])
    if held_out:
        report("held-out part", scores[True])
    return scores


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv, held_out="--held-out" in sys.argv)
