"""Getting bytes from a URL or a local path, and turning them into text.

HTTP, for a scheduler to run unattended: one wall-clock deadline per fetch (DNS, connect, every
redirect and retry, the whole body: `deadline`), an idle timeout per socket operation
(`timeout`), a size cap on the delivered body (`max_bytes`, gzip and deflate inflated under it),
at most MAX_REDIRECTS redirects and only to http(s), retries with back-off on 5xx and timeouts
only, and conditional GET (ETag / Last-Modified) against an atomic cache folder (cache.py).
Text: charset.py. Requests from many threads share the limits of slots.py: time spent waiting for a
slot does not count against a fetch's deadline.

Built on urllib rather than httpx or requests: neither has a wall-clock deadline over DNS,
connect and body (their timeouts are per socket operation), so the deadline would be ours anyway.
"""

from __future__ import annotations

import contextlib
import copy
import http.client
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scrapers.fetch import body
from scrapers.fetch.cache import Cache, Entry
from scrapers.fetch.charset import decode as decode_bytes
from scrapers.fetch.charset import detect_encoding
from scrapers.fetch.deadline import Deadline, opener, running
from scrapers.fetch.slots import Slots
from scrapers.item import SourceError

__all__ = ["DEFAULT_MAX_BYTES", "Fetched", "Fetcher", "decode", "detect_encoding"]

logger = logging.getLogger(__name__)

USER_AGENT = "jiuye/0.1 (scraper of a static site on employment-assistance campaigns; Python-urllib)"
DEFAULT_TIMEOUT = 20.0  # seconds one socket operation may wait
DEFAULT_DEADLINE = 60.0  # seconds one fetch may take in all
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
RETRIES = 2
BACKOFF = 1.0  # seconds before the first retry, doubled for each further one
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class Fetched:
    data: bytes
    charset: str | None = None  # as the server declared it
    url: str = ""  # where it came from, after redirects


def decode(fetched: Fetched) -> str:
    return decode_bytes(fetched.data, fetched.charset, fetched.url)


class _Retry(Exception):
    """A failure worth another try: a 5xx answer or a timeout."""


class Fetcher:
    def __init__(
        self,
        cache_dir: Path | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        deadline: float = DEFAULT_DEADLINE,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
        max_redirects: int = MAX_REDIRECTS,
    ) -> None:
        self.cache = Cache(cache_dir) if cache_dir is not None else None
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.retries = retries
        self.backoff = backoff
        self.max_redirects = max_redirects
        self.slots: Slots | None = None  # no limit on requests at once
        self._opener = opener()

    def sharing(self, slots: Slots) -> Fetcher:
        """This fetcher (its cache too), its requests taking slots of `slots`."""
        shared = copy.copy(self)
        shared.slots = slots
        return shared

    def limited(
        self, timeout: float | None = None, deadline: float | None = None, max_bytes: int | None = None
    ) -> Fetcher:
        """This fetcher (its cache too) with one source's limits over the defaults."""
        limited = copy.copy(self)
        limited.timeout, limited.deadline = timeout or self.timeout, deadline or self.deadline
        limited.max_bytes = max_bytes or self.max_bytes
        return limited

    def get(
        self,
        location: str,
        *,
        timeout: float | None = None,
        deadline: float | None = None,
        max_bytes: int | None = None,
    ) -> Fetched:
        """The bytes at `location`; the keyword arguments override the fetcher's for this one fetch."""
        cap = max_bytes or self.max_bytes
        if urlsplit(location).scheme in ("http", "https"):
            clock = Deadline(deadline or self.deadline, timeout or self.timeout)
            return self._get_http(location, clock, cap)
        return self._get_file(Path(location), cap)

    def _get_file(self, path: Path, max_bytes: int) -> Fetched:
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise SourceError(f"{path}: {size} 字节，超过上限 {max_bytes}")
            return Fetched(path.read_bytes(), url=str(path))
        except OSError as error:
            raise SourceError(f"无法读取 {path}: {error.strerror}") from error

    def _get_http(self, url: str, clock: Deadline, max_bytes: int) -> Fetched:
        cached = self.cache.load(url) if self.cache else None
        headers = {"User-Agent": USER_AGENT, "Accept": "*/*", "Accept-Encoding": "gzip, deflate"}
        headers.update(cached.validators if cached else {})
        failure = ""
        for attempt in range(self.retries + 1):
            if attempt:
                pause = self.backoff * 2 ** (attempt - 1)
                if pause >= clock.remaining():
                    break
                logger.info("%s: %s，%.1f 秒后重试（第 %d 次）", url, failure, pause, attempt)
                time.sleep(pause)
            try:
                with running(clock):
                    fetched = self._exchange(url, headers, clock, max_bytes)
            except _Retry as error:
                failure = str(error)
                continue
            if fetched is None:  # 304 Not Modified
                if cached is None:
                    raise SourceError(f"{url}: 未发条件请求，服务器却答 304")
                logger.debug("%s: 未改变（304），用缓存", url)
                return Fetched(cached.body, cached.charset, url)
            return fetched
        raise SourceError(f"{url}: {failure}")

    def _exchange(self, url: str, headers: dict[str, str], clock: Deadline, max_bytes: int) -> Fetched | None:
        """One request and its redirects; None for 304."""
        current, seen = url, [url]
        while True:
            try:
                request = urllib.request.Request(current, headers=headers)
                with self._slot(current, clock), self._opener.open(request, timeout=clock.next_timeout()) as response:
                    data = body.read(response, url, max_bytes)
                    fetched = Fetched(data, response.headers.get_content_charset(), current)
                    etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
            except urllib.error.HTTPError as error:
                with error:
                    if error.code == 304:
                        return None
                    if error.code in _REDIRECTS and error.headers.get("Location"):
                        current = self._redirect(url, seen, urljoin(current, error.headers["Location"]))
                        continue
                    answer = f"HTTP {error.code} {error.reason}"
                    if error.code >= 500:
                        raise _Retry(answer) from error
                    raise SourceError(f"{url}: {answer}") from error
            except (OSError, ValueError, http.client.HTTPException) as error:  # URLError, sockets, bad answers
                raise self._failure(url, clock, error) from error
            if self.cache and (etag or modified):
                self.cache.store(Entry(url, data, etag, modified, fetched.charset))
            elif self.cache:
                self.cache.discard(url)
            return fetched

    @contextlib.contextmanager
    def _slot(self, url: str, clock: Deadline) -> Iterator[None]:
        if self.slots is None:
            yield
            return
        with self.slots.request(url) as waited:
            clock.extend(waited)
            yield

    def _redirect(self, url: str, seen: list[str], target: str) -> str:
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            raise SourceError(f"{url}: 重定向到 {scheme}: 网址（{target}），只允许 http/https")
        if target in seen:
            raise SourceError(f"{url}: 重定向循环（{' → '.join([*seen, target])}）")
        if len(seen) > self.max_redirects:
            raise SourceError(f"{url}: 重定向超过 {self.max_redirects} 次（{' → '.join(seen)}）")
        seen.append(target)
        return target

    def _failure(self, url: str, clock: Deadline, error: Exception) -> Exception:
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        if clock.passed:
            return SourceError(f"{url}: 超过时限 {clock.seconds:g} 秒（DNS、连接、重定向与读取合计），已放弃")
        if isinstance(reason, TimeoutError):
            return _Retry(f"超时（{clock.idle:g} 秒无响应）")
        return SourceError(f"{url}: 连接失败: {reason or type(reason).__name__}")
