"""One tokeniser, two implementations: the shared table through Python and through Chromium."""

from __future__ import annotations

import json
import shutil

import pytest

from jiuye import tokenize
from tests.conftest import FIXTURES, ROOT

CASES = json.loads((FIXTURES / "tokenizer-cases.json").read_text(encoding="utf-8"))["cases"]
SHARD_COUNTS = (1, 7, 64, 1024)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.parametrize("case", CASES, ids=[c["text"] or "(empty)" for c in CASES])
def test_python_tokens(case):
    assert tokenize.tokens(case["text"]) == case["tokens"]


def test_substring_query_tokens_are_a_subset_of_the_indexed_ones():
    indexed = set(tokenize.tokens("就业援助暖心行动"))
    assert set(tokenize.tokens("援助暖")) <= indexed


def test_shards_group_tokens_by_first_character():
    assert tokenize.shard("暖心", 64) == tokenize.shard("暖", 64) == tokenize.shard("暖风", 64)
    assert len({tokenize.shard(t, 1024) for t in tokenize.tokens("就业援助暖心行动公共服务残疾人岗位")}) > 5


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")
def test_javascript_agrees_in_chromium():
    from playwright.sync_api import sync_playwright

    script = (ROOT / "theme" / "static" / "js" / "tokenize.js").read_text(encoding="utf-8")
    texts = [case["text"] for case in CASES]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content("<!doctype html><meta charset=utf-8><title>t</title>")
        page.add_script_tag(content=script)
        results = page.evaluate(
            """([texts, counts]) => texts.map(t => {
                   const tokens = window.jiuyeTokenize.tokens(t);
                   return {tokens, shards: counts.map(n => tokens.map(x => window.jiuyeTokenize.shard(x, n)))};
               })""",
            [texts, list(SHARD_COUNTS)],
        )
        browser.close()
    for case, result in zip(CASES, results, strict=True):
        assert result["tokens"] == case["tokens"], case["text"]
        expected = [[tokenize.shard(t, n) for t in case["tokens"]] for n in SHARD_COUNTS]
        assert result["shards"] == expected, case["text"]
