"""One Markdown file per item under content/scraped/<kind>/<source>/, written atomically.

Each file records a hash of its own text. A file whose text no longer matches that hash was
edited by someone, and the scraper leaves it alone.
"""

from __future__ import annotations

import enum
import hashlib
import os
import tempfile
from datetime import datetime
from pathlib import Path

from jiuye import dates, metadata

HASH_FIELD = "Content_hash"


class Outcome(enum.Enum):
    NEW = "新增"
    UPDATED = "更新"
    UNCHANGED = "未变"
    PROTECTED = "已保护"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def file_name(source_id: str, item_id: str) -> str:
    return hashlib.sha256(f"{source_id}\n{item_id}".encode()).hexdigest()[:16] + ".md"


def render(meta: dict[str, str], body: str) -> str:
    """The file text, with the hash of everything else as the header's last line."""
    unhashed = metadata.render(meta, body)
    header, rest = unhashed.split("\n\n", 1)
    return f"{header}\n{HASH_FIELD}: {digest(unhashed)}\n\n{rest}"


def is_pristine(text: str) -> bool:
    """Whether a stored file is exactly as the scraper wrote it."""
    header, separator, rest = text.partition("\n\n")
    lines = header.split("\n")
    prefix = f"{HASH_FIELD}:"
    recorded = [line[len(prefix) :].strip() for line in lines if line.startswith(prefix)]
    if len(recorded) != 1:
        return False
    unhashed = "\n".join(line for line in lines if not line.startswith(prefix)) + separator + rest
    return digest(unhashed) == recorded[0]


def stored_date(path: Path) -> datetime | None:
    """The Date the file at `path` records (as written, or as an editor set it), or None when
    there is no file or no readable Date in it."""
    try:
        meta, _ = metadata.parse(path.read_text(encoding="utf-8"))
        return dates.parse(meta.get("date", ""))
    except (FileNotFoundError, ValueError):
        return None


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def store(path: Path, meta: dict[str, str], body: str) -> Outcome:
    text = render(meta, body)
    if path.exists():
        existing = path.read_text(encoding="utf-8")
        if existing == text:
            return Outcome.UNCHANGED
        if not is_pristine(existing):
            return Outcome.PROTECTED
        write_atomic(path, text)
        return Outcome.UPDATED
    write_atomic(path, text)
    return Outcome.NEW
