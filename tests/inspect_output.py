"""Reading a built site as a browser and feed readers would, to find markup that should not be there."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

import feedparser
import icalendar
from bs4 import BeautifulSoup

# What a browser ignores inside a URL before it reads the scheme (WHATWG URL: tabs, newlines,
# leading C0 controls and spaces).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg", "data:application")
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "template", "math"}
ALLOWED_META = {"charset", "viewport", "description", "referrer", "content-security-policy"}
# The theme's Open Graph tags (base.html), by their property.
ALLOWED_META |= {f"og:{name}" for name in ("title", "type", "url", "description", "site_name", "locale")}
# Attributes a browser reads as a URL (HTML, SVG, and the old ones some browsers still honour).
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "cite",
    "srcset",
    "ping",
    "manifest",
    "icon",
    "lowsrc",
    "dynsrc",
    "codebase",
    "longdesc",
    "profile",
    "usemap",
    "itemtype",
}


@dataclass
class Findings:
    pages: int = 0
    feeds: int = 0
    calendars: int = 0
    json_ld: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, where: Path | str, what: str) -> None:
        if len(self.problems) < 200:
            self.problems.append(f"{where}: {what}")


def dangerous_url(value: str) -> bool:
    return _URL_NOISE.sub("", value).lower().startswith(DANGEROUS_SCHEMES)


def check_markup(soup: BeautifulSoup, where: Path | str, findings: Findings, theme_scripts: tuple[str, ...]) -> None:
    """No script but the theme's own and JSON-LD data, no on* handler, no script URL, no embedding."""
    for element in soup.find_all(True):
        name = element.name.lower()
        if name == "script":
            kind = (element.get("type") or "").lower()
            src = element.get("src") or ""
            if kind == "application/ld+json" and not src:
                continue
            if src and any(src.endswith(s) for s in theme_scripts) and not element.string:
                continue
            findings.add(where, f"script element {str(element)[:120]!r}")
        elif name in FORBIDDEN_TAGS:
            findings.add(where, f"<{name}> element")
        elif name == "meta":
            keys = {(element.get("http-equiv") or element.get("name") or element.get("property") or "").lower()} | (
                {"charset"} if element.get("charset") else set()
            )
            if not keys & ALLOWED_META:
                findings.add(where, f"meta element {str(element)[:120]!r}")
        for attribute, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on"):
                findings.add(where, f"<{name} {attribute}=…> handler")
            elif attribute.lower() in URL_ATTRIBUTES and dangerous_url(text):
                findings.add(where, f"<{name} {attribute}={text[:80]!r}> script URL")
            elif attribute.lower() in ("style", "srcdoc", "formaction"):
                findings.add(where, f"<{name} {attribute}> attribute")


def check_page(path: Path, findings: Findings, theme_scripts: tuple[str, ...]) -> BeautifulSoup:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
    findings.pages += 1
    check_markup(soup, path, findings, theme_scripts)
    for block in soup.find_all("script", type="application/ld+json"):
        findings.json_ld += 1
        try:
            json.loads(block.string or "")
        except json.JSONDecodeError as error:
            findings.add(path, f"JSON-LD does not parse: {error}")
    return soup


def check_feed(path: Path, findings: Findings) -> None:
    findings.feeds += 1
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as error:
        findings.add(path, f"not well-formed XML: {error}")
        return
    parsed = feedparser.parse(path.read_bytes(), sanitize_html=False)
    if parsed.bozo:
        findings.add(path, f"feed does not parse: {parsed.bozo_exception}")
    for entry in parsed.entries:
        for link in entry.get("links", []):
            if dangerous_url(link.get("href", "")):
                findings.add(path, f"entry {entry.get('id')} links to {link.get('href')[:80]!r}")
        for html in [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]:
            check_markup(BeautifulSoup(html, "html5lib"), f"{path} entry {entry.get('id')}", findings, ())


def check_calendar(path: Path, findings: Findings) -> None:
    findings.calendars += 1
    try:
        icalendar.Calendar.from_ical(path.read_bytes())
    except ValueError as error:
        findings.add(path, f".ics does not parse: {error}")


THEME_SCRIPTS = (
    "/theme/js/lunr.min.js",
    "/theme/js/tokenize.js",
    "/theme/js/query.js",
    "/theme/js/search-index.js",
    "/theme/js/search.js",
    "/theme/js/offline.js",
)


def check_site(output: Path, theme_scripts: tuple[str, ...] = THEME_SCRIPTS) -> Findings:
    findings = Findings()
    for path in sorted(output.rglob("*")):
        if path.suffix == ".html":
            check_page(path, findings, theme_scripts)
        elif path.suffix == ".xml" and path.name != "sitemap.xml":
            check_feed(path, findings)
        elif path.suffix == ".ics":
            check_calendar(path, findings)
        elif path.suffix == ".json":
            try:
                json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                findings.add(path, f"JSON does not parse: {error}")
    return findings
