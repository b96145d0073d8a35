"""One reader per source kind. A reader yields Items (news), RawJobs, RawFairs, Problems for
entries it cannot read and SourceWarnings for what the run should report of the source; it
raises SourceError when the whole source is unusable."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from jiuye.schema import Problem
from scrapers.fetch import Fetcher
from scrapers.item import Item, RawFair, RawJob, SourceWarning
from scrapers.readers import fairs_feed, fairs_ics, feed, jobs_feed, jobs_jsonld, jobs_table, jobs_xml, posts
from scrapers.sources import Source

Reader = Callable[[Source, Fetcher], Iterable[Item | RawJob | RawFair | Problem | SourceWarning]]

READERS: dict[str, Reader] = {
    "feed": feed.read,
    "posts": posts.read,
    "jobs-jsonld": jobs_jsonld.read,
    "jobs-xml": jobs_xml.read,
    "jobs-csv": jobs_table.read_csv,
    "jobs-json": jobs_table.read_json,
    "jobs-feed": jobs_feed.read,
    "fairs-ics": fairs_ics.read,
    "fairs-feed": fairs_feed.read,
}
