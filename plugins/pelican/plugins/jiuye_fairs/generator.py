"""The fair pages and calendars: reads each fair's typed item, writes /fairs/… pages and .ics files
(URLs: jiuye_content/settings.py, URLS)."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from pathlib import Path

import icalendar
from pelican.generators import Generator

from jiuye import model, regions, schema
from pelican.plugins.jiuye_content import absolute_root, by_province, reject, settings, write_file
from pelican.plugins.jiuye_content.settings import URLS, Route
from pelican.plugins.jiuye_fairs.grid import Month, grid
from pelican.plugins.jiuye_fairs.ics import ics_calendar, ics_event
from pelican.plugins.jiuye_fairs.json_ld import json_ld
from pelican.plugins.jiuye_shards import owns

WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
# /fairs/…/online/ and offline/: label, and which fairs each lists.
MODE_FILTERS: dict[str, tuple[str, Callable[[model.Fair], bool]]] = {
    "online": (schema.ONLINE, lambda fair: fair.online),
    "offline": (schema.OFFLINE, lambda fair: fair.in_person),
}


class FairsGenerator(Generator):
    def generate_context(self) -> None:
        now = settings.build_time(self.settings)
        self.today = now.date()
        siteurl = absolute_root(self.settings)
        self.fairs = []
        self.ics_events: dict[str, icalendar.Event] = {}
        articles = self.context.get("articles", [])
        news = {a.slug for a in articles if getattr(a, "kind", None) == schema.NEWS}
        for article in [a for a in articles if getattr(a, "kind", None) == schema.FAIR]:
            try:
                article.fair = article.item
                # The news item it was read from, if that is on the site (an editor may have deleted it).
                article.news_link = article.fair.news_url if article.fair.news in news else None
                article.fair_json_ld = json_ld(article, article.fair, siteurl)
                article.fair_ics_url = URLS.fair_calendar.url(slug=article.slug)
                self.ics_events[article.slug] = ics_event(article, article.fair, siteurl)
            except Exception as error:  # one file never stops the build
                reject(article, articles, error)
                continue
            self.fairs.append(article)
        self.fairs.sort(key=lambda a: (a.fair.first_day, a.title))
        upcoming, past = self._scope(self.fairs)
        self.context.update(
            upcoming_fairs=upcoming,
            upcoming_fairs_by_province=by_province(upcoming),
            past_fairs_by_province=by_province(past),  # the latest first
            weekdays=WEEKDAYS,
            today=self.today,
        )

    def _scope(self, fairs: list) -> tuple[list, list]:
        upcoming = [a for a in fairs if not a.fair.is_over(self.today)]
        past = [a for a in reversed(fairs) if a.fair.is_over(self.today)]
        return upcoming, past

    @staticmethod
    def _months(fairs: list) -> list[Month]:
        """The months that have fairs: no page or link of an empty month, however far apart the fairs are."""
        return [Month(int(k[:4]), int(k[5:])) for k in sorted({a.fair.month for a in fairs})]

    def _write_scope(self, writer, fairs: list, province: regions.Province | None) -> None:
        scope = province.slug if province else None
        months = self._months(fairs)
        keys = [m.key for m in months]
        this_month = f"{self.today:%Y-%m}"
        upcoming, past = self._scope(fairs)
        if this_month in keys:
            shown = this_month
        elif upcoming:
            shown = upcoming[0].fair.month
        else:
            shown = keys[-1] if keys else None
        grids = {}
        for index, month in enumerate(months):
            first = date(month.year, month.month, 1)
            last = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
            g = grid(month, [a for a in fairs if a.fair.first_day <= last and a.fair.last_day >= first])
            if index > 0:
                g.prev_url = URLS.fairs.url(province=scope, month=months[index - 1].key)
                g.prev_label = months[index - 1].label
            if index < len(months) - 1:
                g.next_url = URLS.fairs.url(province=scope, month=months[index + 1].key)
                g.next_label = months[index + 1].label
            grids[month.key] = g
        common = {
            "province": province,
            "months": months,
            "mode_filters": self._mode_links(scope, fairs),
            "calendar_url": self._calendar(province).url(slug=scope),
        }
        template = self.get_template("fairs")
        writer.write_file(
            URLS.fairs.save_as(province=scope),
            template,
            self.context,
            grid=grids.get(shown),
            upcoming=upcoming,
            past=past[:30],
            page_kind="index",
            **common,
        )
        for key, g in grids.items():
            in_month = [a for a in fairs if a.fair.month == key]
            writer.write_file(
                URLS.fairs.save_as(province=scope, month=key),
                template,
                self.context,
                grid=g,
                upcoming=[],
                past=[],
                month_fairs=in_month,
                page_kind="month",
                **common,
            )
        for slug, (label, listed) in MODE_FILTERS.items():
            filtered = [a for a in fairs if listed(a.fair)]
            if filtered:
                up, old = self._scope(filtered)
                writer.write_file(
                    URLS.fairs.save_as(province=scope, mode=slug),
                    template,
                    self.context,
                    grid=None,
                    upcoming=up,
                    past=old[:30],
                    page_kind=slug,
                    mode_label=label,
                    **common,
                )

    def _mode_links(self, scope: str | None, fairs: list) -> list[tuple[str, str, int]]:
        links = [("全部", URLS.fairs.url(province=scope), len(fairs))]
        for slug, (label, listed) in MODE_FILTERS.items():
            count = sum(1 for a in fairs if listed(a.fair))
            if count:
                links.append((label, URLS.fairs.url(province=scope, mode=slug), count))
        return links

    @staticmethod
    def _calendar(province: regions.Province | None) -> Route:
        """The .ics of every fair, or of a province's."""
        return URLS.province_fairs_calendar if province else URLS.fairs_calendar

    def generate_output(self, writer) -> None:
        self._write_scope(writer, self.fairs, None)
        in_province = by_province(self.fairs)
        events = self.ics_events
        for province in regions.provinces():  # every province has its page, with or without fairs
            fairs = in_province.get(province.code, [])
            self._write_scope(writer, fairs, province)
            if fairs:
                name = self._calendar(province).save_as(slug=province.slug)
                self._write(name, f"{province.short}招聘会", [events[a.slug] for a in fairs])
        if self.fairs:
            self._write(self._calendar(None).save_as(), "全国招聘会", list(events.values()))
        for article in self.fairs:
            self._write(URLS.fair_calendar.save_as(slug=article.slug), article.title, [events[article.slug]])

    def _write(self, name: str, title: str, events: list) -> None:
        """A calendar file, made and written only by the shard that owns it (jiuye_shards)."""
        if owns(self.settings, name):
            write_file(Path(self.output_path) / name, ics_calendar(title, events))
