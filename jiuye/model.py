"""The typed item: a file's front matter read once (jiuye.schema's parsers) into News, Job or Fair.

The build (plugins/jiuye_content) attaches the item to each article as `article.item`; listings,
calendars, JSON-LD and the search index read its typed values and never parse metadata text.
Dataclasses, not pydantic: each field already has one parser with the reason editors read (in
Chinese), a bad optional field is left out rather than failing the item, and nothing here is
serialised; plain frozen dataclasses say that with no second validation layer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from jiuye import dates, job_terms, regions, schema
from jiuye.campaigns import Campaign
from jiuye.contact import Contact
from jiuye.salary import Salary

UID_DOMAIN = "jiuye"


@dataclass(frozen=True)
class Item:
    title: str
    date: datetime
    slug: str
    summary: str
    provinces: tuple[regions.Province, ...]
    cities: tuple[regions.City, ...]
    campaigns: tuple[Campaign, ...]
    groups: tuple[job_terms.Level, ...]  # the target groups it is for
    source: str
    source_url: str | None

    kind = schema.NEWS

    @property
    def province(self) -> regions.Province | None:
        return self.provinces[0] if self.provinces else None

    @property
    def city(self) -> regions.City | None:
        return self.cities[0] if self.cities else None


@dataclass(frozen=True)
class News(Item):
    image: str | None = None
    same_as: str | None = None  # the slug of the item this one repeats: shown there as 另见


@dataclass(frozen=True)
class Job(Item):
    employer: str = ""
    district: str | None = None  # a municipality's district: 朝阳区
    salary: Salary | None = None
    salary_text: str = ""  # as the source wrote it
    education: job_terms.Level | None = None
    experience: job_terms.Level | None = None
    openings: int | None = None
    employment_type: str | None = None
    valid_through: datetime | None = None
    apply_url: str | None = None
    contact: Contact | None = None  # the contact line and the numbers in it a phone can dial

    kind = schema.JOB

    def closes(self, max_age: timedelta | None = None) -> datetime | None:
        """When it leaves the open listings: its Valid_through, else `max_age` after it was posted
        (a posting that says no deadline is not open for ever)."""
        return self.valid_through or (self.date + max_age if max_age else None)

    def expired(self, now: datetime, max_age: timedelta | None = None) -> bool:
        closes = self.closes(max_age)
        return bool(closes and closes < now)


@dataclass(frozen=True)
class Fair(Item):
    start: date | datetime = date.min
    end: date | datetime | None = None
    mode: str = schema.OFFLINE
    venue: str = ""
    online_url: str | None = None
    organizer: str = ""
    employers: int | None = None
    positions: int | None = None
    employers_text: str = ""  # as the source wrote the count: "200余"
    positions_text: str = ""
    news: str | None = None  # the slug of the news item the fair was read from

    kind = schema.FAIR

    @property
    def in_person(self) -> bool:
        return self.mode in (schema.OFFLINE, schema.MIXED)

    @property
    def online(self) -> bool:
        return self.mode in (schema.ONLINE, schema.MIXED)

    @property
    def uid(self) -> str:
        """The fair's identity in calendars (iCalendar UID)."""
        return f"{self.slug}@{UID_DOMAIN}"

    @property
    def news_url(self) -> str | None:
        return f"news/{self.news}/" if self.news else None

    def when(self) -> str:
        """As people read it: 2026年11月28日 09:00—12:00."""
        first = self.first_day
        text = f"{first.year}年{first.month}月{first.day}日"
        if not self.all_day:
            text += f" {self.start.astimezone(dates.SHANGHAI):%H:%M}"
            if self.end and _day(self.end) == first:
                return f"{text}—{self.end.astimezone(dates.SHANGHAI):%H:%M}"
        if self.end and self.last_day != first:
            return f"{text} 至 {self.last_day.month}月{self.last_day.day}日"
        return text

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def first_day(self) -> date:
        return _day(self.start)

    @property
    def last_day(self) -> date:
        return _day(self.end) if self.end else self.first_day

    @property
    def month(self) -> str:
        return f"{self.first_day:%Y-%m}"

    def is_over(self, today: date) -> bool:
        """Its last day has passed (已结束): it leaves upcoming lists."""
        return self.last_day < today


def _day(moment: date | datetime) -> date:
    return moment.astimezone(dates.SHANGHAI).date() if isinstance(moment, datetime) else moment


def _salary(values: Mapping[str, Any]) -> Salary | None:
    low, high = values.get("salary_min"), values.get("salary_max")
    if low is not None or high is not None:
        return Salary(low, high, values.get("salary_unit", "月"), values.get("salary_months"))
    if values.get("salary_text") == "面议":
        return Salary(None, None, negotiable=True)
    return None


def item(values: Mapping[str, Any], date_: datetime, slug: str) -> Item:
    """The item of one file's valid typed values (schema.read); its required fields are there."""
    kind = schema.kind_of(values)
    common = {
        "title": values.get("title", ""),
        "date": date_,
        "slug": slug,
        "summary": " ".join(str(values.get("summary", "")).split()),
        "provinces": values.get("provinces") or ((values["province"],) if "province" in values else ()),
        "cities": values.get("cities") or values.get("city") or (),
        "campaigns": values.get("campaigns", ()),
        "groups": values.get("target_groups", ()),
        "source": values.get("source", ""),
        "source_url": values.get("source_url"),
    }
    if kind == schema.JOB:
        return Job(
            **common,
            employer=values["employer"],
            district=values.get("district"),
            salary=_salary(values),
            salary_text=values.get("salary_text", ""),
            education=values.get("education"),
            experience=values.get("experience"),
            openings=values.get("openings"),
            employment_type=values.get("employment_type"),
            valid_through=values.get("valid_through"),
            apply_url=values.get("apply_url"),
            contact=values.get("contact"),
        )
    if kind == schema.FAIR:
        return Fair(
            **common,
            start=values["start"],
            end=values.get("end"),
            mode=values.get("mode", schema.OFFLINE),
            venue=values.get("venue", ""),
            online_url=values.get("online_url"),
            organizer=values.get("organizer", ""),
            employers=values.get("employers"),
            positions=values.get("positions"),
            employers_text=values.get("employers_text", ""),
            positions_text=values.get("positions_text", ""),
            news=values.get("news"),
        )
    return News(**common, image=values.get("image"), same_as=values.get("same_as"))
