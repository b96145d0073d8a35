"""Job posting vocabulary: education and experience scales, target groups, employment types,
location text, and the identity that makes one job of a posting seen in two sources."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from jiuye import regions
from jiuye.extract import first_place
from jiuye.figures import chinese_number


@dataclass(frozen=True)
class Level:
    name: str  # as the site shows it
    slug: str
    words: tuple[str, ...]  # spellings met in exports, most specific first


# Ordered lowest to highest; `schema` is schema.org's credentialCategory.
EDUCATION = (
    Level("不限", "buxian", ("不限", "无要求", "无学历要求", "学历不限", "不要求")),
    Level("初中及以下", "chuzhong", ("初中", "小学", "义务教育")),
    Level("高中", "gaozhong", ("高中", "普高")),
    Level("中专/中技", "zhongzhuan", ("中专", "中技", "技校", "职高", "中职")),
    Level("大专", "dazhuan", ("大专", "专科", "高职", "高专")),
    Level("本科", "benke", ("本科", "学士", "大学")),
    Level("硕士", "shuoshi", ("硕士", "研究生")),
    Level("博士", "boshi", ("博士",)),
)
EDUCATION_CREDENTIAL = {
    "初中及以下": None,
    "高中": "high school",
    "中专/中技": "high school",
    "大专": "associate degree",
    "本科": "bachelor degree",
    "硕士": "postgraduate degree",
    "博士": "postgraduate degree",
}

# schema.org credentialCategory (and English) values that JSON-LD sources send, in our scale.
CREDENTIAL_NAMES = {
    "bachelor degree": "本科",
    "bachelor": "本科",
    "associate degree": "大专",
    "postgraduate degree": "硕士",
    "master": "硕士",
    "high school": "高中",
}

EXPERIENCE = (
    Level("不限", "buxian", ("不限", "无要求", "无经验", "无工作经验", "经验不限", "无需经验", "不要求", "零经验")),
    Level("应届毕业生", "yingjie", ("应届", "在校", "实习")),
    Level("1年以下", "lt1", ()),
    Level("1-3年", "1-3", ()),
    Level("3-5年", "3-5", ()),
    Level("5-10年", "5-10", ()),
    Level("10年以上", "gt10", ()),
)
EXPERIENCE_MONTHS = {"1年以下": 0, "1-3年": 12, "3-5年": 36, "5-10年": 60, "10年以上": 120}

TARGET_GROUPS = (
    Level(
        "高校毕业生",
        "gaoxiao",
        ("高校毕业生", "应届毕业生", "应届生", "毕业生", "校园招聘", "校招", "大学生", "离校未就业"),
    ),
    Level("农民工", "nongmingong", ("农民工", "务工人员", "返乡", "外出务工", "农村劳动力")),
    Level("残疾人", "canjiren", ("残疾人", "残障", "助残", "残疾")),
    Level("退役军人", "tuiyi", ("退役军人", "退伍军人", "退役士兵", "军人家属")),
    Level("就业困难人员", "kunnan", ("就业困难", "困难人员", "大龄", "低保", "长期失业", "零就业家庭", "困难家庭")),
    Level("脱贫劳动力", "tuopin", ("脱贫劳动力", "脱贫人口", "易地搬迁", "防止返贫", "监测对象")),
    Level("妇女", "funv", ("妇女", "女性", "宝妈")),
)

EMPLOYMENT_TYPES = {
    "全职": "FULL_TIME",
    "兼职": "PART_TIME",
    "实习": "INTERN",
    "临时": "TEMPORARY",
    "劳务派遣": "CONTRACTOR",
    "外包": "CONTRACTOR",
    "灵活就业": "PER_DIEM",
}
_EMPLOYMENT_WORDS = {
    "full_time": "全职",
    "fulltime": "全职",
    "full-time": "全职",
    "全日制": "全职",
    "正式": "全职",
    "part_time": "兼职",
    "parttime": "兼职",
    "part-time": "兼职",
    "小时工": "兼职",
    "intern": "实习",
    "internship": "实习",
    "temporary": "临时",
    "短期": "临时",
    "临时工": "临时",
    "contractor": "劳务派遣",
    "派遣": "劳务派遣",
    "per_diem": "灵活就业",
    "日结": "灵活就业",
}

# A Chinese count of years (up to 九十九) or 半; 三五年 and 一两年 are ranges, read by their first number.
_CN_YEARS = re.compile(r"[一二三四五六七八九]?十[一二三四五六七八九]?|[零一二两三四五六七八九]|半")


class VocabularyError(ValueError):
    """A value that fits no entry of a fixed scale."""


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _match(levels: tuple[Level, ...], text: str, what: str) -> Level:
    value = _clean(text)
    for level in levels:
        if value == level.name or value == level.slug:
            return level
    for level in reversed(levels):  # "本科及以上" mentions 本科 first, not 大专 … in any order
        if any(word in value for word in level.words):
            return level
    raise VocabularyError(f"无法识别的{what}")


def education(text: str) -> Level:
    value = _clean(text)
    return _match(EDUCATION, CREDENTIAL_NAMES.get(value.lower(), value), "学历")


def _years(value: str) -> float | None:
    match = re.search(r"(\d+(?:\.\d+)?)", value)
    if match:
        return float(match.group(1))
    match = _CN_YEARS.search(value)
    if match is None:
        return None
    return 0.5 if match.group() == "半" else chinese_number(match.group())


def experience(text: str) -> Level:
    """'3年以上' -> 3-5年, '1-3年' -> 1-3年, '经验不限' -> 不限; by the lower bound."""
    value = _clean(text)
    for level in EXPERIENCE:
        if value in (level.name, level.slug) or any(word in value for word in level.words):
            return level
    years = _years(value)
    if years is None:
        raise VocabularyError("无法识别的工作经验")
    if "月" in value and "年" not in value:
        years = years / 12
    if "以下" in value or "以内" in value or years < 1:
        return EXPERIENCE[2]
    bounds = ((3, EXPERIENCE[3]), (5, EXPERIENCE[4]), (10, EXPERIENCE[5]))
    return next((level for limit, level in bounds if years < limit), EXPERIENCE[6])


def target_groups(*texts: str) -> list[Level]:
    """Every target group the texts name, in scale order."""
    joined = _clean(" ".join(t for t in texts if t))
    return [group for group in TARGET_GROUPS if any(word in joined for word in (group.name, *group.words))]


def target_group(key: str) -> Level | None:
    return next((g for g in TARGET_GROUPS if key in (g.name, g.slug)), None)


def employment_type(text: str) -> str:
    value = _clean(text)
    if value in EMPLOYMENT_TYPES:
        return value
    key = value.lower().replace(" ", "_")
    for word, name in _EMPLOYMENT_WORDS.items():
        if word in key:
            return name
    raise VocabularyError("无法识别的用工形式")


@dataclass(frozen=True)
class Place:
    province: regions.Province
    city: str | None  # full city name (武汉市); a municipality is its own city
    district: str | None = None  # a municipality's district (朝阳区), as GB/T 2260 names it

    @property
    def listed_city(self) -> str | None:
        """The city as an item's City field holds it: none for a municipality, which is no city of
        its own (北京市 names the place in identities, not in City)."""
        return None if self.city == self.province.name else self.city


_PLACE_PARTS = re.compile(r"[\s\-—·,，/|]+|(?<=[市])")


def location(*texts: str) -> Place | None:
    """'武汉-洪山区', '湖北省武汉市', '湖北 武汉' -> 湖北 / 武汉市; None when no province is named."""
    province, city = first_place(" | ".join(t for t in texts if t))
    if province is None:
        return None
    if city is None and province.name.endswith("市"):  # 北京市, 重庆市: the municipality is the city
        districts = regions.districts_of(province.code)
        parts = (p for text in texts if text for p in _PLACE_PARTS.split(text))
        district = next((districts[p].name for p in parts if p in districts), None)
        return Place(province, province.name, district)
    return Place(province, city)


def job_id(employer: str, title: str, city: str | None) -> str:
    """The same employer, title and city in any source is the same job."""
    key = "|".join(
        re.sub(r"[\s()（）【】\[\]·\-—_]", "", _clean(part)).lower() for part in (employer, title, city or "")
    )
    return hashlib.sha256(key.encode()).hexdigest()[:12]
