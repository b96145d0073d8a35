"""What the scraper has written, so that an editor's deletion is remembered.

content/scraped/.written lists every file a scrape has written (paths relative to content/). A
listed file that is gone was deleted by someone: a tombstone. The scraper never writes it again,
and reports it as 已删除. To let an item come back, delete its line from .written (or the whole
content/scraped/ folder, ledger included, to start afresh).
"""

from __future__ import annotations

from pathlib import Path

from scrapers.store import write_atomic

LEDGER = Path("scraped") / ".written"


class Ledger:
    def __init__(self, content_dir: Path) -> None:
        self.content_dir = content_dir
        self.path = content_dir / LEDGER
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            lines = []
        self.written = {line for line in lines if line.strip()}
        self.changed = False

    def key(self, path: Path) -> str:
        return path.relative_to(self.content_dir).as_posix()

    def deleted(self, path: Path) -> bool:
        """Whether the file was written by a scrape once and has been deleted since."""
        return self.key(path) in self.written and not path.exists()

    def record(self, path: Path) -> None:
        key = self.key(path)
        if key not in self.written:
            self.written.add(key)
            self.changed = True

    def save(self) -> None:
        """Written atomically, once per run."""
        if self.changed:
            write_atomic(self.path, "".join(f"{line}\n" for line in sorted(self.written)))
            self.changed = False
