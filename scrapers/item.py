"""What a reader yields: one item of a source, or the reason one item could not be read.

Whatever a reader yields holds no character that no output can carry (`printable`): control
characters, lone surrogates from JSON escapes, non-characters are gone before anything else runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from jiuye import schema, urls
from jiuye.campaigns import Registry
from jiuye.sanitise import printable
from jiuye.schema import Problem


@dataclass
class Item:
    source_id: str
    item_id: str  # stable within the source: guid, else canonical URL, else hash of title+date
    title: str
    date: datetime  # timezone-aware
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


def item_problem(source_id: str, item: str, field_name: str, value: str, reason: str) -> Problem:
    """What is wrong with one entry of a source (its id, file name or position): schema's Problem,
    found at "[source] 条目 item"."""
    return Problem(field_name, value, reason, f"[{source_id}] 条目 {item}")


class FieldError(ValueError):
    """One field of a job or fair that cannot be understood: which field, its value, and why."""

    def __init__(self, field_name: str, value: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field_name
        self.value = value
        self.reason = reason


T = TypeVar("T")


def guard(source_id: str, item: str, convert: Callable[..., T], *args: object) -> T | Problem:
    """convert(*args), or the report of whatever it raised: one bad entry never ends its source."""
    try:
        return convert(*args)
    except Exception as error:  # any exception: a reader must not die of one entry
        field_name = error.field if isinstance(error, FieldError) else "(读取)"
        value = error.value if isinstance(error, FieldError) else ""
        reason = error.reason if isinstance(error, FieldError) else f"{type(error).__name__}: {error}"
        return item_problem(source_id, str(item)[:200], field_name, value, reason)


@dataclass
class Normalised:
    """A job or fair ready to store: its identity, metadata, body, and the fields left out."""

    id: str
    meta: dict[str, str]
    body: str = ""
    warnings: list[FieldError] = field(default_factory=list)

    def checked(self, registry: Registry) -> Normalised:
        """Validated against jiuye.schema: an optional field that fails is left out and reported;
        a required one raises FieldError (the item cannot be published)."""
        meta = {k.lower(): v for k, v in self.meta.items()}
        for problem in schema.validate(meta, registry):
            if schema.is_fatal(problem, schema.kind_of(meta)):
                raise FieldError(problem.field, problem.value[:200], problem.reason)
            self.warnings.append(FieldError(problem.field, problem.value[:200], problem.reason))
            for key in [k for k in self.meta if k.lower() == problem.field]:
                del self.meta[key]
        for key, value in self.meta.items():
            if key.lower() in schema.URL_FIELDS and value:
                self.meta[key] = urls.safe_url(value)  # valid, as checked above: now normalised
        return self


class SourceError(Exception):
    """A whole source failed (dead host, malformed feed, not a feed); the others go on."""
