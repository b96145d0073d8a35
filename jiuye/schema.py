"""The metadata of news, job and fair items: every field's name and parser, read once.

Field names are Pelican metadata keys (case-insensitive in files, lower-case here). Each field has
one parser, in the manner of Pelican's METADATA_PROCESSORS: it returns the typed value (a
Province, Campaigns, a datetime, an int …) or raises Invalid with the reason. `read` gives the
typed values of one file and a Problem (field, value, reason) for every field that is wrong;
`jiuye.model` builds the item from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jiuye import job_terms, parsers, salary
from jiuye.campaigns import Registry
from jiuye.parsers import Invalid, Parser, Rules

NEWS, JOB, FAIR = "新闻", "岗位", "招聘会"
# How a fair is attended: in person, online, or both.
OFFLINE, ONLINE, MIXED = "线下", "线上", "线上线下"
FAIR_MODES = (OFFLINE, ONLINE, MIXED)
SALARY_UNITS = tuple(salary.UNITS)
STATUSES = ("published", "draft")
TEMPLATES = ("article", "page")
# Fields Pelican reads as one value; written twice in a file, Pelican makes a list of them.
LIST_FIELDS = ("tags", "authors")


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of one item, from the reader to `invoke check`: where (a file,
    or a source and item), the field, its value and why."""

    field: str
    value: str
    reason: str
    where: str = ""

    def at(self, where: str) -> Problem:
        return Problem(self.field, self.value, self.reason, where)

    def __str__(self) -> str:
        text = f"字段 {self.field} = {self.value!r}: {self.reason}"
        return f"{self.where}: {text}" if self.where else text


class Refused(ValueError):
    """An item that cannot be published, and the Problem with the field it cannot do without."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# Every field a content file may carry, and how its value is checked.
FIELDS: dict[str, Parser] = {
    # Pelican's own
    "title": parsers.text,
    "date": parsers.datetime_value,
    "modified": parsers.datetime_value,
    "category": parsers.text,
    "slug": parsers.slug,
    "status": lambda value, rules: parsers.one_of(STATUSES)(value.lower(), rules),
    "lang": parsers.lang,
    "template": parsers.one_of(TEMPLATES, "（模板由类别决定）"),
    "save_as": parsers.fixed_urls,
    "url": parsers.fixed_urls,
    "author": parsers.line,
    "authors": parsers.line,
    "tags": parsers.line,
    "summary": parsers.line,
    # news
    "provinces": parsers.provinces,
    "cities": parsers.cities,
    "campaigns": parsers.campaigns,
    "source": parsers.text,
    "source_url": parsers.url,
    "image": parsers.url,
    "same_as": parsers.slug,  # the slug of the news item this one repeats (another outlet's copy)
    # jobs
    "employer": parsers.text,
    "province": parsers.province,
    "city": parsers.cities,
    "district": parsers.district,
    "salary_min": parsers.number,
    "salary_max": parsers.number,
    "salary_unit": parsers.one_of(SALARY_UNITS),
    "salary_months": parsers.count,
    "salary_text": parsers.line,
    "education": parsers.vocabulary(job_terms.education),
    "experience": parsers.vocabulary(job_terms.experience),
    "openings": parsers.count,
    "employment_type": parsers.vocabulary(job_terms.employment_type),
    "target_groups": parsers.groups,
    "valid_through": parsers.datetime_value,
    "apply_url": parsers.url,
    "contact": parsers.contact,
    # fairs
    "start": parsers.moment,
    "end": parsers.moment,
    "mode": parsers.one_of(FAIR_MODES),
    "venue": parsers.line,
    "online_url": parsers.url,
    "organizer": parsers.line,
    "employers": parsers.count,
    "positions": parsers.count,
    "employers_text": parsers.line,
    "positions_text": parsers.line,
    "news": parsers.text,  # the slug of the news item a fair was read from
    # scraped files
    "origin": parsers.text,
    "content_hash": parsers.text,
}

REQUIRED: dict[str, tuple[str, ...]] = {
    NEWS: ("title", "date"),
    JOB: ("title", "employer", "province", "date"),
    FAIR: ("title", "start", "province", "mode"),
}


URL_FIELDS = tuple(name for name, parser in FIELDS.items() if parser is parsers.url)


def kind_of(meta: Mapping[str, object]) -> str:
    return str(meta.get("category", NEWS)).strip() or NEWS


def read(meta: Mapping[str, str | datetime], rules: Rules) -> tuple[dict[str, Any], list[Problem]]:
    """The typed value of every valid field, and every problem of one item's metadata.

    Dates are bounded by `rules.now` (default: the clock), see `dates.bounded`.
    """
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    kind = kind_of(meta)
    if kind not in REQUIRED:
        problems.append(Problem("category", kind, f"应为 {' / '.join(REQUIRED)} 之一 (unknown kind)"))
    for name in REQUIRED.get(kind, ()):
        if not str(meta.get(name, "")).strip():
            problems.append(Problem(name, "", f"{kind}必填字段缺失 (required field missing)"))
    for name, value in meta.items():
        parser = FIELDS.get(name.lower())
        if parser is None:
            problems.append(Problem(name, str(value), "未知字段，可能拼写有误 (unknown field)"))
            continue
        if not str(value).strip():
            continue  # a missing required field is reported above; an empty optional one is fine
        try:
            values[name.lower()] = parser(value, rules)
        except Invalid as error:
            problems.append(Problem(name, str(value), str(error)))
    return values, problems


def validate(meta: Mapping[str, str], registry: Registry, now: datetime | None = None) -> list[Problem]:
    """Every problem of one item's metadata; an empty list means the item is valid."""
    return read(meta, Rules(registry, now))[1]


# Fields that decide where and how an item is published: a bad one leaves the item out.
PLACEMENT = ("category", "slug", "status", "lang", "template", "save_as", "url")


def is_fatal(problem: Problem, kind: str) -> bool:
    """Whether an item cannot be published with this problem: where it goes, or a required field."""
    return problem.field.lower() in PLACEMENT or problem.field.lower() in REQUIRED.get(kind, ())
