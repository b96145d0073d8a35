"""Job fairs to Pelican metadata: announced by a source (RawFair) or reported in a news item.

A fair with no date, or an impossible one, is not a calendar entry: it is reported and left out.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, datetime

from jiuye import dates, fair_text, fair_words, figures, model, schema
from jiuye.campaigns import Registry
from jiuye.job_terms import location, target_groups
from scrapers import defaults
from scrapers.clean import clean
from scrapers.item import Normalised, RawFair, refuse
from scrapers.sources import Source


def fair_id(province: str, city: str, start: str, title: str) -> str:
    """Stable across runs and builds: it becomes the iCalendar UID."""
    key = "|".join(unicodedata.normalize("NFKC", part).replace(" ", "") for part in (province, city, start[:10], title))
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def format_moment(moment: date | datetime) -> str:
    return dates.format_iso(moment) if isinstance(moment, datetime) else moment.isoformat()


def _count_fields(meta: dict[str, str], key: str, count: figures.Count | None) -> None:
    if count:
        meta[key] = str(count.value)
        meta[f"{key}_text"] = count.text


def to_item(raw: RawFair, source: Source, registry: Registry) -> Normalised:
    fields = raw.fields
    title = " ".join(fields.get("title", "").split())
    if not title:
        raise refuse("title", "", "缺少招聘会名称")
    raw_start = fields.get("start", "")
    published = _published(fields.get("date", ""))
    try:
        start, end = dates.span(raw_start, published.date() if published else None)
    except ValueError as error:
        raise refuse("start", raw_start, f"{dates.reason(error, '缺少或无法识别的举办日期')}，未列入日历") from error
    if fields.get("end"):
        try:
            end = dates.day_or_moment(fields["end"])
        except ValueError as error:
            raise refuse("end", fields["end"], dates.reason(error, "无法识别的结束时间")) from error
    description_html = fields.get("description", "")
    cleaned = clean(description_html, raw.base_url) if description_html else None
    text = "\n".join(cleaned.paragraphs) if cleaned else ""
    given = location(*(fields.get(key, "") for key in ("province", "city", "venue", "location")))
    # An online fair of a source without a province: its place is in its name or description.
    place = defaults.place(source, given) or location(title, text)
    if place is None:
        raise refuse("location", fields.get("location", "") or fields.get("venue", ""), "无法确定举办省份")
    online_url = fields.get("online_url", "")
    mode = _mode(fields.get("mode", ""), f"{title}\n{text}\n{fields.get('location', '')}", bool(online_url))
    meta: dict[str, str] = {
        "Title": title,
        "Date": dates.format_iso(published) if published else format_moment(start),
        "Category": schema.FAIR,
        "Start": format_moment(start),
        "End": format_moment(end) if end else "",
        "Province": place.province.short,
        "City": place.listed_city or "",
        "Venue": fields.get("venue", "") or fields.get("location", ""),
        "Mode": mode,
        "Online_url": online_url,
        "Organizer": fields.get("organizer", ""),
    }
    _count_fields(meta, "Employers", _count(fields.get("employers")) or figures.employers(text))
    _count_fields(meta, "Positions", _count(fields.get("positions")) or figures.positions(text))
    groups = target_groups(fields.get("target_groups", ""), title, text)
    meta["Target_groups"] = ", ".join(g.name for g in groups)
    campaigns = defaults.campaigns(source, registry.named_in(f"{title}\n{text}"))
    meta["Campaigns"] = ", ".join(c.name for c in campaigns)
    meta["Source"] = source.name or source.id
    meta["Source_url"] = fields.get("url", "")
    identity = fair_id(place.province.short, place.city or "", meta["Start"], title)
    meta["Slug"] = identity
    meta["Origin"] = f"{source.id}:{fields.get('id') or raw.row}"
    return Normalised(identity, meta, cleaned.markdown if cleaned else "").checked(registry)


def _published(value: str) -> datetime | None:
    """When the announcement was made, if it says: the day a '12月5日' without a year is nearest."""
    try:
        return dates.parse(value) if value else None
    except ValueError:
        return None  # the fair's own date stands in for it


def _count(value: str | None) -> figures.Count | None:
    if not value:
        return None
    return figures.parse_count(value)


def _mode(declared: str, text: str, has_online_url: bool) -> str:
    declared = declared.replace("+", "").replace("＋", "").replace(" ", "")
    if declared in schema.FAIR_MODES:
        return declared
    found = fair_words.mode_of(text)
    if has_online_url and found == schema.OFFLINE:
        return schema.ONLINE
    return found


def from_news(fair: fair_text.Fair, news: model.News, origin: str, registry: Registry) -> Normalised:
    """A fair that a news item reports; it links back to the news page. Its campaigns are those its
    own text names, else the news item's."""
    province = fair.province.short if fair.province else ""
    start = fair.start.isoformat() if fair.start else ""
    meta: dict[str, str] = {
        "Title": fair.title,
        "Date": dates.format_iso(news.date),
        "Category": schema.FAIR,
        "Start": start,
        "Province": province,
        "City": fair.city or "",
        "Venue": fair.venue or "",
        "Mode": fair.mode,
        "Organizer": fair.organizer or "",
    }
    _count_fields(meta, "Employers", fair.employers)
    _count_fields(meta, "Positions", fair.positions)
    meta["Target_groups"] = ", ".join(g.name for g in target_groups(fair.text))
    campaigns = registry.named_in(fair.text) or news.campaigns
    meta["Campaigns"] = ", ".join(c.name for c in campaigns)
    meta["Source"] = news.source
    meta["Source_url"] = news.source_url or ""
    meta["News"] = news.slug
    identity = fair_id(province, fair.city or "", start, fair.title)
    meta["Slug"] = identity
    meta["Summary"] = fair.text[:120]
    meta["Origin"] = f"{origin}#{identity}"
    return Normalised(identity, meta, fair.text).checked(registry)
