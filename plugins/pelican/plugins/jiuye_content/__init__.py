"""Reads each content file's front matter once into its typed item (`article.item`, jiuye.model,
by jiuye.schema's parsers), which every other plugin and template reads; makes every value safe
to print.

- A field that fails validation is logged with file, field and value and left out; an item whose
  kind or required field fails is logged and left out of the site (one file never stops a build).
- Characters no XML output can carry are dropped from every text; the body is sanitised (the one
  value templates print unescaped, with |safe); URLs are normalised by `jiuye.urls`; the summary
  is plain text (`summary_text`), and its escaped form is what feeds carry.
- Templates get the `json_ld` filter (data serialised for <script type="application/ld+json">),
  the `excerpt` filter (jiuye.excerpt), `urls`, every URL the plugins write (settings.py, which
  also names every JIUYE_* setting), and `once`, which renders a list entry once per build
  (fragments.py).
- Markdown files are read with one Markdown instance per build (reader.py), not one per file;
  what the generators read is kept out of garbage collection as it is read (collector.py); each
  file's content hash is worked out once per build (stamps.py).
"""

from __future__ import annotations

import html
import logging
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.contents import Article, Page
from pelican.urlwrappers import URLWrapper

from jiuye import clean_text, model, schema
from jiuye.excerpt import excerpt
from jiuye.sanitise import inert_placeholders, json_for_script, printable, sanitise
from pelican.plugins.jiuye_content import collector, fragments, reader, settings, stamps
from pelican.plugins.jiuye_content.settings import URLS

logger = logging.getLogger(__name__)
PELICAN_INTERNAL = {"reader"}
SCRAPED = "scraped/"  # under PATH: what the scrapers wrote
# Kinds other than news live under their own URL and template (news: ARTICLE_URL).
KIND_PAGES = {schema.JOB: (URLS.job, "job"), schema.FAIR: (URLS.fair, "fair")}


def initialise(pelican) -> None:
    """Check every JIUYE_* setting, load the campaign registry and fix the build time, once
    (settings.configure); give templates the json_ld filter and the URLs."""
    settings.configure(pelican.settings)
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters["json_ld"] = json_ld_filter
    filters["excerpt"] = excerpt  # {{ text|excerpt(90) }}: whole sentences or clauses, then "…"
    pelican.settings.setdefault("JINJA_GLOBALS", {})["urls"] = URLS


def json_ld_filter(data: object) -> Markup:
    """{{ data|json_ld }} inside <script type="application/ld+json">: inert, so marked safe."""
    return Markup(json_for_script(data))


def absolute_root(settings: dict) -> str:
    """Where the site lives, for URLs that must be absolute (JSON-LD, .ics): SITEURL, else FEED_DOMAIN."""
    return (settings.get("SITEURL") or settings.get("FEED_DOMAIN") or "").rstrip("/")


def write_file(path: Path, data: bytes) -> None:
    """A file a generator writes beside Pelican's pages (calendars, data files) into the build's
    output; publishing/ keeps the live times of files whose bytes did not change."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _raw_metadata(article: Article) -> dict[str, str | datetime]:
    """The metadata as written, as strings, and the dates Pelican has parsed."""
    raw = {}
    for key, value in article.metadata.items():
        if key in PELICAN_INTERNAL:
            continue
        if isinstance(value, list) and key not in schema.LIST_FIELDS:
            value = value[-1]  # a field written twice: reported by _validate
        if key in ("date", "modified"):
            raw[key] = value  # Pelican parsed it already (and rejects a bad one itself)
            continue
        if key == "category":
            value = value.name
        elif key in ("tags", "authors"):
            value = ", ".join(v.name for v in value)
        elif key == "author":
            value = value.name
        raw[key] = str(value)
    return raw


def _printable_metadata(content: Article | Page) -> None:
    """Every text value without the characters that would make a feed unwritable."""
    for key, value in list(content.metadata.items()):
        if isinstance(value, str):
            content.metadata[key] = printable(value)
            if key in vars(content):
                setattr(content, key, content.metadata[key])
        elif isinstance(value, URLWrapper):
            value.name = printable(value.name)
        elif isinstance(value, list):
            for wrapper in value:
                if isinstance(wrapper, URLWrapper):
                    wrapper.name = printable(wrapper.name)


def _drop(article: Article, key: str) -> None:
    article.metadata.pop(key, None)
    if key in vars(article):
        delattr(article, key)


def _read(article: Article) -> dict:
    """The typed values of the valid fields. Every problem is logged; bad optional fields are left
    out, and the item is marked rejected when it cannot stand."""
    registry = settings.campaigns(article.settings)
    raw = _raw_metadata(article)
    kind = schema.kind_of(raw)
    repeated = [
        schema.Problem(key, str(len(value)), "字段重复出现 (field given more than once)")
        for key, value in article.metadata.items()
        if isinstance(value, list) and key not in schema.LIST_FIELDS
    ]
    values, problems = schema.read(raw, schema.Rules(registry, settings.build_time(article.settings)))
    for problem in repeated + problems:
        fatal = schema.is_fatal(problem, kind) or problem in repeated
        logger.error(
            "%s: 字段 %s = %r: %s%s",
            article.source_path,
            problem.field,
            problem.value[:200],
            problem.reason,
            "；该条目未发布" if fatal else "；已忽略该字段",
        )
        if fatal:
            article.rejected = True
        else:
            _drop(article, problem.field)
    for key in schema.URL_FIELDS:
        if key in values:  # normalised by its parser
            article.metadata[key] = values[key]
            setattr(article, key, values[key])
    return values


def prepare(content: object) -> None:
    if not isinstance(content, Article | Page):
        return
    _printable_metadata(content)
    content._content = sanitise(content._content or "")
    if content.relative_source_path.startswith(SCRAPED):
        # Pelican fills {filename}/{static} placeholders after this; strangers' text gets none.
        content._content = inert_placeholders(content._content)
    if not isinstance(content, Article):
        return
    article = content
    article.rejected = False
    values = _read(article)
    if article.rejected:
        return  # left out of the site by drop_rejected
    article.item = model.item(values, article.date, article.slug)
    article.kind = article.item.kind
    # The summary is text: shown escaped on pages; feeds carry it as the HTML of that text.
    article.summary_text = article.item.summary
    if article.summary_text:
        article.metadata["summary"] = html.escape(article.summary_text, quote=False)
    if article.kind in KIND_PAGES and article.status != "draft":  # a draft stays at DRAFT_URL, as news
        route, template = KIND_PAGES[article.kind]
        article.override_url = route.url(slug=article.slug)
        article.override_save_as = route.save_as(slug=article.slug)
        article.template = template
    else:  # Pelican formats the URL from its pattern on every read; lists, feeds and search read it often
        article.override_url, article.override_save_as = article.url, article.save_as


def body_lines(content: Article | Page) -> list[str]:
    """The text of the sanitised body, a line per block (jiuye.clean_text: html_text's lines, read
    without a tree), read once per build for every plugin that reads it (figures, search)."""
    if "body_lines" not in vars(content):
        content.body_lines = clean_text.lines(content._content or "")
    return content.body_lines


def drop_rejected(generator) -> None:
    """Items that cannot stand (bad placement or required field) are named in the log and not built."""
    for name in ("articles", "translations", "hidden_articles", "hidden_translations", "drafts", "drafts_translations"):
        setattr(generator, name, [a for a in getattr(generator, name) if not getattr(a, "rejected", False)])
    # Nor is a left-out item the target of another's {filename} link.
    generated = generator.context.get("generated_content", {})
    for path in [p for p, content in generated.items() if getattr(content, "rejected", False)]:
        del generated[path]


def merge_syndicated(generator) -> None:
    """A story other outlets repeat is one page: each repeat (Same_as) leaves the listings, its
    source is named on the first one's page as 另见, and its own page (still at its address)
    points there. A repeat whose first one is not on the site stands alone."""
    by_slug = {a.slug: a for a in generator.articles}
    for article in generator.articles:
        article.also = []
    repeats = []
    for article in generator.articles:
        same_as = getattr(article.item, "same_as", None)  # news only
        first = by_slug.get(same_as) if same_as else None
        if first is not None and first is not article and not getattr(first.item, "same_as", None):
            first.also.append(article)
            article.repeats = first
            repeats.append(article)
    generator.articles = [a for a in generator.articles if a not in repeats]
    generator.hidden_articles.extend(repeats)


def by_province(articles: list) -> dict[str, list]:
    """The articles of each province (by code), in the order given; items without one are left out."""
    grouped = defaultdict(list)
    for article in articles:
        if article.item.province:
            grouped[article.item.province.code].append(article)
    return dict(grouped)


def reject(article: Article, articles: list, error: Exception) -> None:
    """A later plugin could not read an item: name it, and take it out of the site."""
    logger.error("%s: 无法处理（%s: %s）；该条目未发布", article.source_path, type(error).__name__, error)
    article.rejected = True
    if article in articles:
        articles.remove(article)


def register() -> None:
    signals.initialized.connect(initialise)
    signals.readers_init.connect(reader.install)
    signals.article_generator_init.connect(stamps.share)
    signals.page_generator_init.connect(stamps.share)
    signals.all_generators_finalized.connect(collector.freeze)
    signals.finalized.connect(collector.unfreeze)
    signals.generator_init.connect(fragments.install)
    signals.content_object_init.connect(prepare)
    signals.content_object_init.connect(collector.freeze)  # after prepare: what it made too
    signals.article_generator_pretaxonomy.connect(drop_rejected)
    signals.article_generator_pretaxonomy.connect(merge_syndicated)
