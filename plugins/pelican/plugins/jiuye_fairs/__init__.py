"""The job-fair calendar.

- /fairs/<id>/ (template fair.html) with schema.org Event JSON-LD, and /fairs/<id>/event.ics
- /fairs/: upcoming fairs and this month's calendar grid; /fairs/<yyyy-mm>/ for every month from
  the first fair to the last; /fairs/<province>/ and /fairs/<province>/<yyyy-mm>/ (months with
  fairs there); /fairs/[<province>/]online/ and offline/ filters
- /fairs/all.ics and /fairs/<province>.ics (RFC 5545; UID from the fair's identity, DTSTAMP from its
  publication, so that two builds of the same content write the same files)
- context: `upcoming_fairs` and `upcoming_fairs_by_province` for the home and province pages,
  `past_fairs_by_province` (the latest first) for the province pages

Reads each fair's typed item (article.item, jiuye.model.Fair); a fair whose Start cannot be read
never gets one (jiuye_content names it and leaves it out).
"""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from pelican.plugins.jiuye_fairs.generator import FairsGenerator


def get_generators(pelican) -> type[Generator]:
    return FairsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
