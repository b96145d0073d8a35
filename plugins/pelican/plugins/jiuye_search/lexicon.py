"""The search lexicon: the words the index knows and what each means (jiuye.query reads it), and the
traditional characters that stand for characters of the index.

Words come from the indexed text, split by jieba with the project's own words added (campaign
names and aliases, places, the search vocabulary in jiuye/data/search-vocabulary.yaml), so the
browser splits a query the way the index was split. Traditional → simplified is OpenCC's t2s.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from importlib import resources

import jieba
import yaml

from jiuye import regions
from jiuye.campaigns import Registry
from jiuye.query import MAX_WORD, Lexicon
from jiuye.text import simplified
from jiuye.tokenize import CJK_RANGES, is_cjk_word

jieba.setLogLevel(logging.WARNING)
QUOTED = '“”"「」'
# Distinct blocks whose words are remembered: place names, campaign names, target groups and
# boilerplate recur on every item of their kind, and a block is split the same way each time.
CUT_CACHE_BLOCKS = 1 << 16


@dataclass(frozen=True)
class Vocabulary:
    same: tuple[tuple[str, ...], ...]
    kinds_of: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]


@functools.cache
def vocabulary() -> Vocabulary:
    data = yaml.safe_load(resources.files("jiuye.data").joinpath("search-vocabulary.yaml").read_text("utf-8"))
    return Vocabulary(
        same=tuple(tuple(group) for group in data["same"]),
        kinds_of={broad: tuple(narrow) for broad, narrow in data["kinds_of"].items()},
        kinds={kind: tuple(words) for kind, words in data["kinds"].items()},
    )


@functools.cache
def _character_map() -> dict[str, str]:
    """Every traditional CJK character that OpenCC turns into one other character."""
    convert = simplified
    found = {}
    for low, high in CJK_RANGES:
        for point in range(low, min(high, 0xFFFF) + 1):
            character = chr(point)
            simple = convert(character)
            if simple != character and len(simple) == 1:
                found[character] = simple
    return found


def _unquoted(name: str) -> str:
    return "".join(c for c in name if c not in QUOTED)


def _quoted_parts(name: str) -> list[str]:
    """就业援助“暖心行动” -> ['暖心行动']."""
    parts, inside, current = [], False, ""
    for character in name:
        if character in QUOTED:
            if inside and current:
                parts.append(current)
            inside, current = not inside, ""
        elif inside:
            current += character
    return parts


class LexiconBuilder:
    """Collects the words of the indexed text, and what the project's own words mean."""

    def __init__(self, registry: Registry) -> None:
        self.meanings: dict[str, dict] = {}
        self.words: set[str] = set()
        words = vocabulary()
        for province in regions.provinces():
            for name in province.names:
                self._mean(name, p=province.slug)
            for city in province.cities:
                for name in {city.name, city.short} - set(province.names):
                    if len(name) > 1:
                        self._mean(name, c=city.name)
        for campaign in registry.campaigns:
            name = _unquoted(campaign.name)
            self._mean(name)
            for part in _quoted_parts(campaign.name):
                self._mean(part)
            for alias in map(_unquoted, campaign.aliases):
                if alias != name:
                    self._mean(alias, o=[name])
        for group in words.same:
            for word in group:
                self._mean(word, o=[w for w in group if w != word])
        for broad, narrow in words.kinds_of.items():
            for word in (broad, *narrow):
                self._mean(word)
        for kind, kind_words in words.kinds.items():
            for word in kind_words:
                self._mean(word, k=kind)
        self._block_words = functools.lru_cache(maxsize=CUT_CACHE_BLOCKS)(self._cut)
        self._added = False

    def _mean(self, word: str, **meaning) -> None:
        if _is_lexicon_word(word):
            entry = self.meanings.setdefault(word, {})
            for key, value in meaning.items():
                entry.setdefault(key, value)

    def salt(self) -> bytes:
        """What the words of a text depend on beside the text: jieba's version and the words added to it."""
        return "\n".join([f"jieba {jieba.__version__}", *sorted(self.meanings)]).encode("utf-8") + b"\0"

    def add_text(self, text: str) -> None:
        self.words.update(self.words_of(text))

    def words_of(self, text: str) -> set[str]:
        """The words jieba.cut(text) finds: it splits the text into blocks (jieba.re_han_default)
        and each block on its own, and the rest into characters, which are no words."""
        return {word for block in jieba.re_han_default.findall(text) for word in self._block_words(block)}

    def _cut(self, block: str) -> tuple[str, ...]:
        if not self._added:  # jieba loads its dictionary on the first word added: only when a text needs it
            # In one order in every run: a word's frequency in jieba depends on the words added before it.
            for word in sorted(self.meanings):
                jieba.add_word(word)
            self._added = True
        return tuple(word for word in jieba.cut(block) if _is_lexicon_word(word))

    def lexicon(self, characters: set[str]) -> Lexicon:
        """The lexicon of an index whose terms hold `characters`: its words, every project word
        (they carry meaning even before an item uses them), and the traditional characters of those."""
        words = {word: {} for word in self.words} | self.meanings
        wanted = characters | {c for word in words for c in word}
        simplified = {t: s for t, s in _character_map().items() if s in wanted}
        return Lexicon(words=dict(sorted(words.items())), simplified=simplified)


def _is_lexicon_word(word: str) -> bool:
    return 1 < len(word) <= MAX_WORD and is_cjk_word(word)


def expand_kinds(text: str) -> list[str]:
    """The broader words of the narrower ones a text holds (双选会 -> 招聘会)."""
    return [broad for broad, narrow in vocabulary().kinds_of.items() if any(word in text for word in narrow)]
