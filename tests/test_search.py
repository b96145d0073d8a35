"""The search index as files: lunr.js-loadable shards that keep every term's scores."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from jiuye_search.index import BUCKET, SearchDoc, build, lunr_index

from jiuye.tokenize import shard


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def sample_docs(count: int) -> list[SearchDoc]:
    provinces = [("湖北", "hubei"), ("吉林", "jilin"), ("四川", "sichuan")]
    docs = []
    for number in range(count):
        short, slug = provinces[number % 3]
        kind = "njf"[number % 3]
        docs.append(
            SearchDoc(
                kind,
                [short],
                [slug],
                f"2026-11-{1 + number % 28:02d}",
                f"{short}就业援助暖心行动第{number}场",
                f"news/{number}/",
                "摘要",
                f"{short}省 武汉江城供应链{number % 5}",
                f"正文 {number} 招聘会 岗位",
            )
        )
    return docs


def test_demo_index_files(demo_site):
    root = demo_site / "search" / "i"
    manifest = load(root / "manifest.json")
    assert manifest["count"] >= 30 and manifest["shards"] >= 1
    assert {r[0] for r in manifest["ranges"]} == {"n", "j", "f"}
    assert sum(end - start for _, start, end in manifest["ranges"]) == manifest["count"]
    for number in manifest["present"]:
        index = load(root / "s" / f"{number}.json")
        assert index["version"] == "2.3.9" and index["fields"] == ["t", "g", "b", "p"]
        for term, posting in index["invertedIndex"]:
            assert shard(term, manifest["shards"]) == number
            assert set(posting) == {"_index", "t", "g", "b", "p"}
    rows = [row for n in range((manifest["count"] + BUCKET - 1) // BUCKET) for row in load(root / "d" / f"{n}.json")]
    assert len(rows) == manifest["count"]
    assert {"t", "k", "p", "d", "u", "s"} <= set(rows[0])
    for kind, start, end in manifest["ranges"]:
        assert {row["k"] for row in rows[start:end]} == {kind}
    assert (demo_site / "theme" / "js" / "lunr.min.js").read_text(encoding="utf-8").count("2.3.9")


def test_shards_together_hold_exactly_the_global_index(tmp_path):
    docs = sample_docs(90)
    build(docs, tmp_path / "i")
    manifest = load(tmp_path / "i" / "manifest.json")
    merged_terms, merged_vectors = {}, defaultdict(dict)
    for number in manifest["present"]:
        index = load(tmp_path / "i" / "s" / f"{number}.json")
        for term, posting in index["invertedIndex"]:
            assert term not in merged_terms
            merged_terms[term] = posting
        for field_ref, vector in index["fieldVectors"]:
            for position in range(0, len(vector), 2):
                merged_vectors[field_ref][vector[position]] = vector[position + 1]
    # the same documents in the same order, through lunr.py in one piece
    ordered = sorted(
        docs, key=lambda d: ("njf".index(d.kind), "".join(chr(0x10FFFF - ord(c)) for c in d.date), d.title)
    )
    whole = lunr_index(ordered, progress=False)
    assert merged_terms == dict(whole["invertedIndex"])
    for field_ref, vector in whole["fieldVectors"]:
        expected = {vector[i]: round(vector[i + 1], 3) for i in range(0, len(vector), 2)}
        assert merged_vectors.get(field_ref, {}) == expected


def test_refs_are_grouped_by_kind_newest_first(tmp_path):
    build(sample_docs(30), tmp_path / "i")
    manifest = load(tmp_path / "i" / "manifest.json")
    rows = load(tmp_path / "i" / "d" / "0.json") + load(tmp_path / "i" / "d" / "1.json")
    for kind, start, end in manifest["ranges"]:
        dates = [row["d"] for row in rows[start:end]]
        assert dates == sorted(dates, reverse=True), kind
