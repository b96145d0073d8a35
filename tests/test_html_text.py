"""The one HTML-to-text (jiuye.html_text), on markup as scraped pages write it."""

from __future__ import annotations

from bs4 import BeautifulSoup

from jiuye import html_text
from tests.conftest import run_python


def test_inline_markup_joins_its_words_and_blocks_are_lines():
    markup = "<p>在<b>武</b><i>汉</i>举办</p><div>招聘单位：<span>某公司</span><br>地点：  洪山区</div><li>第三行</li>"
    assert html_text.lines(markup) == ["在武汉举办", "招聘单位：某公司", "地点： 洪山区", "第三行"]
    assert html_text.plain(markup) == "在武汉举办 招聘单位：某公司 地点： 洪山区 第三行"


def test_comments_scripts_and_styles_are_no_text():
    markup = "<p>正文<!-- 注释 --></p><script>alert(1)</script><style>p{}</style><p>结尾</p>"
    assert html_text.lines(markup) == ["正文", "结尾"]


def test_a_parsed_tree_is_read_without_being_changed():
    soup = BeautifulSoup("<div><p>一</p><p>二<br>三</p></div>", "html.parser")
    before = str(soup)
    assert html_text.lines(soup.div) == ["一", "二", "三"]
    assert str(soup) == before


def test_markup_nested_thousands_deep_is_read():
    depth = 20000
    markup = "<div>" * depth + "深处的文字" + "</div>" * depth
    assert html_text.lines(markup) == ["深处的文字"]


def test_a_text_that_looks_like_a_url_is_read_without_a_warning_in_the_log():
    script = "from jiuye import html_text; print(html_text.lines('http://example.com/a'))"
    result = run_python("-W", "default", "-c", script)
    assert result.stdout.strip() == "['http://example.com/a']"
    assert "MarkupResemblesLocatorWarning" not in result.stderr
