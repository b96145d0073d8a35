"""The metadata header of a content file, in Pelican's Markdown format ("Key: value" lines)."""

from __future__ import annotations

import re

from jiuye.sanitise import printable

_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):\s?(.*)$")


def parse(text: str) -> tuple[dict[str, str], str]:
    """Metadata (keys lower-cased, as Pelican reads them) and the body after the blank line."""
    meta: dict[str, str] = {}
    lines = text.lstrip("\ufeff").split("\n")
    last_key = None
    for index, line in enumerate(lines):
        if not line.strip():
            return meta, "\n".join(lines[index + 1 :])
        match = _LINE.match(line)
        if match:
            last_key = match.group(1).lower()
            meta[last_key] = match.group(2).strip()
        elif line.startswith((" ", "\t")) and last_key:
            meta[last_key] += " " + line.strip()
        else:
            # No header at all, or the body starts without a blank line.
            return meta, "\n".join(lines[index:])
    return meta, ""


def key_lines(text: str) -> dict[str, int]:
    """The line (1-based) where each key of the header first appears."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), start=1):
        if not line.strip():
            break
        match = _LINE.match(line)
        if match:
            found.setdefault(match.group(1).lower(), number)
    return found


_FULL_WIDTH = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*：")


def full_width_keys(text: str) -> list[tuple[int, str]]:
    """(line, key) of header-like lines written with a full-width colon ("Province：湖北"), which
    end the header for Pelican: they, and every line after them, are read as the body."""
    found = []
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), start=1):
        if not line.strip():
            break
        if match := _FULL_WIDTH.match(line):
            found.append((number, match.group(1)))
    return found


def repeated_keys(text: str) -> list[str]:
    """Keys the header gives more than once (Pelican would read them as a list)."""
    seen: list[str] = []
    for line in text.lstrip("\ufeff").split("\n"):
        if not line.strip():
            break
        match = _LINE.match(line)
        if match:
            seen.append(match.group(1).lower())
    return sorted({key for key in seen if seen.count(key) > 1})


def one_line(value: str) -> str:
    return " ".join(printable(str(value)).split())


def render(meta: dict[str, str], body: str) -> str:
    """A file that `parse` reads back to the same metadata and body (characters no XML output
    can carry are dropped)."""
    header = "".join(f"{key}: {one_line(value)}\n" for key, value in meta.items() if one_line(value))
    return f"{header}\n{printable(body).strip()}\n"
