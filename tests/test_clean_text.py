"""jiuye.clean_text reads sanitised markup to the same lines as jiuye.html_text's tree walk: on
every real attack payload, the seeds, and markup built to test the open-element rules."""

from __future__ import annotations

import json

import markdown
import pytest

from jiuye import clean_text, html_text
from jiuye.sanitise import sanitise
from tests.conftest import ROOT
from tests.hostile import FIXTURES, OWN_VECTORS

ALL_PAYLOADS = [entry["payload"] for entry in json.loads((FIXTURES / "payloads.json").read_text())["payloads"]]
SEEDS = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "fixtures" / "seeds").iterdir())]
BUILT = [
    "<p>一<b>二</p>三</b><p>四",  # an end tag closes what is open inside it; a stray one is nothing
    "a</p>b</div>c<br>d</br>e",
    "<blockquote><p>引<p>文</blockquote>后",
    "<ul><li>一<li>二</ul><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>",
    "<p>&amp;&lt;&gt;&quot;&nbsp;&#20013;&#x6587;&copy;</p>",
    "<ruby>汉<rp>(</rp><rt>han</rt><rp>)</rp></ruby>字",
    "<pre>  一\n  二  </pre><hr><p/>三<p>" + "<span>" * 3000 + "深" + "</span>" * 3000,
]


@pytest.mark.parametrize("markup", BUILT + OWN_VECTORS + SEEDS + [markdown.markdown(seed) for seed in SEEDS])
def test_the_same_lines_as_the_tree_walk(markup):
    for cleaned in (sanitise(markup), markup):
        assert clean_text.lines(cleaned) == html_text.lines(cleaned)


def test_the_same_lines_on_every_real_payload():
    differing = [p for p in ALL_PAYLOADS if clean_text.lines(sanitise(p)) != html_text.lines(sanitise(p))]
    assert len(ALL_PAYLOADS) > 500
    assert differing == []


def test_inline_markup_joins_and_blocks_split():
    assert clean_text.lines("<p>在<b>武</b><i>汉</i></p><li>三<br>四</li>") == ["在武汉", "三", "四"]
