"""The open-data files, their documentation page, robots.txt and, once every page is written,
the sitemap (URLs: jiuye_content/settings.py, URLS).

What is open is what the site lists as open: the jobs generator's `open_jobs` (Job.expired) and
the fairs generator's `upcoming_fairs` (Fair.is_over), by the build's now; each record is the
item's JSON-LD (records.py). Files are written whole, in a stable order (jobs newest first, fairs
soonest first, ties by id), so the same content and JIUYE_NOW give the same bytes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from jiuye import regions
from pelican.plugins.jiuye_content import absolute_root, settings, write_file
from pelican.plugins.jiuye_content.fragments import SHOWN
from pelican.plugins.jiuye_content.settings import URLS
from pelican.plugins.jiuye_opendata import records, sitemap
from pelican.plugins.jiuye_opendata.csv_file import csv_bytes
from pelican.plugins.jiuye_shards import owns, shard

# Where the data comes from and how to credit it; no licence of its own is claimed over others' postings.
SOURCE_NOTE = (
    "本站汇总各地人力资源社会保障部门等公开发布的岗位与招聘会信息，使用时请注明来源（本站及原发布单位）；"
    "信息以原发布单位为准，报名前请向招聘方核实。"
)


@dataclass(frozen=True)
class ProvinceFiles:
    """A province's CSV files (URLs, which are also their paths under the output) and their rows."""

    province: regions.Province
    jobs_url: str
    jobs: int
    fairs_url: str
    fairs: int


def _by_province(located: list[tuple[str, dict]]) -> dict[str, list[dict]]:
    """The records of each province (by code), in the order given."""
    grouped = defaultdict(list)
    for code, record in located:
        grouped[code].append(record)
    return grouped


def sitemap_files(pages: list[sitemap.Entry], root: str) -> dict[str, bytes]:
    """sitemap.xml (and its parts past 50,000 URLs), by path."""
    return sitemap.sitemaps(pages, root, URLS.sitemap.save_as(), URLS.sitemap_part.save_as_pattern)


class OpenDataGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pages: list[sitemap.Entry] = []
        self.root = absolute_root(self.settings)
        # Held by this generator, which Pelican keeps for the whole run: every page it writes.
        signals.content_written.connect(self.collect)
        signals.finalized.connect(self.write_sitemap)

    def collect(self, path: str, context: dict) -> None:
        """A page just written: its URL and lastmod; the list of what it showed is emptied for the next."""
        listed = context.get(SHOWN, [])
        own = sitemap.own_content(context)
        if sitemap.indexed(own):
            when = sitemap.lastmod(own, listed)
            self.pages.append(sitemap.Entry(sitemap.page_url(self.root, context["output_file"]), when))
        listed.clear()

    def write_sitemap(self, pelican) -> None:
        signals.content_written.disconnect(self.collect)
        signals.finalized.disconnect(self.write_sitemap)
        if shard(self.settings):  # one shard's pages: the merge writes the sitemap of all
            write_file(Path(self.output_path) / sitemap.SHARD_ENTRIES, sitemap.entries_json(self.pages, self.root))
            return
        for name, data in sitemap_files(self.pages, self.root).items():
            write_file(Path(self.output_path) / name, data)

    def generate_context(self) -> None:
        self.context[SHOWN] = []  # shared by every page's context: filled by `once` as a page renders
        jobs = sorted(self.context.get("open_jobs", []), key=lambda a: a.slug)
        jobs.sort(key=lambda a: a.date, reverse=True)
        fairs = sorted(self.context.get("upcoming_fairs", []), key=lambda a: (a.fair.first_day, a.slug))
        self.jobs = [(a.item.province.code, records.job_record(a.job_json_ld)) for a in jobs]
        self.fairs = [(a.item.province.code, records.fair_record(a.fair_json_ld)) for a in fairs]

    def _feed(self, name: str, route, elements: list[dict]) -> bytes:
        """A schema.org DataFeed: the build's date, where the data comes from, and the records."""
        data = {
            "@context": "https://schema.org",
            "@type": "DataFeed",
            "name": f"{self.settings['SITENAME']} · {name}",
            "url": f"{self.root}/{route.url()}",
            "dateModified": settings.build_time(self.settings).isoformat(),
            "description": SOURCE_NOTE,
            "dataFeedElement": elements,
        }
        # Compact: json's C encoder runs only without indent (indent=1 took 1.8 s of a 5,000-job build).
        return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()

    def generate_output(self, writer) -> None:
        if not owns(self.settings, URLS.jobs_json.save_as()):
            return  # /data/ and robots.txt are national: the other shards of a sharded build skip them
        output = Path(self.output_path)
        feeds = (("在招岗位", URLS.jobs_json, self.jobs), ("未结束的招聘会", URLS.fairs_json, self.fairs))
        for name, route, listed in feeds:
            write_file(output / route.save_as(), self._feed(name, route, [record for _, record in listed]))
        jobs_in, fairs_in = _by_province(self.jobs), _by_province(self.fairs)
        province_files = []
        for province in regions.provinces():  # every province has its files, with or without rows
            jobs, fairs = jobs_in.get(province.code, []), fairs_in.get(province.code, [])
            files = ProvinceFiles(province, URLS.jobs_csv.url(slug=province.slug), len(jobs),
                                  URLS.fairs_csv.url(slug=province.slug), len(fairs))  # fmt: skip
            write_file(output / files.jobs_url, csv_bytes(records.JOB_FIELDS, jobs))
            write_file(output / files.fairs_url, csv_bytes(records.FAIR_FIELDS, fairs))
            province_files.append(files)
        writer.write_file(
            URLS.open_data.save_as(),
            self.get_template("opendata"),
            self.context,
            province_files=province_files,
            job_fields=records.JOB_FIELDS,
            fair_fields=records.FAIR_FIELDS,
            job_count=len(self.jobs),
            fair_count=len(self.fairs),
            source_note=SOURCE_NOTE,
        )
        write_file(output / URLS.robots.save_as(), sitemap.robots(f"{self.root}/{URLS.sitemap.url()}"))
