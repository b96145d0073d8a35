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
from dataclasses import dataclass, field
from datetime import date, datetime

from jiuye import figures, regions, text_days
from jiuye.extract import OWN_PLACE, first_place, strip_datelines
from jiuye.fair_days import HOLDING, RELATIVE_DAYS, aside, day_of_fair, opening_day, reports
from jiuye.fair_events import Fair, each_of, once
from jiuye.fair_words import FAIR_WORDS, NAMED, OCCASION, UNDATED, mode_of, statistics_removed, title_of
from jiuye.text import is_byline, reading_form

_VENUE = re.compile(
    r"在([\u4e00-\u9fff]{2,30}(?:社区|广场|中心|市场|大厦|会展中心|体育馆|学校|大学|学院|园区|公园|礼堂|宾馆|酒店|展馆|大厅|体育场))"
)
_HELD_AT = re.compile(r"在([^,.;:!?。]{2,30}?)(?:举行|举办|召开|开展|启动|开幕)")
# Text is NFKC-normalised: full-width commas and colons are ASCII by then.
_CLAUSE = re.compile(r"[^,.;:!?。、“”\"‘’()\s]+(?:、[^,.;:!?。、“”\"‘’()\s]+)*")
_ORGANISING = re.compile(r"(?:共同|联合)?(?:组织|举办|主办)")
_ORGANISATION = re.compile(r"(?:厅|局|残联|联合会|中心|部门|政府|工会|委员会|办公室)$")
_SECTION_HEAD = re.compile(r"^(.{2,12}?)(?:活动现场|[：:])")
MAX_SECTION_HEAD = 24


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
    dated_lead = (
        (kept, day) for kept in map(statistics_removed, lead) if (day := text_days.first(kept, published_day))
    )
    occasion = next((opening_day(kept, day) for kept, day in dated_lead), None)
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
            refers_back = not dated and _REFERS_BACK.search(kept)  # "本次活动仪式后…举行…招聘会"
            if current is not None and (_BACK_REFERENCE.match(kept) or (dated and aside(kept, dated))):
                current.add(kept, original)  # "本次招聘活动汇聚了…", "该招聘会自2019年…以来": the fair just reported
            elif names_fair and (
                current is None or dated or (current_complete and HOLDING.search(kept) and not refers_back)
            ):
                candidates.append(_Candidate([kept], [original], in_lead=whole in lead))
            elif current is not None and (
                ((names_fair or has_figures) and not current_complete)
                or (has_figures and refers_back and not _counted(current.text))
            ):
                current.add(kept, original)
        for candidate in candidates:
            fair = _fair(candidate, section_province, article)
            if fair:
                fair.text = "\n\n".join(candidate.originals)
                fairs.extend(each_of(fair, candidate.paragraphs[0], published_day))
    return once(fairs)


def _counted(text: str) -> bool:
    return bool(figures.employers(text) or figures.positions(text))


_QUOTED_NAME = re.compile(rf"[“\"]([^”\"]{{0,40}}?(?:{FAIR_WORDS.pattern})[^”\"]{{0,10}})[”\"]")


def _in_named_year(day: date | None, given: text_days.Day, text: str) -> date | None:
    """A day given without its year, of a fair whose quoted name gives one ("2月14日,…“2017年就业
    援助月暨残疾人专场招聘会”在昆明举办", in a 2018 article's file photo): that year's."""
    name = _QUOTED_NAME.search(text)
    year = re.match(r"((?:19|20)\d\d)\s*年", name.group(1)) if name else None
    if day is None or year is None or re.match(r"\s*(?:\d{4}|[今去明前])\s*年", given.text):
        return day
    try:
        return day.replace(year=int(year.group(1)))
    except ValueError:  # 2月29日 in a year without one
        return day


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
        fair.start = _in_named_year(opening_day(text, explicit), explicit, text)
        if explicit.day is None:
            fair.problem = f"日期不存在：{explicit.text}"
    elif occasion and (candidate.in_lead or OCCASION.search(text)) and not UNDATED.search(text):
        fair.start = occasion
    else:
        fair.problem = "文中没有举办日期"
    if fair.province is None and not fair.problem:
        fair.problem = "无法确定举办省份"
    return fair
