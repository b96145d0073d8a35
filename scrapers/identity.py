"""Which stored file a news item is: a story re-published under a new guid is still one file.

An item is the one already stored from its source when its guid names the same file, or its
canonical link, or its title (in match form) and day are those of a stored file.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from jiuye import metadata
from jiuye.text import match_form
from scrapers.item import Item


def link_key(url: str | None) -> str | None:
    """A link as the same page: scheme and host lower-case, no fragment, no trailing slash."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    return urlunsplit(("https", parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))


def title_key(title: str, day: str) -> tuple[str, str]:
    return match_form(title), day[:10]


class StoredNews:
    """The news files of one source's folder, by canonical link and by title and day; read once."""

    def __init__(self, folder: Path) -> None:
        self.by_link: dict[str, Path] = {}
        self.by_title: dict[tuple[str, str], Path] = {}
        self.slugs: dict[Path, str] = {}
        for path in sorted(folder.glob("*.md")):
            header = path.read_text(encoding="utf-8", errors="replace").split("\n\n", 1)[0]
            meta, _ = metadata.parse(header + "\n\n")
            self.add(path, meta.get("source_url"), meta.get("title", ""), meta.get("date", ""), meta.get("slug", ""))

    def add(self, path: Path, url: str | None, title: str, day: str, slug: str) -> None:
        if slug:
            self.slugs.setdefault(path, slug)
        if key := link_key(url):
            self.by_link.setdefault(key, path)
        if title:
            self.by_title.setdefault(title_key(title, day), path)

    def path_for(self, item: Item, own: Path, taken: set[Path]) -> Path:
        """The file `item` is: its own (by guid) when that exists, else a stored file with its link
        or its title and day that this run has not written yet, else its own."""
        if own.exists():
            return own
        day = item.date.date().isoformat()
        for found in (self.by_link.get(link_key(item.url) or ""), self.by_title.get(title_key(item.title, day))):
            if found is not None and found not in taken and found.exists():
                return found
        return own
