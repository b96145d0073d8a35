"""`invoke publish --to DIR`: the live release copied beside DIR, then swapped in by renames."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def copy_swapped(release: Path, target: Path) -> None:
    """Copy `release` to `target`: the copy is made whole first, then renamed into place, so a
    reader of `target` never sees a half-written tree (between the two renames, for an instant,
    `target` is absent; a web server then answers 404, never a mix of two releases)."""
    target = target.absolute()
    staging = target.with_name(f".{target.name}.{os.getpid()}.new")
    previous = target.with_name(f".{target.name}.{os.getpid()}.old")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(release, staging, symlinks=False)
    if target.exists():
        os.rename(target, previous)
    os.rename(staging, target)
    shutil.rmtree(previous, ignore_errors=True)
