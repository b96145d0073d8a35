"""The home page's national overview, computed once per build from the typed items and the
build's now (JIUYE_NOW), for index.html to draw without JavaScript:

- `overview` (tiles.py): each province's tile on the tile-grid map (jiuye/tilegrid.py), its open
  jobs and upcoming fairs, and the shade of its open jobs (shading.py), with the legend's ranges;
- `campaign_calendar` (campaign_calendar.py): which campaign of the registry runs in which month,
  the build's month marked.

Reads what jiuye_jobs and jiuye_fairs put in the context (`open_jobs_by_province`,
`upcoming_fairs_by_province`), so it comes after them in PLUGINS. Writes no page of its own:
Pelican writes index.html, a direct template, after every generator has filled the context.
"""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from pelican.plugins.jiuye_content import settings
from pelican.plugins.jiuye_overview.campaign_calendar import campaign_calendar
from pelican.plugins.jiuye_overview.tiles import overview


class OverviewGenerator(Generator):
    def generate_context(self) -> None:
        today = settings.build_time(self.settings).date()
        self.context.update(
            overview=overview(
                self.context.get("open_jobs_by_province", {}), self.context.get("upcoming_fairs_by_province", {})
            ),
            campaign_calendar=campaign_calendar(settings.campaigns(self.settings), today),
        )


def get_generators(pelican) -> type[Generator]:
    return OverviewGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
