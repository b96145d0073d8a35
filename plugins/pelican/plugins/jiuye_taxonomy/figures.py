"""Figure cards for province and campaign pages, read out of the news (jiuye.report_figures) and
merged into one card per count (jiuye.figure_cards)."""

from __future__ import annotations

import logging

from jiuye import figure_cards
from jiuye.figure_cards import Card, Report
from pelican.plugins.jiuye_content import body_lines
from pelican.plugins.jiuye_taxonomy.figure_cache import FigureCache

logger = logging.getLogger(__name__)


def reports_of(article, kept: FigureCache) -> list[Report]:
    """The figures one news article gives, with its link."""
    body = "\n".join(body_lines(article))
    item = article.item
    found = kept.find(article.title, body, item.date.date(), item.provinces, item.campaigns)
    return [Report(figure, article.url, article.title) for figure in found]


def all_cards(news: list, kept: FigureCache) -> list[Card]:
    reports: list[Report] = []
    for article in news:
        try:
            reports.extend(reports_of(article, kept))
        except Exception as error:  # one article's text never stops the build
            logger.error("%s: 读取数据失败 (figures not read): %s", article.source_path, error)
    kept.save()
    return figure_cards.cards(reports)
