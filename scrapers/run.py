"""One scrape run: every source in turn; a failing source or item is reported, never fatal."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from jiuye import schema
from jiuye.campaigns import Registry
from scrapers import clean, enrich, jobs, store
from scrapers.fetch import Fetcher
from scrapers.item import Item, ItemError, RawJob, SourceError
from scrapers.readers import READERS
from scrapers.sources import Source

NEWS_DIR = Path("scraped") / "news"
# Jobs are filed by identity, not by source: the same posting from two sources is one file.
JOBS_DIR = Path("scraped") / "jobs"


@dataclass
class SourceReport:
    source: Source
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    failure: str | None = None  # the whole source failed


@dataclass
class RunReport:
    sources: list[SourceReport] = field(default_factory=list)
    job_ids: set[str] = field(default_factory=set)  # seen this run: a later source's copy is a duplicate

    @property
    def ok(self) -> bool:
        return all(r.failure is None and not r.errors for r in self.sources)


def slug_for(item: Item) -> str:
    token = hashlib.sha256(f"{item.source_id}\n{item.item_id}".encode()).hexdigest()[:8]
    return f"{item.date:%Y%m%d}-{token}"


def process(item: Item, source: Source, registry: Registry, content_dir: Path) -> tuple[store.Outcome, Path]:
    cleaned = clean.clean(item.html, item.base_url)
    meta = enrich.metadata(item, cleaned, source, registry, slug_for(item))
    problems = schema.validate({k.lower(): v for k, v in meta.items()}, registry)
    if problems:
        raise ValueError("; ".join(map(str, problems)))
    path = content_dir / NEWS_DIR / source.id / store.file_name(source.id, item.item_id)
    return store.store(path, meta, cleaned.markdown), path


def run(
    sources: list[Source],
    registry: Registry,
    content_dir: Path,
    fetcher: Fetcher,
    log: TextIO | None = None,
    progress: bool = True,
) -> RunReport:
    log = log or sys.stderr
    report = RunReport()
    for source in tqdm(sources, desc="来源", unit="个", disable=not progress, file=log, leave=False):
        result = SourceReport(source)
        report.sources.append(result)
        try:
            entries = READERS[source.kind](source, fetcher)
            for entry in tqdm(entries, desc=source.id, unit="条", disable=not progress, file=log, leave=False):
                if isinstance(entry, RawJob):
                    _handle_job(entry, source, registry, content_dir, report, result, log)
                else:
                    _handle(entry, source, registry, content_dir, result, log)
        except Exception as error:  # one broken source never stops the others
            result.failure = str(error) if isinstance(error, SourceError) else f"{type(error).__name__}: {error}"
            print(f"失败 [{source.id}] {source.url}: {result.failure}", file=log)
    return report


def _handle(
    entry: Item | ItemError, source: Source, registry: Registry, content_dir: Path, result: SourceReport, log: TextIO
) -> None:
    if isinstance(entry, ItemError):
        result.counts["失败"] += 1
        result.errors.append(str(entry))
        print(f"跳过 {entry}", file=log)
        return
    try:
        outcome, path = process(entry, source, registry, content_dir)
    except Exception as error:  # one bad item never stops the run
        reason = str(error) if isinstance(error, ValueError) else f"{type(error).__name__}: {error}"
        message = f"[{source.id}] 条目 {entry.item_id}: {reason}"
        result.counts["失败"] += 1
        result.errors.append(message)
        print(f"跳过 {message}", file=log)
        return
    result.counts[outcome.value] += 1
    if outcome is store.Outcome.PROTECTED:
        print(f"保留编辑修改，未覆盖：{path}", file=log)


def _handle_job(
    raw: RawJob,
    source: Source,
    registry: Registry,
    content_dir: Path,
    report: RunReport,
    result: SourceReport,
    log: TextIO,
) -> None:
    try:
        job = jobs.normalise(raw, source, registry)
    except jobs.JobFieldError as error:
        _handle(
            ItemError(source.id, raw.row, error.field, error.value, error.reason),
            source,
            registry,
            content_dir,
            result,
            log,
        )
        return
    for warning in job.warnings:
        result.counts["警告"] += 1
        print(f"忽略字段 {ItemError(source.id, raw.row, warning.field, warning.value, warning.reason)}", file=log)
    if job.id in report.job_ids:
        result.counts["重复"] += 1
        return
    report.job_ids.add(job.id)
    path = content_dir / JOBS_DIR / f"{job.id}.md"
    outcome = store.store(path, job.meta, job.body)
    result.counts[outcome.value] += 1
    if outcome is store.Outcome.PROTECTED:
        print(f"保留编辑修改，未覆盖：{path}", file=log)


COLUMNS = [o.value for o in store.Outcome] + ["重复", "警告", "失败"]


def summary(report: RunReport) -> str:
    rows = [["来源", *COLUMNS, "状态"]]
    for result in report.sources:
        state = f"来源失败：{result.failure}" if result.failure else ("有条目出错" if result.errors else "正常")
        rows.append([result.source.id, *(str(result.counts[c]) for c in COLUMNS), state])
    totals = Counter()
    for result in report.sources:
        totals.update(result.counts)
    rows.append(["合计", *(str(totals[c]) for c in COLUMNS), "正常" if report.ok else "有错误"])
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)) for row in rows)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
