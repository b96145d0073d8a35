"""The tile-grid map of the 34 provincial-level divisions: each province's cell, from
`data/tile-grid.yaml` (one tile per province, placed as China's geography places it)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from jiuye import regions


class TileGridError(ValueError):
    """The tile-grid data is unusable; the message names the province or cell."""


@dataclass(frozen=True)
class Tile:
    province: regions.Province
    column: int
    row: int


@dataclass(frozen=True)
class TileGrid:
    tiles: tuple[Tile, ...]  # in adcode order, as regions.provinces()

    @property
    def columns(self) -> int:
        return 1 + max(tile.column for tile in self.tiles)

    @property
    def rows(self) -> int:
        return 1 + max(tile.row for tile in self.tiles)


def read(text: str) -> TileGrid:
    """The grid a tile-grid.yaml text describes: every province once, each in a cell of its own."""
    cells = yaml.safe_load(text)
    if not isinstance(cells, dict):
        raise TileGridError("tile-grid.yaml: expected a mapping of province to [column, row]")
    by_short = {province.short: province for province in regions.provinces()}
    unknown = sorted(set(cells) - set(by_short))
    missing = [short for short in by_short if short not in cells]
    if unknown or missing:
        raise TileGridError(f"tile-grid.yaml: unknown {unknown or '-'}; missing {missing or '-'}")
    taken: dict[tuple[int, int], str] = {}
    for short, cell in cells.items():
        if not (isinstance(cell, list) and len(cell) == 2 and all(type(n) is int and n >= 0 for n in cell)):
            raise TileGridError(f"tile-grid.yaml: {short}: expected [column, row] of whole numbers ≥ 0, not {cell!r}")
        owner = taken.setdefault((cell[0], cell[1]), short)
        if owner != short:
            raise TileGridError(f"tile-grid.yaml: {short} and {owner} share the cell {cell}")
    return TileGrid(tuple(Tile(province, *cells[short]) for short, province in by_short.items()))


@cache
def grid() -> TileGrid:
    return read(resources.files("jiuye.data").joinpath("tile-grid.yaml").read_text(encoding="utf-8"))
