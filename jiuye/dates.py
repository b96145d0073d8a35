"""Dates as sources write them, to timezone-aware datetimes in Asia/Shanghai."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Dates outside this window are typos or attacks (year 9999 overflows, a fair in 2099 makes a
# calendar of a thousand months): the earliest campaigns we publish, and two years ahead.
EARLIEST = datetime(1990, 1, 1, tzinfo=SHANGHAI)
HORIZON = relativedelta(years=2)
# A day as Chinese text writes it: "2022年8月1日", or "8月1日" of the year the context gives.
CHINESE_DAY = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CHINESE_TIME = re.compile(r"\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*分?(?:\s*[:：]?\s*(\d{1,2})\s*秒?)?")
# A clock time in a date's text: "09:00", "9时", "9点"; ISO's "T09".
_HAS_TIME = re.compile(r"\d\s*(?:[:：]\s*\d|[时点])|\dT\d")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# Hours of a day: "9:00-12:00", "下午2:00至5:00"; or one time "上午9:00".
_HOURS = re.compile(r"(上午|下午|晚上)?\s*(\d{1,2})[:：](\d{2})(?:\s*[-~～至到—]\s*(\d{1,2})[:：](\d{2}))?")


class OutOfRange(ValueError):
    """A real date, but outside EARLIEST … now + HORIZON; the message says so, in Chinese."""


def reason(error: ValueError, fallback: str) -> str:
    """What to tell a reader about a date that was refused."""
    return str(error) if isinstance(error, OutOfRange) else fallback


def parse(value: str, now: datetime | None = None) -> datetime:
    """The one date parser, for scraped text and content files alike: ISO 8601, RFC 822,
    '2022-04-05 05:50:27 +0800', '2022年8月1日 10:30', '2026/12/05'; naive means Shanghai.

    Raises ValueError naming the value when it is no date, one without a year (a year taken from
    today's clock would be a guess), or one outside 1990 … now + 2 years (OutOfRange).
    """
    try:
        return bounded(_parse(value), now)
    except OverflowError as error:
        raise ValueError(f"not a date: {value.strip()!r}") from error


def is_date_only(value: str) -> bool:
    """'2026-11-28' or '2026年11月28日' names a day; '2026-11-28 09:00' a moment."""
    return not _HAS_TIME.search(value)


def day_or_moment(value: str, now: datetime | None = None) -> date | datetime:
    """A fair's start or end: a day when the text gives no time, else a moment in Shanghai."""
    moment = parse(value, now)
    return moment.date() if is_date_only(value) else moment


def end_of_day(value: str, now: datetime | None = None) -> datetime:
    """A deadline: '2026-12-31' lasts until 23:59:59 that day; a moment stays as given."""
    moment = parse(value, now)
    return datetime.combine(moment.date(), time(23, 59, 59), tzinfo=SHANGHAI) if is_date_only(value) else moment


def day_in(match: re.Match, published: date) -> date:
    """A CHINESE_DAY match in a text of `published`: '7 月 28 日' in an article of 2022-08-02 is
    2022-07-28, '12月28日' in a January report last year's. Raises ValueError for 2月30日."""
    year, month, day = match.groups()
    if year:
        return date(int(year), int(month), int(day))
    resolved = date(published.year, int(month), int(day))
    if resolved - published > timedelta(days=180):
        resolved = date(published.year - 1, int(month), int(day))
    return resolved


def span(
    text: str, published: date | None = None, now: datetime | None = None
) -> tuple[date | datetime, datetime | None]:
    """When a fair is, as an announcement writes it: '2026年12月5日 9:00-12:00' is a start and
    an end, '12月5日下午2:00' a start on the day nearest `published`, '2026-12-05' a day."""
    day = CHINESE_DAY.search(text)
    if day and (day.group(1) or published):
        on, rest = day_in(day, published or date.today()), text[day.end() :]
    else:
        hours = _HOURS.search(text)
        if not (hours and hours.group(4) and is_date_only(text[: hours.start()])):
            return day_or_moment(text, now), None  # no range of hours: the text is one date
        on, rest = parse(text[: hours.start()], now).date(), text[hours.start() :]
    bounded(datetime.combine(on, time(), SHANGHAI), now)
    hours = _HOURS.search(rest)
    if not hours:
        return on, None
    half, h1, m1, h2, m2 = hours.groups()
    shift = 12 if half in ("下午", "晚上") else 0

    def at(hour: str, minute: str) -> datetime:
        hour_of_day = int(hour) + (shift if int(hour) < 12 else 0)
        return datetime.combine(on, time(hour_of_day, int(minute)), SHANGHAI)  # ValueError for 25:00

    return at(h1, m1), at(h2, m2) if h2 else None


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
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = _parse_text(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=SHANGHAI)
    return moment.astimezone(SHANGHAI)


def _parse_text(text: str) -> datetime:
    day = CHINESE_DAY.search(text)
    if day and day.group(1):
        clock = _CHINESE_TIME.match(text, day.end())
        parts = [int(p) for p in day.groups()] + [int(p) if p else 0 for p in (clock.groups() if clock else ())]
        return datetime(*parts)  # raises ValueError for 2月30日
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR.search(text):
        raise ValueError(f"not a date (no year): {text!r}")
    try:
        return dateutil_parser.parse(text)
    except (ValueError, OverflowError) as error:
        raise ValueError(f"not a date: {text!r}") from error


def format_iso(moment: datetime) -> str:
    """How content files carry dates: '2022-08-27 12:19:34+08:00'."""
    return moment.astimezone(SHANGHAI).isoformat(sep=" ", timespec="seconds")
