"""Which encoding bytes are in: candidates in order, the first that reads the bytes cleanly wins.

Order: a byte-order mark; the HTTP header's charset; the document's own declaration (XML prolog,
HTML meta); then detection (strict UTF-8, charset_normalizer's guess, GB18030). A candidate is
rejected when decoding with it would yield replacement characters, or when it is Latin-1 (ISO-8859-1,
cp1252) and a later candidate reads the same bytes as Chinese: a GBK page served as
`charset=ISO-8859-1` is Chinese. GBK and GB2312 are read as GB18030, their superset. Each
rejection and the choice are logged.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator

import charset_normalizer

logger = logging.getLogger(__name__)

LATIN = {"iso8859-1", "cp1252", "iso8859-15"}  # codecs.lookup() names
_GB = {"gbk", "gb2312", "cp936", "euc_cn"}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_DECLARED = re.compile(
    rb"""<\?xml[^>]*encoding=["']([A-Za-z0-9_.:-]+)["']|<meta[^>]*charset=["']?([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e]")
_SAMPLE = 64 * 1024  # what detection looks at


def codec(name: str) -> str | None:
    """The Python codec for a charset label, GBK and GB2312 as GB18030; None if unknown."""
    name = name.strip().lower()
    try:
        found = "gbk" if name == "x-gbk" else codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    return "gb18030" if found in _GB else found


def declared_in(data: bytes) -> str | None:
    """The charset the document declares in its XML prolog or an HTML meta tag."""
    match = _DECLARED.search(data[:4096])
    return (match.group(1) or match.group(2)).decode("ascii") if match else None


def _candidates(data: bytes, header: str | None) -> Iterator[tuple[str, str]]:
    """(where it comes from, codec), in order of trust."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            yield "BOM", name
            break
    for where, label in (("HTTP 头", header), ("文档声明", declared_in(data))):
        found = codec(label) if label else None
        if found:
            yield where, found
        elif label:
            logger.info("字符集 %s（%s）不认识，跳过", label, where)
    yield "检测", "utf-8"
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    guess = codec(best.encoding) if best and best.encoding else None
    if guess:
        yield "检测", guess
    yield "检测", "gb18030"


def _text(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def reads_as_chinese(text: str | None) -> bool:
    """Most of the text's non-ASCII characters are CJK ideographs or punctuation."""
    if not text:
        return False
    text = text[:_SAMPLE]
    wide = sum(1 for char in text if ord(char) > 0x7F)
    return wide > 0 and len(_CJK.findall(text)) * 2 >= wide


def detect_encoding(data: bytes, declared: str | None = None, label: str = "") -> str:
    """The encoding to read `data` with; `declared` is the HTTP header's charset."""
    where_from = f"{label}: " if label else ""
    pending = _candidates(data, declared)
    rejected: list[str] = []
    tried: set[str] = set()
    while (candidate := next(pending, None)) is not None:
        where, name = candidate
        if name in tried:
            continue
        tried.add(name)
        if _text(data, name) is None:
            rejected.append(f"{name}（{where}）解码出错")
            continue
        if name in LATIN and not data.isascii():
            rest = list(pending)
            pending = iter(rest)
            better = next((n for _, n in rest if n not in LATIN and reads_as_chinese(_text(data, n))), None)
            if better:
                rejected.append(f"{name}（{where}）是乱码，{better} 读出中文")
                continue
        for reason in rejected:
            logger.info("%s字符集 %s，放弃", where_from, reason)
        log = logger.info if rejected else logger.debug
        log("%s按 %s 解码（来自%s）", where_from, name, where)
        return name
    # Nothing reads cleanly: the one of UTF-8 and GB18030 with fewer replacement characters.
    fallback = min(("utf-8", "gb18030"), key=lambda n: data.decode(n, errors="replace").count("\ufffd"))
    logger.warning("%s没有字符集能无误解码（%s），按 %s 解码并替换错误字节", where_from, "；".join(rejected), fallback)
    return fallback


def decode(data: bytes, declared: str | None = None, label: str = "") -> str:
    return data.decode(detect_encoding(data, declared, label), errors="replace")
