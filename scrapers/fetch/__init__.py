"""Getting bytes from a URL or a local path, and turning them into text.

HTTP: timeout, size cap, retries with back-off, conditional GET (ETag / Last-Modified) against
an atomic cache folder (cache.py). Text: charset.py.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from scrapers.fetch.cache import Cache, Entry
from scrapers.fetch.charset import decode as decode_bytes
from scrapers.fetch.charset import detect_encoding
from scrapers.item import SourceError

__all__ = ["DEFAULT_MAX_BYTES", "Fetched", "Fetcher", "decode", "detect_encoding"]

USER_AGENT = "jiuye/0.1 (+static site of employment-assistance campaigns)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
RETRIES = 2


@dataclass
class Fetched:
    data: bytes
    charset: str | None = None  # as the server declared it
    url: str = ""  # where it came from


def decode(fetched: Fetched) -> str:
    return decode_bytes(fetched.data, fetched.charset, fetched.url)


class Fetcher:
    def __init__(
        self,
        cache_dir: Path | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.cache = Cache(cache_dir) if cache_dir is not None else None
        self.timeout = timeout
        self.max_bytes = max_bytes

    def get(self, location: str) -> Fetched:
        if location.startswith(("http://", "https://")):
            return self._get_http(location)
        return self._get_file(Path(location))

    def _get_file(self, path: Path) -> Fetched:
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise SourceError(f"{path}: {size} 字节，超过上限 {self.max_bytes}")
            return Fetched(path.read_bytes())
        except OSError as error:
            raise SourceError(f"无法读取 {path}: {error.strerror}") from error

    def _get_http(self, url: str) -> Fetched:
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        cached = self.cache.load(url) if self.cache else None
        headers.update(cached.validators if cached else {})
        last_error = ""
        for attempt in range(RETRIES + 1):
            if attempt:
                time.sleep(0.5 * 2**attempt)
            try:
                request = urllib.request.Request(url, headers=headers)
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    data = response.read(self.max_bytes + 1)
                    if len(data) > self.max_bytes:
                        raise SourceError(f"{url}: 响应超过上限 {self.max_bytes} 字节")
                    fetched = Fetched(data, response.headers.get_content_charset(), url)
                    etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
                    if self.cache and (etag or modified):
                        self.cache.store(Entry(url, data, etag, modified, fetched.charset))
                    return fetched
            except urllib.error.HTTPError as error:
                if error.code == 304 and cached:
                    return Fetched(cached.body, cached.charset, url)
                last_error = f"HTTP {error.code} {error.reason}"
                if error.code < 500 and error.code != 429:
                    break
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
                reason = getattr(error, "reason", error)
                last_error = f"连接失败: {reason}"
        raise SourceError(f"{url}: {last_error}")
