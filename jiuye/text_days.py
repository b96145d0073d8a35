"""Days as news text names them, resolved against the article's date.

"2023年2月10日", "2月10日", a bare "10日" (in the month named before it, else the article's),
"昨天"/"今天"/"明天", "本周六", and lunar days: "大年初六", "正月初八", "农历腊月二十八", "元宵节"
(converted by the lunar_python calendar). A day without a year is the one nearest the article's
date, so "12月28日" in a January report is last year's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from lunar_python import Lunar

from jiuye.figures import chinese_number
from jiuye.text import sentence_around

_NUMERAL = r"\d{1,2}|[一二三四五六七八九十廿卅]{1,3}"
_SOLAR = re.compile(
    rf"(?<![\d〇零一二三四五六七八九十廿卅年月])(?:(\d{{4}}|[〇零一二三四五六七八九]{{4}}|[今去明前])\s*年\s*)?"
    rf"(?:({_NUMERAL}|[本上下当元])\s*月(?:份)?\s*)?({_NUMERAL})\s*(?:[~～至到—-]\s*(?:{_NUMERAL})\s*)?[日号]"
    r"(?![电讯内楼线馆厅院文令])"
)
# 本月21日, 上月, 下月; 本周, 上周, 下周 (当月 is the month in context, like a bare day's; 元月 is January)
_OFFSET = {"上": -1, "本": 0, "下": 1}
_YEAR_OFFSET = {"今": 0, "去": -1, "明": 1, "前": -2}  # 今年3月5日
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
_LUNAR = re.compile(
    r"(?:农历\s*([一二三四五六七八九十]{1,2}月|正月|冬月|腊月)|(大年|正月|冬月|腊月))\s*(初[一二三四五六七八九十]|十[一二三四五六七八九]|"
    r"二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)(?!后|以后|之后|前后|期间|以来)"  # 正月十五后: a season
)
# 元霄: the common miswriting of 元宵
_FESTIVALS = {"春节": (1, 1), "元宵节": (1, 15), "元宵": (1, 15), "元霄节": (1, 15), "元霄": (1, 15)}
_FESTIVALS |= {"小年": (12, 23), "除夕": (12, 0)}
# "春节后", "春节刚过", "元宵节期间", "春节临近": a season, not a day.
_FESTIVAL_NAMES = "|".join(sorted(_FESTIVALS, key=len, reverse=True))
_FESTIVAL = re.compile(
    f"(?:{_FESTIVAL_NAMES})(?!节|前|后|期间|以来|假期|过后|返|刚过|一过|已过|伊始|来临|临近|将至|将近|假|长假|档)"
)
_RELATIVE = {"前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2}
# Two days from the first: "今明两天" begins today, "明后两天" tomorrow.
_RELATIVE |= {"今明两天": 0, "今明两日": 0, "明后两天": 1, "明后两日": 1}
# Not the 后天 of "春节后天台县", nor the 今日 of "今日头条".
_RELATIVE_WORD = re.compile(f"(?<![节之以日年月前后初])(?:{'|'.join(_RELATIVE)})(?!头条|台)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_DATE_GIVEN = re.compile(rf"\s*[(（]\s*(?:\d{{4}}\s*年\s*)?(?:{_NUMERAL})\s*月\s*(?:{_NUMERAL})\s*[日号]\s*[)）]")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY = re.compile(r"(上|本|下)?(?:周|星期)([一二三四五六日天])")
# More days of the same week: "本周二、四、六" (not the 四 of "周二、四川").
_WEEKDAY_MORE = re.compile(
    r"[、和及]([一二三四五六日])(?=[、和及，,。；\s]|[上下]午|晚|举|招|将|均|各|的|为|是|都|会|开)"
)
_FUTURE = re.compile(r"将|届时")  # "本周二招聘会将正常举办", said on the Sunday after it: next Tuesday
_MONTH = re.compile(rf"({_NUMERAL})\s*月(?![份]?\s*(?:{_NUMERAL})\s*[日号])")


@dataclass(frozen=True)
class Day:
    start: int
    end: int
    text: str
    day: date | None  # None: the text names a day that does not exist (2月30日)


def _number(text: str) -> int:
    return int(chinese_number(text.replace("廿", "二十").replace("卅", "三十")))


def _nearest(candidates: list[date], published: date) -> date:
    return min(candidates, key=lambda day: (abs(day - published), day))


def _solar(match: re.Match[str], published: date, month_before: int | None) -> date | None:
    year_text, month_text, day_text = match.groups()
    day = _number(day_text)
    if month_text in _OFFSET:
        first = published.replace(day=1)
        if _OFFSET[month_text] < 0:
            first = (first - timedelta(days=1)).replace(day=1)
        elif _OFFSET[month_text] > 0:
            first = (first + timedelta(days=32)).replace(day=1)
        return _in_month_of(first, day)
    if month_text == "当":
        month_text = None
    month = (1 if month_text == "元" else _number(month_text)) if month_text else month_before or published.month
    try:
        if year_text in _YEAR_OFFSET:
            return date(published.year + _YEAR_OFFSET[year_text], month, day)
        if year_text:
            year = int(year_text) if year_text.isdigit() else int("".join(str(_number(c)) for c in year_text))
            return date(year, month, day)
        candidates = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                candidates.append(date(year, month, day))
            except ValueError:
                continue
        if not month_text and not month_before:  # a bare "10日": this month's, or a neighbour's
            this_month = published.replace(day=1)
            previous_month = (this_month - timedelta(days=1)).replace(day=1)
            for first in (previous_month, (this_month + timedelta(days=32)).replace(day=1)):
                try:
                    candidates.append(first.replace(day=day))
                except ValueError:
                    continue
        return _nearest(candidates, published) if candidates else None
    except ValueError:
        return None


def _in_month_of(other: date, day: int) -> date | None:
    try:
        return other.replace(day=day)
    except ValueError:
        return None


def _lunar(month: int, day: int, published: date) -> date | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            if day == 0:  # 除夕: the day before 正月初一
                solar = Lunar.fromYmd(year + 1, 1, 1).getSolar()
                candidates.append(date(solar.getYear(), solar.getMonth(), solar.getDay()) - timedelta(days=1))
                continue
            solar = Lunar.fromYmd(year, month, day).getSolar()
        except Exception:  # lunar_python raises a bare Exception for 三十 in a 29-day month
            continue
        candidates.append(date(solar.getYear(), solar.getMonth(), solar.getDay()))
    return _nearest(candidates, published) if candidates else None


def _lunar_day(text: str) -> int:
    if text.startswith("初"):
        return _number(text[1:])
    return _number(text)


def find(text: str, published: date) -> list[Day]:
    """Every day the text names, in order of appearance."""
    found: list[Day] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], day: date | None) -> None:
        if any(start < match.end() and match.start() < end for start, end in taken):
            return
        taken.append(match.span())
        found.append(Day(match.start(), match.end(), match.group(), day))

    for match in _LUNAR.finditer(text):
        month_text = match.group(1) or match.group(2)
        month = 1 if month_text == "大年" else _LUNAR_MONTHS.get(month_text[0]) or _number(month_text[:-1])
        add(match, _lunar(month, _lunar_day(match.group(3)), published))
    for match in _FESTIVAL.finditer(text):
        add(match, _lunar(*_FESTIVALS[match.group()], published))
    previous: Day | None = None  # the last solar day with a month: "3月5日至7日" is 3月7日
    for match in _SOLAR.finditer(text):
        months = list(_MONTH.finditer(text, 0, match.start()))
        month_given = match.group(2) not in (None, "当")
        month_before = _number(months[-1].group(1)) if months and not month_given else None
        if not month_given and previous and previous.day and (not months or months[-1].start() < previous.start):
            day = _in_month_of(previous.day, _number(match.group(3)))
        else:
            day = _solar(match, published, month_before)
        add(match, day)
        if month_given:
            previous = Day(match.start(), match.end(), match.group(), day)
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for match in _RELATIVE_WORD.finditer(text):
        if any(start < match.start() < end for start, end in quoted):
            continue  # "今天…" in a quote is the day the words were said, not the article's
        if _DATE_GIVEN.match(text, match.end()):
            continue  # "今天(8月4日)": the writer's own date, not a repost's "today"
        add(match, published + timedelta(days=_RELATIVE[match.group()]))
    for sentence in _weekdays_by_sentence(text, published):
        for match, day in sentence:
            add(match, day)
    return sorted(found, key=lambda day: day.start)


def _weekdays_by_sentence(text: str, published: date) -> Iterator[list[tuple[re.Match[str], date]]]:
    """The weekdays each sentence names ("本周二、四", "本周一至周五"), in the week each says; a
    sentence that says they are still to come (将, 届时) when all are past this week means next
    week's ("本周二、四、六招聘会将正常举办", said on the Sunday after)."""
    monday = published - timedelta(days=published.weekday())
    by_sentence: dict[tuple[int, int], list[tuple[re.Match[str], date]]] = {}
    for match in _WEEKDAY.finditer(text):
        week = _OFFSET[match.group(1) or "本"]
        for listed in (match, *_listed_weekdays(text, match.end())):
            day = monday + timedelta(weeks=week, days=_WEEKDAYS[listed.group(listed.lastindex)])
            by_sentence.setdefault(sentence_around(text, match.start()), []).append((listed, day))
    for (start, end), days in by_sentence.items():
        this_week = all(not m.group(1) or m.group(1) == "本" for m, _ in days if m.re is _WEEKDAY)
        if this_week and _FUTURE.search(text, start, end) and all(day < published for _, day in days):
            days = [(match, day + timedelta(weeks=1)) for match, day in days]
        yield days


def _listed_weekdays(text: str, position: int) -> Iterator[re.Match[str]]:
    while more := _WEEKDAY_MORE.match(text, position):
        yield more
        position = more.end()


def count(text: str) -> int:
    """How many days the text names ("3月5日、12日", "本周二、四"), whatever they resolve to."""
    return len(find(text, date(2000, 1, 1)))


def ordered(text: str, published: date) -> list[Day]:
    """The days the text names, festivals last: "元宵节的烟花还未绽放……招聘会就于2月20日举行" is
    about 2月20日."""
    days = find(text, published)
    return [d for d in days if d.text not in _FESTIVALS] + [d for d in days if d.text in _FESTIVALS]


def first(text: str, published: date) -> Day | None:
    """The day the text is about: its first date, a festival only when no other day is given."""
    days = ordered(text, published)
    return days[0] if days else None
