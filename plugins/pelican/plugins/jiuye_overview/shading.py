"""The shades of the home page's map: a few classes of a count, each with the range it stands for."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

SHADES = 3  # classes above "none": a reader tells three shades apart, and each has its range in the legend


@dataclass(frozen=True)
class Band:
    """Counts low … high, drawn in shade `level` (0: none, then lighter to darker)."""

    level: int
    low: int
    high: int

    def label(self, what: str, unit: str) -> str:
        """As the legend says it: 无在招岗位, 在招岗位 1 个, 在招岗位 2—3 个."""
        if self.high == 0:
            return f"无{what}"
        if self.low == self.high:
            return f"{what} {self.low} {unit}"
        return f"{what} {self.low}—{self.high} {unit}"


def bands(counts: Iterable[int]) -> tuple[Band, ...]:
    """Zero, then up to SHADES ranges of the positive counts that hold about as many provinces each
    (the counts' terciles, at counts that occur, so every range holds a province)."""
    positive = sorted(count for count in counts if count > 0)
    found = [Band(0, 0, 0)]
    if not positive:
        return tuple(found)
    shades = min(SHADES, len(set(positive)))
    uppers = sorted({positive[math.ceil(step * len(positive) / shades) - 1] for step in range(1, shades + 1)})
    low = 1
    for level, high in enumerate(uppers, start=1):
        found.append(Band(level, low, high))
        low = high + 1
    return tuple(found)


def band_of(count: int, found: tuple[Band, ...]) -> Band:
    return next(band for band in found if band.low <= count <= band.high)
