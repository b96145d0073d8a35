"""A month of the fair calendar as weeks of days, each day with its fairs."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta


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
