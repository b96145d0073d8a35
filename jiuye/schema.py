"""The metadata of news, job and fair items: field names, types and validation.

Field names are Pelican metadata keys (case-insensitive in files, lower-case here). `validate`
takes the raw strings of one file and names every field that is wrong, with its value and why.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from jiuye import dates, regions, urls
from jiuye.campaigns import Registry

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
    field: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field} = {self.value!r}: {self.reason}"


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


Check = Callable[[str, Rules], str | None]


def _line(value: str, _: Rules) -> str | None:
    if len(value) > MAX_LINE_CHARS:
        return f"过长：{len(value)} 个字符，最多 {MAX_LINE_CHARS} (too long)"
    return None


def _text(value: str, rules: Rules) -> str | None:
    return _line(value, rules) if value.strip() else "不能为空 (must not be empty)"


def _datetime(value: str, rules: Rules) -> str | None:
    try:
        dates.parse_iso(value, rules.now)
    except dates.OutOfRange as error:
        return f"{error} (date out of range)"
    except ValueError:
        return "不是有效日期，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM (not a valid ISO date)"
    return None


def _province(value: str, _: Rules) -> str | None:
    return None if regions.find_province(value) else "未知省份 (unknown province)"


def _provinces(value: str, _: Rules) -> str | None:
    unknown = [name for name in split_list(value) if not regions.find_province(name)]
    return f"未知省份 (unknown province): {'、'.join(unknown)}" if unknown else None


def _cities(value: str, _: Rules) -> str | None:
    unknown = [name for name in split_list(value) if name not in regions.city_names()]
    return f"未知城市 (unknown city): {'、'.join(unknown)}" if unknown else None


def _campaigns(value: str, rules: Rules) -> str | None:
    unknown = [name for name in split_list(value) if not rules.registry.find(name)]
    if unknown:
        return f"未在 campaigns.yaml 中登记的活动 (unknown campaign): {'、'.join(unknown)}"
    return None


def _url(value: str, _: Rules) -> str | None:
    try:
        urls.safe_url(value)
    except urls.UrlError as error:
        return f"{error} (not a safe http(s) URL)"
    return None


def _count(value: str, _: Rules) -> str | None:
    text = value.strip()
    ok = text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS
    return None if ok else "应为非负整数 (not a whole number)"


def _number(value: str, _: Rules) -> str | None:
    try:
        number = float(value)
    except ValueError:
        return "应为数字 (not a number)"
    return None if math.isfinite(number) and abs(number) < 10**MAX_DIGITS else "应为有限的数字 (not a finite number)"


def _salary_unit(value: str, _: Rules) -> str | None:
    return None if value.strip() in SALARY_UNITS else f"应为 {' / '.join(SALARY_UNITS)} 之一"


def _mode(value: str, _: Rules) -> str | None:
    return None if value.strip() in FAIR_MODES else f"应为 {' / '.join(FAIR_MODES)} 之一"


def _slug(value: str, _: Rules) -> str | None:
    """A slug is a path segment of our own URLs: letters, digits and '-' (no '/', '.', quotes, ':')."""
    return None if _SLUG.fullmatch(value.strip()) else "只能包含字母、数字和连字符 (letters, digits and '-' only)"


def _status(value: str, _: Rules) -> str | None:
    return None if value.strip().lower() in STATUSES else f"应为 {' / '.join(STATUSES)} 之一"


def _lang(value: str, _: Rules) -> str | None:
    return None if value.strip() == LANGUAGE else f"本站只发布 {LANGUAGE} 内容 (only {LANGUAGE})"


def _template(value: str, _: Rules) -> str | None:
    return None if value.strip() in TEMPLATES else f"应为 {' / '.join(TEMPLATES)} 之一（模板由类别决定）"


def _fixed_urls(value: str, _: Rules) -> str | None:
    return "网址由类别和 Slug 决定，不能在文件中指定 (URLs follow the kind and slug)"


def _any(value: str, _: Rules) -> str | None:
    return None


# Every field a content file may carry, and how its value is checked.
FIELDS: dict[str, Check] = {
    # Pelican's own
    "title": _text,
    "date": _datetime,
    "modified": _datetime,
    "category": _text,
    "slug": _slug,
    "status": _status,
    "lang": _lang,
    "template": _template,
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
    "salary_unit": _salary_unit,
    "salary_months": _count,
    "salary_text": _line,
    "education": _line,
    "experience": _line,
    "openings": _count,
    "employment_type": _line,
    "target_groups": _line,
    "valid_through": _datetime,
    "apply_url": _url,
    "contact": _line,
    # fairs
    "start": _datetime,
    "end": _datetime,
    "mode": _mode,
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


URL_FIELDS = tuple(name for name, check in FIELDS.items() if check is _url)


def kind_of(meta: Mapping[str, str]) -> str:
    return meta.get("category", NEWS).strip() or NEWS


def validate(meta: Mapping[str, str], registry: Registry, now: datetime | None = None) -> list[Problem]:
    """Every problem of one item's metadata; an empty list means the item is valid.

    Dates are bounded by `now` (default: the clock), see `dates.bounded`.
    """
    rules = Rules(registry, now)
    problems: list[Problem] = []
    kind = kind_of(meta)
    if kind not in REQUIRED:
        problems.append(Problem("category", kind, f"应为 {' / '.join(REQUIRED)} 之一 (unknown kind)"))
    for name in REQUIRED.get(kind, ()):
        if not meta.get(name, "").strip():
            problems.append(Problem(name, "", f"{kind}必填字段缺失 (required field missing)"))
    for name, value in meta.items():
        check = FIELDS.get(name.lower())
        if check is None:
            problems.append(Problem(name, value, "未知字段，可能拼写有误 (unknown field)"))
            continue
        if not value.strip():
            continue  # a missing required field is reported above; an empty optional one is fine
        reason = check(value, rules)
        if reason:
            problems.append(Problem(name, value, reason))
    return problems


# Fields that decide where and how an item is published: a bad one leaves the item out.
PLACEMENT = ("category", "slug", "status", "lang", "template", "save_as", "url")


def is_fatal(problem: Problem, kind: str) -> bool:
    """Whether an item cannot be published with this problem: where it goes, or a required field."""
    return problem.field.lower() in PLACEMENT or problem.field.lower() in REQUIRED.get(kind, ())
