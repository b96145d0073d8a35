"""The text of each article's body (jiuye_content.body_lines: its sanitised HTML read block by
block, for figures and search) kept between builds by a digest of that HTML, in the cache folder
(keyed by the code digest, pelicanconf.CACHE_PATH: other code reads afresh). On with Pelican's
cache (CACHE_CONTENT), loaded with LOAD_CONTENT_CACHE. Once the articles are read, an article
whose HTML is kept gets its lines (body_lines finds them on the article and reads nothing); at the
end of the build, the lines this build has are kept, and only those."""

from __future__ import annotations

import hashlib
import pickle

from pelican import signals

from pelican.plugins.jiuye_pages.store import load_record, record_path, write_whole

FILE = "body-lines.pickle"
LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts", "drafts_translations")


class BodyCache:
    def __init__(self, generator) -> None:
        settings = generator.settings
        self.path = record_path(settings, FILE)
        kept = load_record(self.path, settings, pickle.loads)
        self.articles = [article for name in LISTS for article in getattr(generator, name, [])]
        for article in self.articles:
            lines = kept.get(_key(article))
            if lines is not None and "body_lines" not in vars(article):
                article.body_lines = lines

    def save(self, _pelican) -> None:
        signals.finalized.disconnect(self.save)
        if self.path:
            found = {_key(a): a.body_lines for a in self.articles if "body_lines" in vars(a)}
            write_whole(self.path, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))


def _key(article) -> bytes:
    return hashlib.sha256((article._content or "").encode("utf-8", "surrogatepass")).digest()


def recall(generator) -> None:
    """The kept lines of the articles `generator` has read; kept again when the build ends."""
    signals.finalized.connect(BodyCache(generator).save, weak=False)
