"""A short text shown in a list or a search result: whole sentences or clauses, and "…" when
something was left out; never half a Latin word or number (Chinese has no spaces, so the
boundaries are its punctuation)."""

from __future__ import annotations

import re

ELLIPSIS = "…"
_SENTENCE_END = "。！？!?；;"
_CLAUSE_END = "，、,：: "
# Cutting earlier than this share of the limit loses too much: cut inside the clause instead.
_SHORTEST = 0.5
_TRAILING_WORD = re.compile(r"[A-Za-z0-9.%+\-]+$")
_TRAILING_OPEN = re.compile(r"[（(“‘《「\s]+$")


def excerpt(text: str, limit: int) -> str:
    """`text` (spacing collapsed) if it has at most `limit` characters; else its longest start of
    whole sentences, else of whole clauses, else of whole words, within `limit` and then "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS)]
    shortest = int(limit * _SHORTEST)
    for ends in (_SENTENCE_END, _CLAUSE_END):
        at = max(room.rfind(mark) for mark in ends)
        if at >= shortest:
            cut = room[: at + 1] if ends is _SENTENCE_END else room[:at]
            return _TRAILING_OPEN.sub("", cut).rstrip("，、,：: ") + ELLIPSIS
    cut = room
    if text[len(room)].isascii() and text[len(room)].isalnum():  # the limit falls inside a word
        word = _TRAILING_WORD.search(room)
        if word and word.start() >= shortest:
            cut = room[: word.start()]
    return _TRAILING_OPEN.sub("", cut.rstrip()) + ELLIPSIS
