"""Place names in running text, and whether each names where something reported happens.

A mention is the subject or the scene of a report ("江西省人社厅举办…", "在册亨县…", "江西、河南
等地纷纷启动…"), or only a reference: where people come from or go to ("来自河南的务工人员",
"乘专列返回广东"), an employer's home ("广东籍企业"). Counties and districts name their city.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

import jieba

from jiuye import regions

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Mention:
    spelling: str
    province_code: str
    city: regions.City | None  # the prefecture it names, if any (a county names its city)
    start: int
    end: int
    guarded: bool  # a short county name: counts only where its province or city is named too

    @property
    def abbreviated(self) -> bool:
        """A province's one-character name (沪, 滇): found only in pairs or as an event's scene."""
        return len(self.spelling) == 1


@cache
def _spellings() -> tuple[re.Pattern[str], dict[str, tuple[str, regions.City | None, bool]]]:
    """One pattern for every place spelling, longest first: spelling -> (province, city, guarded)."""
    owner: dict[str, tuple[str, regions.City | None, bool]] = {}
    full, short = regions.counties()
    for name, county in short.items():
        if not regions.everyday_word(name):
            owner[name] = (county.province_code, county.city, True)
    for name, county in full.items():
        owner[name] = (county.province_code, county.city, False)
    for spelling, city in regions.city_names().items():
        owner[spelling] = (city.province_code, city, False)
    for province in regions.provinces():
        for spelling in province.names:
            owner[spelling] = (province.code, None, False)
    alternatives = sorted(owner, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives))), owner


def find(text: str, corroborate: bool = True) -> list[Mention]:
    """Every place spelling in `text`, in order. With `corroborate`, a short county name only where
    its province or city is also named in `text` (册亨 in an article that names 贵州 or 黔西南);
    without, as in a field that holds a place ("昆山")."""
    pattern, owner = _spellings()
    found = []
    for match in pattern.finditer(text):
        province_code, city, guarded = owner[match.group()]
        if guarded and not _whole_word(text, match.start(), match.end()):
            continue  # 和政 in "信息和政策"
        if _STREET.match(text, match.end()):
            continue  # 合肥市阜阳北路, 南京路: a street named after a place
        found.append(Mention(match.group(), province_code, city, match.start(), match.end(), guarded))
    found = sorted(found + _abbreviated(text, found), key=lambda m: m.start)
    named_provinces = {m.province_code for m in found if not m.guarded}
    named_cities = {m.city for m in found if not m.guarded and m.city}
    return [
        m
        for m in found
        if not (corroborate and m.guarded) or m.province_code in named_provinces or m.city in named_cities
    ]


def opening(name: str) -> Mention | None:
    """The place a publisher's name opens with (大冶云, 射阳发布): its first word, whatever follows,
    even a county name that is an everyday word elsewhere (大冶)."""
    pattern, owner = _spellings()
    match = pattern.match(name)
    if match:
        province_code, city, guarded = owner[match.group()]
        return Mention(match.group(), province_code, city, 0, match.end(), guarded)
    _, short = regions.counties()
    spelling = next((name[:size] for size in (3, 2) if name[:size] in short), None)
    if spelling is None:
        return None
    county = short[spelling]
    return Mention(spelling, county.province_code, county.city, 0, len(spelling), True)


@cache
def _abbreviation_pattern() -> re.Pattern[str]:
    chars = "".join(regions.province_abbreviations())
    pair = f"(?<!中)(?:[{chars}]、?){{1,3}}[{chars}](?={_JOINT_WORK})"  # 中新合作 is China's, not 新疆's
    return re.compile(f"{pair}|(?<=在)[{chars}](?={_HELD})")


# Two or more provinces' abbreviations before their joint work: 苏陕两省, 粤桂劳务协作, 浙川两地, 京津冀协同,
# 苏、浙、皖、沪四省市;
# or one as the scene of an event: "交流会在京召开", "在沪举行".
_PARTNERSHIP = re.compile("劳务|协作|合作|对口|协同|东西部|扶贫")
_PLACES_COUNTED = r"[两二三四五六七八九十\d]{1,2}(?:省|市|地|区|省区|省市)"  # 两地, 四省市
_JOINT_WORK = rf"{_PLACES_COUNTED}|等(?:省|地)|{_PARTNERSHIP.pattern}"
_HELD = "召开|举行|举办|开幕|启动|开展"
_ACTING_TOGETHER = re.compile(rf"{_PLACES_COUNTED}(?:联动|联合|共同|携手|签署|签订|合作)")  # 浙川两地联动
# National bodies meeting in the capital act for the nation ("人力资源社会保障部、民政部在京举办…").
_NATIONAL_ACTOR = re.compile(r"[部委]|国务院|中国残联|全国总工会|团中央|国家")
_CLAUSE_START = re.compile(r"[^，,。；;！？\n]*$")


def _abbreviated(text: str, found: list[Mention]) -> list[Mention]:
    """Provinces named by their abbreviations in a pair, or one as an event's scene (one character
    alone elsewhere is too ambiguous)."""
    taken = {i for m in found for i in range(m.start, m.end)}
    provinces = regions.province_abbreviations()
    pairs = []
    for match in _abbreviation_pattern().finditer(text):
        chars = match.group().replace("、", "")
        if taken & set(range(match.start(), match.end())) or len(set(chars)) < len(chars):
            continue
        clause = _CLAUSE_START.search(text[max(0, match.start() - 40) : match.start()])
        if len(match.group()) == 1 and clause and _NATIONAL_ACTOR.search(clause.group()):
            continue
        for offset, char in enumerate(match.group()):
            if char == "、":
                continue
            start = match.start() + offset
            pairs.append(Mention(char, provinces[char].code, None, start, start + 1, False))
    return pairs


WORD_WINDOW = 8
_STREET = re.compile(r"[东南西北中]?(?:路|大街|大道|街(?!道))")


def _whole_word(text: str, start: int, end: int) -> bool:
    """jieba's segmentation of the surroundings puts word boundaries at both ends of the span."""
    left = max(0, start - WORD_WINDOW)
    window = text[left : end + WORD_WINDOW]
    bounds = {0}
    for _, _, token_end in jieba.tokenize(window):
        bounds.add(token_end)
    return start - left in bounds and end - left in bounds


# Just before a name: people or things coming from it or going to it.
_MOVING_BEFORE = re.compile(
    r"(?:来自|来|赴|前往|奔赴|到达|抵达|发往|送往|开往|驶往|途经|返回|回到|返|回|去|往|输送到?|转移到?|外出到?|毕业于)$"
)
# Just after a name (and its list): household registration, origin (a train "广州开往宁波"), an
# employer's home, where a person worked ("在上海工作十年的江西人"), a news source ("据兰州晨报报道").
_MOVING_AFTER = re.compile(
    r"^(?:等地|等省份?|省|市|自治区)?(?:籍|户籍|方向|务工|来的|过来|开往|驶往|发往|(?:的)?(?:[\d一二三四五六七八九十百千余多近]+家)?企业"
    r"|(?:工作|打工|生活)[\u4e00-\u9fff]{0,6}?的"
    r"|(?:日报|晚报|晨报|早报|商报|都市报|电视台|广播电视台|新闻网|融媒体中心))"  # a source: "据兰州晨报报道"
)
# Where someone only speaks ("陈勇嘉27日在北京表示"): words said there, nothing reported of it.
_SPEAKING_AT = re.compile(r"^(?:[\u4e00-\u9fff]{0,3}?)(?:表示|说|介绍|指出|透露|强调|称)")
# A list of places shares its context: "江西、河南、湖南等地纷纷…", as does "贵州册亨县"; so does
# one with commas that a 等 closes ("来自遂宁市,重庆市潼南区、铜梁区等地区").
_LIST_JOINER = re.compile(r"^[、和及与]?$")
_COMMA_JOINER = re.compile(r"^[、和及与,，]?$")


def _group(text: str, mention: Mention, mentions: list[Mention]) -> tuple[Mention, Mention]:
    """The first and last name of the list the mention is in ("江西、河南和湖南"), else itself."""
    grouped = _joined(text, mention, mentions, _COMMA_JOINER)
    if text.startswith("等", grouped[1].end) and grouped != (mention, mention):
        return grouped
    return _joined(text, mention, mentions, _LIST_JOINER)


def _joined(text: str, mention: Mention, mentions: list[Mention], joiner: re.Pattern[str]) -> tuple[Mention, Mention]:
    first = last = mentions.index(mention)
    while first > 0 and joiner.match(text[mentions[first - 1].end : mentions[first].start]):
        first -= 1
    while last + 1 < len(mentions) and joiner.match(text[mentions[last].end : mentions[last + 1].start]):
        last += 1
    return mentions[first], mentions[last]


# Going somewhere to recruit, to visit people or firms there, where it is reported: "前往河南信阳招工",
# "前往贵州习水县、桐梓县，慰问…", "赴重庆联合访企拓岗", "到焦作、郑州等地的多家企业考察" (but
# "赴广东开展劳务对接" sends people: a destination).
_ACTING_THERE = re.compile(
    r"(?:等地)?(?:[\u4e00-\u9fff]{0,6}?(?:地区|一带|开发区|经开区|高新区|园区|新区))?(?:的[\u4e00-\u9fff]{0,8}?(?:企业|单位|公司))?[,，]?"
    r"(?:联合|集中|开展|进行|深入)?(?:招工|招聘|揽才|引才|抢人|慰问|看望|走访|入户|访企|考察|调研)"
)


_GOING_TO = re.compile(r"(?:赴|前往|奔赴|来到|走进|外出到|深入到)[^，,。；;]{0,10}$")


def _goes_to_act(text: str, first: Mention, last: Mention) -> bool:
    going = _GOING_TO.search(text[max(0, first.start - 12) : first.start])
    return bool(going and _ACTING_THERE.match(text, last.end))


def is_reference(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """The name says where people come from or go to, or an employer's home, not a scene."""
    first, last = _group(text, mention, mentions)
    before, after = text[max(0, first.start - 4) : first.start], text[last.end : last.end + 12]
    moving = _MOVING_BEFORE.search(before) and not _goes_to_act(text, first, last)
    speaking = before.endswith("在") and first is last and _SPEAKING_AT.match(after)
    return bool(moving or speaking or _MOVING_AFTER.match(after))


# After a list: it samples a counted whole ("在遂宁市、南充市等18个市州同步开展").
_SAMPLE_AFTER = re.compile(r"等(?:\d+|[一二三四五六七八九十两几数多]+)(?:个|家)?(?:省|市|州|县|区|地|盟|旗)")


def is_sample(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """The name is one of a few examples of a counted whole: nothing is reported of it alone."""
    _, last = _group(text, mention, mentions)
    return bool(_SAMPLE_AFTER.match(text, last.end))


# A name that acts or hosts: its authorities, or the name opening a clause that reports an event.
_AUTHORITY_AFTER = re.compile(
    rf"^(?:{_PLACES_COUNTED}的?)?(?:省|市|县|区|州|盟|旗|自治区|自治州)?(?:委|政府|人社|人力资源|就业|总工会|工会|残联|妇联|团[省市]?委|"
    r"教育|民政|乡村振兴|农业农村|公共就业|人才|各级|各地|全省|全市|全区|全州|全县|多地|等地|等省|"
    r"[\u4e00-\u9fff]{0,4}?(?:协作办|就业局|人社局|办事处)|(?:等|作为)[\u4e00-\u9fff]{0,4}?代表)"
)
_SCENE_BEFORE = re.compile(r"(?:在|于|^|[，,。；;：:！？\s■●◆▲])$")
# A co-organising city or county ("沙坪坝区联合成都武侯区…举办"); not provinces a plan works with.
_WITH = re.compile(r"(?:联合|会同|携手)$")
_HAPPENING = re.compile(
    r"举办|举行|开展|启动|组织|召开|推出|发布|开通|搭建|实现|帮助|帮扶|走访|慰问|提供|落实|出台|印发|"
    r"达成|吸引|参加|入场|设立|建立|开设|打造|聚焦|围绕|坚持|持续|积极|纷纷|精心|深入|扎实|全力|"
    r"开出|发车|专车|专列|包车|行至|走进|发放|配发|赠送|送上|送去|捐赠|招聘会|双选会|洽谈会|专场招聘"
)


# A photo caption's place: "2023年1月29日,四川内江,隆昌市…招聘活动现场。"
_CAPTION_BEFORE = re.compile(r"(?:^|\n)\s*(?:图为)?\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，]\s*$")
_CAPTION_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{0,12}?(?:市|县|区|州))?\s*[,，]")


def is_scene(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """The name (or the list it is in) is where a reported thing happens or whose authorities act."""
    first, last = _group(text, mention, mentions)
    if _CAPTION_BEFORE.search(text, max(0, first.start - 24), first.start) and _CAPTION_AFTER.match(text, last.end):
        return True
    after = text[last.end : last.end + 30]
    if _AUTHORITY_AFTER.match(text[mention.end : mention.end + 12]) or _AUTHORITY_AFTER.match(after):
        return True
    if mention.abbreviated and _ACTING_TOGETHER.match(after):
        return True  # "浙川两地联动保障": the places act together
    if mention.abbreviated and _PARTNERSHIP.match(after):
        return False  # "沪滇劳务协作，不仅为…提供了": a partnership's name, not a scene
    if _goes_to_act(text, first, last):
        return True
    before = text[max(0, first.start - 2) : first.start]
    clause_end = re.search(r"[，,。；;！？]", after)
    clause = after[: clause_end.start()] if clause_end else after
    co_organiser = _WITH.search(before) and last.city is not None
    return bool((_SCENE_BEFORE.search(before) or co_organiser) and _HAPPENING.search(clause))
