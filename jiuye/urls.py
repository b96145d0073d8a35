"""The one URL rule: what may stand in an href or src. Used by scrapers, `invoke check` and plugins.

A URL is parsed (urllib.parse), never pattern-matched: http/https with a host, no credentials,
no quotes, angle brackets, backslashes, whitespace or control characters anywhere (they are how
a value breaks out of an attribute or confuses a browser's parser); the result is normalised
(scheme and host lower-case, host in IDNA, default port dropped, unsafe characters
percent-encoded), so the same link is always written the same way.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_LENGTH = 2048
# Quotes, angle brackets, backtick, backslash, whitespace (incl. Unicode spaces), C0/C1 controls.
_UNSAFE = re.compile(r"[\"'<>`\\\s\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
# What may stay unencoded in a path, query or fragment (RFC 3986 unreserved, sub-delims, ':' '@' '/' '?').
_KEEP = "/%:@!$&()*+,;=-._~?"


class UrlError(ValueError):
    """Why a value is not a URL we publish (the reason is in Chinese, for reports)."""


def safe_url(value: str) -> str:
    """The normalised http(s) URL, or UrlError with the reason."""
    text = value.strip()
    if not text:
        raise UrlError("网址为空")
    if len(text) > MAX_LENGTH:
        raise UrlError(f"网址过长（超过 {MAX_LENGTH} 个字符）")
    if _UNSAFE.search(text):
        raise UrlError("网址含有引号、尖括号、反斜杠、空白或控制字符")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise UrlError(f"无法解析的网址：{error}") from error
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise UrlError("只接受 http 或 https 网址")
    if parts.username is not None or parts.password is not None:
        raise UrlError("网址不能包含用户名或密码")
    host = parts.hostname or ""
    if not host:
        raise UrlError("网址缺少主机名")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise UrlError(f"主机名无效：{error}") from error
    if host.startswith(".") or ".." in host:
        raise UrlError("主机名无效")
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit(
        (
            scheme,
            netloc,
            quote(parts.path or "/", safe=_KEEP),
            quote(parts.query, safe=_KEEP),
            quote(parts.fragment, safe=_KEEP),
        )
    )


def url_or_none(value: str) -> str | None:
    """The normalised URL, or None when the value is not one."""
    try:
        return safe_url(value)
    except UrlError:
        return None
