"""The inverted index with lunr's scores, computed directly from our tokens.

lunr.js (in the browser) needs, per term and field, the documents holding the term and the score
of each: its builder's BM25 (k1 = 1.2, b = 0.75; a term's idf counts its documents once per field
that holds it; scores rounded to 3 places, then multiplied by the field's boost). This module
computes exactly those numbers, in the same floating-point order as lunr's builder, without
building lunr's own objects (a token object and a metadata copy per token, a vector per field).
tests/test_search.py holds the result against lunr.py's builder on the same documents.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

K1 = 1.2
B = 0.75
# lunr.js 2.3.9 (package-lock.json) loads the shards: the version its Index.load expects.
LUNR_JS_VERSION = "2.3.9"

# term -> per field, (ref, score) pairs in ref order
Postings = dict[str, list[list[tuple[int, float]]]]


def score(documents: Sequence[Sequence[Sequence[str]]], boosts: Sequence[int]) -> Postings:
    """The postings of `documents` (per document, per field, its tokens; a document's ref is its
    position), each with the score lunr's builder gives it."""
    fields = len(boosts)
    frequencies: dict[str, list[dict[int, int]]] = {}
    lengths = [[0] * len(documents) for _ in range(fields)]
    for ref, document in enumerate(documents):
        for field, terms in enumerate(document):
            lengths[field][ref] = len(terms)
            for term, count in Counter(terms).items():
                per_field = frequencies.get(term)
                if per_field is None:
                    per_field = frequencies[term] = [{} for _ in range(fields)]
                per_field[field][ref] = count
    if not documents:
        return {}
    averages = [sum(field_lengths) / len(documents) for field_lengths in lengths]
    # Per field and document, the part of BM25's denominator that does not depend on the term
    # (none for a field no document has a token in).
    norms = [
        [K1 * (1 - B + B * (length / average)) for length in field_lengths] if average else []
        for field_lengths, average in zip(lengths, averages, strict=True)
    ]
    result: Postings = {}
    for term, per_field in frequencies.items():
        holding = sum(len(refs) for refs in per_field)
        x = (len(documents) - holding + 0.5) / (holding + 0.5)
        idf = math.log(1 + abs(x))
        # lunr's builder: idf * ((k1 + 1) * count) / (norm + count), times the boost, rounded.
        result[term] = [
            [(ref, round(idf * ((K1 + 1) * count) / (norm[ref] + count) * boost, 3)) for ref, count in refs.items()]
            for refs, norm, boost in zip(per_field, norms, boosts, strict=True)
        ]
    return result
