"""One scrape run: every source in turn; a failing source or item is reported, never fatal.

Sources are fetched and parsed ahead, several at once (scrapers/ahead.py, within the request limits
of scrapers/fetch/slots.py), but written one after the other in the order sources.toml lists them,
so that a run writes the same files and the same report whatever its concurrency.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from jiuye import dates, extract, fair_text
from jiuye.campaigns import Registry
from jiuye.schema import Problem, Refused
from scrapers import ahead, clean, enrich, exports, fairs, jobs, store
from scrapers.fetch import Fetcher
from scrapers.fetch.slots import Concurrency, Slots
from scrapers.identity import StoredNews
from scrapers.item import Item, Normalised, RawFair, RawJob, SourceError, SourceWarning, item_problem, where
from scrapers.ledger import Ledger
from scrapers.readers import READERS
from scrapers.sources import Source
from scrapers.stories import KnownStories

NEWS_DIR = Path("scraped") / "news"
# Jobs and fairs are filed by identity, not by source: the same one from two sources is one file.
JOBS_DIR = Path("scraped") / "jobs"
FAIRS_DIR = Path("scraped") / "fairs"
DELETED = "已删除"  # an editor deleted the file: the scraper does not write it again (scrapers/ledger.py)
CLOSED = "已下架"  # gone from a full export (scrapers/exports.py)
COLUMNS = [o.value for o in store.Outcome] + [DELETED, CLOSED, "重复", "警告", "失败", "文中招聘会"]
# Fairs read out of news items are counted apart, so that the outcome columns count the source's items.
FAIRS_IN_NEWS = "文中招聘会"
Entry = Item | RawJob | RawFair | Problem | SourceWarning  # what readers yield


@dataclass
class SourceReport:
    source: Source
    counts: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # items skipped
    # fields left out, fairs left off the calendar, what a reader said of the source (SourceWarning)
    warnings: list[str] = field(default_factory=list)
    failure: str | None = None  # the whole source failed
    filed: set[Path] = field(default_factory=set)  # the jobs and fairs it listed this run


@dataclass
class RunReport:
    sources: list[SourceReport] = field(default_factory=list)
    written: set[Path] = field(default_factory=set)  # this run: a later source's copy is a duplicate

    @property
    def ok(self) -> bool:
        return all(r.failure is None and not r.errors for r in self.sources)


def slug_for(item: Item) -> str:
    token = hashlib.sha256(f"{item.source_id}\n{item.item_id}".encode()).hexdigest()[:8]
    assert item.date is not None
    return f"{item.date:%Y%m%d}-{token}"


class Run:
    def __init__(self, registry: Registry, content_dir: Path, log: TextIO, now: datetime) -> None:
        self.registry = registry
        self.content_dir = content_dir
        self.log = log
        self.now = now  # the date of an undated item seen for the first time
        self.report = RunReport()
        self.ledger = Ledger(content_dir)
        self.stored: dict[str, StoredNews] = {}  # per source: its news files by link and title
        self.stories = KnownStories(content_dir)  # one story from many outlets

    def source(self, source: Source, entries: Iterable[Entry], progress: bool) -> None:
        """Write what a source's reader yields; the reader's exception fails the source."""
        result = SourceReport(source)
        self.report.sources.append(result)
        try:
            for entry in tqdm(entries, desc=source.id, unit="条", disable=not progress, file=self.log, leave=False):
                try:
                    self.entry(entry, source, result)
                except Exception as error:  # one bad item never stops the run
                    label = getattr(entry, "item_id", None) or getattr(entry, "row", "?")
                    self.fail(result, item_problem(source.id, label, "(处理)", "", f"{type(error).__name__}: {error}"))
        except Exception as error:  # one broken source never stops the others
            result.failure = str(error) if isinstance(error, SourceError) else f"{type(error).__name__}: {error}"
            self.say(f"失败 [{source.id}] {source.url}: {result.failure}")
            return
        if exports.is_full_export(source) and not result.errors:  # only an export read whole counts
            for path in exports.close_missing(source, result.filed, self.content_dir, self.now):
                result.counts[CLOSED] += 1
                self.say(f"已下架（不在完整导出中）：{path}")

    def entry(self, entry: Entry, source: Source, result: SourceReport) -> None:
        if isinstance(entry, Problem):
            self.fail(result, entry)
        elif isinstance(entry, SourceWarning):
            self.warn(result, entry)
        elif isinstance(entry, RawJob | RawFair):
            self.record(entry, source, result)
        else:
            self.news(entry, source, result)

    def news(self, item: Item, source: Source, result: SourceReport) -> None:
        folder = self.content_dir / NEWS_DIR / source.id
        own = folder / store.file_name(source.id, item.item_id)
        if item.date is None:  # dated when first seen, and by its file from then on
            item = dataclasses.replace(item, date=store.stored_date(own) or self.now)
        cleaned = clean.clean(item.html, item.base_url)
        if source.id not in self.stored:
            self.stored[source.id] = StoredNews(folder)
        stored = self.stored[source.id]
        path = stored.path_for(item, own, self.report.written)
        slug = stored.slugs.get(path) or slug_for(item)  # a re-published story keeps its page
        text = "\n".join(cleaned.paragraphs)
        places = extract.places_about(item.title, text, cleaned.publisher or item.publisher or source.name or "")
        try:
            meta = enrich.metadata(item, cleaned, places, source, self.registry, slug)
            key = path.relative_to(self.content_dir).as_posix()
            if same_as := self.stories.same_as(key, slug, text):
                meta["Same_as"] = same_as
            news = Normalised(slug, meta).checked(self.registry)
        except Refused as refused:
            self.fail(result, refused.problem.at(where(source.id, item.item_id)))
            return
        meta = news.meta
        for warning in news.warnings:
            self.warn(result, warning.at(where(source.id, item.item_id)))
        stored.add(path, meta.get("Source_url"), item.title, item.date.date().isoformat(), slug)
        self.store(result, path, meta, cleaned.markdown)
        for reported in fair_text.extract(cleaned.paragraphs, item.date, places.provinces, places.cities, places.home):
            if reported.problem:
                self.warn(
                    result,
                    item_problem(source.id, item.item_id, "招聘会", reported.title, f"{reported.problem}，未列入日历"),
                )
                continue
            try:
                fair = fairs.from_news(reported, news.item, meta["Origin"], self.registry)
            except Refused as refused:
                problem = refused.problem
                reason = f"{problem.reason}，未列入日历"
                self.warn(result, item_problem(source.id, item.item_id, problem.field, problem.value, reason))
                continue
            self.keep(
                result,
                item.item_id,
                fair.warnings,
                self.content_dir / FAIRS_DIR / f"{fair.id}.md",
                fair.meta,
                fair.body,
                count_as=FAIRS_IN_NEWS,
            )

    def record(self, raw: RawJob | RawFair, source: Source, result: SourceReport) -> None:
        """A job or fair a source announced, normalised and filed by its identity."""
        to_item, folder = (jobs.to_item, JOBS_DIR) if isinstance(raw, RawJob) else (fairs.to_item, FAIRS_DIR)
        undated = isinstance(raw, RawJob) and not raw.fields.get("date")
        if undated:  # a posting that gives no date is dated when first seen, and by its file from then on
            raw.fields["date"] = dates.format_iso(self.now)
        try:
            record = to_item(raw, source, self.registry)
        except Refused as refused:
            self.fail(result, refused.problem.at(where(source.id, raw.row)))
            return
        path = self.content_dir / folder / f"{record.id}.md"
        if undated and (seen := store.stored_date(path)):
            record.meta["Date"] = dates.format_iso(seen)
        self.keep(result, raw.row, record.warnings, path, record.meta, record.body)

    def keep(
        self,
        result: SourceReport,
        row: str,
        warnings: list[Problem],
        path: Path,
        meta: dict[str, str],
        body: str,
        count_as: str | None = None,
    ) -> None:
        """Store a job or fair once per run, after reporting the fields that were left out."""
        for warning in warnings:
            self.warn(result, warning.at(where(result.source.id, row)))
        result.filed.add(path)
        if path in self.report.written:
            result.counts["重复"] += 1
            return
        self.store(result, path, meta, body, count_as)

    def store(
        self, result: SourceReport, path: Path, meta: dict[str, str], body: str, count_as: str | None = None
    ) -> None:
        self.report.written.add(path)
        if self.ledger.deleted(path):
            result.counts[DELETED] += 1
            line = self.ledger.key(path)
            self.say(f"已删除，不再写回：{path}（要恢复，从 {self.ledger.path} 中删去 {line} 一行）")
            return
        outcome = store.store(path, meta, body)
        self.ledger.record(path)
        result.counts[count_as or outcome.value] += 1
        if outcome is store.Outcome.PROTECTED:
            self.say(f"保留编辑修改，未覆盖：{path}")

    def say(self, line: str) -> None:
        """A line of the run's log, written above the progress bars rather than through them."""
        tqdm.write(line, file=self.log)

    def fail(self, result: SourceReport, error: Problem) -> None:
        result.counts["失败"] += 1
        result.errors.append(str(error))
        self.say(f"跳过 {error}")

    def warn(self, result: SourceReport, warning: Problem | SourceWarning) -> None:
        result.counts["警告"] += 1
        result.warnings.append(str(warning))
        self.say(f"注意 {warning}")


def run(
    sources: list[Source],
    registry: Registry,
    content_dir: Path,
    fetcher: Fetcher,
    log: TextIO | None = None,
    progress: bool = True,
    now: datetime | None = None,
    concurrency: Concurrency | None = None,
) -> RunReport:
    """Scrape every source; `now` (default: the clock) dates the undated items seen first.
    `concurrency` (default: Concurrency()) limits the requests and sources under way at once."""
    moment = now or datetime.now(dates.SHANGHAI).replace(microsecond=0)
    scrape = Run(registry, content_dir, log or sys.stderr, moment)
    limits = concurrency or Concurrency()
    shared = fetcher.sharing(Slots(limits))

    def read(source: Source) -> Iterable[Entry]:
        return READERS[source.kind](source, shared.limited(**source.fetch_limits))

    sources_read = ahead.ahead(sources, read, limits.sources_at_once)
    bar = tqdm(
        sources_read, total=len(sources), desc="来源", unit="个", disable=not progress, file=scrape.log, leave=False
    )
    for source, entries in bar:
        scrape.source(source, entries, progress)
        scrape.ledger.save()  # after each source: a run killed later still remembers what it wrote
        scrape.stories.save()
    return scrape.report


def summary(report: RunReport) -> str:
    rows = [["来源", *COLUMNS, "状态"]]
    for result in report.sources:
        state = f"来源失败：{result.failure}" if result.failure else ("有条目出错" if result.errors else "正常")
        rows.append([result.source.id, *(str(result.counts[c]) for c in COLUMNS), state])
    totals: Counter[str] = Counter()
    for result in report.sources:
        totals.update(result.counts)
    rows.append(["合计", *(str(totals[c]) for c in COLUMNS), "正常" if report.ok else "有错误"])
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)) for row in rows)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
