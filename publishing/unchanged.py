"""Files a new release shares, byte for byte, with the live one keep the live file's times.

A build writes every file afresh into its own folder (so a failed or killed build never touches the
live site), which would give every file a new mtime: rsync's quick check and a CDN would see the
whole site change. Before the swap, each file whose bytes equal the file at the same path in the
live release takes that file's atime and mtime, so only real changes look changed. The live
release is only read, and no inode is shared between releases: a later write into one can never
alter another (hard links would save the space, and lose that guarantee).
"""

from __future__ import annotations

import filecmp
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Changes:
    """What a release changes against the one it replaces, counted in files."""

    unchanged: int
    changed: int
    added: int
    removed: int

    def summary(self) -> str:
        return f"未变 {self.unchanged}，更新 {self.changed}，新增 {self.added}，删除 {self.removed} 个文件"


def keep_times(build: Path, live: Path | None) -> Changes:
    """Give every file of `build` whose bytes equal `live`'s at the same path that file's times."""
    built = _files(build)
    previous = _files(live) if live else set()
    unchanged = changed = 0
    for relative in sorted(built & previous):
        new, old = build / relative, live / relative
        if filecmp.cmp(new, old, shallow=False):
            stat = old.stat()
            os.utime(new, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            unchanged += 1
        else:
            changed += 1
    return Changes(unchanged, changed, len(built - previous), len(previous - built))


def _files(root: Path) -> set[str]:
    """Every regular file under `root`, as a path relative to it."""
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                found.add(path.relative_to(root).as_posix())
    return found
