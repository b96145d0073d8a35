"""The one policy for untrusted content: which HTML may reach a page, which characters any text
may carry, and how data is serialised into a page's <script type="application/ld+json">."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import nh3

from jiuye.urls import url_or_none

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "sub",
    "sup",
    "small",
    "span",
    "a",
    "img",
    "figure",
    "figcaption",
    "blockquote",
    "q",
    "cite",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
# Dropped with everything inside them, not just unwrapped.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}


# Links in scraped text point at sites we do not vouch for; their images get no referrer.
LINK_REL = "noopener noreferrer nofollow ugc"
# One attribute set by nh3 (it keeps several in a hash map, in a different order each run); body
# images load lazily, an attribute written by _lazy.
SET_ATTRIBUTES = {"img": {"referrerpolicy": "no-referrer"}}
# nh3's output escapes every "<" of text: "<img" starts an element.
_IMG = re.compile(r"<img(?=[\s/>])")
# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, surrogates, U+FFFE/U+FFFF), and the
# C1 controls and non-characters no reader means to send: dropped from every text.
_ILLEGAL = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd\U00010000-\U0010ffff]")
# In a <script> element "<" may start "</script>" or "<!--"; "&" and ">" complete the set.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def printable(text: str) -> str:
    """The text without the characters that no XML output (Atom, RSS) can carry."""
    return _ILLEGAL.sub("", text)


def body_url(value: str) -> str | None:
    """A link or image address in a body: an absolute one through jiuye.urls (a protocol-relative
    //host as https), a mailto: or a same-site relative one as it is; anything else is dropped."""
    text = value.strip()
    if text.startswith("//"):
        return url_or_none("https:" + text)
    scheme = urlsplit(text).scheme.lower() if ":" in text else ""
    if scheme in ("http", "https"):
        return url_or_none(text)
    return text if scheme in ("", "mailto") else None


def _attribute(tag: str, attribute: str, value: str) -> str | None:
    return body_url(value) if attribute in ("href", "src") else value


def sanitise(html: str) -> str:
    """Only the allowed tags and attributes, http(s)/mailto links, no comments, no illegal characters."""
    clean = nh3.clean(
        printable(html),
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        set_tag_attribute_values=SET_ATTRIBUTES,
        strip_comments=True,
    )
    return _IMG.sub('<img loading="lazy"', clean)


def inert_placeholders(html: str) -> str:
    """Sanitised HTML in which Pelican finds no {filename}/{static}/|filename| link placeholder:
    braces and bars as character references, which mean the same characters to a browser."""
    return html.replace("{", "&#123;").replace("}", "&#125;").replace("|", "&#124;")


def json_for_script(data: object) -> str:
    """JSON that is inert inside <script type="application/ld+json">: <, >, & and the JavaScript
    line separators as \\u escapes, so no value can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    for unsafe, escaped in _SCRIPT_UNSAFE.items():  # str.replace: no call per character replaced
        text = text.replace(unsafe, escaped)
    return text
