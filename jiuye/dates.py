"""Dates as sources write them, to timezone-aware datetimes in Asia/Shanghai."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Dates outside this window are typos or attacks (year 9999 overflows, a fair in 2099 makes a
# calendar of a thousand months): the earliest campaigns we publish, and two years ahead.
EARLIEST = datetime(1990, 1, 1, tzinfo=SHANGHAI)
HORIZON = relativedelta(years=2)
_CHINESE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*分?(?:\s*[:：]?\s*(\d{1,2})\s*秒?)?)?"
)


class OutOfRange(ValueError):
    """A real date, but outside EARLIEST … now + HORIZON; the message says so, in Chinese."""


def reason(error: ValueError, fallback: str) -> str:
    """What to tell a reader about a date that was refused."""
    return str(error) if isinstance(error, OutOfRange) else fallback


def parse(value: str, now: datetime | None = None) -> datetime:
    """RFC 822, ISO 8601, '2022-04-05 05:50:27 +0800' or '2022年8月1日 10:30'; naive means Shanghai.

    Raises ValueError naming the value when it is no date, or one outside 1990 … now + 2 years.
    """
    try:
        return bounded(_parse(value), now)
    except OverflowError as error:
        raise ValueError(f"not a date: {value.strip()!r}") from error


def is_date_only(value: str) -> bool:
    """'2026-11-28' names a day; '2026-11-28 09:00' a moment."""
    return len(value.strip()) <= len("YYYY-MM-DD")


def parse_iso(value: str, now: datetime | None = None) -> datetime:
    """How content files carry dates: ISO 8601, with or without an offset; naive means Shanghai."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise ValueError(f"not an ISO date: {value.strip()!r}") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SHANGHAI)
    try:
        return bounded(moment, now)
    except OverflowError as error:
        raise ValueError(f"not a date: {value.strip()!r}") from error


def bounded(moment: datetime, now: datetime | None = None) -> datetime:
    """The moment, if it lies between EARLIEST and two years after `now` (default: the clock)."""
    latest = (now or datetime.now(SHANGHAI)) + HORIZON
    if not EARLIEST <= moment <= latest:
        raise OutOfRange(f"日期超出合理范围（{EARLIEST:%Y} 年至 {latest:%Y-%m-%d}）：{moment:%Y-%m-%d}")
    return moment


def _parse(value: str) -> datetime:
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    match = _CHINESE.search(text)
    if match:
        parts = [int(p) if p else 0 for p in match.groups()]
        moment = datetime(*parts)  # raises ValueError for 2月30日
    else:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            try:
                moment = dateutil_parser.parse(text)
            except (ValueError, OverflowError) as error:
                raise ValueError(f"not a date: {text!r}") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SHANGHAI)
    return moment.astimezone(SHANGHAI)


def format_iso(moment: datetime) -> str:
    """How content files carry dates: '2022-08-27 12:19:34+08:00'."""
    return moment.astimezone(SHANGHAI).isoformat(sep=" ", timespec="seconds")
