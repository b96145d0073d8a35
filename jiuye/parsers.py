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

from jiuye import contact as contacts
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
        return dates.parse(value, rules.now)
    except dates.OutOfRange as error:
        raise Invalid(f"{error} (date out of range)") from error
    except ValueError as error:
        missing_year = "no year" in str(error)
        hint = "缺少年份" if missing_year else "不是有效日期"
        raise Invalid(f"{hint}，应如 2026-12-05、2026-12-05 09:00 或 2026年12月5日 (not a valid date)") from error


def moment(value: str, rules: Rules) -> date | datetime:
    """A fair's start or end: a day (YYYY-MM-DD) or a moment in Asia/Shanghai."""
    read = datetime_value(value, rules)
    return read.date() if dates.is_date_only(value) else read.astimezone(dates.SHANGHAI)


def province(value: str, _: Rules) -> regions.Province:
    province = regions.find_province(value)
    if province is None:
        raise Invalid("未知省份 (unknown province)")
    return province


def _each(value: str, find: Callable[[str], Any], unknown: str, hint: str = "") -> tuple:
    """Every name of a list field resolved by `find`, each once, in order; Invalid naming the
    names `find` does not know."""
    found = {name: find(name) for name in split_list(value)}
    missing = [name for name, thing in found.items() if thing is None]
    if missing:
        raise Invalid(f"{unknown}: {'、'.join(missing)}{hint}")
    return tuple(dict.fromkeys(found.values()))


def provinces(value: str, _: Rules) -> tuple[regions.Province, ...]:
    return _each(value, regions.find_province, "未知省份 (unknown province)")


def cities(value: str, _: Rules) -> tuple[regions.City, ...]:
    return _each(value, regions.city_names().get, "未知城市 (unknown city)")


def district(value: str, _: Rules) -> str:
    """A county-level division's GB/T 2260 name (朝阳区: the item's province says which)."""
    name = value.strip()
    if name not in regions.county_spellings():
        raise Invalid("未知区县 (unknown district)")
    return name


def campaigns(value: str, rules: Rules) -> tuple[Campaign, ...]:
    return _each(value, rules.registry.find, "未在 campaigns.yaml 中登记的活动 (unknown campaign)")


def url(value: str, _: Rules) -> str:
    try:
        return urls.safe_url(value)
    except urls.UrlError as error:
        raise Invalid(f"{error} (not a safe http(s) URL)") from error


def contact(value: str, rules: Rules) -> contacts.Contact:
    """A contact line: its text, and the telephone numbers in it a phone can dial (jiuye.contact)."""
    return contacts.read(line(value, rules))


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
    choices = "、".join(g.name for g in job_terms.TARGET_GROUPS)
    return _each(value, job_terms.target_group, "未知人群 (unknown target group)", f"；可选：{choices}")


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
