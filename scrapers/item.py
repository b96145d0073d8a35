"""What a reader yields: one item of a source, or the reason one item could not be read.

Whatever a reader yields holds no character that no output can carry (`printable`): control
characters, lone surrogates from JSON escapes, non-characters are gone before anything else runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from jiuye import model, schema, urls
from jiuye.campaigns import Registry
from jiuye.sanitise import printable
from jiuye.schema import Problem, Refused


@dataclass
class Item:
    source_id: str
    item_id: str  # stable within the source: guid, else canonical URL, else hash of title+date
    title: str
    date: datetime | None  # timezone-aware; None: the feed gives none (the run dates it when first seen)
    html: str  # untrusted body HTML, as found
    url: str | None = None  # the original article
    base_url: str | None = None  # what relative links in `html` are relative to
    publisher: str | None = None  # who published it (媒体/机构), if the item says
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.title, self.html = printable(self.title), printable(self.html)
        self.publisher = printable(self.publisher) if self.publisher else None
        self.tags = [printable(tag) for tag in self.tags]


def _printable_fields(fields: dict) -> dict:
    return {
        key: [printable(v) for v in value] if isinstance(value, list) else printable(str(value))
        for key, value in fields.items()
    }


@dataclass
class RawJob:
    """One job posting as a source gave it, under the canonical keys scrapers/jobs.py reads."""

    source_id: str
    row: str  # where in the source: "第 3 行", a page URL, a job's reference number
    fields: dict[str, str | list[str]]
    base_url: str | None = None

    def __post_init__(self) -> None:
        self.fields = _printable_fields(self.fields)


@dataclass
class RawFair:
    """One job fair as a source announced it, under canonical keys (see scrapers/fairs.py)."""

    source_id: str
    row: str
    fields: dict[str, str]
    base_url: str | None = None

    def __post_init__(self) -> None:
        self.fields = _printable_fields(self.fields)


def where(source_id: str, item: str) -> str:
    """Where an entry of a source is, in reports: "[source] 条目 item"."""
    return f"[{source_id}] 条目 {str(item)[:200]}"


def item_problem(source_id: str, item: str, field_name: str, value: str, reason: str) -> Problem:
    """What is wrong with one entry of a source (its id, file name or position)."""
    return Problem(field_name, value, reason, where(source_id, item))


T = TypeVar("T")


def guard(source_id: str, item: str, convert: Callable[..., T], *args: object) -> T | Problem:
    """convert(*args), or the report of whatever it raised: one bad entry never ends its source."""
    try:
        return convert(*args)
    except Refused as refused:
        return refused.problem.at(where(source_id, item))
    except Exception as error:  # any exception: a reader must not die of one entry
        return item_problem(source_id, item, "(读取)", "", f"{type(error).__name__}: {error}")


def refuse(field_name: str, value: str, reason: str) -> Refused:
    """The exception for a field an item cannot do without."""
    return Refused(Problem(field_name, value[:200], reason))


@dataclass
class Normalised:
    """A job, fair or news item ready to store: its identity, metadata, body, and the optional
    fields left out (each a Problem)."""

    id: str
    meta: dict[str, str]
    body: str = ""
    warnings: list[Problem] = field(default_factory=list)
    item: model.Item | None = None  # the typed item the build will read, once checked

    def checked(self, registry: Registry) -> Normalised:
        """Read by jiuye.schema into the model's item, as the build will read it: an optional field
        that fails is left out and reported; a required one raises Refused (it cannot be published)."""
        meta = {k.lower(): v for k, v in self.meta.items()}
        values, problems = schema.read(meta, schema.Rules(registry))
        for problem in problems:
            problem = Problem(problem.field, problem.value[:200], problem.reason)
            if schema.is_fatal(problem, schema.kind_of(meta)):
                raise Refused(problem)
            self.warnings.append(problem)
            for key in [k for k in self.meta if k.lower() == problem.field]:
                del self.meta[key]
        for key, value in self.meta.items():
            if key.lower() in schema.URL_FIELDS and value:
                self.meta[key] = urls.safe_url(value)  # valid, as checked above: now normalised
        self.item = model.item(values, values["date"], self.id) if "date" in values else None
        return self


class SourceError(Exception):
    """A whole source failed (dead host, malformed feed, not a feed); the others go on."""


@dataclass(frozen=True)
class SourceWarning:
    """What a reader says about its whole source that is no failure (a feed found through the page
    that links it, a format flaw read past): the run reports it as a warning (警告)."""

    source_id: str
    message: str

    def __str__(self) -> str:
        return f"[{self.source_id}]: {self.message}"
