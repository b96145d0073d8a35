"""The per-document work of the search index kept between builds: each document's tokens per field
(jiuye.tokenize) and its lexicon words (jieba, with the project's words added), by a digest of the
text they are made of and of what jieba splits by (its version, the words added to it, in order).
In the cache folder, which is keyed by the code digest (pelicanconf.CACHE_PATH): other code works
afresh. On with Pelican's cache (CACHE_CONTENT), loaded with LOAD_CONTENT_CACHE. A warm build
tokenises and splits only new and edited documents, and starts jieba only for those."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping

from pelican.plugins.jiuye_pages.store import load_record, record_path, write_whole
from pelican.plugins.jiuye_search.index import SearchDoc, field_tokens
from pelican.plugins.jiuye_search.lexicon import LexiconBuilder

FILE = "search.pickle"
# (tokens of the title, of the tags, of the body; the document's lexicon words, sorted)
Entry = tuple[list[str], list[str], list[str], tuple[str, ...]]
# As kept: each field's tokens joined by spaces (no token holds one), which pickles many times
# faster than the lists.
Kept = tuple[str, str, str, tuple[str, ...]]


class SearchRecord:
    def __init__(self, settings: Mapping, words: LexiconBuilder) -> None:
        self.path = record_path(settings, FILE)
        self.kept: dict[bytes, Kept] = load_record(self.path, settings, pickle.loads)
        self.used: dict[bytes, Kept] = {}
        self.words = words
        self.salt = words.salt()

    def of(self, doc: SearchDoc) -> Entry:
        """The document's tokens per field and its words, worked out unless kept."""
        text = "\0".join((doc.title, doc.tags, doc.body))
        key = hashlib.sha256(self.salt + text.encode("utf-8", "surrogatepass")).digest()
        kept = self.kept.get(key) or self.used.get(key)
        if kept is None:
            words = tuple(sorted(self.words.words_of(f"{doc.title} {doc.tags} {doc.body}")))
            entry = (*field_tokens(doc), words)
            self.used[key] = (" ".join(entry[0]), " ".join(entry[1]), " ".join(entry[2]), words)
            return entry
        self.used[key] = kept
        title, tags, body, words = kept
        return _split(title), _split(tags), _split(body), words

    def save(self) -> None:
        """This build's entries, and only those."""
        if self.path:
            write_whole(self.path, pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))


def _split(joined: str) -> list[str]:
    return joined.split(" ") if joined else []
