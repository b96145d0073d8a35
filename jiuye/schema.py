"""The metadata of news, job and fair items: every field's name and parser, read once.

Field names are Pelican metadata keys (case-insensitive in files, lower-case here). Each field has
one parser, in the manner of Pelican's METADATA_PROCESSORS: it returns the typed value (a
Province, Campaigns, a datetime, an int …) or raises Invalid with the reason. `read` gives the
typed values of one file and a Problem (field, value, reason) for every field that is wrong;
`jiuye.model` builds the item from them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from jiuye import dates, job_terms, regions, urls
from jiuye.campaigns import Campaign, Registry

NEWS, JOB, FAIR = "新闻", "岗位", "招聘会"
FAIR_MODES = ("线下", "线上", "线上线下")
SALARY_UNITS = ("月", "年", "天", "小时", "周")
LIST_SEPARATOR = ","
# A one-line field (title, employer, venue …) longer than this is a scraping accident or an attack.
MAX_LINE_CHARS = 1000
MAX_DIGITS = 12  # counts and salaries: no real value has more
_SLUG = re.compile(r"[^\W_][\w-]{0,99}")
STATUSES = ("published", "draft")
LANGUAGE = "zh-CN"
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


def split_list(value: str) -> list[str]:
    """'吉林, 福建，湖北' -> ['吉林', '福建', '湖北'] (ASCII or full-width commas, 、)."""
    for separator in ("，", "、"):
        value = value.replace(separator, LIST_SEPARATOR)
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


@dataclass(frozen=True)
class Rules:
    """What checks compare against: the campaign registry, and the moment dates are bounded by."""

    registry: Registry
    now: datetime | None = None


class Invalid(ValueError):
    """A field value that cannot be read; the message is the reason, for editors (Chinese first)."""


# A field's parser: the typed value of its text, or Invalid.
Parser = Callable[[str, Rules], Any]


def _line(value: str, _: Rules) -> str:
    if len(value) > MAX_LINE_CHARS:
        raise Invalid(f"过长：{len(value)} 个字符，最多 {MAX_LINE_CHARS} (too long)")
    return value.strip()


def _text(value: str, rules: Rules) -> str:
    if not value.strip():
        raise Invalid("不能为空 (must not be empty)")
    return _line(value, rules)


def _datetime(value: str | datetime, rules: Rules) -> datetime:
    try:
        if isinstance(value, datetime):  # Pelican has read Date and Modified already
            return dates.bounded(value if value.tzinfo else value.replace(tzinfo=dates.SHANGHAI), rules.now)
        return dates.parse_iso(value, rules.now)
    except dates.OutOfRange as error:
        raise Invalid(f"{error} (date out of range)") from error
    except ValueError as error:
        raise Invalid("不是有效日期，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM (not a valid ISO date)") from error


def _moment(value: str, rules: Rules) -> date | datetime:
    """A fair's start or end: a day (YYYY-MM-DD) or a moment in Asia/Shanghai."""
    moment = _datetime(value, rules)
    return moment.date() if dates.is_date_only(value) else moment.astimezone(dates.SHANGHAI)


def _province(value: str, _: Rules) -> regions.Province:
    province = regions.find_province(value)
    if province is None:
        raise Invalid("未知省份 (unknown province)")
    return province


def _provinces(value: str, _: Rules) -> tuple[regions.Province, ...]:
    found = {name: regions.find_province(name) for name in split_list(value)}
    unknown = [name for name, province in found.items() if province is None]
    if unknown:
        raise Invalid(f"未知省份 (unknown province): {'、'.join(unknown)}")
    return tuple(dict.fromkeys(found.values()))


def _cities(value: str, _: Rules) -> tuple[regions.City, ...]:
    known = regions.city_names()
    unknown = [name for name in split_list(value) if name not in known]
    if unknown:
        raise Invalid(f"未知城市 (unknown city): {'、'.join(unknown)}")
    return tuple(dict.fromkeys(known[name] for name in split_list(value)))


def _campaigns(value: str, rules: Rules) -> tuple[Campaign, ...]:
    found = {name: rules.registry.find(name) for name in split_list(value)}
    unknown = [name for name, campaign in found.items() if campaign is None]
    if unknown:
        raise Invalid(f"未在 campaigns.yaml 中登记的活动 (unknown campaign): {'、'.join(unknown)}")
    return tuple(dict.fromkeys(found.values()))


def _url(value: str, _: Rules) -> str:
    try:
        return urls.safe_url(value)
    except urls.UrlError as error:
        raise Invalid(f"{error} (not a safe http(s) URL)") from error


def _count(value: str, _: Rules) -> int:
    text = value.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS):
        raise Invalid("应为非负整数 (not a whole number)")
    return int(text)


def _number(value: str, _: Rules) -> float:
    try:
        number = float(value)
    except ValueError as error:
        raise Invalid("应为数字 (not a number)") from error
    if not (math.isfinite(number) and abs(number) < 10**MAX_DIGITS):
        raise Invalid("应为有限的数字 (not a finite number)")
    return number


def _one_of(choices: tuple[str, ...], reason: str = "") -> Parser:
    def parse(value: str, _: Rules) -> str:
        if value.strip() not in choices:
            raise Invalid(f"应为 {' / '.join(choices)} 之一{reason}")
        return value.strip()

    return parse


def _vocabulary(parse: Callable[[str], Any]) -> Parser:
    """A value of one of jiuye.job_terms' scales (education, experience, employment type)."""

    def read(value: str, rules: Rules) -> Any:
        try:
            return parse(_line(value, rules))
        except job_terms.VocabularyError as error:
            raise Invalid(f"{error}，请使用本站的说法 (not in the vocabulary)") from error

    return read


def _groups(value: str, _: Rules) -> tuple[job_terms.Level, ...]:
    found = {name: job_terms.target_group(name) for name in split_list(value)}
    unknown = [name for name, group in found.items() if group is None]
    if unknown:
        names = "、".join(g.name for g in job_terms.TARGET_GROUPS)
        raise Invalid(f"未知人群 (unknown target group): {'、'.join(unknown)}；可选：{names}")
    return tuple(dict.fromkeys(found.values()))


def _slug(value: str, _: Rules) -> str:
    """A slug is a path segment of our own URLs: letters, digits and '-' (no '/', '.', quotes, ':')."""
    if not _SLUG.fullmatch(value.strip()):
        raise Invalid("只能包含字母、数字和连字符 (letters, digits and '-' only)")
    return value.strip()


def _status(value: str, rules: Rules) -> str:
    return _one_of(STATUSES)(value.lower(), rules)


def _lang(value: str, _: Rules) -> str:
    if value.strip() != LANGUAGE:
        raise Invalid(f"本站只发布 {LANGUAGE} 内容 (only {LANGUAGE})")
    return LANGUAGE


def _fixed_urls(value: str, _: Rules) -> str:
    raise Invalid("网址由类别和 Slug 决定，不能在文件中指定 (URLs follow the kind and slug)")


# Every field a content file may carry, and how its value is checked.
FIELDS: dict[str, Parser] = {
    # Pelican's own
    "title": _text,
    "date": _datetime,
    "modified": _datetime,
    "category": _text,
    "slug": _slug,
    "status": _status,
    "lang": _lang,
    "template": _one_of(TEMPLATES, "（模板由类别决定）"),
    "save_as": _fixed_urls,
    "url": _fixed_urls,
    "author": _line,
    "authors": _line,
    "tags": _line,
    "summary": _line,
    # news
    "provinces": _provinces,
    "cities": _cities,
    "campaigns": _campaigns,
    "source": _text,
    "source_url": _url,
    "image": _url,
    # jobs
    "employer": _text,
    "province": _province,
    "city": _cities,
    "salary_min": _number,
    "salary_max": _number,
    "salary_unit": _one_of(SALARY_UNITS),
    "salary_months": _count,
    "salary_text": _line,
    "education": _vocabulary(job_terms.education),
    "experience": _vocabulary(job_terms.experience),
    "openings": _count,
    "employment_type": _vocabulary(job_terms.employment_type),
    "target_groups": _groups,
    "valid_through": _datetime,
    "apply_url": _url,
    "contact": _line,
    # fairs
    "start": _moment,
    "end": _moment,
    "mode": _one_of(FAIR_MODES),
    "venue": _line,
    "online_url": _url,
    "organizer": _line,
    "employers": _count,
    "positions": _count,
    "employers_text": _line,
    "positions_text": _line,
    "news": _text,  # the slug of the news item a fair was read from
    # scraped files
    "origin": _text,
    "content_hash": _text,
}

REQUIRED: dict[str, tuple[str, ...]] = {
    NEWS: ("title", "date"),
    JOB: ("title", "employer", "province", "date"),
    FAIR: ("title", "start", "province", "mode"),
}


URL_FIELDS = tuple(name for name, parser in FIELDS.items() if parser is _url)


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
