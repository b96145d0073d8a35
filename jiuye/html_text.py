"""HTML to plain text, the one way: a line per block, inline markup joined into its words.

Extraction reads the lines (labelled facts, paragraphs of a report); the search index joins them.
"<b>武</b><i>汉</i>" is 武汉, not 武 汉; "<p>a</p><p>b</p>" is two lines.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from bs4.exceptions import ParserRejectedMarkup

BLOCK_TAGS = ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "figure", "table", "pre"]


def lines(markup: str | Tag) -> list[str]:
    """The text of `markup`, one entry per block or <br>, spaces collapsed, empty lines gone.

    A parsed tree may be given instead of text; it is consumed (line breaks are inserted into it).
    """
    if isinstance(markup, Tag):
        soup = markup
    else:
        try:
            soup = BeautifulSoup(markup or "", "html.parser")
        except ParserRejectedMarkup:  # markup the parser gives up on is the text it is
            return [" ".join(line.split()) for line in markup.split("\n") if line.strip()]
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    for block in soup.find_all(BLOCK_TAGS):
        block.insert_before("\n")
        block.insert_after("\n")
    return [" ".join(line.split()) for line in soup.get_text("").split("\n") if line.strip()]


def plain(markup: str) -> str:
    """The text of `markup` on one line: for indexing and summaries."""
    return " ".join(lines(markup))
