"""The year's campaign calendar on the home page: which campaign of the registry runs in which
month (each campaign's Period, jiuye.campaigns), the build's month marked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jiuye.campaigns import Campaign, Period, Registry
from pelican.plugins.jiuye_content.settings import URLS

MONTHS = tuple(range(1, 13))


@dataclass(frozen=True)
class CampaignRow:
    campaign: Campaign
    months: frozenset[int]  # the months it runs in, 1-12; empty when the registry gives none
    running: bool  # in the build's month

    @property
    def url(self) -> str:
        return URLS.campaign.url(slug=self.campaign.slug)

    @property
    def when(self) -> str:
        """Its months in words: 4 月, 1—2 月, 9 月—次年 6 月."""
        period = self.campaign.period
        if period is None:
            return "时间不定"
        return months_text(period)


@dataclass(frozen=True)
class CampaignCalendar:
    year: int
    month: int  # the build's
    rows: tuple[CampaignRow, ...]  # by the month each starts; the registry's order within a month
    months: tuple[int, ...] = MONTHS


def months_text(period: Period) -> str:
    first, last = period.first_month, period.last_month
    if first == last:
        return f"{first} 月"
    if first < last:
        return f"{first}—{last} 月"
    return f"{first} 月—次年 {last} 月"


def campaign_calendar(registry: Registry, today: date) -> CampaignCalendar:
    rows = []
    for campaign in registry.campaigns:
        months = frozenset(campaign.period.months if campaign.period else ())
        rows.append(CampaignRow(campaign, months, today.month in months))
    rows.sort(key=lambda row: row.campaign.period.first_month if row.campaign.period else 13)
    return CampaignCalendar(today.year, today.month, tuple(rows))
