"""The portal's figure cards: what reports say was done, one card per count.

A count is one kind of figure (实现就业, 爱心岗位 …) for one province (or the nation) in one
campaign's edition (its year). The same number reported by several articles is one card listing
them all; a later report of the count supersedes an earlier one, and the card says "截至" its day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from unicodedata import normalize
from urllib.parse import quote

from jiuye.regions import Province
from jiuye.report_figures import LABELS, Figure


@dataclass(frozen=True)
class Report:
    """A figure and the article it was read from."""

    figure: Figure
    url: str
    title: str

    @cached_property  # a report is listed on its province's, its campaign's and the national cards
    def text_fragment(self) -> str:
        """A URL fragment that takes a browser to the figure's clause in its article
        (#:~:text=…, all percent-encoded: "-", "," and "&" are the fragment's own syntax)."""
        number = self.figure.count.text  # NFKC-normalised, as the figure was read
        clause = next((c for c in _CLAUSES.split(self.figure.sentence) if number in normalize("NFKC", c)), "")
        encoded = quote(clause.strip(), safe="").replace("-", "%2D")  # quote keeps "-": unreserved in URLs
        return f"#:~:text={encoded}" if encoded else ""


@dataclass
class Card:
    figure: Figure  # the latest report of the count
    sources: list[Report] = field(default_factory=list)  # every article that gives this number
    supersedes: bool = False  # an earlier report gave another number

    @property
    def day(self) -> date:
        return self.figure.day

    @property
    def value_text(self) -> str:
        """The number as written, without its spacing: "11万", "近百", "3000多"."""
        return "".join(self.figure.count.text.split())


_CLAUSES = re.compile(r"[,，;；:：。！？!?“”\"]")  # as written or normalised

_KIND_ORDER = {kind: number for number, kind in enumerate(LABELS)}


def _count_key(figure: Figure) -> tuple:
    return (
        figure.province.code if figure.province else "",
        figure.campaign.slug if figure.campaign else "",
        figure.day.year,
        figure.kind,
        figure.what,
    )


def cards(reports: Iterable[Report]) -> list[Card]:
    """One card per count: its latest number (the largest, when one day gives several), with
    every article giving that number; kinds in LABELS' order, newest first within a kind."""
    by_count: dict[tuple, list[Report]] = {}
    for report in reports:
        by_count.setdefault(_count_key(report.figure), []).append(report)
    made = []
    for same_count in by_count.values():
        latest = max(same_count, key=lambda r: (r.figure.day, r.figure.count.value))
        value = latest.figure.count.value
        giving = [r for r in same_count if r.figure.count.value == value]
        sources = list({r.url: r for r in sorted(giving, key=lambda r: (r.figure.day, r.url))}.values())
        supersedes = any(r.figure.count.value != value and r.figure.day < latest.figure.day for r in same_count)
        made.append(Card(latest.figure, sources, supersedes))
    made.sort(key=lambda c: (_KIND_ORDER[c.figure.kind], -c.day.toordinal(), c.figure.what, c.sources[0].url))
    return made


def for_province(all_cards: Sequence[Card], code: str) -> list[Card]:
    return [c for c in all_cards if c.figure.province and c.figure.province.code == code]


def for_campaign(all_cards: Sequence[Card], slug: str) -> list[Card]:
    """A campaign's cards, the national ones first."""
    own = [c for c in all_cards if c.figure.campaign and c.figure.campaign.slug == slug]
    return sorted(own, key=lambda c: c.figure.province is not None)


@dataclass
class Row:
    province: Province
    news: int = 0  # the campaign's news about it
    cells: dict[str, Card] = field(default_factory=dict)  # column (what it counts) -> its latest card


@dataclass
class Table:
    """A campaign's provinces and their figures, in one order per column (a view each, so a page
    sorts without JavaScript: each view is a link target)."""

    columns: list[str]
    rows: list[Row]

    def sorted_by(self, column: str | None) -> list[Row]:
        """Largest first by `column`'s number (rows without one last); by province code for None."""
        if column is None:
            return sorted(self.rows, key=lambda r: r.province.code)
        return sorted(self.rows, key=lambda r: (column not in r.cells, -_value(r, column), r.province.code))


def _value(row: Row, column: str) -> int:
    return row.cells[column].figure.count.value if column in row.cells else 0


def province_table(campaign_cards: Sequence[Card], news_by_province: dict[Province, int]) -> Table:
    """One row per province with news or figures in the campaign; a column per thing counted."""
    rows: dict[str, Row] = {p.code: Row(p, count) for p, count in news_by_province.items()}
    for card in campaign_cards:
        province = card.figure.province
        if province is None:
            continue
        row = rows.setdefault(province.code, Row(province))
        held = row.cells.get(card.figure.what)
        if held is None or card.day > held.day:
            row.cells[card.figure.what] = card
    present = {what for row in rows.values() for what in row.cells}
    order = {what: _KIND_ORDER[c.figure.kind] for c in campaign_cards for what in [c.figure.what]}
    columns = sorted(present, key=lambda what: (order[what], what not in LABELS.values(), what))
    return Table(columns, list(rows.values()))
