"""Field parsers, in the manner of Pelican's METADATA_PROCESSORS: each turns a field's text into
its typed value (a Province, Campaigns, a datetime, an int, a vocabulary level …) or raises
Invalid with the reason editors read. jiuye.schema says which field uses which.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from jiuye import dates, job_terms, regions, urls
from jiuye.campaigns import Campaign, Registry

LIST_SEPARATOR = ","
# A one-line field (title, employer, venue …) longer than this is a scraping accident or an attack.
MAX_LINE_CHARS = 1000
MAX_DIGITS = 12  # counts and salaries: no real value has more
_SLUG = re.compile(r"[^\W_][\w-]{0,99}")
LANGUAGE = "zh-CN"


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


def line(value: str, _: Rules) -> str:
    if len(value) > MAX_LINE_CHARS:
        raise Invalid(f"过长：{len(value)} 个字符，最多 {MAX_LINE_CHARS} (too long)")
    return value.strip()


def text(value: str, rules: Rules) -> str:
    if not value.strip():
        raise Invalid("不能为空 (must not be empty)")
    return line(value, rules)


def datetime_value(value: str | datetime, rules: Rules) -> datetime:
    try:
        if isinstance(value, datetime):  # Pelican has read Date and Modified already
            return dates.bounded(value if value.tzinfo else value.replace(tzinfo=dates.SHANGHAI), rules.now)
        return dates.parse_iso(value, rules.now)
    except dates.OutOfRange as error:
        raise Invalid(f"{error} (date out of range)") from error
    except ValueError as error:
        raise Invalid("不是有效日期，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM (not a valid ISO date)") from error


def moment(value: str, rules: Rules) -> date | datetime:
    """A fair's start or end: a day (YYYY-MM-DD) or a moment in Asia/Shanghai."""
    moment = datetime_value(value, rules)
    return moment.date() if dates.is_date_only(value) else moment.astimezone(dates.SHANGHAI)


def province(value: str, _: Rules) -> regions.Province:
    province = regions.find_province(value)
    if province is None:
        raise Invalid("未知省份 (unknown province)")
    return province


def provinces(value: str, _: Rules) -> tuple[regions.Province, ...]:
    found = {name: regions.find_province(name) for name in split_list(value)}
    unknown = [name for name, province in found.items() if province is None]
    if unknown:
        raise Invalid(f"未知省份 (unknown province): {'、'.join(unknown)}")
    return tuple(dict.fromkeys(found.values()))


def cities(value: str, _: Rules) -> tuple[regions.City, ...]:
    known = regions.city_names()
    unknown = [name for name in split_list(value) if name not in known]
    if unknown:
        raise Invalid(f"未知城市 (unknown city): {'、'.join(unknown)}")
    return tuple(dict.fromkeys(known[name] for name in split_list(value)))


def campaigns(value: str, rules: Rules) -> tuple[Campaign, ...]:
    found = {name: rules.registry.find(name) for name in split_list(value)}
    unknown = [name for name, campaign in found.items() if campaign is None]
    if unknown:
        raise Invalid(f"未在 campaigns.yaml 中登记的活动 (unknown campaign): {'、'.join(unknown)}")
    return tuple(dict.fromkeys(found.values()))


def url(value: str, _: Rules) -> str:
    try:
        return urls.safe_url(value)
    except urls.UrlError as error:
        raise Invalid(f"{error} (not a safe http(s) URL)") from error


def count(value: str, _: Rules) -> int:
    text = value.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS):
        raise Invalid("应为非负整数 (not a whole number)")
    return int(text)


def number(value: str, _: Rules) -> float:
    try:
        number = float(value)
    except ValueError as error:
        raise Invalid("应为数字 (not a number)") from error
    if not (math.isfinite(number) and abs(number) < 10**MAX_DIGITS):
        raise Invalid("应为有限的数字 (not a finite number)")
    return number


def one_of(choices: tuple[str, ...], reason: str = "") -> Parser:
    def parse(value: str, _: Rules) -> str:
        if value.strip() not in choices:
            raise Invalid(f"应为 {' / '.join(choices)} 之一{reason}")
        return value.strip()

    return parse


def vocabulary(parse: Callable[[str], Any]) -> Parser:
    """A value of one of jiuye.job_terms' scales (education, experience, employment type)."""

    def read(value: str, rules: Rules) -> Any:
        try:
            return parse(line(value, rules))
        except job_terms.VocabularyError as error:
            raise Invalid(f"{error}，请使用本站的说法 (not in the vocabulary)") from error

    return read


def groups(value: str, _: Rules) -> tuple[job_terms.Level, ...]:
    found = {name: job_terms.target_group(name) for name in split_list(value)}
    unknown = [name for name, group in found.items() if group is None]
    if unknown:
        names = "、".join(g.name for g in job_terms.TARGET_GROUPS)
        raise Invalid(f"未知人群 (unknown target group): {'、'.join(unknown)}；可选：{names}")
    return tuple(dict.fromkeys(found.values()))


def slug(value: str, _: Rules) -> str:
    """A slug is a path segment of our own URLs: letters, digits and '-' (no '/', '.', quotes, ':')."""
    if not _SLUG.fullmatch(value.strip()):
        raise Invalid("只能包含字母、数字和连字符 (letters, digits and '-' only)")
    return value.strip()



def lang(value: str, _: Rules) -> str:
    if value.strip() != LANGUAGE:
        raise Invalid(f"本站只发布 {LANGUAGE} 内容 (only {LANGUAGE})")
    return LANGUAGE


def fixed_urls(value: str, _: Rules) -> str:
    raise Invalid("网址由类别和 Slug 决定，不能在文件中指定 (URLs follow the kind and slug)")
