"""Every JIUYE_* setting and every URL the plugins write, in one place.

Settings are given in pelicanconf.py (or with `pelican -e NAME=value`). `configure` reads and
checks each once, at `initialized`, and fills in its default, so plugins read `settings[NAME]`
with no default of their own; a value of the wrong type stops the build with a SettingError
naming the setting. (JIUYE_SITEURL is no setting: publishconf.py reads SITEURL from that
environment variable.)

URLs: Pelican's own settings place each news item (ARTICLE_URL, ARTICLE_SAVE_AS: "news/{slug}/"),
the pages (PAGE_URL) and the search page (SEARCH_URL, a direct template) in pelicanconf.py.
Everything else the plugins write is in `URLS`: a URL pattern and the file it is saved as, in
the style of those settings ({slug} and the like filled in). Templates read it as `urls`
(`urls.province.url(slug=p.slug)`), so no template spells a path the plugins write.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from jiuye import dates
from jiuye.campaigns import Registry

# The lunr.js that `npm ci` installs into this repository (4 folders up from this plugin).
DEFAULT_LUNR = Path(__file__).resolve().parents[4] / "node_modules" / "lunr" / "lunr.min.js"


class SettingError(ValueError):
    """A JIUYE_* setting that cannot be used; the message names it and says what it must be."""


@dataclass(frozen=True)
class Setting:
    """A setting given in pelicanconf.py: its name, its default and the type its value must have."""

    name: str
    default: object
    types: tuple[type, ...]
    expected: str  # what the value must be, in the error message
    minimum: int | None = None

    def read(self, settings: Mapping) -> object:
        """The given value, or the default; SettingError when it is of the wrong type."""
        value = settings.get(self.name, self.default)
        if value is None and self.default is None:
            return None
        wrong_type = not isinstance(value, self.types) or (isinstance(value, bool) and bool not in self.types)
        if wrong_type or (self.minimum is not None and value < self.minimum):
            raise SettingError(f"{self.name} must be {self.expected}, not {type(value).__name__} {value!r}")
        return value

    def of(self, settings: Mapping) -> object:
        """The value `configure` checked (or its default)."""
        return settings[self.name]


# The campaign registry, relative to PATH.
CAMPAIGNS_FILE = Setting("JIUYE_CAMPAIGNS_FILE", "campaigns.yaml", (str, os.PathLike), "a path inside PATH (str)")
# The moment the build counts as "now" (open jobs, upcoming fairs), an ISO date-time; also read
# from the environment variable of the same name, then from SOURCE_DATE_EPOCH (seconds since
# 1970, the reproducible-builds convention); the setting wins; default: the clock.
NOW = Setting("JIUYE_NOW", None, (str,), "an ISO date-time (str), such as '2026-11-23 12:00:00+08:00'")
# Characters of each item's body the search index holds (benchmarks/search.py: what more costs, and finds).
SEARCH_BODY_CHARS = Setting("JIUYE_SEARCH_BODY_CHARS", 200, (int,), "a number of characters (int ≥ 0)", minimum=0)
# The lunr.js copied beside the theme's scripts for the search page.
LUNR_JS = Setting("JIUYE_LUNR_JS", DEFAULT_LUNR, (str, os.PathLike), "the path of lunr.min.js (str)")
# How long a job without Valid_through stays open after it was posted, in days.
JOB_MAX_AGE_DAYS = Setting("JIUYE_JOB_MAX_AGE_DAYS", 60, (int,), "a number of days (int ≥ 1)", minimum=1)
GIVEN = (CAMPAIGNS_FILE, NOW, SEARCH_BODY_CHARS, LUNR_JS, JOB_MAX_AGE_DAYS)

# Set by `configure` for every plugin to read (a value given for them is replaced):
CAMPAIGNS = "JIUYE_CAMPAIGNS"  # the jiuye.campaigns.Registry read from JIUYE_CAMPAIGNS_FILE
BUILD_TIME = "JIUYE_BUILD_TIME"  # JIUYE_NOW (or SOURCE_DATE_EPOCH) as an aware datetime, else the clock
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"  # an environment variable only


def configure(settings: dict) -> None:
    """Check every given setting and fill in the defaults; then load the campaign registry and fix
    the build time, once, for every plugin to read."""
    for setting in GIVEN:
        settings[setting.name] = setting.read(settings)
    given = settings[NOW.name] or os.environ.get(NOW.name)
    settings[BUILD_TIME] = _build_time(given, os.environ.get(SOURCE_DATE_EPOCH))
    path = Path(settings["PATH"]) / settings[CAMPAIGNS_FILE.name]
    if not path.is_file():
        raise SettingError(f"{CAMPAIGNS_FILE.name} must be {CAMPAIGNS_FILE.expected}: there is no file {path}")
    settings[CAMPAIGNS] = Registry.from_yaml(path.read_text(encoding="utf-8"), str(path))


def _build_time(given: str | None, epoch: str | None) -> datetime:
    """The one "now" of a build: JIUYE_NOW, else SOURCE_DATE_EPOCH, else the clock."""
    clock = datetime.now(dates.SHANGHAI)
    if given:
        try:
            return dates.parse(given, clock).astimezone(dates.SHANGHAI)
        except ValueError as error:
            raise SettingError(f"{NOW.name} must be {NOW.expected}: {error}") from error
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), dates.SHANGHAI)
        except (ValueError, OverflowError, OSError) as error:
            raise SettingError(f"{SOURCE_DATE_EPOCH} must be whole seconds since 1970: {epoch!r}") from error
    return clock


def build_time(settings: Mapping) -> datetime:
    return settings[BUILD_TIME]


def job_max_age(settings: Mapping) -> timedelta:
    return timedelta(days=JOB_MAX_AGE_DAYS.of(settings))


def campaigns(settings: Mapping) -> Registry:
    return settings[CAMPAIGNS]


@dataclass(frozen=True)
class Route:
    """A URL pattern and the pattern of the file it is saved as; fields filled in by str.format."""

    url_pattern: str
    save_as_pattern: str

    def url(self, **fields: str) -> str:
        return self.url_pattern.format(**fields)

    def save_as(self, **fields: str) -> str:
        return self.save_as_pattern.format(**fields)


def page(url: str) -> Route:
    """A page at a folder URL, saved as that folder's index.html."""
    return Route(url, f"{url}index.html")


def file(url: str) -> Route:
    """A file (feed, calendar, script) saved where its URL says."""
    return Route(url, url)


@dataclass(frozen=True)
class Filtered:
    """A listing and its pre-rendered filter pages: the base URL, then the part of each filter
    given, in the order of `parts` (jobs/hubei/group/canjiren/). A filter given as None or "" is left out."""

    base: str
    parts: tuple[tuple[str, str], ...]  # (filter, its URL part)

    def url(self, **filters: str | None) -> str:
        unknown = set(filters) - {name for name, _ in self.parts}
        if unknown:
            raise TypeError(f"{self.base}: no filter {', '.join(sorted(unknown))}")
        given = [part.format(**{name: filters[name]}) for name, part in self.parts if filters.get(name)]
        return self.base + "".join(given)

    def save_as(self, **filters: str | None) -> str:
        return f"{self.url(**filters)}index.html"


@dataclass(frozen=True)
class Urls:
    """Every page and file the plugins write (DESIGN.md: URLs); pinyin slugs, months as YYYY-MM."""

    news: Route = page("news/")  # all news, newest first; each item at ARTICLE_URL
    news_feed: Route = file("news/atom.xml")
    provinces: Route = page("province/")
    province: Route = page("province/{slug}/")  # a province's news, open jobs and upcoming fairs
    province_feed: Route = file("province/{slug}/atom.xml")
    campaigns: Route = page("campaign/")
    campaign: Route = page("campaign/{slug}/")
    campaign_feed: Route = file("campaign/{slug}/atom.xml")
    job: Route = page("jobs/{slug}/")  # a job (its slug is its id)
    jobs: Filtered = Filtered(
        "jobs/", (("province", "{province}/"), ("group", "group/{group}/"), ("education", "edu/{education}/"))
    )
    province_jobs_feed: Route = file("jobs/{slug}/atom.xml")  # a province's new open jobs
    fair: Route = page("fairs/{slug}/")
    fair_calendar: Route = file("fairs/{slug}/event.ics")  # one fair, to add to a calendar
    fairs: Filtered = Filtered("fairs/", (("province", "{province}/"), ("month", "{month}/"), ("mode", "{mode}/")))
    fairs_calendar: Route = file("fairs/all.ics")
    province_fairs_calendar: Route = file("fairs/{slug}.ics")
    search_index: Route = Route("search/i/", "search/i/")  # a folder: its layout in jiuye_search/index.py
    lunr_js: Route = file("{theme}/js/lunr.min.js")  # theme: THEME_STATIC_DIR
    open_data: Route = page("data/")  # what the data files hold, field by field
    jobs_json: Route = file("data/jobs.json")  # open jobs
    fairs_json: Route = file("data/fairs.json")  # fairs not yet over
    jobs_csv: Route = file("data/{slug}/jobs.csv")  # a province's open jobs
    fairs_csv: Route = file("data/{slug}/fairs.csv")
    sitemap: Route = file("sitemap.xml")  # past 50,000 pages the index of sitemap-<n>.xml
    sitemap_part: Route = file("sitemap-{number}.xml")
    robots: Route = file("robots.txt")
    service_worker: Route = file("sw.js")  # at the root: a worker's scope is its folder and below


URLS = Urls()
