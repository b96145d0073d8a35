"""Untrusted item HTML to clean Markdown: boilerplate out, credits read, sanitised, converted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, Tag
from bs4.exceptions import ParserRejectedMarkup
from markdownify import MarkdownConverter

from jiuye import html_text
from jiuye.sanitise import sanitise

# Elements that are page furniture, not article: share bars, QR-code blocks, recommendations.
BOILERPLATE_SELECTORS = (
    "#recommend_bottom",
    "#article_bottom",
    "[class*=appendQr]",
    ".article-editor",
    "[class*=share]",
    "[class*=qrcode]",
    "[id*=qrcode]",
    "[class*=recommend]",
)
# Paragraphs that are furniture by their text alone.
BOILERPLATE_TEXT = re.compile(
    r"^\s*[（(]?\s*(?:分享让更多人看到|责任?编(?:辑)?[：:]|原标题[：:]|扫码|扫描二维码|"
    r"点击(?:进入|查看)|返回[^｜|]{0,20}(?:[｜|]\s*返回首页)?|海量资讯)"
)
# ZAKER-style ASCII quotes with spaces inside: 就业援助 " 暖心行动 " -> 就业援助“暖心行动”.
_SPACED_QUOTES = re.compile(r' ?" ([^"\n]{1,40}?) " ?')
_CREDIT = re.compile(r"^\s*[（(]?\s*(?:文章|新闻)?来源[：:]\s*([^）)]{1,30})[）)]?\s*$")


class _Converter(MarkdownConverter):
    """markdownify, with text's < and & as entities: Python-Markdown reads \\* and \\# as the
    characters, but shows \\< and \\& as written ("《岗位表 <2026>》" would read "\\<2026>")."""

    def escape(self, text: str, parent_tags: set[str]) -> str:
        return super().escape(text, parent_tags).replace("\\<", "&lt;").replace("\\&", "&amp;")


@dataclass
class Cleaned:
    markdown: str
    paragraphs: list[str] = field(default_factory=list)  # plain text, for extraction
    publisher: str | None = None  # from a "（文章来源：经济日报）" credit
    original_url: str | None = None  # from a trailing paragraph that is just the article's link


def _absolute(soup: BeautifulSoup, base_url: str | None) -> None:
    """Resolve relative and protocol-relative links and images; lazy images get their real src."""
    for image in soup.find_all("img"):
        real = image.get("data-original") or image.get("data-src")
        if real:
            image["src"] = real
        if not image.get("alt", "").strip():
            image["alt"] = "新闻配图"
    if not base_url:
        base_url = "https://"
    for tag, attribute in (("a", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if value:
                element[attribute] = urljoin(base_url, value.strip())


def _lone_link(paragraph: Tag) -> str | None:
    links = paragraph.find_all("a")
    text = html_text.plain(paragraph)
    if len(links) == 1 and links[0].get("href") and text == html_text.plain(links[0]):
        href = links[0]["href"]
        if text.rstrip("/") == href.rstrip("/") and urlsplit(href).scheme in ("http", "https"):
            return href
    return None


def clean(html: str, base_url: str | None = None) -> Cleaned:
    try:
        soup = BeautifulSoup(html, "html.parser")
    except ParserRejectedMarkup:  # markup the parser gives up on is kept as the text it is
        soup = BeautifulSoup(escape(html), "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for element in soup.find_all(["script", "style", "iframe", "noscript", "form", "button"]):
        element.decompose()
    for selector in BOILERPLATE_SELECTORS:
        for element in soup.select(selector):
            element.decompose()
    _absolute(soup, base_url)
    publisher = original_url = None
    for block in soup.find_all(["p", "div"]):
        if block.decomposed or block.find(["p", "div"]):
            continue  # judge the innermost blocks only
        text = html_text.plain(block)
        credit = _CREDIT.match(text)
        if credit:
            publisher = credit.group(1).strip()
            block.decompose()
        elif BOILERPLATE_TEXT.match(text):
            block.decompose()
        elif block.name == "p" and (link := _lone_link(block)):
            original_url = original_url or link
            block.decompose()
    for string in soup.find_all(string=_SPACED_QUOTES):
        string.replace_with(_SPACED_QUOTES.sub(r"“\1”", string))
    safe = sanitise(str(soup))
    tidy = BeautifulSoup(safe, "html.parser")
    for empty in tidy.find_all(["p", "div", "span", "strong"]):
        if not html_text.plain(empty) and not empty.find("img"):
            empty.decompose()
    text_md = _Converter(heading_style="ATX", escape_misc=True, bullets="-").convert(str(tidy))
    text_md = re.sub(r"\n{3,}", "\n\n", text_md).strip()
    # Full-width spaces that Chinese sites use as indents are not content.
    text_md = re.sub(r"^[\u3000 ]+", "", text_md, flags=re.MULTILINE)
    return Cleaned(text_md, html_text.lines(tidy), publisher, original_url)

