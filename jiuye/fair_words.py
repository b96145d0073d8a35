"""What job fairs are called in news text, and which sentences count many of them.

The nouns and report words that name a fair (招聘会, 双选会, 直播带岗, 专场招聘 …), the kinds a
fair's title ends in, and the statistics (累计举办 85 场, 等 9 个县, 一大波招聘会) and meetings to
prepare one (招聘会统筹协调会议) that are no single fair: `statistics_removed` keeps a paragraph's
other sentences, after rewriting "在A、B举办了两场…" as one fair at each venue and "5日、12日
分别举办两场…" as one on each day.
"""

from __future__ import annotations

import re

from jiuye import figures, schema, text_days
from jiuye.text import sentences

# What a fair is called: its nouns; a live-streamed one; words that start a report of one.
FAIR_NOUNS = (
    *("招聘会", "招聘活动", "双选会", "云聘会", "供需见面会", "洽谈会", "招聘大集"),
    *("人力资源交流会", "人才交流会", "人才交流大会", "就业交流大会", "劳务对接会", "劳务对接活动"),
    *("就业推介会", "岗位推介会", "人才推介会"),
    *("劳务大集", "就业大集", "人才集市", "招聘集市", "就业集市", "招聘周"),
    "(?<!经验)(?<!工作)(?<!学术)交流大会",  # 高校学生就业创业公益交流大会, not an experience-sharing meeting
)
STREAMED = ("直播带岗", "网络直播")
_REPORT_WORDS = (
    *("专场招聘", "招聘专场", "直播招聘", "现场招聘", "送岗位进"),
    *("启动仪式暨", "启动仪式现场", "启动仪式当天"),
)
_NOUN = "|".join(FAIR_NOUNS)
FAIR_WORDS = re.compile("|".join((*FAIR_NOUNS, *STREAMED, *_REPORT_WORDS)))
# Totals and plans ("累计举办 85 场", "每周至少举办 1 次"), unlike "第一场招聘会", "首场" or "举办了一场招聘会".
# So are fairs across many places ("在雷山、剑河等 9 个县开展") and fairs named only as kinds of
# measure ("组织专项招聘活动等举措", "…线上招聘活动等一系列活动"), fairs in the plural
# ("推出一大波招聘会", "系列招聘活动"), fairs held for months ("从2月上旬至3月底…开展招聘会") and
# fairs called off ("现场招聘会暂停举办").
AGGREGATE = re.compile(
    rf"累计|共举办|截至|至今|到目前|目前已|每周|每月|至少|(?<![第首每\d一二三四五六七八九十百千万])(?!一\s*场){figures.NUMBER}\s*(?:多|余)?\s*场(?!次)"
    rf"|等\s*{figures.NUMBER}\s*(?:多|余)?\s*个(?:县|市|区|乡镇|地|省)"
    rf"|(?:{_NOUN}|活动)[”\"]?等(?:举措|措施|方式|形式|一系列|系列|多项|活动)"
    rf"|(?:一批|一系列|系列|一大波|一波|多场|数场|各类|各种|一连串)[^，。；]{{0,6}}?(?:{_NOUN})"
    r"|\d{1,2}\s*月(?:上旬|中旬|下旬|初|底|中)?\s*(?:至|到|—|-)\s*\d{1,2}\s*月"
    r"|暂停|停办|停止举办|取消举办|延期举办|推迟举办"
)
# The writer leaves the day out ("近日", "本月初", "上月"): do not guess it.
UNDATED = re.compile(
    r"日前|近日|近期|前不久|不久前|(?:本|上)月(?:初|中|底|末)?(?![\d一二三四五六七八九十]+日)|上旬|中旬|下旬"
)
OCCASION = re.compile(r"启动仪式|当天|当日|同日|同一天|同步启动")
ONLINE = re.compile(r"直播|网络|线上|云端|云上|云聘|视频|远程|小程序")
MIXED = re.compile(r"线上\s*[+＋和与及]\s*线下|线下\s*[+＋和与及]\s*线上|线上线下")
NAMED = re.compile(rf"[“\"]([^”\"]{{2,30}})[”\"]\s*((?:直播|网络|专场|线上)?(?:{_NOUN}))")
# A fair's kind for its title, longest first: "启动仪式暨专场招聘活动" before "招聘活动".
KIND = re.compile(
    r"(启动仪式暨(?:送岗位进社区活动|专场招聘活动)|送岗位进社区活动|专场招聘活动|专场招聘会|直播招聘会|"
    + "|".join((*FAIR_NOUNS, *STREAMED))
    + ")"
)


# "在A、B举办了两场专场招聘会": as many fairs as venues, one at each, is "在A、B分别举办了A…、B…".
_ONE_AT_EACH = re.compile(
    rf"在((?:[^,.;:!?。在、]{{2,20}}、)+[^,.;:!?。在、]{{2,20}})(举办|举行|召开)了?([两二三四五六\d])场"
    rf"([^,.;:!?。]{{0,20}}?(?:{_NOUN}|专场招聘(?!会)))"
)


def _one_at_each(sentence: str) -> str:
    match = _ONE_AT_EACH.search(sentence)
    if not match:
        return sentence
    venues, number = match.group(1).split("、"), match.group(3)
    if len(venues) != int(figures.chinese_number(number)):
        return sentence
    names = "、".join(venue + match.group(4) for venue in venues)
    return f"{sentence[: match.start()]}在{match.group(1)}分别{match.group(2)}了{names}{sentence[match.end() :]}"


# "3月5日、12日、19日，分别举办三场专场招聘会": as many fairs as days, one on each.
_ONE_ON_EACH = re.compile(r"分别[^,.;:!?。]{0,10}?([两二三四五六\d])场")


def _one_on_each(sentence: str) -> str:
    match = _ONE_ON_EACH.search(sentence)
    if not match:
        return sentence
    number = match.group(1)
    if text_days.count(sentence[: match.start()]) != int(figures.chinese_number(number)):
        return sentence
    return sentence[: match.start(1)] + sentence[match.end() :]


# A meeting about a fair, or the work to prepare one, is not one: "召开了…新春招聘会统筹协调会议",
# "召开协调会，部署春风行动招聘会筹备工作", "举办招聘会工作人员培训班", "召开新闻发布会，介绍…招聘会"
# (but "就业创业培训班及专场招聘会" holds a fair).
_MEETINGS = "会议|座谈会|调度会|推进会|动员会|部署会|培训会|协调会|发布会|培训班"
MEETING = re.compile(
    rf"(?:{_NOUN})[^，,。；;]{{0,8}}?(?:{_MEETINGS}|筹备|工作人员)|(?:{_MEETINGS})[，,][^。；;]*?(?:{_NOUN})"
)


def statistics_removed(paragraph: str) -> str:
    kept = (_one_on_each(_one_at_each(s)) for s in sentences(paragraph))
    return "".join(s for s in kept if not (AGGREGATE.search(s) or MEETING.search(s)))


def mode_of(text: str) -> str:
    """线上线下 when both are named, 线上 for live streams and online fairs, else 线下."""
    if MIXED.search(text):
        return schema.MIXED
    return schema.ONLINE if ONLINE.search(text) else schema.OFFLINE


def title_of(text: str, place: str | None) -> str:
    """A fair's title: its quoted name, else its place and kind ("武汉专场招聘会")."""
    named = NAMED.search(text)
    if named:
        return f"“{named.group(1)}”{named.group(2)}"
    kind = KIND.search(text)
    label = kind.group(1) if kind else "招聘会"
    if label in STREAMED:
        label = "直播招聘会"
    return f"{place}{label}" if place else label
