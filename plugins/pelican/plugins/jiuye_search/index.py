"""The search index: one lunr index over every item (its postings and scores: postings.py), split
into shards a browser loads on demand.

Layout under output/search/i/ (the search page is output/search/index.html):
- manifest.json — term shard and lexicon file counts, metadata bucket size, the ref range
  of each kind and the ref ranges of each tier (open jobs and fairs not yet over, then the
  year's news, then the past: generator.py): refs are assigned in (kind, tier, newest first)
  order, so the kind filter is a range check and results rank by tier before their score.
  The province filter is one more required term: each item's provinces are indexed by pinyin
  slug in field "p" (a slug never comes out of the tokeniser's CJK bigrams).
- l/<k>.json — the lexicon (jiuye.query.Lexicon): the words whose first character hashes to k
  among `lexicon` files ("w": word -> meaning, 0 for none) and the traditional characters that
  hash to k ("m": traditional -> simplified). Reading a query fetches these small files only; the
  term shards it fetches are those of the terms it needs (a word that became a filter needs none).
- s/<k>.json — the terms whose first character hashes to k (jiuye.tokenize.shard): for each
  term and field, the documents (delta-encoded refs) and lunr's score for each. The browser
  expands a shard into lunr.js 2.3.9's own index format and loads it with lunr.Index.load. lunr
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from jiuye.query import Lexicon
from jiuye.tokenize import shard, tokens
from pelican.plugins.jiuye_search.lexicon import LexiconBuilder
from pelican.plugins.jiuye_search.postings import LUNR_JS_VERSION, Postings, score

KIND_CODES = {"新闻": "n", "岗位": "j", "招聘会": "f"}
KIND_ORDER = {"n": 0, "j": 1, "f": 2}
# title; place, employer, campaign, tags; summary and body excerpt; province slugs (filter only)
FIELDS = (("t", 10), ("g", 4), ("b", 1), ("p", 1))
# Result rows per metadata file: a first page of 10 results fetches ≤ 10 small files, and the
# results of a text query lie apart, so a file holds little that is not shown.
BUCKET = 2
TARGET_SHARD_BYTES = 12_000
# A query reads the lexicon file of each character it holds: small files keep that cheap.
TARGET_LEXICON_BYTES = 2_000
POSTING_BYTES = 6  # about what one (term, field, document) costs in a shard file
MAX_SHARDS = 4096
SCORE_SCALE = 100  # scores travel as integers: round(score × 100)


@dataclass
class SearchDoc:
    kind: str  # n / j / f
    provinces: list[str]  # short names; empty for national items
    filters: list[str]  # terms of field "p": province slugs, a fair's month (YYYY-MM)
    date: str  # YYYY-MM-DD: published, or a fair's start
    title: str  # as indexed (simplified characters)
    shown_title: str  # as the item writes it
    url: str
    snippet: str
    tags: str  # place, employer, campaigns, groups …
    body: str  # summary and as much body text as the index affords
    expired: bool = False  # a closed job, a fair that is over
    tier: int = 0  # results rank by tier (0 first), then by score


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


def field_tokens(doc: SearchDoc) -> Sequence[list[str]]:
    """The tokens of the title, tags and body fields."""
    return tokens(doc.title), tokens(doc.tags), tokens(doc.body)


def postings(
    docs: list[SearchDoc], progress: bool, fields: Callable[[SearchDoc], Sequence[list[str]]] = field_tokens
) -> Postings:
    """Every (term, field, document) of the index with lunr's score; a document's ref is its position."""
    fielded = [
        [*fields(doc), doc.filters] for doc in tqdm(docs, desc="搜索索引", unit="条", disable=not progress, leave=False)
    ]
    return score(fielded, [boost for _, boost in FIELDS])


def _shard_count(total: int, target: int = TARGET_SHARD_BYTES) -> int:
    """A power of two that makes the average file about `target` bytes."""
    wanted = max(1, total / target)
    return min(MAX_SHARDS, 2 ** round(math.log2(wanted)))


def _js_order(term: str) -> bytes:
    """lunr.js inserts terms into its TokenSet in JavaScript's (UTF-16) string order."""
    return term.encode("utf-16-be")


def split(index: Postings, shards: int) -> dict[int, list]:
    """The index as shards of [term, [[ref deltas, scores×100] per field]] entries; the browser
    (search-index.js, expand()) rebuilds lunr's invertedIndex and fieldVectors from it."""
    result: dict[int, list] = defaultdict(list)
    for term in sorted(index, key=_js_order):
        per_field = []
        for pairs in index[term]:
            refs = [ref for ref, _ in pairs]
            deltas = [ref - previous for previous, ref in zip([0, *refs], refs, strict=False)]
            per_field.append([deltas, [round(value * SCORE_SCALE) for _, value in pairs]])
        result[shard(term, shards)].append([term, per_field])
    return result


def lexicon_shards(lexicon: Lexicon, shards: int) -> dict[int, dict]:
    """Per lexicon file: the words that start with its characters and the traditional characters
    that hash to it."""
    result: dict[int, dict] = defaultdict(lambda: {"w": {}, "m": {}})
    for word, meaning in lexicon.words.items():
        result[shard(word, shards)]["w"][word] = meaning or 0
    for traditional, simple in sorted(lexicon.simplified.items()):
        result[shard(traditional, shards)]["m"][traditional] = simple
    return result


def build(
    docs: list[SearchDoc],
    words: LexiconBuilder,
    out: Path,
    progress: bool = False,
    fields: Callable[[SearchDoc], Sequence[list[str]]] = field_tokens,
) -> IndexStats:
    """The index of `docs` under `out`; `fields` gives a document's tokens per field (field_tokens's)."""
    started = time.perf_counter()
    docs = sorted(docs, key=lambda d: (KIND_ORDER[d.kind], d.tier, _descending(d.date), d.title))
    index = postings(docs, progress, fields)
    lexicon = words.lexicon({c for term in index for c in term})
    shards = _shard_count(sum(len(pairs) for per_field in index.values() for pairs in per_field) * POSTING_BYTES)
    lexicon_bytes = len(_dump([lexicon.words, lexicon.simplified]).encode("utf-8"))
    lexicon_files = _shard_count(lexicon_bytes, TARGET_LEXICON_BYTES)
    if out.exists():
        shutil.rmtree(out)
    total = 0
    # Every file the manifest counts is written, an empty one too: a query whose term hashes to it
    # must find "nothing here", not a missing file.
    terms = split(index, shards)
    fields = [name for name, _ in FIELDS]
    for number in range(shards):
        total += _write(out / "s" / f"{number}.json", _dump({"f": fields, "t": terms.get(number, [])}))
    known = lexicon_shards(lexicon, lexicon_files)
    for number in range(lexicon_files):
        total += _write(out / "l" / f"{number}.json", _dump(known.get(number, {"w": {}, "m": {}})))
    for start in range(0, len(docs), BUCKET):
        rows = [_row(doc) for doc in docs[start : start + BUCKET]]
        total += _write(out / "d" / f"{start // BUCKET}.json", _dump(rows))
    manifest = {
        "version": 5,
        "lunr": LUNR_JS_VERSION,
        "count": len(docs),
        "shards": shards,
        "lexicon": lexicon_files,
        "scale": SCORE_SCALE,
        "bucket": BUCKET,
        "ranges": _runs(docs, lambda doc: doc.kind),
        "tiers": _runs(docs, lambda doc: doc.tier),
    }
    total += _write(out / "manifest.json", _dump(manifest))
    return IndexStats(len(docs), shards, total, time.perf_counter() - started)


def _runs(docs: list[SearchDoc], key: Callable[[SearchDoc], object]) -> list[list]:
    """[value, first ref, ref after the last] of each run of consecutive refs with the same key."""
    runs: list[list] = []
    for ref, doc in enumerate(docs):
        if runs and runs[-1][0] == key(doc):
            runs[-1][2] = ref + 1
        else:
            runs.append([key(doc), ref, ref + 1])
    return runs


def _descending(day: str) -> str:
    """Sorts dates newest first inside a (kind, province) group."""
    return "".join(chr(0x10FFFF - ord(c)) for c in day)


def _row(doc: SearchDoc) -> dict:
    row = {
        "t": doc.shown_title,
        "k": doc.kind,
        "p": "、".join(doc.provinces),
        "d": doc.date,
        "u": doc.url,
        "s": doc.snippet,
    }
    if doc.expired:
        row["x"] = 1
    return row
