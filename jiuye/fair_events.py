"""A fair reported in news, and how many a report is: one per venue or day a report lists
("在A、B分别举办了…", "5日、12日分别举办…"), one for a fair told twice (its scene, then its figures)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from jiuye import figures, regions, schema, text_days
from jiuye.extract import first_place
from jiuye.fair_days import listed_days
from jiuye.fair_words import KIND
from jiuye.text import sentence_around

# "在内蒙古化工职业学院、赤峰学院分别举办了…专场招聘会、…专场招聘会"
# "于10日、12日，分别在寒亭街道、朱里街道开展…招聘洽谈会": one fair, held at each venue in turn
_SEVERAL = re.compile(
    r"(?:在([^,.;:!?。在]{2,40}?))?分别(?:举办|举行|召开|开展)了?([^,.;:!?。]{4,120})"
    r"|分别在([^,.;:!?。在]{2,60}?)(?:举办|举行|召开|开展)了?([^,.;:!?。]{4,120})"
)


@dataclass
class Fair:
    title: str
    start: date | None
    province: regions.Province | None
    city: str | None = None
    venue: str | None = None
    mode: str = schema.OFFLINE  # one of schema.FAIR_MODES
    employers: figures.Count | None = None
    positions: figures.Count | None = None
    organizer: str | None = None
    text: str = ""  # the paragraphs it was read from, as written
    problem: str | None = None  # why it cannot be a calendar entry (no date, impossible date)


def each_of(fair: Fair, text: str, published: date) -> list[Fair]:
    """ "在A、B分别举办了X、Y" in the report's opening paragraph: one fair per name, at its venue,
    on its day when the sentence gives as many days ("6月11日至12日"), else all on the first."""
    several = _SEVERAL.search(text)
    if fair.problem:
        return [fair]
    if not several:
        days = listed_days(text, published)
        if fair.start not in days:
            return [fair]
        return [replace(fair, start=day, employers=None, positions=None) for day in days]
    listed_venues, listed_names = several.group(1) or several.group(3), several.group(2) or several.group(4)
    names = [re.sub(r"(?:以及|及|和)[^、]*$", "", name) for name in listed_names.split("、")]
    names = [name for name in names if KIND.search(name)]  # "…专场招聘会及系列活动": the fair
    venues = re.split(r"[、和]", listed_venues) if listed_venues else []
    sentence_start, _ = sentence_around(text, several.start())
    days = [d.day for d in text_days.find(text[sentence_start : several.start()], published) if d.day]
    if len(names) == 1 and len(venues) > 1:  # one fair at each venue in turn
        names = [f"{names[0]}（{venue}）" for venue in venues]
    elif len(names) == 1 and not venues and len(days) > 1:  # one on each day
        names = [fair.title] * len(days)
    if len(names) < 2:
        return [fair]
    each = []
    for number, name in enumerate(names):
        province, city = first_place(venues[number]) if len(venues) == len(names) else (None, None)
        each.append(
            replace(
                fair,
                title=name,
                start=days[number] if len(days) == len(names) else fair.start,
                city=city if province is fair.province else fair.city,
                venue=venues[number] if len(venues) == len(names) else fair.venue,
                employers=None,  # the figures are the fairs' total
                positions=None,
            )
        )
    return each


def once(fairs: list[Fair]) -> list[Fair]:
    """One fair per day and place: paragraphs that report the same fair again (its figures,
    its scene, the province without the city) complete the first report of it instead of making
    a second."""
    kept: list[Fair] = []
    for fair in fairs:
        first = None if fair.problem else next((k for k in kept if _same_fair(k, fair)), None)
        if first is None:
            kept.append(fair)
            continue
        first.city = first.city or fair.city
        first.employers = first.employers or fair.employers
        first.positions = first.positions or fair.positions
        first.venue = first.venue or fair.venue
        first.text = f"{first.text}\n\n{fair.text}"
    return kept


# "另外，由市人事局主办的…招聘会将在本月21日举行": another fair, even on the same day.
_ANOTHER = re.compile(r"(?:另外|此外|另悉|另据|另讯)")


def _same_fair(one: Fair, other: Fair) -> bool:
    return (
        not one.problem
        and not _ANOTHER.match(other.text)
        and (one.start, one.province) == (other.start, other.province)
        and (one.city == other.city or one.city is None or other.city is None)
    )
