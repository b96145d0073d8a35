"""The tile-grid map's data (jiuye/data/tile-grid.yaml) and the shades of its counts."""

from __future__ import annotations

import random
from importlib import resources

import pytest
import yaml

from jiuye import regions, tilegrid
from pelican.plugins.jiuye_overview.shading import SHADES, band_of, bands


def cells() -> dict[str, tuple[int, int]]:
    return {tile.province.short: (tile.column, tile.row) for tile in tilegrid.grid().tiles}


def test_every_province_has_a_cell_of_its_own():
    grid = tilegrid.grid()
    assert [tile.province for tile in grid.tiles] == list(regions.provinces())
    assert len(set(cells().values())) == 34
    assert grid.columns * grid.rows < 34 * 2  # a compact grid, not a sparse one


def test_the_grid_keeps_china_s_geography():
    at = cells()

    def west(a: str, b: str) -> bool:
        return at[a][0] < at[b][0]

    def north(a: str, b: str) -> bool:
        return at[a][1] < at[b][1]

    def east(a: str, b: str) -> bool:
        return west(b, a)

    def south(a: str, b: str) -> bool:
        return north(b, a)

    assert all(west("新疆", p) for p in at if p not in ("新疆", "西藏"))
    assert at["黑龙江"][1] == 0 and all(not east(p, "黑龙江") for p in at)
    assert north("内蒙古", "山西") and north("北京", "河北") and east("天津", "河北")
    assert north("河南", "湖北") and north("湖北", "湖南") and north("湖南", "广东")
    assert north("四川", "云南") and west("四川", "重庆") and north("重庆", "贵州")
    assert north("江苏", "上海") and north("上海", "浙江") and east("台湾", "福建")
    assert south("海南", "广西") and south("香港", "广东") and west("澳门", "香港")


def text() -> dict:
    return yaml.safe_load(resources.files("jiuye.data").joinpath("tile-grid.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("澳门"), "missing ['澳门']"),
        (lambda d: d.update({"火星": [9, 9]}), "unknown ['火星']"),
        (lambda d: d.update({"澳门": d["香港"]}), "share the cell"),
        (lambda d: d.update({"澳门": [3]}), "澳门: expected [column, row]"),
        (lambda d: d.update({"澳门": [3, -1]}), "澳门: expected [column, row]"),
        (lambda d: d.update({"澳门": ["3", 7]}), "澳门: expected [column, row]"),
    ],
)
def test_a_bad_grid_is_refused_naming_the_province(change, message):
    data = text()
    change(data)
    with pytest.raises(tilegrid.TileGridError, match=message.replace("[", r"\[").replace("]", r"\]")):
        tilegrid.read(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(tilegrid.TileGridError, match="expected a mapping"):
        tilegrid.read("- 北京")


def test_shades_cover_every_count_once_in_contiguous_ranges():
    chance = random.Random(13)
    cases = [[], [0] * 34, [5], [1, 1, 1, 1, 2, 3], list(range(35)), [10_000, 1, 1, 1, 0]]
    cases += [[chance.choice([0, 0, 1, 2, 3, 7, 40, 900]) for _ in range(34)] for _ in range(200)]
    for counts in cases:
        found = bands(counts)
        assert found[0].low == found[0].high == 0 and len(found) <= SHADES + 1
        assert [band.level for band in found] == list(range(len(found)))
        assert all(later.low == earlier.high + 1 for earlier, later in zip(found, found[1:], strict=False))
        assert found[-1].high == max(counts, default=0)
        for count in counts:
            assert band_of(count, found).low <= count <= band_of(count, found).high
        # every shade above none is a shade some province has
        assert {band_of(count, found).level for count in counts} >= {band.level for band in found[1:]}
    assert [(b.low, b.high) for b in bands([1, 1, 3, 3, 4] + [0] * 29)] == [(0, 0), (1, 1), (2, 3), (4, 4)]
    labels = [b.label("在招岗位", "个") for b in bands([1, 1, 3, 3, 4])]
    assert labels == ["无在招岗位", "在招岗位 1 个", "在招岗位 2—3 个", "在招岗位 4 个"]
