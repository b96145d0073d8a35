"""The HTTP cache behind conditional GET: one file per URL, written whole or not at all.

An entry is a header line (JSON: URL, validators, charset, the body's length and SHA-256) and
the body, in one file written to a temporary name and moved into place with os.replace. An
entry that does not check out (truncated, edited, another format) is ignored with a warning:
the fetch goes out unconditionally and replaces it. Nothing here fails a source.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

MAGIC = b"jiuye-http-cache/1\n"


@dataclass(frozen=True)
class Entry:
    url: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    charset: str | None = None

    @property
    def validators(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode()).hexdigest()[:32]

    def path(self, url: str) -> Path:
        return self.folder / f"{self._key(url)}.entry"

    def load(self, url: str) -> Entry | None:
        path = self.path(url)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            logger.warning("HTTP 缓存条目 %s 无法读取（%s），忽略并重新下载", path, error.strerror)
            return None
        try:
            return _parse(raw, url)
        except ValueError as error:
            logger.warning("HTTP 缓存条目 %s 已损坏（%s），忽略并重新下载 %s", path, error, url)
            return None

    def discard(self, url: str) -> None:
        """Forget `url`: its server no longer sends validators to ask with."""
        with contextlib.suppress(OSError):
            self.path(url).unlink(missing_ok=True)

    def store(self, entry: Entry) -> None:
        path = self.path(entry.url)
        meta = {
            "url": entry.url,
            "etag": entry.etag,
            "last_modified": entry.last_modified,
            "charset": entry.charset,
            "length": len(entry.body),
            "sha256": hashlib.sha256(entry.body).hexdigest(),
        }
        temp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + json.dumps(meta, ensure_ascii=False).encode() + b"\n" + entry.body)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
            temp = None
            for old in (".json", ".body"):  # the format before this one: two files, not atomic
                (self.folder / f"{self._key(entry.url)}{old}").unlink(missing_ok=True)
        except OSError as error:
            logger.warning("HTTP 缓存条目 %s 无法写入（%s），下次将无条件下载", path, error.strerror)
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)


def _parse(raw: bytes, url: str) -> Entry:
    if not raw.startswith(MAGIC):
        raise ValueError("文件头不对")
    header, newline, body = raw[len(MAGIC) :].partition(b"\n")
    if not newline:
        raise ValueError("缺少元数据行")
    try:
        meta = json.loads(header)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"元数据不是 JSON：{error}") from error
    if not isinstance(meta, dict) or meta.get("url") != url:
        raise ValueError("元数据与网址不符")
    if meta.get("length") != len(body):
        raise ValueError(f"内容长度 {len(body)}，应为 {meta.get('length')}（文件被截断？）")
    if meta.get("sha256") != hashlib.sha256(body).hexdigest():
        raise ValueError("内容校验和不符")
    fields = {name: meta.get(name) for name in ("etag", "last_modified", "charset")}
    if not all(value is None or isinstance(value, str) for value in fields.values()):
        raise ValueError("元数据字段类型不对")
    return Entry(url, body, **fields)
