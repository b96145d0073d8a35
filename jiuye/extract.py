"""What a Chinese news text is about: provinces and cities, and a summary."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from jiuye import mentions, regions
from jiuye.text import is_byline, reading_form

# "人民网北京 8 月 1 日电", "新华社武汉3月5日电（记者 …）", "本报讯": where the report was filed,
# not what it is about.
_DATELINE = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:网|社|报|台|电视台|新闻)?[\u4e00-\u9fff]{2,4}\s*"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电讯]"
    r"(?:\s*[（(][^）)]{0,40}[）)])?"
)
_LEAD_IN = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:消息|讯)[：:]")
# A sentence that names a place counts 1; 2 when the place is its scene (the place acts or hosts),
# or it is the title or the lead. A place is "about" from 2 on: a passing mention is not enough.
PASSING = 1
PROMINENT = 2
ABOUT_THRESHOLD = 2
MIN_LEAD = 16  # a shorter opening that names no place ("春风送温暖,就业献真情。") is a motto, not the lead
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")


@dataclass
class Places:
    provinces: list[regions.Province] = field(default_factory=list)
    cities: list[regions.City] = field(default_factory=list)
    # the publisher's own place, where the text calls it its own (我市, 我省, 我校)
    home: tuple[regions.Province, regions.City | None] | None = None


def first_place(text: str, scenes_only: bool = False) -> tuple[regions.Province | None, str | None]:
    """The first province a place field names, and the first of its cities (a county names its
    city: 昆山 -> 苏州市); provinces named only by abbreviation (苏陕) come last. With
    `scenes_only`, for running text: not where people come from or go to, or an employer's home."""
    province = city = None
    text = reading_form(text)
    found = mentions.find(text, corroborate=False)
    if scenes_only:
        found = [m for m in found if not mentions.is_reference(text, m, found)]
    # A name before an abbreviation: "闽滇劳务协作暨楚雄州专场招聘会" is in 楚雄 (云南).
    for mention in sorted(found, key=lambda m: m.abbreviated):
        found_province = regions.province_by_code(mention.province_code)
        if province is None:
            province = found_province
        if found_province is not province:
            continue  # a second province: keep the first
        if city is None and mention.city:
            city = mention.city.name
    return province, city


_DATELINE_MARK = re.compile(r"日\s*[电讯]")  # what every dateline has: a quick test before the slow pattern


def strip_datelines(text: str) -> str:
    if _DATELINE_MARK.search(text):
        text = _DATELINE.sub(" ", text)
    return "\n".join(_LEAD_IN.sub("", line) for line in text.split("\n"))


# A local paper's words for its own city and province: "我市举办…", "本省各地…". Its own city (a
# county's paper: its county's city; a university's: its city): 我市, 本县, 我校; and a bare 市 or
# 县 before an authority ("由市残联、市人社局主办", unlike 城市人才市场 or 各县人社局) where the text
# names no city (in "郴州市委、市政府高度重视，市人社局…" it is 郴州's).
OWN_PLACE = re.compile(r"我[市县校]|本[市县校]")
_BARE_AUTHORITY = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[由的和与及在据经向对将为是了到从]))"
    r"[市县](?:委|政府|人社|人力资源|就业|残联|总工会|妇联|民政|人才|教育局|工商联)"
)
_OWN_PROVINCE = re.compile(r"我省|本省|我区(?=各|全)")


def places_about(title: str, body: str, home: str = "") -> Places:
    """Provinces and cities the article is about, most prominent first.

    Each sentence scores each place it names once: more when the place is the sentence's scene,
    or the sentence is the title or the lead, unless it only samples a counted whole (等18个市州);
    nothing when the name only says where people come from or go to. Counties and districts
    score for their city and province. `home` is the publisher's name (洛阳网, 绵阳市场信息报):
    where its 我市/本市 and 我省/本省 are.
    """
    title = reading_form(title).strip()
    body = strip_datelines(reading_form(body))
    text = f"{title}\n{body}"
    found = mentions.find(text)
    scores: Counter[str] = Counter()
    city_scores: Counter[regions.City] = Counter()
    first_seen: dict[str, int] = {}
    lead = next((s for s in _SENTENCE.finditer(body) if _may_lead(s, found, len(title) + 1)), None)
    lead_end = len(title) + 1 + (lead.end() if lead else 0)
    for sentence in _SENTENCE.finditer(text):
        inside = [m for m in found if sentence.start() <= m.start < sentence.end()]
        weights: dict[str, int] = {}
        city_weights: dict[regions.City, int] = {}
        for mention in inside:
            if mentions.is_reference(text, mention, inside):
                continue
            # An abbreviation (沪滇劳务协作) names a partnership: it counts only where its place acts.
            in_lead = sentence.start() < lead_end and not mention.abbreviated
            prominent = in_lead or mentions.is_scene(text, mention, inside)
            if mention.abbreviated and not prominent:
                continue
            weight = PASSING if not prominent or mentions.is_sample(text, mention, inside) else PROMINENT
            first_seen.setdefault(mention.province_code, len(first_seen))
            weights[mention.province_code] = max(weight, weights.get(mention.province_code, 0))
            if mention.city:
                city_weights[mention.city] = max(weight, city_weights.get(mention.city, 0))
        scores.update(weights)
        city_scores.update(city_weights)
    names_city = any(m.city for m in found)
    own = _score_home(home, text, names_city, scores, city_scores, first_seen)
    chosen = [code for code, score in scores.items() if score >= ABOUT_THRESHOLD]
    if not chosen and (local := _local_story(home, text)):
        return Places([local[0]], [local[1]] if local[1] else [], own)
    chosen.sort(key=lambda code: (-scores[code], first_seen[code]))
    provinces = [regions.province_by_code(code) for code in chosen]
    cities = [
        city
        for province in provinces
        for city in sorted(province.cities, key=lambda c: -city_scores[c])
        if city_scores[city] >= ABOUT_THRESHOLD
    ]
    return Places(provinces, cities, own)


def _may_lead(sentence: re.Match[str], found: list[mentions.Mention], offset: int) -> bool:
    """A sentence of the body (at `offset` in the text the mentions were found in) that can be the
    lead: no byline, and long enough or naming a place."""
    if is_byline(sentence.group()):
        return False
    names_place = any(sentence.start() + offset <= m.start < sentence.end() + offset for m in found)
    return names_place or len(sentence.group()) >= MIN_LEAD


# A sentence or paragraph that names no province but the nation or a national body is national
# (not employers "来自全国各地").
NATIONAL = re.compile(
    r"(?<!来自)全国|我国|中国(?!人民|共产)|国务院|人社部(?!门)|(?<![省市县区])人力资源(?:和)?社会保障部|教育部"
)
# A story of many places, or of the nation (国家统计局), is no city paper's local story; one of
# its province (全省, 省人社厅) is the province's.
_MANY_PLACES = re.compile(rf"{NATIONAL.pattern}|国家|各地|多地|各省|各市|各县")
_PROVINCIAL = re.compile(r"全省|省(?:委|政府|人社|人力资源|就业|教育厅|总工会|残联)")


def _local_story(home: str, text: str) -> tuple[regions.Province, regions.City | None] | None:
    """A city paper's story that names no place of its own (明照街道就业集市 in 株洲日报) is its
    city's; a provincial one (记者从省人社厅获悉) its province's."""
    province, city_name = _home_place(home) if home and not _MANY_PLACES.search(text) else (None, None)
    city = next((c for c in province.cities if c.name == city_name), None) if province else None
    if city is None:
        return None
    return (province, None) if _PROVINCIAL.search(text) else (province, city)


@cache
def _home_place(home: str) -> tuple[regions.Province | None, str | None]:
    """The place a publisher's name holds (洛阳网), or opens with (大冶云): worked out once per
    publisher (every item of a source has the same)."""
    province, city_name = first_place(home)
    if province is None and (opening := mentions.opening(reading_form(home.strip()))):
        province = regions.province_by_code(opening.province_code)
        city_name = opening.city.name if opening.city else None
    return province, city_name


def _score_home(
    home: str,
    text: str,
    names_city: bool,
    scores: Counter[str],
    city_scores: Counter[regions.City],
    first_seen: dict[str, int],
) -> tuple[regions.Province, regions.City | None] | None:
    """The publisher's city and province, where the text calls them its own (我市, 我省): scored,
    and returned."""
    own_city = bool(OWN_PLACE.search(text) or (not names_city and _BARE_AUTHORITY.search(text)))
    own_province = bool(_OWN_PROVINCE.search(text))
    if not home or not (own_city or own_province):
        return None
    province, city_name = _home_place(home)
    if province is None:
        return None
    city = next((c for c in province.cities if c.name == city_name), None) if own_city else None
    if city:
        city_scores[city] += PROMINENT
    if not (city or own_province):
        return None
    scores[province.code] += PROMINENT
    first_seen.setdefault(province.code, len(first_seen))
    return province, city


def summary(paragraphs: list[str], limit: int = 120) -> str:
    """The first paragraph that reads as prose, cut at a sentence end near the limit."""
    for paragraph in paragraphs:
        text = strip_datelines(" ".join(paragraph.split())).strip(" ：:")
        if len(text) < 20:
            continue
        if len(text) <= limit:
            return text
        cut = text[:limit]
        end = max(cut.rfind(mark) for mark in "。！？；")
        return cut[: end + 1] if end >= limit // 2 else cut.rstrip() + "…"
    return ""
