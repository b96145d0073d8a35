"""Province and campaign pages, the news listing, and an Atom feed per province and campaign.

URLs (jiuye_content/settings.py, URLS): /province/<slug>/, /campaign/<slug>/, /province/, /campaign/,
/news/; feeds at /province/<slug>/atom.xml, /campaign/<slug>/atom.xml and /news/atom.xml.
Reads each article's typed item (article.item, jiuye.model) that the jiuye_content plugin attaches.
Province and campaign pages carry figure cards: the counts their news reports (figures.py).
These replace Pelican's categories, tags and authors, whose groups are dropped once read when the
settings write neither their pages nor their feeds (drop_unwritten_groups).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pelican import signals
from pelican.generators import Generator

from jiuye import figure_cards, regions, schema
from jiuye.campaigns import Campaign, Registry
from jiuye.figure_cards import Card, Table
from pelican.plugins.jiuye_content import settings
from pelican.plugins.jiuye_content.settings import URLS, Route
from pelican.plugins.jiuye_taxonomy import body_cache
from pelican.plugins.jiuye_taxonomy.figure_cache import FigureCache
from pelican.plugins.jiuye_taxonomy.figures import all_cards


@dataclass
class Listing:
    """One province's or campaign's page: what it is and its news, newest first."""

    subject: regions.Province | Campaign
    route: Route
    feed: Route
    news: list = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)  # its figures (figures.py)
    fairs: list = field(default_factory=list)  # a campaign's fairs, by day
    table: Table | None = None  # a campaign's provinces and their figures
    active: list[tuple[Campaign, bool]] = field(default_factory=list)  # a province's campaigns this year, running now?

    @property
    def slug(self) -> str:
        return self.subject.slug

    @property
    def url(self) -> str:
        return self.route.url(slug=self.slug)

    @property
    def save_as(self) -> str:
        return self.route.save_as(slug=self.slug)

    @property
    def feed_url(self) -> str:
        return self.feed.url(slug=self.slug)

    @property
    def feed_save_as(self) -> str:
        return self.feed.save_as(slug=self.slug)

    @property
    def editions(self) -> list[tuple[int, int]]:
        """(year, news that year) of a campaign's editions, newest first."""
        years: dict[int, int] = {}
        for article in self.news:
            years[article.date.year] = years.get(article.date.year, 0) + 1
        return sorted(years.items(), reverse=True)

    @property
    def by_city(self) -> list[tuple[regions.City, list]]:
        """A province's news by the city it is about, the city with most news first."""
        if not isinstance(self.subject, regions.Province):
            return []
        grouped: dict[regions.City, list] = {}
        for article in self.news:
            for city in article.item.cities:
                if city.province_code == self.subject.code:
                    grouped.setdefault(city, []).append(article)
        return sorted(grouped.items(), key=lambda pair: (-len(pair[1]), pair[0].code, pair[0].name))


# Pelican's groups of articles, and the settings that write a page or a feed of each group.
GROUP_OUTPUTS = {
    "categories": ("CATEGORY_SAVE_AS", "CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"),
    "tags": ("TAG_SAVE_AS", "TAG_FEED_ATOM", "TAG_FEED_RSS"),
    "authors": ("AUTHOR_SAVE_AS", "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS"),
}


def drop_unwritten_groups(generator) -> None:
    """Empties the groups no page or feed is written of: Pelican would still list each group's
    articles by date for its page, in time quadratic in the number of articles
    (ArticlesGenerator.generate_categories and …_authors: every article is one author's)."""
    for group, outputs in GROUP_OUTPUTS.items():
        if not any(generator.settings.get(output) for output in outputs):
            getattr(generator, group).clear()


def _news_by_province(news: list) -> dict[regions.Province, int]:
    counts: dict[regions.Province, int] = {}
    for article in news:
        for province in article.item.provinces:
            counts[province] = counts.get(province, 0) + 1
    return counts


def _this_years_campaigns(news: list, today, registry: Registry) -> list[tuple[Campaign, bool]]:
    """A province's campaigns this year, each with whether it runs now: the national campaigns
    whose period runs now (every province takes part), then the others its news this year names."""
    running = [c for c in registry.campaigns if c.period and today.month in c.period.months]
    named = [c for a in news if a.date.year == today.year for c in a.item.campaigns]
    return [(c, True) for c in running] + [(c, False) for c in dict.fromkeys(named) if c not in running]


class TaxonomyGenerator(Generator):
    def generate_context(self) -> None:
        registry = settings.campaigns(self.settings)
        news = [a for a in self.context.get("articles", []) if getattr(a, "kind", None) == schema.NEWS]
        news.sort(key=lambda a: a.date, reverse=True)
        provinces = {p.code: Listing(p, URLS.province, URLS.province_feed) for p in regions.provinces()}
        campaigns = {c.slug: Listing(c, URLS.campaign, URLS.campaign_feed) for c in registry.campaigns}
        for article in news:
            for province in article.item.provinces:
                provinces[province.code].news.append(article)
            for campaign in article.item.campaigns:
                campaigns[campaign.slug].news.append(article)
        cards = all_cards(news, FigureCache(self.settings, registry))
        for listing in provinces.values():
            listing.cards = figure_cards.for_province(cards, listing.subject.code)
        for article in self.context.get("articles", []):
            if getattr(article, "kind", None) == schema.FAIR:
                for campaign in article.item.campaigns:
                    campaigns[campaign.slug].fairs.append(article)
        for listing in campaigns.values():
            listing.cards = figure_cards.for_campaign(cards, listing.slug)
            listing.fairs.sort(key=lambda a: (a.item.first_day, a.title))
            listing.table = figure_cards.province_table(listing.cards, _news_by_province(listing.news))
        today = settings.build_time(self.settings).date()
        for listing in provinces.values():
            listing.active = _this_years_campaigns(listing.news, today, registry)
        self.provinces = list(provinces.values())
        self.campaigns = list(campaigns.values())
        self.news = news
        self.context.update(
            news=news,
            province_listings=self.provinces,
            campaign_listings=self.campaigns,
        )

    def _write_listing(self, writer, listing: Listing, template: str, **extra) -> None:
        writer.write_file(
            listing.save_as,
            self.get_template(template),
            self.context,
            paginated={"articles": listing.news},
            template_name=template,
            url=listing.url,
            listing=listing,
            articles=listing.news,
            **extra,
        )
        if listing.news:
            writer.write_feed(
                listing.news,
                self.context,
                listing.feed_save_as,
                listing.feed_url,
                feed_title=f"{self.settings['SITENAME']} · {listing.subject}",
            )

    def generate_output(self, writer) -> None:
        for listing in self.provinces:
            self._write_listing(writer, listing, "province", province=listing.subject)
        for listing in self.campaigns:
            listing.fairs = [a for a in listing.fairs if not a.rejected]  # the fairs plugin reads them after us
            self._write_listing(writer, listing, "campaign", campaign=listing.subject)
        writer.write_file(URLS.provinces.save_as(), self.get_template("provinces"), self.context)
        writer.write_file(URLS.campaigns.save_as(), self.get_template("campaigns"), self.context)
        writer.write_file(
            URLS.news.save_as(),
            self.get_template("news_index"),
            self.context,
            paginated={"articles": self.news},
            template_name="news_index",
            url=URLS.news.url(),
            articles=self.news,
        )
        if self.news:
            writer.write_feed(
                self.news,
                self.context,
                URLS.news_feed.save_as(),
                URLS.news_feed.url(),
                feed_title=f"{self.settings['SITENAME']} · 新闻",
            )


def get_generators(pelican) -> type[Generator]:
    return TaxonomyGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.article_generator_finalized.connect(drop_unwritten_groups)
    signals.article_generator_finalized.connect(body_cache.recall)
