"""The search index as a generator: its context step collects the items every other generator has
read (it runs after them), its output step writes the index (URLS.search_index: output/search/i/)
and copies lunr.js (JIUYE_LUNR_JS) to URLS.lunr_js."""

from __future__ import annotations

import logging
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

from pelican.generators import Generator

from jiuye import model
from jiuye.excerpt import excerpt
from jiuye.text import simplified
from pelican.plugins.jiuye_content import body_lines, settings
from pelican.plugins.jiuye_content.settings import LUNR_JS, SEARCH_BODY_CHARS, URLS
from pelican.plugins.jiuye_search.index import KIND_CODES, SearchDoc, build
from pelican.plugins.jiuye_search.lexicon import LexiconBuilder, expand_kinds
from pelican.plugins.jiuye_search.record import Entry, SearchRecord
from pelican.plugins.jiuye_shards import owns

logger = logging.getLogger(__name__)
PROGRESS_FROM = 2000  # show a progress bar on sites at least this large
SNIPPET_CHARS = 90
# How results rank before their scores: what a job seeker can still act on first (open jobs,
# fairs not yet over), then the year's news, then old news, past fairs and closed jobs.
CURRENT, RECENT, PAST = 0, 1, 2
RECENT_NEWS = timedelta(days=365)


def tier(item: model.Item, expired: bool, now: datetime) -> int:
    if isinstance(item, model.Job | model.Fair):
        return PAST if expired else CURRENT
    return RECENT if item.date >= now - RECENT_NEWS else PAST


def document(article, body_chars: int, now: datetime) -> SearchDoc | None:
    kind = KIND_CODES.get(getattr(article, "kind", None))
    if kind is None or not hasattr(article, "item"):
        return None
    item = article.item
    provinces = item.provinces
    summary = item.summary
    body = " ".join(body_lines(article))[:body_chars] if body_chars else ""
    # The kind's own name (新闻 / 岗位 / 招聘会) makes "吉林 招聘会" find a fair titled without the word.
    tags = [item.kind] + [p.name for p in provinces] + [c.name for c in item.campaigns]
    tags += [" ".join(c.name for c in item.cities), " ".join(g.name for g in item.groups)]
    tags += [str(tag) for tag in getattr(article, "tags", [])]
    day = item.date
    expired = False
    if isinstance(item, model.Fair):
        day = item.first_day
        expired = item.is_over(now.date())
        tags += [item.venue, item.organizer]
    if isinstance(item, model.Job):
        expired = article.expired
        tags += [item.employer, item.salary_text]
    snippet = summary or body
    # Indexed in simplified characters (a traditional query is simplified too); an item that names
    # a 双选会 is also found as a 招聘会.
    title, text = simplified(article.title), simplified(" ".join(t for t in tags if t))
    indexed_body = simplified(f"{summary} {body}")
    text = " ".join([text, *expand_kinds(f"{title} {text} {indexed_body}")])
    # Filter terms: province slugs, and a fair's month (YYYY-MM); no tokeniser output looks like either.
    filters = [p.slug for p in provinces] + ([f"{day:%Y-%m}"] if kind == "f" else [])
    return SearchDoc(
        kind=kind,
        provinces=[p.short for p in provinces],
        filters=filters,
        date=f"{day:%Y-%m-%d}",
        title=title,
        shown_title=article.title,
        url=article.url,
        snippet=excerpt(snippet, SNIPPET_CHARS),
        tags=text,
        body=indexed_body,
        expired=expired,
        tier=tier(item, expired, now),
    )


class SearchGenerator(Generator):
    def generate_context(self) -> None:
        body_chars, now = SEARCH_BODY_CHARS.of(self.settings), settings.build_time(self.settings)
        # The index is the national shard's (jiuye_shards): other shards of a sharded build skip it.
        self.writes = owns(self.settings, URLS.search_index.save_as() + "manifest.json")
        articles = self.context.get("articles", []) if self.writes else []
        self.docs = [doc for article in articles if (doc := document(article, body_chars, now))]
        self.words = LexiconBuilder(settings.campaigns(self.settings))
        self.record = SearchRecord(self.settings, self.words)
        self.fields: dict[int, Entry] = {}
        for doc in self.docs:
            self.fields[id(doc)] = entry = self.record.of(doc)
            self.words.words.update(entry[3])

    def generate_output(self, writer) -> None:
        if not self.writes:
            return
        output = Path(self.output_path)
        progress = len(self.docs) >= PROGRESS_FROM and sys.stderr.isatty()
        folder = output / URLS.search_index.save_as()
        stats = build(self.docs, self.words, folder, progress, lambda doc: self.fields[id(doc)][:3])
        self.record.save()
        counts = (stats.documents, stats.shards, stats.total_bytes, stats.seconds)
        logger.info("搜索索引：%d 条，%d 个分片，%d 字节，%.1f 秒", *counts)
        lunr_js = Path(LUNR_JS.of(self.settings))
        if lunr_js.exists():
            target = output / URLS.lunr_js.save_as(theme=self.settings["THEME_STATIC_DIR"])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(lunr_js, target)
        else:
            logger.error("找不到 lunr.js（%s）：请先运行 npm ci；搜索页将无法使用", lunr_js)
