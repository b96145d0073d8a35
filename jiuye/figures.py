"""Counts as Chinese news writes them: "50 户", "近百家", "3000 多个", "1.4 万", "二十余家", "上百个"."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import cn2an

NUMBER = r"(?:\d+(?:\.\d+)?\s*[万千百]?|[零〇一二两三四五六七八九十百千万]+)"
# 近 (nearly), 约 (about), 上/逾/超过 (over) before the number; 多/余/以上 (more than) after it.
_QUALIFIED = re.compile(rf"(近|约|上|逾|超过|超)?\s*({NUMBER})\s*(多|余|以上)?")
# What chinese_number reads: digits, numerals and units; no sign, currency or other text cn2an would also take.
_NUMERAL = re.compile(r"[\d.零〇一二两三四五六七八九十百千万亿点]+")


@lru_cache(maxsize=4096)
def chinese_number(text: str) -> float:
    """'1067', '1.4万', '二十', '三百五十', '两千', '一万二千', '百' -> the number; ValueError when it is none.
    The one reader of numerals in jiuye: cn2an's smart mode, which takes Arabic digits with a unit too."""
    flat = unicodedata.normalize("NFKC", text).replace(" ", "")
    if not _NUMERAL.fullmatch(flat):
        raise ValueError(f"not a number: {text!r}")
    if flat[0] in "百千万亿":  # 近百家, 超千万个: news drops the 一 that cn2an needs
        flat = "一" + flat
    try:
        return float(cn2an.cn2an(flat, "smart"))
    except (ValueError, KeyError) as error:  # KeyError: cn2an on some malformed runs (一万十五)
        raise ValueError(f"not a number: {text!r}") from error


@dataclass(frozen=True)
class Count:
    value: int
    text: str  # as written: 近百家, 3000 多个
    approximate: bool  # 近/约/多/余/上百: not an exact figure

    def __str__(self) -> str:
        return self.text


def parse_count(match_text: str) -> Count | None:
    """The count at the start of `match_text` ("20 多家企业" -> 20, approximate)."""
    match = _QUALIFIED.match(unicodedata.normalize("NFKC", match_text).strip())
    if not match or not match.group(2).strip():
        return None
    before, number, after = match.groups()
    try:
        value = chinese_number(number)
    except ValueError:
        return None
    return Count(int(round(value)), " ".join(match.group(0).split()), bool(before or after))


_EMPLOYER_NOUN = r"(?:户|家)[\u4e00-\u9fff]{0,6}?(?:企业|单位|公司|用人单位|用工单位|央企|国企)"
_POSITION_NOUN = r"个[\u4e00-\u9fff、]{0,14}?(?:岗位|职位)"
EMPLOYERS = re.compile(rf"((?:近|约|上|逾|超过|超)?\s*{NUMBER}\s*(?:多|余)?\s*){_EMPLOYER_NOUN}")
POSITIONS = re.compile(rf"((?:近|约|上|逾|超过|超)?\s*{NUMBER}\s*(?:多|余)?\s*){_POSITION_NOUN}")
# "岗位数量 100 余个", "发布岗位 1206 个"
POSITIONS_AFTER = re.compile(rf"岗位(?:数量|信息)?\s*((?:近|约|逾|超过)?\s*{NUMBER}\s*(?:多|余)?\s*)个")


def vague(text: str, match: re.Match[str]) -> bool:
    """The count is only a magnitude: "数百个岗位", "几十名" (but "人数4万多人" counts)."""
    return text.endswith(("数", "几"), 0, match.start()) and match.group(1).lstrip()[:1] in "十百千万"


def employers(text: str) -> Count | None:
    """The first count of employers: not "一家公司" (a company, in a job seeker's story)."""
    counts = (parse_count(m.group(1)) for m in EMPLOYERS.finditer(text) if not vague(text, m))
    return next((count for count in counts if count and count.value > 1), None)


def positions(text: str) -> Count | None:
    found = [m for pattern in (POSITIONS, POSITIONS_AFTER) for m in pattern.finditer(text) if not vague(text, m)]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return parse_count(first.group(1))
