"""Which shard of a sharded build writes each output file (`invoke build --shards N`).

Shard 0 is national: the home page, national listings and feeds, the search index, the sitemap,
every file not placed elsewhere. A province's pages (/province/hubei/, /jobs/hubei/…, /fairs/hubei/…,
/fairs/hubei.ics) are one province shard's, the provinces dealt round the shards 1 … N-1 in code
order; each item's own page (/news/<slug>/, /jobs/<id>/, /fairs/<slug>/) goes to a province shard
by a stable hash of its slug, which spreads the items evenly. Every shard reads the whole site, so
each file it writes is the file a single build writes; together the shards write each file once.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache

from jiuye import regions

ITEM_FOLDERS = ("news", "jobs", "fairs")
_LISTING_PARTS = re.compile(r"^(?:page|group|edu|online|offline|mixed|all\.ics|atom\.xml|index\.html|\d{4}-\d{2})$")


@dataclass(frozen=True)
class Shard:
    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """"2/5": the third of five shards."""
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if not match or not int(match.group(1)) < int(match.group(2)):
            raise ValueError(f"a shard is written index/count with 0 ≤ index < count, such as 0/4: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    def owns(self, path: str) -> bool:
        return shard_of(path, self.count) == self.index


@cache
def _province_order() -> dict[str, int]:
    return {p.slug: number for number, p in enumerate(sorted(regions.provinces(), key=lambda p: p.code))}


def shard_of(path: str, count: int) -> int:
    """The shard that writes the output file at `path` (relative to the output folder)."""
    if count == 1:
        return 0
    parts = path.replace("\\", "/").strip("/").split("/")
    provinces = _province_order()
    head = parts[0]
    second = parts[1].removesuffix(".ics") if len(parts) > 1 else ""
    if head == "province" and second in provinces or head in ("jobs", "fairs") and second in provinces:
        return 1 + provinces[second] % (count - 1)
    if head in ITEM_FOLDERS and len(parts) > 2 and not _LISTING_PARTS.match(second):
        return 1 + zlib.crc32(second.encode("utf-8")) % (count - 1)
    return 0
