"""iCalendar (.ics) feeds of job fairs, read with the `icalendar` library: one fair per VEVENT."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import icalendar

from jiuye import dates, schema
from jiuye.schema import Problem
from scrapers.fetch import Fetcher
from scrapers.item import RawFair, SourceError, guard, item_problem
from scrapers.sources import Source


def _text(event: icalendar.Event, name: str) -> str:
    value = event.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def _when(event: icalendar.Event, name: str) -> str:
    prop = event.get(name)
    if prop is None:
        return ""
    value = prop.dt
    if name == "DTEND" and isinstance(value, date) and not isinstance(value, datetime):
        value -= timedelta(days=1)  # an all-day DTEND is exclusive; our End is the last day
        start = event.get("DTSTART")
        if start is not None and value <= start.dt:
            return ""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dates.SHANGHAI)  # floating time: the fair's local time
        return dates.format_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _organizer(event: icalendar.Event) -> str:
    """ORGANIZER;CN=湖北省人社厅:mailto:… -> 湖北省人社厅."""
    prop = event.get("ORGANIZER")
    return str(prop.params.get("CN", "")) if prop is not None else ""


def read(source: Source, fetcher: Fetcher) -> Iterator[RawFair | Problem]:
    data = fetcher.get(source.url).data
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except ValueError as error:
        raise SourceError(f"不是有效的 iCalendar：{error}") from error
    events = list(calendar.walk("VEVENT"))
    for position, event in enumerate(events, start=1):
        yield guard(source.id, f"VEVENT #{position}", _fair, source, event, position)


def _fair(source: Source, event: icalendar.Event, position: int) -> RawFair | Problem:
    uid = _text(event, "UID") or f"VEVENT #{position}"
    try:
        start, end = _when(event, "DTSTART"), _when(event, "DTEND")
    except (ValueError, TypeError, OverflowError) as error:
        return item_problem(source.id, uid, "DTSTART", "", f"无法识别的时间：{error}")
    url = _text(event, "URL")
    location = _text(event, "LOCATION")
    online = location if location.startswith(("http://", "https://")) else ""
    categories = event.get("CATEGORIES")
    terms = [
        str(c)
        for cat in (categories if isinstance(categories, list) else [categories])
        if cat
        for c in getattr(cat, "cats", [cat])
    ]
    return RawFair(
        source.id,
        uid,
        {
            "id": uid,
            "title": _text(event, "SUMMARY"),
            "start": start,
            "end": end,
            "location": "" if online else location,
            "online_url": online or (url if schema.ONLINE in terms else ""),
            "description": _text(event, "DESCRIPTION").replace("\n", "<br>"),
            "organizer": _organizer(event),
            "url": url,
            "date": _when(event, "DTSTAMP") or _when(event, "LAST-MODIFIED"),
            "mode": next((t for t in terms if t in schema.FAIR_MODES), ""),
        },
        base_url=url or None,
    )
