"""Which day a report of a fair is on, and a paragraph as the reports of fairs it holds."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from jiuye import figures, text_days
from jiuye.fair_words import FAIR_WORDS, statistics_removed
from jiuye.text import sentence_around, sentences

# A day and the fair it dates, in one clause: "2月26日举办的首场招聘会".
_DAY_OF_FAIR_GAP = re.compile(r"[^,.;:!?。，；]{0,15}")
_JOINED = re.compile(r"\s*(?:[、和及]|以及)?\s*")  # between the days of a list: "5日、12日"
# A day that starts no fair of its own: the same fair's ("该招聘会自2019年3月1日首次举办以来",
# "招聘会将持续到2月7日"), a deadline or a count's ("2月1日前报名", "据2月6日统计"), one to
# compare with ("与去年2月8日的招聘会相比", "继上月20日首场招聘会后").
_NOT_ANOTHER = re.compile(
    r"(?:该|本|此|这)(?:次|场|届)?(?:招聘|活动|双选|洽谈|大集|交流)|以来|持续|截至|截止|直到|相比|同比"
    r"|(?<=[日号])前|统计|继|去年|往年|上一届|同类"
)
# The words that report a fair held: a report of another fair has one.
HOLDING = re.compile(r"举办|举行|召开|开幕|启动|开展|开启|拉开帷幕|走进|来到|行至")
RELATIVE_DAYS = frozenset(("今天", "今日", "当天", "昨天", "昨日", "前天", "前日"))


def aside(text: str, day: text_days.Day) -> bool:
    """The day's sentence gives it as the same fair's, a deadline or one to compare with."""
    return bool(_NOT_ANOTHER.search(text, *sentence_around(text, day.start, day.end)))


def day_of_fair(text: str, published: date) -> text_days.Day | None:
    """The day the fair is on: the one a fair word follows in its clause, else the text's first."""
    days = text_days.ordered(text, published)
    for before, day in zip(days, days[1:], strict=False):
        if _JOINED.fullmatch(text, before.end, day.start):
            continue  # "本周二、四、六招聘会": the list's first day is the fair's
        word = FAIR_WORDS.search(text, day.end)
        dates_fair = word and word.start() <= _DAY_OF_FAIR_GAP.match(text, day.end).end()
        if dates_fair and not FAIR_WORDS.search(text, days[0].end, day.start):  # none dated by the first
            return day
    return days[0] if days else None


class Report(NamedTuple):
    text: str  # in reading form
    original: str  # as written
    paragraph: str  # the paragraph it is part of, in reading form


def reports(paragraph: str, original: str, published: date) -> list[Report]:
    """A paragraph as the reports it holds: a sentence that names a fair held on another day than
    the fair before it starts a report of its own ("2月5日，宜昌举办…招聘会。2月8日，襄阳举办…")."""
    parts, originals = sentences(paragraph), sentences(original)
    if len(parts) != len(originals):
        return [Report(paragraph, original, paragraph)]
    groups: list[list[int]] = []
    day_before: date | None = None
    for number, part in enumerate(parts):
        kept = statistics_removed(part)
        day = day_of_fair(kept, published) if FAIR_WORDS.search(kept) else None
        another_day = (
            (day and day.day and day_before and day.day != day_before and day.text not in RELATIVE_DAYS)
            and HOLDING.search(kept)
            and not aside(kept, day)
        )
        if groups and not another_day:
            groups[-1].append(number)
        else:
            groups.append([number])
        day_before = day.day if day and day.day else day_before
    return [Report("".join(parts[i] for i in g), "".join(originals[i] for i in g), paragraph) for g in groups]


def listed_days(text: str, published: date) -> list[date]:
    """The first list of days with gaps between them ("本周二、四、六", "5日、12日"): fairs on
    each; days in a row ("21日、22日") are one fair's, and give nothing here."""
    days = text_days.find(text, published)
    for number, first in enumerate(days):
        run = [first]
        for day in days[number + 1 :]:
            if not _JOINED.fullmatch(text, run[-1].end, day.start):
                break
            run.append(day)
        dates = [d.day for d in run if d.day]
        if len(run) > 1 and len(dates) == len(run):
            in_a_row = any((later - earlier).days == 1 for earlier, later in zip(dates, dates[1:], strict=False))
            return [] if in_a_row else dates
    return []


# The day a fair of several days closed: "两天的招聘会……昨日(11月16日)正式落幕" opened on the 15th.
_CLOSING = re.compile(r"落幕|闭幕|落下帷幕|收官|圆满结束")
_LASTING = re.compile(
    r"(?:为期|历时|经|连续)\s*([两二三四五六七]|\d)\s*天|([两二三四五六七]|\d)\s*天的(?:招聘|活动|“|海选)"
)


def opening_day(text: str, day: text_days.Day) -> date | None:
    """The fair's first day: the day given, or, when its sentence says a fair of N days closed
    then, N-1 days before."""
    if day.day is None:
        return None
    start, end = sentence_around(text, day.start, day.end)
    lasting = _LASTING.search(text, start, end) if _CLOSING.search(text, day.end, end) else None
    if lasting is None:
        return day.day
    return day.day - timedelta(days=int(figures.chinese_number(lasting.group(1) or lasting.group(2))) - 1)
