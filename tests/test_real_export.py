"""A real 51job export as it comes (tests/fixtures/exports): rows written, and written right."""

from __future__ import annotations

from benchmarks import export


def test_a_real_export_is_read_as_it_comes(tmp_path) -> None:
    by_row, report = export.scrape(export.DEFAULT, tmp_path / "content")
    rows = export.data_rows(export.DEFAULT)
    assert len(by_row) / rows >= 0.97
    labelled = export.labelled_rows(export.DEFAULT)
    right, _ = export.score(by_row, labelled)
    assert right / len(labelled) >= 0.95
    warnings = report.sources[0].warnings
    assert sum("未读取的列" in line for line in warnings) == 1  # an unmapped column is said once
    assert any("是学历，已移到学历" in line for line in warnings)
