"""Open data and discovery.

- /data/jobs.json and /data/fairs.json: the open jobs and the fairs not yet over, as schema.org
  DataFeeds of JobPosting and Event records (the JSON-LD of each item's page; records.py)
- /data/<province>/jobs.csv and fairs.csv: the same records by province, for spreadsheets
  (csv_file.py: UTF-8 with BOM, formula-safe cells)
- /data/: the documentation page of those files and every field (template opendata.html)
- /sitemap.xml (an index over sitemap-N.xml past 50,000 URLs) and /robots.txt (sitemap.py)
- the `page_url` filter: a page's absolute URL from its output file, for the canonical link and
  og:url of every page (base.html), the same URL the sitemap lists
"""

from __future__ import annotations

from functools import partial

from pelican import signals
from pelican.generators import Generator

from pelican.plugins.jiuye_content import absolute_root
from pelican.plugins.jiuye_opendata.generator import OpenDataGenerator
from pelican.plugins.jiuye_opendata.sitemap import page_url


def initialise(pelican) -> None:
    filters = pelican.settings.setdefault("JINJA_FILTERS", {})
    filters["page_url"] = partial(page_url, absolute_root(pelican.settings))


def get_generators(pelican) -> type[Generator]:
    return OpenDataGenerator


def register() -> None:
    signals.initialized.connect(initialise)
    signals.get_generators.connect(get_generators)
