"""Which stored news item a new one repeats (the same story from another outlet).

Each news file's fingerprint (jiuye.syndication) is kept in content/scraped/.stories.json with
the decision made when it was first stored, so a later run neither recomputes nor changes it.
Editors' files (content/news/) are fingerprinted each run and can be the story others repeat;
they are never marked as repeating one. A repeat is filed as usual with `Same_as: <slug>`; the
build shows it on the first one's page as 另见 (an editor can delete the line to undo it).
"""

from __future__ import annotations

import json
from pathlib import Path

from jiuye import metadata, syndication
from scrapers import store

STATE = Path("scraped") / ".stories.json"
EDITORS = Path("news")


class KnownStories:
    def __init__(self, content_dir: Path) -> None:
        self.path = content_dir / STATE
        try:
            self.records: dict[str, dict[str, str | None]] = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            self.records = {}
        self.changed = False
        self._encoded: dict[str, str] = {}  # key -> its record as saved: records never change
        self.stories = syndication.Stories()
        self.slugs: dict[str, str] = {}  # key -> the slug a repeat points to
        for key, record in sorted(self.records.items()):
            if record.get("fingerprint") and not record.get("same_as"):
                self.stories.add(key, syndication.decode(str(record["fingerprint"])))
                self.slugs[key] = str(record["slug"])
        for path in sorted((content_dir / EDITORS).rglob("*.md")):
            self._editors(path, content_dir)

    def _editors(self, path: Path, content_dir: Path) -> None:
        try:
            meta, body = metadata.parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return  # `invoke check` names a file it cannot read
        fingerprint = syndication.fingerprint(body)
        if fingerprint is not None and meta.get("slug"):
            key = path.relative_to(content_dir).as_posix()
            self.stories.add(key, fingerprint)
            self.slugs[key] = meta["slug"]

    def same_as(self, key: str, slug: str, body: str) -> str | None:
        """The slug of the story this item repeats, decided when the item was first seen."""
        if key in self.records:
            return self.records[key].get("same_as")
        fingerprint = syndication.fingerprint(body)
        repeated = self.stories.same_story(fingerprint, other_than=key) if fingerprint is not None else None
        same_as = self.slugs[repeated] if repeated and self.slugs[repeated] != slug else None
        self.changed = True
        self.records[key] = {
            "slug": slug,
            "fingerprint": syndication.encode(fingerprint) if fingerprint is not None else None,
            "same_as": same_as,
        }
        if fingerprint is not None and same_as is None:
            self.stories.add(key, fingerprint)
            self.slugs[key] = slug
        return same_as

    def save(self) -> None:
        """Written only when a new item was seen: a run with nothing new touches no file."""
        if not self.changed:
            return
        self.changed = False
        store.write_atomic(self.path, self.text())

    def text(self) -> str:
        """The file: json.dumps(records, ensure_ascii=False, indent=0, sort_keys=True), byte for byte,
        from each record encoded once, so that saving after every source of a long run stays cheap."""
        if not self.records:
            return "{}"
        for key in self.records.keys() - self._encoded.keys():
            record = json.dumps(self.records[key], ensure_ascii=False, indent=0, sort_keys=True)
            self._encoded[key] = f"{json.dumps(key, ensure_ascii=False)}: {record}"
        return "{\n" + ",\n".join(self._encoded[key] for key in sorted(self._encoded)) + "\n}"
