"""Facts an item gives as labelled lines ("招聘单位：…", "举办时间：…"): one parser for the feed
kinds whose items are written that way (job postings, fair announcements)."""

from __future__ import annotations

import re

from jiuye import html_text


class Labels:
    """Which labels name which field: {"employer": ("招聘单位", "用人单位", …), …}."""

    def __init__(self, fields: dict[str, tuple[str, ...]]) -> None:
        self.owner = {label: name for name, labels in fields.items() for label in labels}
        longest_first = sorted(self.owner, key=len, reverse=True)
        self.pattern = re.compile("(" + "|".join(map(re.escape, longest_first)) + r")\s*[：:]\s*([^\n；;]+)")

    def read(self, text: str) -> dict[str, str]:
        """The first value of each field the text labels ('地点：武汉' -> {"venue": "武汉"})."""
        fields: dict[str, str] = {}
        for match in self.pattern.finditer(text):
            fields.setdefault(self.owner[match.group(1)], match.group(2).strip())
        return fields

    def read_html(self, html: str) -> tuple[dict[str, str], list[str]]:
        """The labelled fields of an item's HTML, and its lines of text (one per block)."""
        lines = html_text.lines(html)
        return self.read("\n".join(lines)), lines
