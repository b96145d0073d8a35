"""Text forms shared by extraction and matching."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

# Quotes, brackets and spacing that writers put around campaign names in varying ways:
# 就业援助 " 暖心行动 ", 就业援助“暖心活动”, 就业援助_暖心行动_ (Hexo export).
_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉_·•]+")


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters as simplified ones (無錫 -> 无锡, 招聘會 -> 招聘会), by OpenCC."""
    return _to_simplified().convert(text)


# The pinyin a bad traditional-character conversion leaves after characters: "招聘會(huì )", "6226個(gè)崗位".
_PINYIN_DEBRIS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\s*\)")


def reading_form(text: str) -> str:
    """What extraction reads: NFKC (full-width to half-width) and simplified characters, without
    conversion debris; a text is shown as written."""
    return simplified(_PINYIN_DEBRIS.sub("", unicodedata.normalize("NFKC", text)))


def match_form(text: str) -> str:
    """The reading form without quotes, brackets or spaces."""
    return _NOISE.sub("", reading_form(text))


_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|\n+")
_SENTENCE_MARKS = "。！？!?；;\n"


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def sentence_around(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The bounds of the sentence that holds text[start:end], by the marks `sentences` splits at."""
    after = start if end is None else end
    ends = [found for mark in _SENTENCE_MARKS if (found := text.find(mark, after)) >= 0]
    return max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1, min(ends, default=len(text))


# "天山网-新疆日报记者 李琳", "滨州日报/滨州网 记者 张炜 通讯员 贾鹏": who wrote it, not what happened.
_BYLINE = re.compile(r"记者|通讯员|编辑|责编|作者|摄影|来源")
MAX_BYLINE = 60


def is_byline(paragraph: str) -> bool:
    """A short line naming the writers or the source, with no sentence of its own."""
    line = paragraph.strip()
    return len(line) <= MAX_BYLINE and bool(_BYLINE.search(line)) and not re.search(r"[。！？!?]", line)
