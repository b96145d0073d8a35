"""Job fairs (招聘会) reported in a news article: when, where, how, how many employers and posts.

A report is read section by section ("吉林活动现场", "山东：…" headings) and paragraph by
paragraph. A paragraph that names a fair (招聘会, 专场招聘, 直播带岗, 启动仪式暨…活动 …) starts one;
a following paragraph that only adds the figures ("活动当天，50 户爱心企业…") completes it.
Sentences that total many events ("累计举办 85 场") are statistics, not a fair.

Dates: "3月31日", a bare "10日", "大年初六", "本周六" are resolved against the article's date
(text_days); of several, the one that dates the fair ("2月26日举办的首场招聘会") rather than the
paragraph's first ("昨天…电话响个不停"). A fair with no date of its own that belongs to the
article's occasion ("启动仪式当天", a launch ceremony), or is reported in the article's first two
paragraphs, takes the occasion's date: the first date the lead paragraph gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from jiuye import figures, regions, schema, text_days
from jiuye.extract import OWN_PLACE, first_place, strip_datelines
from jiuye.fair_days import HOLDING, RELATIVE_DAYS, aside, day_of_fair, listed_days, opening_day, reports
from jiuye.fair_words import FAIR_WORDS, KIND, NAMED, OCCASION, UNDATED, mode_of, statistics_removed, title_of
from jiuye.text import is_byline, reading_form, sentence_around

_VENUE = re.compile(
    r"在([\u4e00-\u9fff]{2,30}(?:社区|广场|中心|市场|大厦|会展中心|体育馆|学校|大学|学院|园区|公园|礼堂|宾馆|酒店|展馆|大厅|体育场))"
)
# "在内蒙古化工职业学院、赤峰学院分别举办了…专场招聘会、…专场招聘会"
# "于10日、12日，分别在寒亭街道、朱里街道开展…招聘洽谈会": one fair, held at each venue in turn
_SEVERAL = re.compile(
    r"(?:在([^,.;:!?。在]{2,40}?))?分别(?:举办|举行|召开|开展)了?([^,.;:!?。]{4,120})"
    r"|分别在([^,.;:!?。在]{2,60}?)(?:举办|举行|召开|开展)了?([^,.;:!?。]{4,120})"
)
_HELD_AT = re.compile(r"在([^,.;:!?。]{2,30}?)(?:举行|举办|召开|开展|启动|开幕)")
# Text is NFKC-normalised: full-width commas and colons are ASCII by then.
_CLAUSE = re.compile(r"[^,.;:!?。、“”\"‘’()\s]+(?:、[^,.;:!?。、“”\"‘’()\s]+)*")
_ORGANISING = re.compile(r"(?:共同|联合)?(?:组织|举办|主办)")
_ORGANISATION = re.compile(r"(?:厅|局|残联|联合会|中心|部门|政府|工会|委员会|办公室)$")
_SECTION_HEAD = re.compile(r"^(.{2,12}?)(?:活动现场|[：:])")
MAX_SECTION_HEAD = 24


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


@dataclass
class _Candidate:
    paragraphs: list[str] = field(default_factory=list)  # normalised, statistics removed: for matching
    originals: list[str] = field(default_factory=list)  # as written: for the report
    in_lead: bool = False  # it starts in the article's first two paragraphs: the lead's date is its

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def add(self, kept: str, original: str) -> None:
        self.paragraphs.append(kept)
        self.originals.append(original)


# A later paragraph starts a fair of its own with a date or by reporting one held (HOLDING); one
# that only names a fair in passing ("他从网上得知招聘会的消息") adds to the fair just reported.
# The occasion's own fair, reported later: "据统计，当日的招聘会共有1.1万余人…".
_ON_THE_DAY = re.compile(rf"(?:当日|当天|同日)的?(?:{FAIR_WORDS.pattern})")
# A paragraph that opens on the fair just reported: "本次招聘活动…", "此次招聘会…", "活动当天…";
# one that only refers back to it on the way ("…本次活动精心筛选237余家用人单位参加") adds its figures.
_REFERRING = r"本次|此次|这次|本场|此场|这场|该场|活动当天|招聘会当天"
_BACK_REFERENCE = re.compile(rf"(?:(?:据了解|据悉|据介绍|另外|同时),?)?(?:{_REFERRING})")
_REFERS_BACK = re.compile(rf"{_REFERRING}|(?:活动|招聘会?)现场")


def _organiser(text: str) -> str | None:
    """Who held it: the clause before 举办/组织/主办 when it names organisations."""
    for clause in _CLAUSE.finditer(text):
        verb = _ORGANISING.search(clause.group())
        if verb:
            who = clause.group()[: verb.start()].removeprefix("在")
            if _ORGANISATION.search(who):
                return who
    return None


def extract(
    paragraphs: list[str],
    published: datetime | date,
    about: list[regions.Province] | None = None,
    about_cities: list[regions.City] = (),
    home: tuple[regions.Province, regions.City | None] | None = None,
) -> list[Fair]:
    """Every fair the article's paragraphs report, in order; undated ones carry a `problem`.

    `about`, when given, are the provinces the article is about: a fair outside a province's
    section is placed only in one of them (a passing mention of 西藏 places no fair there), and a
    fair whose text names no place is in the article's one province (and its one city of
    `about_cities`), as in a local paper's "我市举办…". `home` is the publisher's own place
    (extract.Places.home): where a fair "在我校体育馆举行" is.
    """
    published_day = published.date() if isinstance(published, datetime) else published
    pairs = [(strip_datelines(reading_form(p)).strip(), strip_datelines(p).strip()) for p in paragraphs]
    pairs = [(norm, original) for norm, original in pairs if norm]
    clean = [norm for norm, _ in pairs]
    lead = [p for p in clean if not is_byline(p)][:2]  # the lead's paragraphs
    lead_day = next((day for p in lead if (day := text_days.first(statistics_removed(p), published_day))), None)
    occasion = lead_day.day if lead_day else None
    sections: list[tuple[regions.Province | None, list[tuple[str, str]]]] = [(None, [])]
    for paragraph, original in pairs:
        head = _SECTION_HEAD.match(paragraph)
        if head and len(paragraph) <= MAX_SECTION_HEAD:
            province, _ = first_place(head.group(1))
            if province:
                sections.append((province, []))
                continue
        sections[-1][1].append((paragraph, original))
    fairs: list[Fair] = []
    article = _Article(published_day, occasion, about, list(about_cities), home)
    for section_province, section in sections:
        candidates: list[_Candidate] = []
        for paragraph, original, whole in (part for pair in section for part in reports(*pair, published_day)):
            kept = statistics_removed(paragraph)
            names_fair = bool(FAIR_WORDS.search(kept))
            has_figures = _counted(kept)
            current = candidates[-1] if candidates else None
            current_complete = current and (_counted(current.text) or text_days.first(current.text, published_day))
            dated = text_days.first(kept, published_day)
            if dated and current is not None and dated.text in RELATIVE_DAYS and not HOLDING.search(kept):
                dated = None  # "今天仅仅收到一份简介" in a later paragraph about the fair: no fair of its own
            if current is not None and (_BACK_REFERENCE.match(kept) or (dated and aside(kept, dated))):
                current.add(kept, original)  # "本次招聘活动汇聚了…", "该招聘会自2019年…以来": the fair just reported
            elif names_fair and (current is None or dated or (current_complete and HOLDING.search(kept))):
                candidates.append(_Candidate([kept], [original], in_lead=whole in lead))
            elif current is not None and (
                ((names_fair or has_figures) and not current_complete)
                or (has_figures and not dated and _REFERS_BACK.search(kept) and not _counted(current.text))
            ):
                current.add(kept, original)
        for candidate in candidates:
            fair = _fair(candidate, section_province, article)
            if fair:
                fair.text = "\n\n".join(candidate.originals)
                fairs.extend(_each_of(fair, candidate.paragraphs[0], published_day))
    return _once(fairs)


def _each_of(fair: Fair, text: str, published: date) -> list[Fair]:
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


def _once(fairs: list[Fair]) -> list[Fair]:
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


def _counted(text: str) -> bool:
    return bool(figures.employers(text) or figures.positions(text))


@dataclass(frozen=True)
class _Article:
    published: date
    occasion: date | None  # the lead's day
    about: list[regions.Province] | None
    about_cities: list[regions.City]
    home: tuple[regions.Province, regions.City | None] | None


def _held_in(
    text: str, home: tuple[regions.Province, regions.City | None] | None
) -> tuple[regions.Province, str | None] | None:
    """The place a fair "在…举行" names: where it is held, not the employers' home; the
    publisher's own where it says so ("在我校金花校区体育馆举行")."""
    for clause in _HELD_AT.finditer(text):
        if home and OWN_PLACE.match(clause.group(1)):
            return home[0], home[1].name if home[1] else None
        province, city = first_place(clause.group(1))
        if province:
            return province, city
    return None


def _fair(candidate: _Candidate, section_province: regions.Province | None, article: _Article) -> Fair | None:
    text, published, occasion = candidate.text, article.published, article.occasion
    about, about_cities = article.about, article.about_cities
    employer_count, position_count = figures.employers(text), figures.positions(text)
    explicit = day_of_fair(text, published)
    named = NAMED.search(text)
    on_the_day = occasion and (candidate.in_lead or _ON_THE_DAY.search(text))
    if not (employer_count or position_count or explicit or named or on_the_day):
        return None  # a mention of fairs in general, not a report of one
    province, city = _held_in(text, article.home) or first_place(text, scenes_only=True)
    if about is not None and province not in about and not section_province:
        province = city = None
    if province is None and about and len(about) == 1 and not section_province:
        # "我市举办…": a local report's fair is in the one place the article is about
        province = about[0]
        only_city = about_cities[0] if len(about_cities) == 1 else None
        city = only_city.name if only_city and only_city.province_code == province.code else None
    if section_province and province is not section_province:
        province, city = section_province, first_place(text.replace(section_province.short, ""))[1]
        if city and regions.city_names().get(city, regions.City("", "", "")).province_code != section_province.code:
            city = None
    fair = Fair(
        title=title_of(text, regions.city_names()[city].short if city else province.short if province else None),
        start=None,
        province=province,
        city=city,
        venue=(venue.group(1) if (venue := _VENUE.search(text)) else None),
        mode=mode_of(text),
        employers=employer_count,
        positions=position_count,
        organizer=_organiser(text),
        text=text,
    )
    if explicit:
        fair.start = opening_day(text, explicit)
        if explicit.day is None:
            fair.problem = f"日期不存在：{explicit.text}"
    elif occasion and (candidate.in_lead or OCCASION.search(text)) and not UNDATED.search(text):
        fair.start = occasion
    else:
        fair.problem = "文中没有举办日期"
    if fair.province is None and not fair.problem:
        fair.problem = "无法确定举办省份"
    return fair
