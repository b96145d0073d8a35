"""Pelican settings for local builds: `invoke build` / `make demo`."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

AUTHOR = "jiuye"
SITENAME = "就业援助活动网"
SITESUBTITLE = "就业援助、春风行动、招聘会等公共就业服务活动信息汇总"
SITEURL = ""
FEED_DOMAIN = "http://127.0.0.1:8000"  # feeds need absolute links; publishconf sets the real one
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
THEME = "theme"
# Every template escapes by default; the sanitised body is the one value printed with |safe.
JINJA_ENVIRONMENT = {"autoescape": True}
# Summaries are plain text (not Markdown, whose raw-HTML passthrough would make them markup).
FORMATTED_FIELDS: list[str] = []

# Installed with the project (pyproject.toml): plugins/pelican/plugins/jiuye_*.
PLUGINS = [
    f"pelican.plugins.jiuye_{name}"
    for name in ("content", "taxonomy", "jobs", "fairs", "overview", "search", "opendata", "offline", "pages", "shards")
]
# The plugins' own JIUYE_* settings, their defaults, and every URL they write (beside the news and
# page URLs below): plugins/pelican/plugins/jiuye_content/settings.py.

# Editors write under content/news/ (and pages under content/pages/); scrapers under content/scraped/.
ARTICLE_PATHS = ["news", "jobs", "fairs", "scraped/news", "scraped/jobs", "scraped/fairs"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
SLUGIFY_SOURCE = "basename"
# Category tells the kind (新闻 / 岗位 / 招聘会); an editor's file without one is news.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_METADATA = {"category": "新闻"}
ARTICLE_URL = "news/{slug}/"
ARTICLE_SAVE_AS = "news/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"

# Provinces and campaigns replace Pelican's categories, tags, authors and archives.
DIRECT_TEMPLATES = ["index", "search"]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
# Drafts (Status: draft) are built for preview here, and never in publishconf.py.
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"

DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"province": None, "campaign": None, "news_index": None, "jobs": 30}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{url}page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Feeds per kind are written by the plugins: /news/atom.xml, /province/<p>/atom.xml, /jobs/<p>/atom.xml …
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 50

# Incremental rebuilds: Pelican re-reads only files whose bytes changed (a SHA-256 of each, not its
# mtime: a copy or checkout that keeps mtimes cannot fool it). The cache pickles objects of our own
# and of Pelican's classes, so it is kept per version of the code and settings that made them:
# another version reads afresh (a stale pickle would otherwise fail to load, or load into changed
# classes). publishconf.py keeps its own.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha256"
_HERE = Path(__file__).parent
_CODE = sorted(p for folder in ("jiuye", "plugins") for p in _HERE.joinpath(folder).rglob("*.py"))
_CODE.append(_HERE / "pelicanconf.py")
_VERSIONS = " ".join(version(name) for name in ("pelican", "markdown")).encode()
_CODE_DIGEST = hashlib.sha256(b"".join(p.read_bytes() for p in _CODE) + _VERSIONS).hexdigest()
CACHE_PATH = f".cache/pelican-{_CODE_DIGEST[:12]}"

RELATIVE_URLS = False
