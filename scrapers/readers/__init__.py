"""One reader per source kind. A reader yields Items, and ItemErrors for items it cannot read;
it raises SourceError when the whole source is unusable."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from scrapers.fetch import Fetcher
from scrapers.item import Item, ItemError
from scrapers.readers import feed, posts
from scrapers.sources import Source

Reader = Callable[[Source, Fetcher], Iterable[Item | ItemError]]

READERS: dict[str, Reader] = {
    "feed": feed.read,
    "posts": posts.read,
}
