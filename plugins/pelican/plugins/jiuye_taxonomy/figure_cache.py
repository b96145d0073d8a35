"""The figures of each news article, kept between builds by a digest of what they are read from
(title, body text, date, provinces, campaigns, and the campaign registry), in the cache folder
(keyed by the code digest: other code reads afresh). A warm build reads again only new and
edited articles. On with Pelican's cache (CACHE_CONTENT), loaded with LOAD_CONTENT_CACHE."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date

from jiuye import figures, regions, report_figures
from jiuye.campaigns import Campaign, Registry
from jiuye.report_figures import Figure
from pelican.plugins.jiuye_pages.store import load_record, record_path, write_whole

FILE = "figures.json"


class FigureCache:
    def __init__(self, settings: Mapping, registry: Registry) -> None:
        self.path = record_path(settings, FILE)
        self.kept: dict[str, list] = load_record(self.path, settings, json.loads)
        self.found: dict[str, list] = {}
        self.registry = registry
        self.salt = hashlib.sha256(repr(registry.campaigns).encode("utf-8")).digest()
        self.campaigns = {campaign.slug: campaign for campaign in registry.campaigns}

    def find(
        self, title: str, body: str, day: date, about: Sequence[regions.Province], campaigns: Sequence[Campaign]
    ) -> list[Figure]:
        """report_figures.find(title, body, day, about, registry.named_in, campaigns), kept."""
        places, named = " ".join(p.code for p in about), " ".join(c.slug for c in campaigns)
        text = "\0".join((title, body, day.isoformat(), places, named))
        key = hashlib.sha256(self.salt + text.encode("utf-8")).hexdigest()
        rows = self.kept.get(key)
        if rows is None:
            found = report_figures.find(title, body, day, about, self.registry.named_in, campaigns)
            rows = [_row(figure) for figure in found]
        else:
            found = [self._figure(row) for row in rows]
        self.found[key] = rows
        return found

    def save(self) -> None:
        """This build's figures, and only those."""
        if self.path:
            write_whole(self.path, json.dumps(self.found, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def _figure(self, row: list) -> Figure:
        kind, value, text, approximate, unit, what, sentence, province, campaign, day = row
        return Figure(
            kind,
            figures.Count(value, text, approximate),
            unit,
            what,
            sentence,
            regions.province_by_code(province) if province else None,
            self.campaigns[campaign] if campaign else None,
            date.fromisoformat(day),
        )


def _row(figure: Figure) -> list:
    count = figure.count
    province = figure.province.code if figure.province else None
    campaign = figure.campaign.slug if figure.campaign else None
    return [figure.kind, count.value, count.text, count.approximate, figure.unit, figure.what, figure.sentence,
            province, campaign, figure.day.isoformat()]  # fmt: skip
