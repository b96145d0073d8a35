"""What each amount of indexed body text costs (index bytes) and finds: python -m benchmarks.search --body"""

from __future__ import annotations

import itertools
import json
import random
import re
import tempfile
from pathlib import Path

from benchmarks.generate import ROOT, pelican
from benchmarks.search import folder_bytes, generate
from jiuye import metadata, tokenize


def main(count: int = 2000, lengths: tuple[int, ...] = (0, 100, 200, 500, 100_000)) -> None:
    """What each amount of body text costs (index bytes) and finds (recall of phrases from bodies).

    Each probe is a 4-character phrase taken from the body of a random item; a probe is found
    when that item is among the hits. Run with: python -m benchmarks.search --body
    """
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        generate(content, count)
        probes = []
        for path in rng.sample(sorted(content.rglob("*.md")), 200):
            meta, body = metadata.parse(path.read_text(encoding="utf-8"))
            text = re.sub(r"\s", "", body)
            at = rng.randrange(0, max(1, len(text) - 4))
            probes.append((meta["slug"], text[at : at + 4]))
        print(f"{'body chars':>10} {'index bytes':>12} {'probes found':>13}")
        for length in lengths:
            output = Path(tmp) / f"out-{length}"
            pelican(content, ROOT / "pelicanconf.py", output, extra=(f"JIUYE_SEARCH_BODY_CHARS={length}",))
            found = sum(_probe_found(output, slug, phrase) for slug, phrase in probes)
            print(f"{length:>10} {folder_bytes(output / 'search' / 'i'):>12,} {found:>9}/{len(probes)}", flush=True)


def _probe_found(output: Path, slug: str, phrase: str) -> bool:
    """Whether the index, read the way search.js reads it, returns the item for the phrase."""
    root = output / "search" / "i"
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    wanted = tokenize.tokens(phrase)
    matches = None
    for token in wanted:
        path = root / "s" / f"{tokenize.shard(token, manifest['shards'])}.json"
        refs: set[int] = set()
        if path.exists():
            shard_index = json.loads(path.read_text(encoding="utf-8"))
            for term, per_field in shard_index["t"]:
                if term == token:
                    for deltas, _ in per_field:
                        refs.update(itertools.accumulate(deltas))
        matches = refs if matches is None else matches & refs
    rows = []
    for number in range((manifest["count"] + manifest["bucket"] - 1) // manifest["bucket"]):
        rows += json.loads((root / "d" / f"{number}.json").read_text(encoding="utf-8"))
    return any(rows[ref]["u"].rstrip("/").endswith(f"/{slug}") for ref in matches or ())
