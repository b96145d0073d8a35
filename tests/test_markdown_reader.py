"""The shared Markdown reader reads each file as Pelican's own reader does, with one instance: what
one document defines (references, footnotes, abbreviations, metadata) never reaches the next."""

from __future__ import annotations

from pathlib import Path

from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from pelican.plugins.jiuye_content.reader import SharedMarkdownReader

DOCUMENTS = (
    "Title: 一\nSummary: 摘要\nTags: a, b\n\n见[官网][site]和脚注[^1]，*[HTML]: 超文本。\n\n"
    "[site]: https://example.org/\n[^1]: 注释一。\n\n*[HTML]: Hyper Text\n\n"
    "HTML 表格：\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    'Title: 二\n\n[site] 与 [^1] 与 HTML 在此未定义。\n\n<div markdown="1">**粗体**</div>\n',
    "没有元数据的正文。\n\n```\ncode\n```\n",
    "Title: 围栏\n\n```\nTitle: 不是元数据\n```\n\n<p>原样 HTML</p>\n",
    "Title: 三\nDate: 2026-01-02\n\n脚注[^a]。\n\n[^a]: 注释。\n",
)


def test_each_file_reads_as_it_does_with_its_own_instance(tmp_path: Path) -> None:
    settings = {**DEFAULT_CONFIG, "MARKDOWN": {**DEFAULT_CONFIG["MARKDOWN"]}}
    ours, theirs = SharedMarkdownReader(settings), MarkdownReader({**settings, "MARKDOWN": {**settings["MARKDOWN"]}})
    for number, text in enumerate(DOCUMENTS * 2):
        path = tmp_path / f"{number}.md"
        path.write_text(text, encoding="utf-8")
        assert ours.read(str(path)) == theirs.read(str(path))
