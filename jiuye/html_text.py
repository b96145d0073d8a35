"""HTML to plain text, the one way: a line per block, inline markup joined into its words.

Extraction reads the lines (labelled facts, paragraphs of a report, boilerplate lines); the
search index joins them. "<b>武</b><i>汉</i>" is 武汉, not 武 汉; "<p>a</p><p>b</p>" is two lines.
Comments, scripts and styles are no text.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

from bs4 import BeautifulSoup, CData, MarkupResemblesLocatorWarning, NavigableString, Tag
from bs4.exceptions import ParserRejectedMarkup

BLOCK_TAGS = frozenset(
    ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "figure", "table", "pre")
)
# A scraped text that looks like a URL ("http://…") is text to us, not a mistaken file name: bs4's
# warning about it would be noise in every unattended run's log (set once: filters are process-wide).
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
_TEXT_TYPES = (NavigableString, CData)  # exactly these: Comment, Script, Stylesheet … are no text


def _pieces(root: Tag) -> Iterator[str]:
    """The text of `root` with "\\n" around blocks and for <br>, walked without recursion (scraped
    markup may nest thousands deep) and without changing the tree."""
    stack: list[tuple[Iterator, bool]] = [(iter(root.children), False)]
    while stack:
        children, is_block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if is_block:
                yield "\n"
        elif isinstance(child, Tag):
            if child.name == "br":
                yield "\n"
                continue
            block = child.name in BLOCK_TAGS
            if block:
                yield "\n"
            stack.append((iter(child.children), block))
        elif type(child) in _TEXT_TYPES:
            yield str(child)


def lines(markup: str | Tag) -> list[str]:
    """The text of `markup` (HTML, or a parsed tree), one entry per block or <br>, spaces
    collapsed, empty lines gone."""
    if isinstance(markup, Tag):
        root = markup
    else:
        try:
            root = BeautifulSoup(markup or "", "html.parser")
        except ParserRejectedMarkup:  # markup the parser gives up on is the text it is
            return [" ".join(line.split()) for line in markup.split("\n") if line.strip()]
    return [" ".join(line.split()) for line in "".join(_pieces(root)).split("\n") if line.strip()]


def plain(markup: str | Tag) -> str:
    """The text of `markup` on one line: for indexing, summaries and matching a block's text."""
    return " ".join(lines(markup))
