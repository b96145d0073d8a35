"""The source list, sources.toml: which feeds and post folders to scrape, and their defaults."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

KINDS = ("feed", "posts", "jobs-jsonld", "jobs-xml", "jobs-csv", "jobs-json", "jobs-feed", "fairs-ics", "fairs-feed")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SourcesError(ValueError):
    """sources.toml cannot be used; the message names the file, the source and the field."""


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    url: str  # http(s) URL, or an absolute local path
    name: str = ""  # who publishes it, shown as the source of its items
    province: str = ""  # default province of its items
    campaigns: tuple[str, ...] = ()  # default campaigns of its items
    options: dict = field(default_factory=dict, hash=False)

    @property
    def is_remote(self) -> bool:
        return urlsplit(self.url).scheme in ("http", "https")


def load(path: Path) -> list[Source]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourcesError(f"{path}: cannot read: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{path}: not valid TOML: {error}") from error
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise SourcesError(f"{path}: [[source]] tables expected")
    sources: list[Source] = []
    for index, entry in enumerate(entries, start=1):
        sources.append(_source(entry, path, index))
    ids = [source.id for source in sources]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SourcesError(f"{path}: source id used twice: {', '.join(duplicates)}")
    return sources


def _source(entry: dict, path: Path, index: int) -> Source:
    where = f"{path}: source {index}"
    source_id = entry.get("id")
    if not isinstance(source_id, str) or not _ID.match(source_id):
        raise SourcesError(f"{where}: field 'id' = {source_id!r}: lower-case letters, digits and '-'")
    where = f"{path}: source {source_id!r}"
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SourcesError(f"{where}: field 'kind' = {kind!r}: one of {', '.join(KINDS)}")
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip():
        raise SourcesError(f"{where}: field 'url' is missing")
    if urlsplit(url).scheme not in ("http", "https"):
        if urlsplit(url).scheme not in ("", "file"):
            raise SourcesError(f"{where}: field 'url' = {url!r}: http(s) URL or local path")
        url = str((path.parent / url.removeprefix("file://")).resolve())
    campaigns = entry.get("campaigns", entry.get("campaign", ()))
    if isinstance(campaigns, str):
        campaigns = (campaigns,)
    known = {"id", "kind", "url", "name", "province", "campaign", "campaigns"}
    return Source(
        id=source_id,
        kind=kind,
        url=url,
        name=str(entry.get("name", "")),
        province=str(entry.get("province", "")),
        campaigns=tuple(campaigns),
        options={key: value for key, value in entry.items() if key not in known},
    )
