"""once(): a list entry is rendered once per item and SITEURL, escaped as any template output."""

from __future__ import annotations

from jinja2 import Environment

from pelican.plugins.jiuye_content.fragments import Fragments

PAGE = "{% macro entry(a) %}<li>{{ seen(a) }} {{ SITEURL }}</li>{% endmacro %}{{ once(entry, item) }}"


def test_an_entry_is_rendered_once_per_item_and_siteurl():
    rendered = []
    env = Environment(autoescape=True)
    env.globals.update(once=Fragments(), seen=lambda a: rendered.append(a) or a)
    page = env.from_string(PAGE)
    first = [page.render(item="<b>湖北</b>", SITEURL="/a") for _ in range(3)]
    assert first == ["<li>&lt;b&gt;湖北&lt;/b&gt; /a</li>"] * 3
    assert page.render(item="<b>湖北</b>", SITEURL="../..") == "<li>&lt;b&gt;湖北&lt;/b&gt; ../..</li>"
    assert page.render(item="吉林", SITEURL="/a") == "<li>吉林 /a</li>"
    assert rendered == ["<b>湖北</b>", "<b>湖北</b>", "吉林"]
