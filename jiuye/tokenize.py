"""The search tokeniser. theme/static/js/tokenize.js is the same algorithm for the browser; the
shared table tests/fixtures/tokenizer-cases.json proves them identical.

Text is NFKC-normalised (full-width to half-width) and lower-cased, and quotation marks are
dropped, so that 就业援助“暖心行动” reads as 就业援助暖心行动 and 援助暖 finds it. Runs of CJK characters become
overlapping bigrams, as Lucene's CJKAnalyzer does (就业援助 -> 就业 业援 援助), a lone CJK character
stays a unigram; runs of other letters and digits are one token each; everything else separates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Han (incl. extension A and B–F, compatibility ideographs), kana, hangul syllables.
CJK_RANGES = (
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2EBEF),
)
# Quotation and title marks join what they surround instead of separating it.
QUOTES = frozenset("\"'“”‘’「」『』《》〈〉«»‹›〝〞")
_QUOTE = re.compile("[" + re.escape("".join(sorted(QUOTES))) + "]")  # dropped: a pattern is faster than str.translate
_CJK_CLASS = "".join(f"{chr(low)}-{chr(high)}" for low, high in CJK_RANGES)
_CJK_WORD = re.compile(f"[{_CJK_CLASS}]+")
_PAIRS = re.compile("(?=(..))", re.DOTALL)  # every two neighbouring characters
# A run of CJK characters, or of other word characters: [^\W_] is exactly the characters whose
# Unicode category is a letter or a number (L*, N*).
_RUN = re.compile(f"([{_CJK_CLASS}]+)|[^\\W_{_CJK_CLASS}]+")
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def is_cjk_word(word: str) -> bool:
    """Every character of `word` (not empty) is CJK."""
    return _CJK_WORD.fullmatch(word) is not None


def _runs(text: str) -> Iterator[re.Match[str]]:
    """Every maximal run of CJK (group 1) or of other word characters."""
    return _RUN.finditer(_QUOTE.sub("", unicodedata.normalize("NFKC", text).lower()))


def runs(text: str) -> list[tuple[str, bool]]:
    """(run, is_cjk) for every maximal run of CJK or of other word characters."""
    return [(match.group(), match.lastindex == 1) for match in _runs(text)]


def tokens(text: str) -> list[str]:
    result: list[str] = []
    for match in _runs(text):
        run = match.group()
        if match.lastindex == 1 and len(run) > 1:
            result += _PAIRS.findall(run)
        else:
            result.append(run)
    return result


def shard(token: str, shards: int) -> int:
    """Which index shard holds a token: FNV-1a of its first code point. Every token that starts
    with the same character shares a shard, so a one-character query is a prefix query on one file."""
    value = FNV_OFFSET
    for byte in ord(token[0]).to_bytes(4, "little"):
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value % shards
