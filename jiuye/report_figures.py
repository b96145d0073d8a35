"""Every figure a news report gives: people counts (jiuye.people) and offers (jiuye.offers), each
with its sentence, province, campaign and date — what the portal's figure cards show.

A figure is the article's one province's; in an article about several, the province its
sentence names, else the one its paragraph or an earlier paragraph names (a roundup's section);
national in an article about none, or where its sentence or paragraph names no province but the
nation (全国, 我国) or a national body (人社部); the campaign the sentence or else the article
names; and its date (a "截至3月底" in the sentence, else the article's). Plans and forecasts
(预计, 力争) and counts per person (每名…3个岗位) are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from jiuye import figures, mentions, offers, people, regions, text_days
from jiuye.campaigns import Campaign
from jiuye.extract import NATIONAL, strip_datelines
from jiuye.text import reading_form, sentences

LABELS = {**people.LABELS, **offers.LABELS}
_CLAUSE = re.compile(r"[^,，;；:：]+")
_AS_OF = re.compile(r"截至|截止")
_PLANNED = re.compile(r"预计|预期|计划|力争|目标|指标|拟")
# A plan announced, then listed: "明年就业工作的目标任务已明确,即:城镇新增就业900万人,…"; not
# what was achieved against one ("超额完成计划任务,具体为:", "紧扣目标任务,成效明显:").
_PLAN_LISTED = re.compile(r"(?:预计|计划|目标|指标|任务)[^。；;]*?[:：]")
_ACHIEVED = re.compile(r"完成|成效|超额|取得|实现")
# A sentence that opens on what is to come: "2012年,西藏将…" (this year or a later one), "下一步,我们要…".
_PLAN_AHEAD = re.compile(
    r"^[^，,。]{0,12}?(?:(\d{4})年(?!以来)|明年|下一步|今后|未来|下阶段)[^。；;]*?(?:将(?!近)|要(?!求)|努力)"
)
_PER_HEAD = re.compile(r"每名|每人|每户|人均|每位|每家")


@dataclass(frozen=True)
class Figure:
    kind: str  # one of LABELS
    count: figures.Count
    unit: str  # 人, 人次, 名, 户; 个 (posts), 家 (employers), 场 (fairs)
    what: str  # what it counts, as a card names it: 实现就业, 爱心岗位, 用人单位
    sentence: str  # as written
    province: regions.Province | None  # None: a national figure
    campaign: Campaign | None
    day: date

    @property
    def is_people(self) -> bool:
        return self.kind in people.LABELS


def find(
    title: str,
    body: str,
    published: date,
    about: Sequence[regions.Province] = (),
    campaigns_in: Callable[[str], Sequence[Campaign]] = lambda text: (),
    campaigns: Sequence[Campaign] | None = None,
) -> list[Figure]:
    """Every figure in the article, in order. `about`: the provinces the article is about;
    `campaigns_in`: the registry's finder (Registry.named_in); `campaigns`: the article's own,
    when known (its Campaigns field), else found in its text."""
    text = strip_datelines(body)
    named = list(campaigns_in(f"{title}\n{body}") if campaigns is None else campaigns)
    article_campaign = named[0] if named else None
    several = len(named) > 1  # only then is a sentence's own campaign worth looking for
    roundup = len(about) > 1  # else every figure is the article's one province's, or national
    found: list[Figure] = []
    section = about[0] if len(about) == 1 else None  # a roundup's province carries over its paragraphs
    for paragraph in text.split("\n"):
        if roundup:
            section = _province_named(paragraph, about) or (None if NATIONAL.search(paragraph) else section)
        for written in sentences(paragraph):
            sentence = reading_form(written)  # read as normalised, shown as written
            counted = list(_counts(sentence, published))
            if not counted:
                continue
            province = _province_named(sentence, about) if roundup else None
            if province is None and not NATIONAL.search(sentence):
                province = section
            campaign = (next(iter(campaigns_in(sentence)), None) if several else None) or article_campaign
            day = published
            if _AS_OF.search(sentence) and (as_of := text_days.first(sentence, published)) and as_of.day:
                day = as_of.day
            found.extend(Figure(*c, written, province, campaign, day) for c in counted)
    return found


# Every figure has a number: digits, or numerals before a measure word (近百家, 二十余名).
_MAY_COUNT = re.compile(r"\d|[一二两三四五六七八九十百千万][多余]?[万千百]?[个家户名人场位份]")


def _counts(sentence: str, published: date) -> Iterator[tuple[str, figures.Count, str, str]]:
    """(kind, count, unit, what) of each figure in the sentence, clause by clause."""
    for clause in _CLAUSE.finditer(sentence):
        words = clause.group()
        if not _MAY_COUNT.search(words) or _PLANNED.search(words) or _PER_HEAD.search(words):
            continue
        ahead = _PLAN_AHEAD.search(sentence, 0, clause.start())
        if ahead and (ahead.group(1) is None or int(ahead.group(1)) >= published.year):
            continue  # "2012年,西藏将…,实现城镇新增就业2.15万人" in 2011: what a plan will do
        listed = _PLAN_LISTED.search(sentence, 0, clause.start())
        if listed and not _ACHIEVED.search(sentence, 0, listed.end()):
            continue
        for kind, count, unit in people.counts(words):
            yield kind, count, unit, people.LABELS[kind]
        for kind, count, what in offers.counts(words):
            yield kind, count, offers.UNITS[kind], what


def _province_named(text: str, about: Sequence[regions.Province]) -> regions.Province | None:
    """The first province the text names as a scene, one the article is about (not an employer's
    home, an origin or a destination)."""
    found = mentions.find(text, corroborate=False)
    for mention in found:
        named = regions.province_by_code(mention.province_code)
        if not mentions.is_reference(text, mention, found) and named in about:
            return named
    return None
