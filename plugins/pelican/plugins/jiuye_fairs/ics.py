"""iCalendar (RFC 5545) events and calendars of fairs: UID from the fair's identity, DTSTAMP from
its publication, a fixed calendar UID, so that two builds of the same content write the same files."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import icalendar

from jiuye import dates, model
from pelican.plugins.jiuye_fairs.json_ld import address

PRODID = "-//jiuye//job fairs//ZH"


def ics_event(article, fair: model.Fair, siteurl: str) -> icalendar.Event:
    start: date | datetime = fair.start
    end = fair.end
    if fair.all_day:
        end = fair.last_day + timedelta(days=1)  # the DTEND of a day is exclusive
    elif end is None:
        end = start + timedelta(hours=3)
    facts = [f"形式：{fair.mode}"]
    if fair.employers is not None:
        facts.append(f"参会单位：{fair.employers_text or fair.employers}家")
    if fair.positions is not None:
        facts.append(f"岗位：{fair.positions_text or fair.positions}个")
    if fair.organizer:
        facts.append(f"主办：{fair.organizer}")
    if fair.online_url:
        facts.append(f"线上参会：{fair.online_url}")
    facts.append(f"详情：{siteurl}/{article.url}")
    return icalendar.Event.new(
        uid=fair.uid,
        summary=fair.title,
        start=start,
        end=end,
        stamp=fair.date.astimezone(dates.SHANGHAI),
        location=address(fair) or None,
        description="\n".join(facts),
        url=f"{siteurl}/{article.url}",
        categories=["招聘会", fair.mode],
    )


def ics_calendar(name: str, events: list[icalendar.Event]) -> bytes:
    # A fixed calendar UID (not icalendar's random default) keeps rebuilt files identical.
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"{model.UID_DOMAIN}:{name}")
    cal = icalendar.Calendar.new(prodid=PRODID, name=name, calscale="GREGORIAN", method="PUBLISH", uid=uid)
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
