"""The job-fair calendar.

- /fairs/<id>/ (template fair.html) with schema.org Event JSON-LD, and /fairs/<id>/event.ics
- /fairs/: upcoming fairs and this month's calendar grid; /fairs/<yyyy-mm>/ for every month from
  the first fair to the last; /fairs/<province>/ and /fairs/<province>/<yyyy-mm>/ (months with
  fairs there); /fairs/[<province>/]online/ and offline/ filters
- /fairs/all.ics and /fairs/<province>.ics (RFC 5545; UID from the fair's identity, DTSTAMP from its
  publication, so that two builds of the same content write the same files)
- context: `upcoming_fairs` and `upcoming_fairs_by_province` for the home and province pages

Reads each fair's typed item (article.item, jiuye.model.Fair); a fair whose Start cannot be read
never gets one (jiuye_content names it and leaves it out).
"""

from __future__ import annotations

import calendar
import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
from pelican import signals
from pelican.generators import Generator

from jiuye import dates, model, regions, schema
from pelican.plugins.jiuye_content import BUILD_TIME_SETTING, absolute_root, reject

logger = logging.getLogger(__name__)
PRODID = "-//jiuye//job fairs//ZH"
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
ATTENDANCE = {
    "线下": "https://schema.org/OfflineEventAttendanceMode",
    "线上": "https://schema.org/OnlineEventAttendanceMode",
    "线上线下": "https://schema.org/MixedEventAttendanceMode",
}
MODE_FILTERS = {"online": ("线上", ("线上", "线上线下")), "offline": ("线下", ("线下", "线上线下"))}


def address(fair: model.Fair) -> str:
    text = ""
    for part in (fair.province.name if fair.province else "", fair.city.name if fair.city else "", fair.venue):
        if part and part not in text:
            text = part if part.startswith(text) and text else text + part
    return text


def json_ld(article, fair: model.Fair, siteurl: str) -> dict:
    """schema.org Event; every value in it is also shown on the page (fair.html), which
    serialises it with the json_ld filter."""
    locations = []
    if fair.mode in ("线下", "线上线下"):
        place: dict = {"@type": "Place", "name": fair.venue or address(fair)}
        place["address"] = {
            "@type": "PostalAddress",
            "addressCountry": "CN",
            "addressRegion": fair.province.name if fair.province else "",
            **({"addressLocality": fair.city.name} if fair.city else {}),
            **({"streetAddress": fair.venue} if fair.venue else {}),
        }
        locations.append(place)
    if fair.mode in ("线上", "线上线下"):
        locations.append({"@type": "VirtualLocation", "url": fair.online_url or f"{siteurl}/{article.url}"})
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": fair.title,
        "startDate": fair.start.isoformat(),
        "eventAttendanceMode": ATTENDANCE.get(fair.mode, ATTENDANCE["线下"]),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": locations[0] if len(locations) == 1 else locations,
        "description": fair.summary or fair.title,
        "url": f"{siteurl}/{article.url}",
    }
    if fair.end:
        data["endDate"] = fair.end.isoformat()
    if fair.organizer:
        data["organizer"] = {"@type": "Organization", "name": fair.organizer}
    return data


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


@dataclass
class Month:
    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    def shifted(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)


@dataclass
class Grid:
    """A month as weeks of days, each day with its fairs: rendered as a <table>."""

    month: Month
    weeks: list[list[tuple[date | None, list]]] = field(default_factory=list)
    prev_url: str | None = None
    next_url: str | None = None
    prev_label: str = ""
    next_label: str = ""


def grid(month: Month, fairs: list) -> Grid:
    by_day = defaultdict(list)
    for article in fairs:
        day = article.fair.first_day
        while day <= article.fair.last_day:
            by_day[day].append(article)
            day += timedelta(days=1)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append([(day, by_day.get(day, [])) if day.month == month.month else (None, []) for day in week])
    return Grid(month, weeks)


class FairsGenerator(Generator):
    def generate_context(self) -> None:
        now = self.settings[BUILD_TIME_SETTING]
        self.today = now.date()
        siteurl = absolute_root(self.settings)
        self.fairs = []
        self.ics_events: dict[str, icalendar.Event] = {}
        articles = self.context.get("articles", [])
        for article in [a for a in articles if getattr(a, "kind", None) == schema.FAIR]:
            try:
                article.fair = article.item
                article.fair_json_ld = json_ld(article, article.fair, siteurl)
                article.fair_ics_url = f"{article.url}event.ics"
                self.ics_events[article.slug] = ics_event(article, article.fair, siteurl)
            except Exception as error:  # one file never stops the build
                reject(article, articles, error)
                continue
            self.fairs.append(article)
        self.fairs.sort(key=lambda a: (a.fair.first_day, a.title))
        upcoming = [a for a in self.fairs if a.fair.last_day >= self.today]
        by_province = defaultdict(list)
        for article in upcoming:
            if article.fair.province:
                by_province[article.fair.province.code].append(article)
        self.context.update(
            upcoming_fairs=upcoming,
            upcoming_fairs_by_province=dict(by_province),
            weekdays=WEEKDAYS,
            today=self.today,
        )

    def _scope(self, fairs: list) -> tuple[list, list]:
        upcoming = [a for a in fairs if a.fair.last_day >= self.today]
        past = [a for a in reversed(fairs) if a.fair.last_day < self.today]
        return upcoming, past

    def _months(self, fairs: list, with_today: bool) -> list[Month]:
        """The months that have fairs (and this month, for the national calendar): no page of an
        empty month, however far apart the fairs are."""
        keys = sorted({a.fair.month for a in fairs} | ({f"{self.today:%Y-%m}"} if with_today else set()))
        if not keys:
            return [Month.of(self.today)]
        return [Month(int(k[:4]), int(k[5:])) for k in keys]

    def _write_scope(self, writer, base: str, fairs: list, province: regions.Province | None) -> None:
        months = self._months(fairs, with_today=province is None)
        keys = [m.key for m in months]
        this_month = f"{self.today:%Y-%m}"
        upcoming, past = self._scope(fairs)
        if this_month in keys:
            shown = this_month
        elif upcoming:
            shown = upcoming[0].fair.month
        else:
            shown = keys[-1]
        grids = {}
        for index, month in enumerate(months):
            first = date(month.year, month.month, 1)
            last = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
            g = grid(month, [a for a in fairs if a.fair.first_day <= last and a.fair.last_day >= first])
            if index > 0:
                g.prev_url, g.prev_label = f"{base}{months[index - 1].key}/", months[index - 1].label
            if index < len(months) - 1:
                g.next_url, g.next_label = f"{base}{months[index + 1].key}/", months[index + 1].label
            grids[month.key] = g
        common = {
            "province": province,
            "scope_url": base,
            "months": months,
            "mode_filters": self._mode_links(base, fairs),
        }
        template = self.get_template("fairs")
        writer.write_file(
            f"{base}index.html",
            template,
            self.context,
            grid=grids[shown],
            upcoming=upcoming,
            past=past[:30],
            page_kind="index",
            **common,
        )
        for key, g in grids.items():
            in_month = [a for a in fairs if a.fair.month == key]
            writer.write_file(
                f"{base}{key}/index.html",
                template,
                self.context,
                grid=g,
                upcoming=[],
                past=[],
                month_fairs=in_month,
                page_kind="month",
                **common,
            )
        for slug, (label, modes) in MODE_FILTERS.items():
            filtered = [a for a in fairs if a.fair.mode in modes]
            if filtered:
                up, old = self._scope(filtered)
                writer.write_file(
                    f"{base}{slug}/index.html",
                    template,
                    self.context,
                    grid=None,
                    upcoming=up,
                    past=old[:30],
                    page_kind=slug,
                    mode_label=label,
                    **common,
                )

    def _mode_links(self, base: str, fairs: list) -> list[tuple[str, str, int]]:
        links = [("全部", base, len(fairs))]
        for slug, (label, modes) in MODE_FILTERS.items():
            count = sum(1 for a in fairs if a.fair.mode in modes)
            if count:
                links.append((label, f"{base}{slug}/", count))
        return links

    def generate_output(self, writer) -> None:
        self._write_scope(writer, "fairs/", self.fairs, None)
        by_province = defaultdict(list)
        for article in self.fairs:
            if article.fair.province:
                by_province[article.fair.province.code].append(article)
        output = Path(self.output_path)
        events = self.ics_events
        for province in regions.provinces():  # every province has its page, with or without fairs
            fairs = by_province.get(province.code, [])
            self._write_scope(writer, f"fairs/{province.slug}/", fairs, province)
            if fairs:
                calendar_bytes = ics_calendar(f"{province.short}招聘会", [events[a.slug] for a in fairs])
                _write(output / "fairs" / f"{province.slug}.ics", calendar_bytes)
        if self.fairs:
            _write(output / "fairs" / "all.ics", ics_calendar("全国招聘会", list(events.values())))
        for article in self.fairs:
            _write(output / article.fair_ics_url, ics_calendar(article.title, [events[article.slug]]))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def get_generators(pelican) -> type[Generator]:
    return FairsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
