"""Job fairs to Pelican metadata: announced by a source (RawFair) or reported in a news item.

A fair with no date, or an impossible one, is not a calendar entry: it is reported and left out.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime

from jiuye import dates, fair_text, figures, schema
from jiuye.campaigns import Registry
from jiuye.job_terms import location, target_groups
from scrapers import defaults
from scrapers.clean import clean
from scrapers.item import FieldError, Normalised, RawFair
from scrapers.sources import Source

_DATE_ONLY = re.compile(r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*$")
_TIME_RANGE = re.compile(r"(\d{1,2})[:：](\d{2})\s*[-~～至到—]\s*(\d{1,2})[:：](\d{2})")


def fair_id(province: str, city: str, start: str, title: str) -> str:
    """Stable across runs and builds: it becomes the iCalendar UID."""
    key = "|".join(unicodedata.normalize("NFKC", part).replace(" ", "") for part in (province, city, start[:10], title))
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def _moment(value: str) -> date | datetime:
    """'2026-12-05' stays a day; '2026-12-05 09:00' is a time in Shanghai."""
    if _DATE_ONLY.match(value):
        return dates.parse(value).date()
    return dates.parse(value)


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
        raise FieldError("title", "", "缺少招聘会名称")
    raw_start = fields.get("start", "")
    hours = _TIME_RANGE.search(raw_start)
    try:
        start = _moment(raw_start[: hours.start()] if hours else raw_start)
    except ValueError as error:
        reason = dates.reason(error, "缺少或无法识别的举办日期")
        raise FieldError("start", raw_start, f"{reason}，未列入日历") from error
    description_html = fields.get("description", "")
    cleaned = clean(description_html, raw.base_url) if description_html else None
    text = "\n".join(cleaned.paragraphs) if cleaned else ""
    end = None
    if fields.get("end"):
        try:
            end = _moment(fields["end"])
        except ValueError as error:
            raise FieldError("end", fields["end"], dates.reason(error, "无法识别的结束时间")) from error
    elif hours and not isinstance(start, datetime):
        start, end = _with_hours(start, hours)
    given = location(*(fields.get(key, "") for key in ("province", "city", "venue", "location")))
    # An online fair of a source without a province: its place is in its name or description.
    place = defaults.place(source, given) or location(title, text)
    if place is None:
        raise FieldError("location", fields.get("location", "") or fields.get("venue", ""), "无法确定举办省份")
    online_url = fields.get("online_url", "")
    mode = _mode(fields.get("mode", ""), f"{title}\n{text}\n{fields.get('location', '')}", bool(online_url))
    meta: dict[str, str] = {
        "Title": title,
        "Date": dates.format_iso(dates.parse(fields["date"])) if fields.get("date") else format_moment(start),
        "Category": schema.FAIR,
        "Start": format_moment(start),
        "End": format_moment(end) if end else "",
        "Province": place.province.short,
        "City": place.city or "",
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


def _with_hours(day: date, hours: re.Match) -> tuple[datetime, datetime]:
    h1, m1, h2, m2 = map(int, hours.groups())
    return (
        datetime(day.year, day.month, day.day, h1, m1, tzinfo=dates.SHANGHAI),
        datetime(day.year, day.month, day.day, h2, m2, tzinfo=dates.SHANGHAI),
    )


def _count(value: str | None) -> figures.Count | None:
    if not value:
        return None
    return figures.parse_count(value)


def _mode(declared: str, text: str, has_online_url: bool) -> str:
    declared = declared.replace("+", "").replace("＋", "").replace(" ", "")
    if declared in schema.FAIR_MODES:
        return declared
    found = fair_text.mode_of(text)
    if has_online_url and found == schema.OFFLINE:
        return schema.ONLINE
    return found


def from_news(fair: fair_text.Fair, news_meta: dict[str, str], registry: Registry) -> Normalised:
    """A fair that a news item reports; it links back to the news page."""
    province = fair.province.short if fair.province else ""
    start = fair.start.isoformat() if fair.start else ""
    meta: dict[str, str] = {
        "Title": fair.title,
        "Date": news_meta["Date"],
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
    campaigns = [c.name for c in registry.named_in(fair.text)] or [
        name for name in news_meta.get("Campaigns", "").split(", ") if name
    ]
    meta["Campaigns"] = ", ".join(dict.fromkeys(campaigns))
    meta["Source"] = news_meta["Source"]
    meta["Source_url"] = news_meta.get("Source_url", "")
    meta["News"] = news_meta["Slug"]
    identity = fair_id(province, fair.city or "", start, fair.title)
    meta["Slug"] = identity
    meta["Summary"] = fair.text[:120]
    meta["Origin"] = f"{news_meta['Origin']}#{identity}"
    return Normalised(identity, meta, fair.text).checked(registry)
