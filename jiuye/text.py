"""Text forms shared by extraction and matching."""

from __future__ import annotations

import re
import unicodedata

# Quotes, brackets and spacing that writers put around campaign names in varying ways:
# 就业援助 " 暖心行动 ", 就业援助“暖心活动”, 就业援助_暖心行动_ (Hexo export).
_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉_·•]+")


def match_form(text: str) -> str:
    """NFKC (full-width to half-width) and without quotes, brackets or spaces."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|\n+")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
