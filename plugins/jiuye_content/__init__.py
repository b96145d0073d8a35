"""Reads jiuye metadata into content objects: validates every item against `jiuye.schema`,
resolves provinces and campaigns, and sanitises item HTML.

A field that fails validation is logged with file, field and value; the item is still built
without the bad value (one editor's typo never stops a build).
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from pelican import signals
from pelican.contents import Article

from jiuye import dates, regions, schema
from jiuye.campaigns import Registry
from jiuye.sanitise import sanitise

logger = logging.getLogger(__name__)
REGISTRY_SETTING = "JIUYE_CAMPAIGNS"
# The moment the build counts as "now" (open jobs, upcoming fairs): the JIUYE_NOW setting or
# environment variable (ISO date-time) when given, else the clock.
NOW_SETTING = "JIUYE_NOW"
BUILD_TIME_SETTING = "JIUYE_BUILD_TIME"
PELICAN_INTERNAL = {"reader"}
# Kinds other than news live under their own URL and template (DESIGN.md: /jobs/<id>/, /fairs/<id>/).
KIND_PAGES = {schema.JOB: ("jobs", "job"), schema.FAIR: ("fairs", "fair")}


def initialise(pelican) -> None:
    """Load content/campaigns.yaml and fix the build time once; other plugins read both from settings."""
    override = pelican.settings.get(NOW_SETTING) or os.environ.get(NOW_SETTING)
    pelican.settings[BUILD_TIME_SETTING] = dates.parse(override) if override else datetime.now(dates.SHANGHAI)
    path = Path(pelican.settings["PATH"]) / pelican.settings.get("JIUYE_CAMPAIGNS_FILE", "campaigns.yaml")
    pelican.settings[REGISTRY_SETTING] = Registry.from_yaml(path.read_text(encoding="utf-8"), str(path))


def absolute_root(settings: dict) -> str:
    """Where the site lives, for URLs that must be absolute (JSON-LD, .ics): SITEURL, else FEED_DOMAIN."""
    return (settings.get("SITEURL") or settings.get("FEED_DOMAIN") or "").rstrip("/")


def _raw_metadata(article: Article) -> dict[str, str]:
    """The metadata as written, as strings (Pelican has already parsed some fields)."""
    raw = {}
    for key, value in article.metadata.items():
        if key in PELICAN_INTERNAL:
            continue
        if key in ("date", "modified"):
            value = value.isoformat()  # Pelican parsed it already, and rejects a bad one itself
        elif key == "category":
            value = value.name
        elif key in ("tags", "authors"):
            value = ", ".join(v.name for v in value)
        elif key == "author":
            value = value.name
        raw[key] = str(value)
    return raw


def prepare(article: object) -> None:
    if not isinstance(article, Article):
        return
    registry: Registry = article.settings[REGISTRY_SETTING]
    for problem in schema.validate(_raw_metadata(article), registry):
        logger.error("%s: 字段 %s = %r: %s", article.source_path, problem.field, problem.value, problem.reason)
    meta = article.metadata
    category = getattr(article, "category", None)
    article.kind = category.name if category else schema.NEWS
    province_names = schema.split_list(meta.get("provinces", meta.get("province", "")))
    article.province_list = [p for name in province_names if (p := regions.find_province(name))]
    article.campaign_list = [c for name in schema.split_list(meta.get("campaigns", "")) if (c := registry.find(name))]
    if article.kind in KIND_PAGES:
        folder, template = KIND_PAGES[article.kind]
        article.override_url = f"{folder}/{article.slug}/"
        article.override_save_as = f"{folder}/{article.slug}/index.html"
        article.template = template
    article._content = sanitise(article._content)


def register() -> None:
    signals.initialized.connect(initialise)
    signals.content_object_init.connect(prepare)
