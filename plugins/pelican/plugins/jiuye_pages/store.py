"""The record of the pages a build wrote, in the cache folder (which is keyed by the code digest,
pelicanconf.CACHE_PATH): each output path with the digest of its inputs and the digest of its
bytes, the bytes kept by that digest. A page whose inputs have the recorded digest is those bytes.

Each file is written whole under a temporary name and renamed: a killed build leaves no half
record or half page, and builds sharing the folder can only meet whole files (a page whose kept
bytes are gone is rendered again).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

RECORD = "record.json"


class PageStore:
    def __init__(self, folder: Path, load: bool) -> None:
        self.folder = folder
        self.blobs = folder / "blobs"
        self.previous: dict[str, list[str]] = self._load() if load else {}
        self.current: dict[str, list[str]] = {}

    def _load(self) -> dict[str, list[str]]:
        try:
            record = json.loads((self.folder / RECORD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return record if isinstance(record, dict) else {}

    def recall(self, name: str, key: str) -> str | None:
        """The text of `name` as it was built from inputs with digest `key`, if it was."""
        entry = self.previous.get(name)
        if not entry or entry[0] != key:
            return None
        try:
            data = (self.blobs / entry[1]).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != entry[1]:
            return None
        self.current[name] = entry
        return data.decode("utf-8")

    def remember(self, name: str, key: str, text: str) -> None:
        data = text.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if not (self.blobs / digest).is_file():
            write_whole(self.blobs / digest, data)
        self.current[name] = [key, digest]

    def save(self) -> None:
        """This build's record, and only the bytes it names."""
        write_whole(self.folder / RECORD, json.dumps(self.current, sort_keys=True).encode("utf-8"))
        kept = {digest for _, digest in self.current.values()}
        for path in self.blobs.iterdir() if self.blobs.is_dir() else ():
            if path.name not in kept and not path.name.startswith(".tmp-"):  # not another build's, half written
                with contextlib.suppress(OSError):
                    path.unlink()


def record_path(settings: Mapping, name: str) -> Path | None:
    """Where a build record is kept (the cache folder), when Pelican's cache is on (CACHE_CONTENT)."""
    return Path(settings["CACHE_PATH"]) / name if settings.get("CACHE_CONTENT") else None


def load_record(path: Path | None, settings: Mapping, decode: Callable[[bytes], object]) -> dict:
    """The record the last build kept, with LOAD_CONTENT_CACHE on; {} when there is none or it
    cannot be read (a record is only ever a shortcut)."""
    if path is None or not settings.get("LOAD_CONTENT_CACHE"):
        return {}
    try:
        kept = decode(path.read_bytes())
    except (OSError, ValueError, TypeError, EOFError, AttributeError, pickle.UnpicklingError):
        return {}
    return kept if isinstance(kept, dict) else {}


def write_whole(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
