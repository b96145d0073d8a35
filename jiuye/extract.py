"""What a Chinese news text is about: provinces and cities, and a summary."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from jiuye import regions
from jiuye.text import sentences

# "人民网北京 8 月 1 日电", "新华社武汉3月5日电（记者 …）", "本报讯": where the report was filed,
# not what it is about.
_DATELINE = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:网|社|报|台|电视台|新闻)?[\u4e00-\u9fff]{2,4}\s*"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电讯]"
    r"(?:\s*[（(][^）)]{0,40}[）)])?"
)
_LEAD_IN = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:消息|讯)[：:]")
# A mention in the title or lead weighs more; a province is "about" from this score on.
TITLE_WEIGHT = 2
LEAD_WEIGHT = 1
ABOUT_THRESHOLD = 2


@dataclass
class Places:
    provinces: list[regions.Province] = field(default_factory=list)
    cities: list[regions.City] = field(default_factory=list)


@cache
def place_spellings() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every place spelling, longest first, and spelling -> province code."""
    owner: dict[str, str] = {name: code[:2] for name, code in regions.district_names().items()}
    for spelling, city in regions.city_names().items():
        owner[spelling] = city.province_code
    for province in regions.provinces():
        for spelling in province.names:
            owner[spelling] = province.code
    alternatives = sorted(owner, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives))), owner


def first_place(text: str) -> tuple[regions.Province | None, str | None]:
    """The first province the text names, and the first of its cities (a county names its city)."""
    pattern, owner = place_spellings()
    cities = regions.city_names()
    province = city = None
    for match in pattern.finditer(unicodedata.normalize("NFKC", text)):
        spelling = match.group()
        found_province = regions.province_by_code(owner[spelling])
        if province is None:
            province = found_province
        if found_province is not province:
            continue  # a second province: keep the first
        if city is None and spelling not in regions.province_spellings():
            found_city = cities.get(spelling) or regions.city_of_district(spelling)
            city = found_city.name if found_city else None
    return province, city


def strip_datelines(text: str) -> str:
    text = _DATELINE.sub(" ", text)
    return "\n".join(_LEAD_IN.sub("", line) for line in text.split("\n"))


def places_about(title: str, body: str) -> Places:
    """Provinces (and their cities) the article is about, most prominent first.

    Each sentence that names a province, or one of its cities or counties, counts once; the title
    and the lead sentence count extra. A province named in a single sentence is a passing
    mention, not the subject.
    """
    pattern, owner = place_spellings()
    title = unicodedata.normalize("NFKC", title)
    body = strip_datelines(unicodedata.normalize("NFKC", body))
    scores: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    city_hits: Counter[str] = Counter()
    city_lookup = regions.city_names()
    province_spellings = regions.province_spellings()

    def count(sentence: str, weight: int) -> None:
        codes = set()
        for match in pattern.finditer(sentence):
            code = owner[match.group()]
            codes.add(code)
            first_seen.setdefault(code, len(first_seen))
            if match.group() in city_lookup and match.group() not in province_spellings:
                city_hits[city_lookup[match.group()].name] += 1
        for code in codes:
            scores[code] += weight

    count(title, TITLE_WEIGHT)
    body_sentences = sentences(body)
    for index, sentence in enumerate(body_sentences):
        count(sentence, 1 + (LEAD_WEIGHT if index == 0 else 0))
    chosen = [code for code, score in scores.items() if score >= ABOUT_THRESHOLD]
    chosen.sort(key=lambda code: (-scores[code], first_seen[code]))
    provinces = [regions.province_by_code(code) for code in chosen]
    cities = [city for province in provinces for city in province.cities if city_hits[city.name] >= 1]
    return Places(provinces, cities)


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
