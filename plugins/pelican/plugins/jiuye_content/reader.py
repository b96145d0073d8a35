"""Pelican's Markdown reader with one Markdown instance for the whole build instead of one per file:
making an instance (loading and registering every extension) cost more than converting a short
file. Markdown.reset() before each file clears what the last document left (references, stashed
HTML, each extension's state), as Python-Markdown asks of an instance that converts several
documents, so each file reads as it would alone.
"""

from __future__ import annotations

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

META = "meta"
# markdown.extensions.meta registers its preprocessor at this priority; Pelican's _parse_metadata
# deregisters it (formatted fields are not read for metadata), and the next file needs it back.
META_PRIORITY = 27


class SharedMarkdownReader(MarkdownReader):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shared: Markdown | None = None

    def read(self, source_path: str) -> tuple[str, dict]:
        """MarkdownReader.read, with the shared instance."""
        if self._shared is None:
            self._shared = Markdown(**self.settings["MARKDOWN"])
            self._meta = self._shared.preprocessors[META]
        elif META not in self._shared.preprocessors:
            self._shared.preprocessors.register(self._meta, META, META_PRIORITY)
        self._source_path = source_path
        self._md = self._shared.reset()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        return content, metadata


def install(readers) -> None:
    """readers_init: Markdown files read by the shared reader, unless READERS names another."""
    for extension, reader in readers.reader_classes.items():
        if reader is MarkdownReader:
            readers.reader_classes[extension] = SharedMarkdownReader
