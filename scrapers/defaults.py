"""A source's defaults merged with what an item names: one rule for news, jobs and fairs.

The source's province is the province of a job or fair that names none, and the first province of
a news item; the source's campaigns come first, then the campaigns the item names, each once.
Both defaults are objects already, resolved when sources.toml was loaded (scrapers/sources.py).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from jiuye import job_terms, regions
from jiuye.campaigns import Campaign
from scrapers.sources import Source

T = TypeVar("T", bound=Hashable)


def _once(*groups: Iterable[T]) -> list[T]:
    """Every value of the groups, in order, each once."""
    return list(dict.fromkeys(value for group in groups for value in group))


def provinces(source: Source, found: Iterable[regions.Province]) -> list[regions.Province]:
    """A news item's provinces: the source's first, then those its text is about."""
    return _once([source.province] if source.province else [], found)


def place(source: Source, found: job_terms.Place | None) -> job_terms.Place | None:
    """Where a job or fair is: the place it names, else the source's province."""
    if found is not None or source.province is None:
        return found
    # Through jiuye.job_terms.location, whose rule makes a municipality (北京市) its own city.
    return job_terms.location(source.province.name)


def campaigns(source: Source, *found: Iterable[Campaign]) -> list[Campaign]:
    """The source's campaigns, then those the item names or lists, each once."""
    return _once(source.campaigns, *found)
