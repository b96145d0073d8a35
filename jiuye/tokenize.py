"""The search tokeniser. theme/static/js/tokenize.js is the same algorithm for the browser; the
shared table tests/fixtures/tokenizer-cases.json proves them identical.

Text is NFKC-normalised (full-width to half-width) and lower-cased, and quotation marks are
dropped, so that 就业援助“暖心行动” reads as 就业援助暖心行动 and 援助暖 finds it. Runs of CJK characters become
overlapping bigrams, as Lucene's CJKAnalyzer does (就业援助 -> 就业 业援 援助), a lone CJK character
stays a unigram; runs of other letters and digits are one token each; everything else separates.
"""

from __future__ import annotations

import unicodedata

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
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def is_cjk(character: str) -> bool:
    point = ord(character)
    return any(low <= point <= high for low, high in CJK_RANGES)


def is_word(character: str) -> bool:
    return unicodedata.category(character)[0] in "LN"


def runs(text: str) -> list[tuple[str, bool]]:
    """(run, is_cjk) for every maximal run of CJK or of other word characters."""
    found: list[tuple[str, bool]] = []
    current, current_cjk = "", False
    for character in unicodedata.normalize("NFKC", text).lower():
        if character in QUOTES:
            continue
        cjk = is_cjk(character)
        if cjk or is_word(character):
            if current and cjk != current_cjk:
                found.append((current, current_cjk))
                current = ""
            current += character
            current_cjk = cjk
        elif current:
            found.append((current, current_cjk))
            current = ""
    if current:
        found.append((current, current_cjk))
    return found


def tokens(text: str) -> list[str]:
    result: list[str] = []
    for run, cjk in runs(text):
        if cjk and len(run) > 1:
            result.extend(run[i : i + 2] for i in range(len(run) - 1))
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
