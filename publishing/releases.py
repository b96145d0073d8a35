"""Release folders and the atomic swap that makes one live.

releases/<stamp>/ holds one complete build; `output` is a symlink to the live one. Publishing
replaces the symlink with os.replace (rename(2) is atomic), so a reader sees the old site or the
new one, never a mix; the previous releases stay for `rollback`.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

KEEP = 5  # releases kept, the live one included
PRODUCTION, LOCAL = "production", "local"  # built with publishconf.py, or pelicanconf.py (a preview)


class ReleaseError(RuntimeError):
    """A release that cannot be made live (or none to roll back to)."""


class Releases:
    def __init__(self, live: Path, folder: Path) -> None:
        self.live = live  # output/: the symlink servers and deploy scripts read
        self.folder = folder  # releases/

    def all(self) -> list[Path]:
        """Every complete release, oldest first (a build in progress is hidden: it starts with '.')."""
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith("."))

    def current(self) -> Path | None:
        return self.live.resolve() if self.live.is_symlink() else None

    def new(self, kind: str) -> Path:
        """An empty folder for the next build of `kind` (PRODUCTION or LOCAL), hidden until
        `publish` names it: releases/.<stamp>-<pid>-<kind>."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        building = self.folder / f".{stamp}-{os.getpid()}-{kind}"
        building.mkdir()
        return building

    def publish(self, build: Path, keep: int = KEEP) -> Path:
        """Make a finished build live, atomically; the oldest releases beyond `keep` are removed."""
        release = build.with_name(build.name.lstrip("."))
        build.rename(release)
        self._adopt_plain_output()
        self._point_at(release)
        self.prune(keep)
        return release

    def rollback(self) -> Path:
        """Make the release before the live one, of the same kind, live again."""
        releases, current = self.all(), self.current()
        kind = kind_of(current) if current else PRODUCTION
        earlier = [r for r in releases if kind_of(r) == kind and (current is None or r.name < current.name)]
        if not earlier:
            raise ReleaseError(f"没有可回退的上一版本（{self.folder}）")
        self._point_at(earlier[-1])
        return earlier[-1]

    def prune(self, keep: int = KEEP) -> None:
        """Remove old releases beyond `keep` (never the live one), and builds that were killed."""
        current = self.current()
        for stale in [r for r in self.all() if r != current][: max(0, len(self.all()) - keep)]:
            shutil.rmtree(stale, ignore_errors=True)
        for killed in self.folder.glob(".*-*-*"):
            pid = killed.name.split("-")[1]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(killed, ignore_errors=True)

    def _point_at(self, release: Path) -> None:
        temporary = self.live.with_name(f".{self.live.name}.{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(os.path.relpath(release, self.live.parent), target_is_directory=True)
        os.replace(temporary, self.live)

    def _adopt_plain_output(self) -> None:
        """An output/ folder from before releases (or a dev build) becomes the oldest release, so the
        swap can replace it by a symlink and it stays available to roll back to."""
        if self.live.is_dir() and not self.live.is_symlink():
            self.live.rename(self.folder / f"00000000T000000000000Z-0-{LOCAL}")


def kind_of(release: Path) -> str:
    """PRODUCTION or LOCAL, from the release's name."""
    return PRODUCTION if release.name.endswith(f"-{PRODUCTION}") else LOCAL


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
