"""Reading a response body under a size cap, gzip and deflate inflated under the same cap.

The cap counts the bytes as delivered (decompressed): a gzip bomb stops at the cap, inflated in
bounded steps, never expanded to memory whole; an endless body stops at the cap too.
"""

from __future__ import annotations

import http.client
import zlib

from scrapers.item import SourceError

CHUNK = 64 * 1024


class _Inflater:
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._wbits: int | None = 31 if encoding in ("gzip", "x-gzip") else None  # deflate: decided by its header
        self._inflate = zlib.decompressobj(self._wbits) if self._wbits else None

    def feed(self, data: bytes, room: int) -> bytes:
        """The bytes `data` inflates to; raises OverflowError past `room` bytes."""
        if self._inflate is None:
            # "deflate" is zlib-wrapped by the standard, raw deflate from many servers.
            zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._wbits = 15 if zlib_header else -15
            self._inflate = zlib.decompressobj(self._wbits)
        out = bytearray()
        pending = data
        while pending:
            out += self._inflate.decompress(pending, room - len(out) + 1)  # never 0: 0 means unbounded
            if len(out) > room:
                raise OverflowError
            if self._inflate.eof:  # end of a gzip member: another may follow
                pending = self._inflate.unused_data
                if pending:
                    self._inflate = zlib.decompressobj(self._wbits)
            else:
                pending = self._inflate.unconsumed_tail
        return bytes(out)

    def finish(self, room: int) -> bytes:
        if self._inflate is None:
            return b""
        rest = self._inflate.flush()  # all input is consumed: only what zlib still holds back
        if len(rest) > room:
            raise OverflowError
        if not self._inflate.eof:
            raise zlib.error("stream ends early")
        return rest


def read(response: http.client.HTTPResponse, url: str, max_bytes: int) -> bytes:
    """The body, decompressed; SourceError past `max_bytes` or for an unreadable encoding."""
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise SourceError(f"{url}: 不支持的内容编码 Content-Encoding: {encoding}")
    inflater = None if encoding == "identity" else _Inflater(encoding)
    too_large = f"{url}: 响应超过上限 {max_bytes} 字节"
    length = response.headers.get("Content-Length", "")
    if inflater is None and length.isdigit() and int(length) > max_bytes:
        raise SourceError(f"{too_large}（Content-Length: {length}）")
    body = bytearray()
    try:
        while chunk := response.read1(CHUNK):
            if inflater is not None:
                chunk = inflater.feed(chunk, max_bytes - len(body))
            body += chunk
            if len(body) > max_bytes:
                raise OverflowError
        if inflater is not None:
            body += inflater.finish(max_bytes - len(body))
    except OverflowError:
        kind = "解压后" if inflater is not None else ""
        raise SourceError(f"{too_large}（{kind}已读到 {max_bytes} 字节仍未结束，已停止）") from None
    except zlib.error as error:
        raise SourceError(f"{url}: {encoding} 压缩数据损坏：{error}") from error
    return bytes(body)
