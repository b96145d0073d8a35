"""Reading a search query as people type it: no spaces, aliases, traditional characters, a place,
a kind or a month among the words. theme/static/js/query.js is the same algorithm for the
browser; tests/fixtures/query-cases.json runs every case through both.

The index (plugins/jiuye_search) keeps CJK bigrams, so any substring still matches. What this adds:
- the query is split into the words of the index's own word list (a lexicon exported with the
  index shards), by the segmentation with the fewest pieces (then the fewest lone characters,
  then the longest first word); a document must hold every word, not the pairs that straddle two
  words (武汉招聘会 is 武汉 + 招聘会, never 汉招);
- a word may carry what it means: alternatives (暖心活动 also means 就业援助暖心行动; 工作 ≈ 岗位),
  a province (湖北 → the province filter), a city, or a kind (招聘会 → fairs); a month (12月,
  十二月, 下个月) narrows fairs to it. Each becomes a filter the reader can see and remove;
- traditional characters are read through a character map (招聘會 = 招聘会);
- a query that finds nothing can be retried with one character changed (暖新行动 → 暖心行动).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from jiuye.figures import chinese_number
from jiuye.tokenize import QUOTES, runs

MAX_WORD = 12  # characters: no lexicon word is longer
MIN_TYPO_WORD = 3  # a one-character change to a shorter word is too often another word
_MONTH = re.compile(r"(?:([0-9]{4})年)?(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?|(本月|这个月|当月|下个?月)")


@dataclass
class Lexicon:
    """What the index knows of words: word -> meaning ({} for a plain word; keys o = alternatives,
    p = province slug, c = city, k = kind code), and traditional -> simplified characters."""

    words: dict[str, dict] = field(default_factory=dict)
    simplified: dict[str, str] = field(default_factory=dict)


@dataclass
class Understood:
    """A query as the search reads it: each word with its alternatives (all required in a
    document, any alternative will do), and the filters the words named."""

    text: str  # the normalised query, traditional characters simplified
    words: list[list[str]]  # per word: its alternatives, the word itself first
    kind: str | None = None
    province: str | None = None
    month: str | None = None  # YYYY-MM
    chips: list[dict] = field(default_factory=list)  # what was understood: {"type", "label", "word"}


def simplified(text: str, lexicon: Lexicon) -> str:
    """NFKC, lower case, quotation marks dropped (as the tokeniser reads text), traditional characters
    simplified."""
    flat = unicodedata.normalize("NFKC", text).lower()
    return "".join(lexicon.simplified.get(c, c) for c in flat if c not in QUOTES)


def month_number(text: str) -> int:
    """'12', '03', '十二', '三' -> the month (the JS side reads these by hand)."""
    return int(chinese_number(text))


def resolve_month(match: re.Match, today: date) -> str:
    """YYYY-MM: 本月 is this month, 下个月 the next; a month without a year is its next occurrence."""
    year, number, relative = match.groups()
    if relative:
        shift = 0 if relative in ("本月", "这个月", "当月") else 1
        index = today.year * 12 + today.month - 1 + shift
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    month = month_number(number)
    if year:
        return f"{int(year):04d}-{month:02d}"
    return f"{today.year + (1 if month < today.month else 0):04d}-{month:02d}"


def segment(run: str, words: dict[str, dict]) -> list[str]:
    """The lexicon words of a CJK run with the fewest pieces, then the fewest lone characters, then
    the longest first word; lone characters that stand next to each other stay one piece."""
    n = len(run)
    best: list[tuple[int, int] | None] = [None] * (n + 1)
    choice = [0] * (n + 1)
    best[n] = (0, 0)
    for start in range(n - 1, -1, -1):
        for length in range(min(MAX_WORD, n - start), 0, -1):
            piece = run[start : start + length]
            if length > 1 and piece not in words:
                continue
            rest = best[start + length]
            cost = (rest[0] + 1, rest[1] + (1 if length == 1 else 0))
            if best[start] is None or cost < best[start]:
                best[start], choice[start] = cost, length
    pieces: list[str] = []
    position, loose = 0, ""
    while position < n:
        length = choice[position]
        piece = run[position : position + length]
        if length == 1 and piece not in words:
            loose += piece
        else:
            if loose:
                pieces.append(loose)
                loose = ""
            pieces.append(piece)
        position += length
    if loose:
        pieces.append(loose)
    return pieces


def understand(query: str, lexicon: Lexicon, today: date) -> Understood:
    text = simplified(query, lexicon)
    result = Understood(text=" ".join(run for run, _ in runs(text)), words=[])
    month = _MONTH.search(text)
    if month:
        result.month = resolve_month(month, today)
        result.kind = "f"
        result.chips.append({"type": "month", "label": result.month, "word": month.group()})
        text = f"{text[: month.start()]} {text[month.end() :]}"
    for run, cjk in runs(text):
        pieces = segment(run, lexicon.words) if cjk else [run]
        for piece in pieces:
            meaning = lexicon.words.get(piece, {})
            if meaning.get("p") and not result.province:
                result.province = meaning["p"]
                result.chips.append({"type": "province", "label": piece, "word": piece})
                continue
            if meaning.get("c"):
                result.chips.append({"type": "city", "label": piece, "word": piece})
            if meaning.get("k") and not result.kind:
                result.kind = meaning["k"]
                result.chips.append({"type": "kind", "label": meaning["k"], "word": piece})
            result.words.append([piece, *(o for o in meaning.get("o", ()) if o != piece)])
    return result


def corrections(text: str, words: dict[str, dict]) -> list[str]:
    """Queries one character away from `text` that spell a lexicon word of 3+ characters, the
    longest word first; the first character of a word is never the one changed, nor is a word
    the lexicon already knows."""
    found: list[tuple[int, int, str]] = []
    for word in words:
        if len(word) < MIN_TYPO_WORD:
            continue
        for start in range(len(text) - len(word) + 1):
            window = text[start : start + len(word)]
            if window[0] != word[0] or window in words:
                continue
            if sum(a != b for a, b in zip(window, word, strict=True)) == 1:
                found.append((-len(word), start, text[:start] + word + text[start + len(word) :]))
    return list(dict.fromkeys(candidate for _, _, candidate in sorted(found)))
