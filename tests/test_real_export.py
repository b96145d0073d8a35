"""A real 51job export as it comes (tests/fixtures/exports): rows written, and written right."""

from __future__ import annotations

import yaml

from benchmarks import export


def test_a_real_export_is_read_as_it_comes(tmp_path) -> None:
    by_row, report = export.scrape(export.DEFAULT, tmp_path / "content")
    rows = export.data_rows(export.DEFAULT)
    assert len(by_row) / rows >= 0.97
    labels = [
        label for label in yaml.safe_load(export.DEFAULT.with_suffix(".expected.yaml").read_text()) if label["title"]
    ]
    right = 0
    for label in labels:
        meta = by_row.get(label["row"])
        if meta is not None:
            got, want = export.written_as(meta), export.expected_as(label)
            right += all(export.same(field, got.get(field), want.get(field)) for field in export.FIELDS)
    assert right / len(labels) >= 0.95
    warnings = report.sources[0].warnings
    assert sum("未读取的列" in line for line in warnings) == 1  # an unmapped column is said once
    assert any("是学历，已移到学历" in line for line in warnings)
