"""Full exports: a source that lists every open posting each time (`full_export = true`).

A posting such a source no longer lists has been filled or withdrawn. After it has been missing
from `close_after` successful runs in a row (default 2: one missing run may be the export's
hiccup), its file is closed: Valid_through is set to the run's time, so it leaves the open
listings and its page says 已截止. A posting that comes back is rewritten open by the next run.
A file an editor has edited is left as it is. State: content/scraped/.exports/<source>.json.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from jiuye import dates, metadata
from scrapers import store
from scrapers.sources import Source

STATE = Path("scraped") / ".exports"
DEFAULT_CLOSE_AFTER = 2


def is_full_export(source: Source) -> bool:
    return source.options.get("full_export") is True


def close_missing(source: Source, listed: set[Path], content_dir: Path, now: datetime) -> list[Path]:
    """Count a run of a full export that was read whole; close what has been missing long enough.
    Returns the files closed."""
    state_path = content_dir / STATE / f"{source.id}.json"
    try:
        missing: dict[str, int] = json.loads(state_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        missing = {}
    close_after = int(source.options.get("close_after", DEFAULT_CLOSE_AFTER))
    known = {key: 0 for key in (p.relative_to(content_dir).as_posix() for p in listed)}
    closed: list[Path] = []
    for key, runs in missing.items():
        if key in known or runs < 0:
            continue
        path = content_dir / key
        if not path.exists():
            continue  # deleted: nothing to close
        runs += 1
        if runs >= close_after and _close(path, now):
            closed.append(path)
            runs = -1  # closed; stays so until the export lists it again
        known[key] = runs
    store.write_atomic(state_path, json.dumps(known, ensure_ascii=False, indent=0, sort_keys=True))
    return closed


def _close(path: Path, now: datetime) -> bool:
    text = path.read_text(encoding="utf-8")
    if not store.is_pristine(text):
        return False  # an editor's file: theirs to close
    meta, body = metadata.parse(text)
    fields = {key.capitalize(): value for key, value in meta.items() if key != store.HASH_FIELD.lower()}
    fields["Valid_through"] = dates.format_iso(now)
    store.store(path, fields, body)
    return True
