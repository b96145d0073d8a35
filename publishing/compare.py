"""Two build trees compared file for file: what reproducible, sharded and warm builds are held to."""

from __future__ import annotations

from pathlib import Path


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` by its relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def differing(one: Path, other: Path) -> list[str]:
    """The relative paths whose bytes differ, or that only one tree has."""
    first, second = tree(one), tree(other)
    return sorted(path for path in first.keys() | second.keys() if first.get(path) != second.get(path))
