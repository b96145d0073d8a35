"""The search index: one lunr.py index over every item, split into shards a browser loads on demand.

Layout under output/search/i/ (the search page is output/search/index.html):
- manifest.json — shard count, the shards that exist, metadata bucket size, and the ref range
  of each kind: refs are assigned in (kind, newest first) order, so the kind filter is a range
  check. The province filter is one more required term: each item's provinces are indexed by
  pinyin slug in field "p" (a slug never comes out of the tokeniser's CJK bigrams).
- s/<k>.json — a lunr.js 2.3.9 index holding the terms whose first character hashes to k
  (jiuye.tokenize.shard), with their postings and the matching parts of the field vectors. lunr
  scores a document by the query vector's dot product with the document's field vector, so
  splitting the vectors by term keeps every term's score.
- d/<n>.json — result metadata (title, kind, province, date, URL, snippet) of refs
  n*BUCKET … n*BUCKET+BUCKET-1: a results page fetches only the buckets of its top results.
"""

from __future__ import annotations

import json
import math
import shutil
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from tqdm import tqdm

from jiuye.tokenize import shard, tokens

KIND_CODES = {"新闻": "n", "岗位": "j", "招聘会": "f"}
KIND_ORDER = {"n": 0, "j": 1, "f": 2}
# title; place, employer, campaign, tags; summary and body excerpt; province slugs (filter only)
FIELDS = (("t", 10), ("g", 4), ("b", 1), ("p", 1))
BUCKET = 16
TARGET_SHARD_BYTES = 12_000
MAX_SHARDS = 4096
SCORE_DIGITS = 3


@dataclass
class SearchDoc:
    kind: str  # n / j / f
    provinces: list[str]  # short names; empty for national items
    province_slugs: list[str]
    date: str  # YYYY-MM-DD: published, or a fair's start
    title: str
    url: str
    snippet: str
    tags: str  # place, employer, campaigns, groups …
    body: str  # summary and as much body text as the index affords
    expired: bool = False


@dataclass
class IndexStats:
    documents: int
    shards: int
    total_bytes: int
    seconds: float


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _write(path: Path, text: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)


def lunr_index(docs: list[SearchDoc], progress: bool) -> dict:
    builder = Builder()
    builder.pipeline = Pipeline()  # our tokens are final: no stemming, stop words or trimming
    builder.search_pipeline = Pipeline()
    builder.ref("r")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for ref, doc in enumerate(tqdm(docs, desc="搜索索引", unit="条", disable=not progress, leave=False)):
        builder.add(
            {"r": ref, "t": tokens(doc.title), "g": tokens(doc.tags), "b": tokens(doc.body), "p": doc.province_slugs}
        )
    return builder.build().serialize()


def _shard_count(sizes: dict[str, int]) -> int:
    total = sum(sizes.values())
    wanted = max(1, total / TARGET_SHARD_BYTES)
    return min(MAX_SHARDS, 2 ** round(math.log2(wanted)))


def build(docs: list[SearchDoc], out: Path, progress: bool = False) -> IndexStats:
    started = time.perf_counter()
    docs = sorted(docs, key=lambda d: (KIND_ORDER[d.kind], _descending(d.date), d.title))
    serialized = lunr_index(docs, progress)
    inverted = serialized["invertedIndex"]
    first_char_bytes: dict[str, int] = defaultdict(int)
    for term, posting in inverted:
        first_char_bytes[term[0]] += len(_dump([term, posting])) * 2  # postings, and about as much vector
    shards = _shard_count(first_char_bytes)
    term_shard = {posting["_index"]: shard(term, shards) for term, posting in inverted}
    shard_terms: dict[int, list] = defaultdict(list)
    for term, posting in inverted:
        shard_terms[term_shard[posting["_index"]]].append([term, posting])
    shard_vectors: dict[int, list] = defaultdict(list)
    for field_ref, vector in serialized["fieldVectors"]:
        parts: dict[int, list] = defaultdict(list)
        for position in range(0, len(vector), 2):
            index = vector[position]
            parts[term_shard[index]] += [index, round(vector[position + 1], SCORE_DIGITS)]
        for number, part in parts.items():
            shard_vectors[number].append([field_ref, part])
    if out.exists():
        shutil.rmtree(out)
    total = 0
    for number, terms in shard_terms.items():
        shard_index = {
            "version": serialized["version"],
            "fields": serialized["fields"],
            "fieldVectors": shard_vectors[number],
            "invertedIndex": terms,
            "pipeline": [],
        }
        total += _write(out / "s" / f"{number}.json", _dump(shard_index))
    for start in range(0, len(docs), BUCKET):
        rows = [_row(doc) for doc in docs[start : start + BUCKET]]
        total += _write(out / "d" / f"{start // BUCKET}.json", _dump(rows))
    ranges: list[list] = []
    for ref, doc in enumerate(docs):
        if ranges and ranges[-1][0] == doc.kind:
            ranges[-1][2] = ref + 1
        else:
            ranges.append([doc.kind, ref, ref + 1])
    manifest = {
        "version": 1,
        "count": len(docs),
        "shards": shards,
        "present": sorted(shard_terms),
        "bucket": BUCKET,
        "ranges": ranges,
    }
    total += _write(out / "manifest.json", _dump(manifest))
    return IndexStats(len(docs), shards, total, time.perf_counter() - started)


def _descending(day: str) -> str:
    """Sorts dates newest first inside a (kind, province) group."""
    return "".join(chr(0x10FFFF - ord(c)) for c in day)


def _row(doc: SearchDoc) -> dict:
    row = {"t": doc.title, "k": doc.kind, "p": "、".join(doc.provinces), "d": doc.date, "u": doc.url, "s": doc.snippet}
    if doc.expired:
        row["x"] = 1
    return row
