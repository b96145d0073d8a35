"""Provincial-level divisions and their cities, from the adcode table the `cpca` package ships.

The table (GB/T 2260 codes) gives names and hierarchy; this module derives short names, aliases
and pinyin slugs. A few places that are not divisions in the table (雄安新区, national new areas)
come from `data/places.yaml`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources

import yaml
from pypinyin import lazy_pinyin

# Pinyin that the plain reading gets wrong or that convention fixes differently.
SLUG_OVERRIDES = {"陕西": "shaanxi"}
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
CITY_SUFFIXES = ("地区", "盟", "市")
AUTONOMOUS_SUFFIXES = ("自治州", "自治县", "自治旗")
COUNTY_SUFFIXES = ("林区", "特区", "新区", "县", "区", "市", "旗")
# jieba dictionary frequencies from which a short place name reads as an everyday word.
EVERYDAY_FREQUENCY = 100
EVERYDAY_PLACE_FREQUENCY = 1000


@dataclass(frozen=True)
class City:
    name: str
    short: str
    province_code: str
    code: str = ""  # adcode prefix: four digits for a prefecture, six for a county-level city


@dataclass
class Province:
    code: str  # two-digit adcode prefix
    name: str  # 湖北省
    short: str  # 湖北
    slug: str  # hubei
    aliases: tuple[str, ...] = ()
    cities: list[City] = field(default_factory=list)

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that names this province in text or metadata."""
        return (self.name, self.short, *self.aliases)

    def __hash__(self) -> int:
        return hash(self.code)

    def __str__(self) -> str:
        return self.short


def _adcode_rows() -> list[tuple[str, str]]:
    path = metadata.distribution("cpca").locate_file("cpca/resources/adcodes.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        return [(row["adcode"], row["name"]) for row in csv.DictReader(handle)]


def _nationalities() -> list[str]:
    path = metadata.distribution("cpca").locate_file("cpca/resources/56_nations.csv")
    with open(path, encoding="utf-8") as handle:
        names = [line.strip() for line in handle if line.strip()]
    # Longest first so that 布依族 is stripped before 依族-like tails could be.
    return sorted(names, key=len, reverse=True)


def _strip_autonomous(name: str, nationalities: list[str]) -> str:
    for suffix in AUTONOMOUS_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            stripped = True
            while stripped:
                stripped = False
                for nation in nationalities:
                    if stem.endswith(nation) and len(stem) - len(nation) >= 2:
                        stem = stem[: -len(nation)]
                        stripped = True
                        break
            return stem
    return name


def short_name(name: str, suffixes: tuple[str, ...], nationalities: list[str]) -> str:
    name = _strip_autonomous(name, nationalities)
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            if suffix == "自治区":
                # 新疆维吾尔自治区 drops the 族 of 维吾尔族.
                bare = [nation.removesuffix("族") for nation in nationalities if len(nation) > 2]
                stem = _strip_autonomous(stem + "自治州", nationalities + bare)
            return stem
    return name


def slugify(short: str) -> str:
    return SLUG_OVERRIDES.get(short) or re.sub(r"[^a-z]", "", "".join(lazy_pinyin(short)))


@cache
def _extra_places() -> dict:
    text = resources.files("jiuye.data").joinpath("places.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def provinces() -> tuple[Province, ...]:
    """All 34 provincial-level divisions, in adcode order, with their cities."""
    nationalities = _nationalities()
    extra = _extra_places()
    by_code: dict[str, Province] = {}
    rows = sorted(_adcode_rows())
    for code, name in rows:
        if code.endswith("0000000000"):
            short = short_name(name, PROVINCE_SUFFIXES, nationalities)
            aliases = tuple(extra["province_aliases"].get(short, ()))
            by_code[code[:2]] = Province(code[:2], name, short, slugify(short), aliases)
    for code, name in rows:
        prefix, city_part, county_part = code[:2], code[2:4], code[4:6]
        if code.endswith("0000000000") or code[6:] != "000000":
            continue
        is_city = county_part == "00"
        # County-level cities directly under a province (仙桃市, 济源市) act as cities.
        is_direct_county = city_part == "90" and not is_city and name.endswith("市")
        if (is_city or is_direct_county) and name not in ("市辖区", "县", "省直辖县级行政区划"):
            if "自治区直辖" in name:
                continue
            short = short_name(name, CITY_SUFFIXES, nationalities)
            by_code[prefix].cities.append(City(name, short, prefix, code[:4] if is_city else code[:6]))
    for place, province_short in extra["places"].items():
        province = next(p for p in by_code.values() if p.short == province_short)
        province.cities.append(City(place, place, province.code))
    return tuple(by_code.values())


@cache
def _index() -> dict[str, Province]:
    index: dict[str, Province] = {}
    for province in provinces():
        for key in (*province.names, province.slug, province.code):
            index[key] = province
    return index


@cache
def province_spellings() -> frozenset[str]:
    """Every spelling of every province: a match on one of these names a province, not a city."""
    return frozenset(name for province in provinces() for name in province.names)


def find_province(key: str) -> Province | None:
    """The province a name, short name, alias, slug or code stands for."""
    return _index().get(key.strip())


@cache
def province_abbreviations() -> dict[str, Province]:
    """One-character abbreviations (简称): 苏 -> 江苏, 粤 -> 广东."""
    return {char: _index()[short] for char, short in _extra_places()["province_abbreviations"].items()}


@cache
def city_names() -> dict[str, City]:
    """Spellings of cities usable in running text, mapped to the city. Short forms that are also
    everyday words (长治久安, 来宾) are left out; their full names stay."""
    ambiguous = set(_extra_places()["ambiguous_short_names"])
    spellings: dict[str, City] = {}
    for province in provinces():
        for city in province.cities:
            spellings[city.name] = city
            if city.short not in ambiguous and len(city.short) >= 2:
                spellings.setdefault(city.short, city)
    for alias, name in _extra_places()["city_aliases"].items():
        spellings.setdefault(alias, spellings[name])
    return spellings


@dataclass(frozen=True)
class County:
    """A county-level division (县, 区, 县级市, 旗) and the city it is in."""

    name: str  # 册亨县
    short: str  # 册亨
    code: str  # six-digit adcode
    city: City | None  # its prefecture, or itself when directly under the province (仙桃市)

    @property
    def province_code(self) -> str:
        return self.code[:2]


def _county_short(name: str, nationalities: list[str]) -> str:
    stem = _strip_autonomous(name, nationalities)
    for suffix in COUNTY_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
            return stem[: -len(suffix)]
    return stem


@cache
def _all_counties() -> tuple[County, ...]:
    """Every county-level division of the table (not the 市辖区 placeholders), in its order."""
    nationalities = _nationalities()
    lookup = city_by_code()
    found = []
    for code, name in _adcode_rows():
        if code[4:6] == "00" or code[6:] != "000000" or name in ("市辖区", "城区", "郊区", "矿区"):
            continue
        city = lookup.get(code[:6]) or lookup.get(code[:4])
        found.append(County(name, _county_short(name, nationalities), code[:6], city))
    return tuple(found)


@cache
def counties() -> tuple[dict[str, County], dict[str, County]]:
    """County-level divisions whose spelling names one place in the country: by full name
    (庐阳区, 册亨县, 昆山市) and by short name (庐阳, 册亨, 昆山). A short name that is also a
    province's or city's spelling (河北区, 本溪满族自治县) is left out."""
    full: dict[str, list[County]] = {}
    short: dict[str, list[County]] = {}
    for county in _all_counties():
        name = county.name
        full.setdefault(name, []).append(county)
        if county.short != name:
            short.setdefault(county.short, []).append(county)
    taken = province_spellings() | set(city_names())
    unique_full = {name: found[0] for name, found in full.items() if len(found) == 1 and name not in taken}
    unique_short = {
        name: found[0]
        for name, found in short.items()
        if len(found) == 1 and name not in taken and name not in full and len(name) >= 2
    }
    # A county since made a county-level city (库车县 -> 库车市, 2019): the table lags the map. As
    # guarded as a short name, since it is no name of the table's (人力资源市场 is no 资源市).
    for name, county in list(unique_full.items()):
        renamed = f"{county.short}市"
        if name.endswith("县") and renamed not in full and renamed not in taken:
            unique_short.setdefault(renamed, county)
    return unique_full, unique_short


@cache
def districts_of(province_code: str) -> dict[str, County]:
    """A province's county-level divisions by full and short name (朝阳区, 朝阳): inside one
    province a name that is ambiguous nationwide is one place."""
    found: dict[str, County] = {}
    for county in _all_counties():
        if county.code.startswith(province_code):
            found.setdefault(county.name, county)
            found.setdefault(county.short, county)
    return found


@cache
def county_spellings() -> frozenset[str]:
    """Every county-level division's full and short name, ambiguous ones included."""
    return frozenset(spelling for county in _all_counties() for spelling in (county.name, county.short))


def county(spelling: str) -> County | None:
    """The county a full or short name stands for, if exactly one: 昆山 -> 昆山市 (苏州市)."""
    full, short = counties()
    return full.get(spelling) or short.get(spelling)


@cache
def _word_frequencies() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word -> (frequency, part of speech)."""
    path = metadata.distribution("jieba").locate_file("jieba/dict.txt")
    with open(path, encoding="utf-8") as handle:
        return {word: (int(freq), tag) for word, freq, tag in (line.split() for line in handle)}


def everyday_word(spelling: str) -> bool:
    """A short place name that is first an everyday word (合作, 通道, 平安, 公安): common in
    jieba's dictionary and not tagged a place name there, or very common whatever its tag."""
    freq, tag = _word_frequencies().get(spelling, (0, ""))
    return freq >= EVERYDAY_FREQUENCY and not tag.startswith("ns") or freq >= EVERYDAY_PLACE_FREQUENCY


def city_of_district(district: str) -> City | None:
    """The city a unique county-level name belongs to: 洪山区 -> 武汉市, 昆山 -> 苏州市."""
    found = county(district)
    return found.city if found else None


@cache
def city_by_code() -> dict[str, City]:
    return {city.code: city for province in provinces() for city in province.cities if city.code}


def province_by_code(code: str) -> Province:
    return _index()[code]
