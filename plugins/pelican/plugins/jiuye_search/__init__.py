"""Site search: a generator (generator.py) that indexes the typed items of news, jobs and fairs
once the other generators have read them, and writes the sharded lunr index (index.py, with the
lexicon of lexicon.py) to output/search/i/, with lunr.js from node_modules (npm, package-lock.json).
"""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from pelican.plugins.jiuye_search.generator import SearchGenerator


def get_generators(pelican) -> type[Generator]:
    return SearchGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
