"""schema.org Event JSON-LD of a fair, and its address as one line."""

from __future__ import annotations

from jiuye import model, schema

ATTENDANCE = {
    schema.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    schema.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    schema.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def address(fair: model.Fair) -> str:
    text = ""
    for part in (fair.province.name if fair.province else "", fair.city.name if fair.city else "", fair.venue):
        if part and part not in text:
            text = part if part.startswith(text) and text else text + part
    return text


def json_ld(article, fair: model.Fair, siteurl: str) -> dict:
    """schema.org Event; every value in it is also shown on the page (fair.html), which
    serialises it with the json_ld filter."""
    locations = []
    if fair.in_person:
        place: dict = {"@type": "Place", "name": fair.venue or address(fair)}
        place["address"] = {
            "@type": "PostalAddress",
            "addressCountry": "CN",
            "addressRegion": fair.province.name if fair.province else "",
            **({"addressLocality": fair.city.name} if fair.city else {}),
            **({"streetAddress": fair.venue} if fair.venue else {}),
        }
        locations.append(place)
    if fair.online:
        locations.append({"@type": "VirtualLocation", "url": fair.online_url or f"{siteurl}/{article.url}"})
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": fair.title,
        "startDate": fair.start.isoformat(),
        "eventAttendanceMode": ATTENDANCE[fair.mode],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": locations[0] if len(locations) == 1 else locations,
        "description": fair.summary or fair.title,
        "url": f"{siteurl}/{article.url}",
    }
    if fair.end:
        data["endDate"] = fair.end.isoformat()
    if fair.organizer:
        data["organizer"] = {"@type": "Organization", "name": fair.organizer}
    return data
