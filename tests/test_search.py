"""The search index as files: lunr.js-loadable shards that keep every term's scores."""

from __future__ import annotations

import json
from pathlib import Path

import jieba
from lunr.builder import Builder
from lunr.pipeline import Pipeline

from jiuye.query import MAX_WORD
from jiuye.tokenize import shard, tokens
from pelican.plugins.jiuye_search.index import BUCKET, FIELDS, SearchDoc, build, postings
from pelican.plugins.jiuye_search.lexicon import LexiconBuilder
from pelican.plugins.jiuye_search.record import SearchRecord


def load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def sample_docs(count: int) -> list[SearchDoc]:
    provinces = [("湖北", "hubei"), ("吉林", "jilin"), ("四川", "sichuan")]
    docs = []
    for number in range(count):
        short, slug = provinces[number % 3]
        kind = "njf"[number % 3]
        title = f"{short}就业援助暖心行动第{number}场"
        docs.append(
            SearchDoc(
                kind=kind,
                provinces=[short],
                filters=[slug],
                date=f"2026-11-{1 + number % 28:02d}",
                title=title,
                shown_title=title,
                url=f"news/{number}/",
                snippet="摘要",
                tags=f"{short}省 武汉江城供应链{number % 5}",
                body=f"正文 {number} 招聘会 岗位",
            )
        )
    return docs


def lunr_py_index(docs: list[SearchDoc]) -> dict:
    """The documents through lunr.py's own builder, in one piece: the reference for our scores."""
    builder = Builder()
    builder.pipeline = Pipeline()  # our tokens are final: no stemming, stop words or trimming
    builder.ref("r")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"r": ref, "t": tokens(doc.title), "g": tokens(doc.tags), "b": tokens(doc.body), "p": doc.filters})
    return builder.build().serialize()


def shard_files(root: Path, folder: str = "s") -> dict[int, dict]:
    return {int(path.stem): load(path) for path in (root / folder).glob("*.json")}


def expanded(root: Path) -> dict[tuple[str, str, int], int]:
    """(term, field, ref) -> score×100, from every shard."""
    triples = {}
    for shard_index in shard_files(root).values():
        for term, per_field in shard_index["t"]:
            for field, (deltas, scores) in zip(shard_index["f"], per_field, strict=True):
                ref = 0
                for delta, score in zip(deltas, scores, strict=True):
                    ref += delta
                    assert (term, field, ref) not in triples
                    triples[(term, field, ref)] = score
    return triples


def test_demo_index_files(demo_site):
    root = demo_site / "search" / "i"
    manifest = load(root / "manifest.json")
    assert manifest["count"] >= 30 and manifest["shards"] >= 1 and manifest["lunr"] == "2.3.9"
    assert {r[0] for r in manifest["ranges"]} == {"n", "j", "f"}
    assert sum(end - start for _, start, end in manifest["ranges"]) == manifest["count"]
    for number, shard_index in shard_files(root).items():
        assert shard_index["f"] == ["t", "g", "b", "p"]
        terms = [term for term, _ in shard_index["t"]]
        assert terms == sorted(terms, key=lambda t: t.encode("utf-16-be"))  # lunr.js insertion order
        assert all(shard(term, manifest["shards"]) == number for term in terms)
    assert all(0 <= ref < manifest["count"] for _, _, ref in expanded(root))
    rows = [row for n in range((manifest["count"] + BUCKET - 1) // BUCKET) for row in load(root / "d" / f"{n}.json")]
    assert len(rows) == manifest["count"]
    assert {"t", "k", "p", "d", "u", "s"} <= set(rows[0])
    for kind, start, end in manifest["ranges"]:
        assert {row["k"] for row in rows[start:end]} == {kind}
    assert (demo_site / "theme" / "js" / "lunr.min.js").read_text(encoding="utf-8").count("2.3.9")


def lunr_py_scores(whole: dict) -> dict[tuple[str, str, int], float]:
    """(term, field, ref) -> score, as lunr.py's serialised index gives them."""
    terms = {posting["_index"]: term for term, posting in whole["invertedIndex"]}
    scores = {}
    for field_ref, vector in whole["fieldVectors"]:
        field, ref = field_ref.split("/")
        for i in range(0, len(vector), 2):
            scores[(terms[vector[i]], field, int(ref))] = vector[i + 1]
    return scores


def test_shards_together_hold_exactly_the_global_index(tmp_path, registry):
    docs = sample_docs(90)
    build(docs, LexiconBuilder(registry), tmp_path / "i")
    # the same documents in the same order, through lunr.py in one piece
    ordered = sorted(
        docs, key=lambda d: ("njf".index(d.kind), "".join(chr(0x10FFFF - ord(c)) for c in d.date), d.title)
    )
    whole = lunr_py_index(ordered)
    expected = {key: round(value * 100) for key, value in lunr_py_scores(whole).items()}
    postings = {
        (term, field, int(ref))
        for term, posting in whole["invertedIndex"]
        for field in whole["fields"]
        for ref in posting[field]
    }
    assert set(expected) == postings
    assert expanded(tmp_path / "i") == expected


def test_scores_are_lunr_py_scores_to_the_last_place():
    # repeated terms, a term in several fields, empty fields, fields of very different lengths
    texts = ["招聘会招聘会 招聘会", "武汉 武汉市 湖北武汉", "", "岗位 " * 40, "就业援助“暖心行动” 2026", "a b a"]
    docs = [
        SearchDoc(
            kind="n",
            provinces=[],
            filters=[f"p{n % 3}"] if n % 4 else [],
            date="2026-11-01",
            title=texts[n % 6],
            shown_title=texts[n % 6],
            url="",
            snippet="",
            tags=texts[(n * 5) % 6],
            body=" ".join(texts[: n % 7]),
        )
        for n in range(40)
    ]
    expected = lunr_py_scores(lunr_py_index(docs))
    fields = [name for name, _ in FIELDS]
    ours = postings(docs, progress=False)
    found = {
        (term, fields[f], ref): value
        for term, per_field in ours.items()
        for f, pairs in enumerate(per_field)
        for ref, value in pairs
    }
    assert found == expected
    assert all(refs == sorted(refs) for per_field in ours.values() for refs in ([r for r, _ in p] for p in per_field))


def test_refs_are_grouped_by_kind_newest_first(tmp_path, registry):
    build(sample_docs(30), LexiconBuilder(registry), tmp_path / "i")
    manifest = load(tmp_path / "i" / "manifest.json")
    rows = load(tmp_path / "i" / "d" / "0.json") + load(tmp_path / "i" / "d" / "1.json")
    for kind, start, end in manifest["ranges"]:
        dates = [row["d"] for row in rows[start:end]]
        assert dates == sorted(dates, reverse=True), kind


def test_the_lexicon_travels_in_the_files_of_its_first_characters(demo_site):
    root = demo_site / "search" / "i"
    count = load(root / "manifest.json")["lexicon"]
    words, simplified = {}, {}
    for number, shard_index in shard_files(root, "l").items():
        assert all(shard(word, count) == number for word in shard_index["w"])
        assert all(shard(character, count) == number for character in shard_index["m"])
        words.update(shard_index["w"])
        simplified.update(shard_index["m"])
    assert words["武汉"] == {"c": "武汉市"} and words["湖北"] == {"p": "hubei"} and words["四川省"] == {"p": "sichuan"}
    assert words["招聘会"]["k"] == "f" and "双选会" in words and words["工作"]["k"] == "j"
    assert "就业援助暖心行动" in words["暖心活动"]["o"]  # an alias from campaigns.yaml
    assert "残障人士" in words["残疾人"]["o"]  # a synonym from jiuye/data/search-vocabulary.yaml
    assert "供应链" in words  # jieba's word of an indexed text
    assert simplified["會"] == "会" and simplified["崗"] == "岗"


def test_the_lexicon_holds_the_words_jieba_finds_in_the_indexed_text(registry):
    texts = [
        "湖北省武汉市举办2026年就业援助“暖心行动”专场招聘会，提供供应链管理岗位。",
        "湖北省武汉市举办春风行动招聘会 Python工程师、仓储物流专员 (10人)",
        "湖北省武汉市举办2026年就业援助“暖心行动”专场招聘会，提供供应链管理岗位。",  # the same blocks again
    ]
    words = LexiconBuilder(registry)
    for text in texts:
        words.add_text(text)
    expected = {
        word
        for text in texts
        for word in jieba.cut(text)
        if 1 < len(word) <= MAX_WORD and all("\u4e00" <= c <= "\u9fff" for c in word)
    }
    assert words.words == expected and {"供应链", "仓储", "物流"} <= expected


def test_the_search_record_recalls_a_document_only_for_the_same_text_and_words(registry, tmp_path):
    settings = {"CACHE_PATH": str(tmp_path), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    docs = sample_docs(3)
    first = SearchRecord(settings, LexiconBuilder(registry))
    kept = [first.of(doc) for doc in docs]
    first.save()
    docs[0].body += " 新增供应链管理岗位"
    again = SearchRecord(settings, LexiconBuilder(registry))
    fresh = SearchRecord({**settings, "LOAD_CONTENT_CACHE": False}, LexiconBuilder(registry))
    assert again.of(docs[1]) == kept[1] and again.of(docs[0]) == fresh.of(docs[0]) != kept[0]
    assert "供应链" in again.of(docs[0])[3]
    other = LexiconBuilder(registry)
    other.meanings["暖心专岗"] = {}  # another word added to jieba: every text is split again
    assert SearchRecord(settings, other).salt != again.salt
