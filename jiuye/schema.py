"""The metadata of news, job and fair items: field names, types and validation.

Field names are Pelican metadata keys (case-insensitive in files, lower-case here). `validate`
takes the raw strings of one file and names every field that is wrong, with its value and why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from jiuye import regions
from jiuye.campaigns import Registry

NEWS, JOB, FAIR = "新闻", "岗位", "招聘会"
FAIR_MODES = ("线下", "线上", "线上线下")
SALARY_UNITS = ("月", "年", "天", "小时", "周")
LIST_SEPARATOR = ","


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


def parse_datetime(value: str) -> datetime:
    """ISO 8601 date or date-time, with or without an offset ('2022-08-27 12:19:34+08:00')."""
    return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))


Check = Callable[[str, Registry], str | None]


def _text(value: str, _: Registry) -> str | None:
    return None if value.strip() else "不能为空 (must not be empty)"


def _datetime(value: str, _: Registry) -> str | None:
    try:
        parse_datetime(value)
    except ValueError:
        return "不是有效日期，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM (not a valid ISO date)"
    return None


def _province(value: str, _: Registry) -> str | None:
    return None if regions.find_province(value) else "未知省份 (unknown province)"


def _provinces(value: str, _: Registry) -> str | None:
    unknown = [name for name in split_list(value) if not regions.find_province(name)]
    return f"未知省份 (unknown province): {'、'.join(unknown)}" if unknown else None


def _cities(value: str, _: Registry) -> str | None:
    unknown = [name for name in split_list(value) if name not in regions.city_names()]
    return f"未知城市 (unknown city): {'、'.join(unknown)}" if unknown else None


def _campaigns(value: str, registry: Registry) -> str | None:
    unknown = [name for name in split_list(value) if not registry.find(name)]
    if unknown:
        return f"未在 campaigns.yaml 中登记的活动 (unknown campaign): {'、'.join(unknown)}"
    return None


def _url(value: str, _: Registry) -> str | None:
    parts = urlsplit(value.strip())
    ok = parts.scheme in ("http", "https") and parts.netloc
    return None if ok else "应为 http(s) 网址 (not an http(s) URL)"


def _count(value: str, _: Registry) -> str | None:
    return None if value.strip().isdigit() else "应为非负整数 (not a whole number)"


def _number(value: str, _: Registry) -> str | None:
    try:
        float(value)
    except ValueError:
        return "应为数字 (not a number)"
    return None


def _salary_unit(value: str, _: Registry) -> str | None:
    return None if value.strip() in SALARY_UNITS else f"应为 {' / '.join(SALARY_UNITS)} 之一"


def _mode(value: str, _: Registry) -> str | None:
    return None if value.strip() in FAIR_MODES else f"应为 {' / '.join(FAIR_MODES)} 之一"


def _any(value: str, _: Registry) -> str | None:
    return None


# Every field a content file may carry, and how its value is checked.
FIELDS: dict[str, Check] = {
    # Pelican's own
    "title": _text,
    "date": _datetime,
    "modified": _datetime,
    "category": _text,
    "slug": _text,
    "status": _any,
    "lang": _any,
    "template": _any,
    "save_as": _any,
    "url": _any,
    "author": _any,
    "authors": _any,
    "tags": _any,
    "summary": _any,
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
    "salary_text": _any,
    "education": _any,
    "experience": _any,
    "openings": _count,
    "employment_type": _any,
    "target_groups": _any,
    "valid_through": _datetime,
    "apply_url": _url,
    "contact": _any,
    # fairs
    "start": _datetime,
    "end": _datetime,
    "mode": _mode,
    "venue": _any,
    "online_url": _url,
    "organizer": _any,
    "employers": _count,
    "positions": _count,
    "employers_text": _any,
    "positions_text": _any,
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


def validate(meta: Mapping[str, str], registry: Registry) -> list[Problem]:
    """Every problem of one item's metadata; an empty list means the item is valid."""
    problems: list[Problem] = []
    kind = meta.get("category", NEWS).strip() or NEWS
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
        reason = check(value, registry)
        if reason:
            problems.append(Problem(name, value, reason))
    return problems
