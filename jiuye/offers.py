"""What a clause says was offered: posts (岗位), employers (用人单位) and fairs held (招聘会 N 场).

"提供就业岗位3000余个", "已筹集爱心岗位4万余个", "29家用人单位", "举办招聘会1600余场". A post's kind is
kept where it is a count of its own (爱心岗位, 公益性岗位); 就业岗位 and 工作岗位 are posts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jiuye import figures
from jiuye.fair_words import FAIR_NOUNS

POSITIONS, EMPLOYERS, FAIRS = "positions", "employers", "fairs"
LABELS = {POSITIONS: "岗位", EMPLOYERS: "用人单位", FAIRS: "招聘会"}
UNITS = {POSITIONS: "个", EMPLOYERS: "家", FAIRS: "场"}
_QUALIFIED_POST = re.compile(r"(爱心|公益性|见习|技能)岗位")
_NOUN = "|".join(FAIR_NOUNS)
_COUNT = rf"((?:近|约|上|逾|超过|超|共)?\s*{figures.NUMBER}\s*(?:多|余)?)"
_FAIRS = re.compile(
    rf"(?:举办|开展|组织|举行|召开)了?[^,，;；]{{0,12}}?(?:{_NOUN})\s*{_COUNT}\s*场"
    rf"|(?:举办|开展|组织|举行|召开)了?\s*{_COUNT}\s*场[^,，;；]{{0,10}}?(?:{_NOUN})"
)


def _posts(clause: str) -> Iterator[tuple[figures.Count, str]]:
    seen: set[int] = set()
    for pattern in (figures.POSITIONS, figures.POSITIONS_AFTER):
        for match in pattern.finditer(clause):
            if match.start(1) in seen or not (count := figures.parse_count(match.group(1))):
                continue
            seen.add(match.start(1))
            kind = _QUALIFIED_POST.search(clause, max(0, match.start() - 4), match.end() + 1)
            yield count, kind.group() if kind else LABELS[POSITIONS]


def counts(clause: str) -> Iterator[tuple[str, figures.Count, str]]:
    """Each offer counted in the clause: its kind, the count and what it counts (爱心岗位)."""
    if "岗" in clause or "职位" in clause:
        for count, what in _posts(clause):
            yield POSITIONS, count, what
    for match in figures.EMPLOYERS.finditer(clause) if "户" in clause or "家" in clause else ():
        if count := figures.parse_count(match.group(1)):
            yield EMPLOYERS, count, LABELS[EMPLOYERS]
    for match in _FAIRS.finditer(clause) if "场" in clause else ():
        if count := figures.parse_count(match.group(1) or match.group(2)):
            yield FAIRS, count, LABELS[FAIRS]
