"""The national overview on the home page: each province's tile on the map (where it is drawn,
its open jobs and upcoming fairs, its shade) and the legend's ranges."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jiuye import regions, tilegrid
from pelican.plugins.jiuye_content.settings import URLS
from pelican.plugins.jiuye_overview.shading import Band, band_of, bands

TILE = 40  # a tile's side, in the SVG's own units (the SVG scales to the page by its viewBox)
GAP = 2
SHADED_BY = ("在招岗位", "个")  # what the shades count, and its unit, as the legend says them


@dataclass(frozen=True)
class ProvinceTile:
    province: regions.Province
    x: int  # top-left corner, in SVG units
    y: int
    jobs: int  # open jobs
    fairs: int  # fairs not over
    band: Band  # its shade, by open jobs

    @property
    def url(self) -> str:
        return URLS.province.url(slug=self.province.slug)

    # Where its marks go, in SVG units: the name above the middle, the count below, a dot for
    # upcoming fairs in the top-right corner.
    @property
    def middle(self) -> int:
        return self.x + TILE // 2

    @property
    def name_y(self) -> int:
        return self.y + 17

    @property
    def count_y(self) -> int:
        return self.y + 33

    @property
    def dot_x(self) -> int:
        return self.x + TILE - 6

    @property
    def dot_y(self) -> int:
        return self.y + 6

    @property
    def label(self) -> str:
        """Its link's name, which begins with what the tile shows (湖北, 4: WCAG 2.5.3): 湖北 4 个在招岗位，
        即将举办招聘会 2 场."""
        return f"{self.province.short} {self.jobs} 个在招岗位，即将举办招聘会 {self.fairs} 场"


@dataclass(frozen=True)
class Overview:
    tiles: tuple[ProvinceTile, ...]  # in adcode order
    bands: tuple[Band, ...]  # the legend, lightest first
    width: int  # the SVG's viewBox
    height: int
    tile: int = TILE

    @property
    def legend(self) -> tuple[tuple[Band, str], ...]:
        """Each shade and the range it stands for: (Band, "在招岗位 2—3 个")."""
        return tuple((band, band.label(*SHADED_BY)) for band in self.bands)

    @property
    def jobs(self) -> int:
        return sum(tile.jobs for tile in self.tiles)

    @property
    def fairs(self) -> int:
        return sum(tile.fairs for tile in self.tiles)


def overview(open_jobs: Mapping[str, list], upcoming_fairs: Mapping[str, list]) -> Overview:
    """From the open jobs and the fairs not over, each by province code (jiuye_jobs, jiuye_fairs)."""
    grid = tilegrid.grid()
    counts = {tile.province.code: len(open_jobs.get(tile.province.code, ())) for tile in grid.tiles}
    legend = bands(counts.values())
    step = TILE + GAP
    tiles = tuple(
        ProvinceTile(
            tile.province,
            tile.column * step,
            tile.row * step,
            counts[tile.province.code],
            len(upcoming_fairs.get(tile.province.code, ())),
            band_of(counts[tile.province.code], legend),
        )
        for tile in grid.tiles
    )
    return Overview(tiles, legend, grid.columns * step - GAP, grid.rows * step - GAP)
