"""A job's contact line as a job seeker uses it: the text as written, and the telephone numbers
in it, each with the tel: URI a phone dials (RFC 3966).

Only numbers that are whole and unambiguous become links: a mobile (1[3-9] + 9 digits), a
landline with its area code (0 + 2–3 digits, then 7–8), a 400/800 number, or a public service
number (12333, 95xxx, 96xxx). A masked number (027-8xxxxxx1), a local number without its area
code, a QQ number or anything else stays text: a wrong number to tap is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of digits and the separators people write inside phone numbers, not touching a letter,
# a mask character or another digit (so 027-8xxxxxx1 yields nothing).
_CANDIDATE = re.compile(r"(?<![\w*＊])(?:\+?86[\s-]?)?[(（]?\d[\d\s\-()（）]{3,18}\d(?![\w*＊])", re.ASCII)
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?)\s*(\d{1,6})(?!\d)", re.IGNORECASE)
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0[1-9]\d{1,2}[2-9]\d{6,7}")
_NATIONAL = re.compile(r"[48]00\d{7}")
_SERVICE = re.compile(r"12\d{3}|9[56]\d{3,4}")
_QQ = re.compile(r"(?:QQ|qq|微信)[:：\s]*$")


@dataclass(frozen=True)
class Phone:
    shown: str  # as written: 0431-8888 1234
    uri: str  # what a phone dials: tel:+86-431-88881234


@dataclass(frozen=True)
class Contact:
    text: str
    phones: tuple[Phone, ...] = ()


def _uri(digits: str) -> str | None:
    if digits.startswith("86") and len(digits) > 11:
        digits = "0" + digits[2:] if not _MOBILE.fullmatch(digits[2:]) else digits[2:]
    if _MOBILE.fullmatch(digits):
        return f"tel:+86-{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if _LANDLINE.fullmatch(digits):
        area = 3 if digits[1] in "12" else 4  # 010, 02x: two-digit area codes; the rest three
        return f"tel:+86-{digits[1:area]}-{digits[area:]}"
    if _NATIONAL.fullmatch(digits) or _SERVICE.fullmatch(digits):
        return f"tel:{digits}"
    return None


def read(text: str) -> Contact:
    """The contact line and the dialable numbers in it, each once, in order."""
    phones: dict[str, Phone] = {}
    for match in _CANDIDATE.finditer(text):
        if _QQ.search(text[: match.start()]):
            continue
        shown = match.group().strip()
        uri = _uri(re.sub(r"\D", "", shown))
        if uri is None:
            continue
        extension = _EXTENSION.match(text, match.end())
        if extension and not uri.startswith("tel:+86-1"):  # a mobile has no extension
            shown, uri = text[match.start() : extension.end()].strip(), f"{uri};ext={extension.group(1)}"
        phones.setdefault(uri, Phone(shown, uri))
    return Contact(text, tuple(phones.values()))
