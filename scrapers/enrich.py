"""An item's metadata: what `jiuye` extraction finds in it, plus its source's defaults."""

from __future__ import annotations

from jiuye import dates, extract, parsers, schema
from jiuye.campaigns import Registry
from scrapers import defaults
from scrapers.clean import Cleaned
from scrapers.item import Item
from scrapers.sources import Source


def metadata(
    item: Item, cleaned: Cleaned, places: extract.Places, source: Source, registry: Registry, slug: str
) -> dict[str, str]:
    """Pelican metadata for a news item, in the field order of files on disk; `places` are what
    its title and text are about (extract.places_about)."""
    text = "\n".join(cleaned.paragraphs)
    provinces = defaults.provinces(source, places.provinces)
    campaigns = defaults.campaigns(source, registry.named_in(f"{item.title}\n{text}"))
    sep = f"{parsers.LIST_SEPARATOR} "
    return {
        "Title": item.title,
        "Date": dates.format_iso(item.date),
        "Category": schema.NEWS,
        "Slug": slug,
        "Provinces": sep.join(p.short for p in provinces),
        "Cities": sep.join(c.name for c in places.cities),
        "Campaigns": sep.join(c.name for c in campaigns),
        "Tags": sep.join(t.replace(",", " ") for t in item.tags),
        "Source": cleaned.publisher or item.publisher or source.name or source.id,
        "Source_url": cleaned.original_url or item.url or "",
        "Summary": extract.summary(cleaned.paragraphs),
        "Origin": f"{source.id}:{item.item_id}",
    }
