"""One query reader, two implementations: the shared table through Python and through Chromium."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from jiuye.query import Lexicon, corrections, segment, understand
from tests.conftest import FIXTURES, ROOT

TABLE = json.loads((FIXTURES / "query-cases.json").read_text(encoding="utf-8"))
LEXICON = Lexicon(TABLE["lexicon"]["words"], TABLE["lexicon"]["simplified"])
TODAY = date.fromisoformat(TABLE["today"])
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FIELDS = ("words", "kind", "province", "month", "chips", "normalised")


def as_case(understood) -> dict:
    return {
        "words": understood.words,
        "kind": understood.kind,
        "province": understood.province,
        "month": understood.month,
        "chips": understood.chips,
        "normalised": understood.text,
    }


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["text"] or "(empty)" for c in TABLE["cases"]])
def test_python_reads_each_query(case):
    assert as_case(understand(case["text"], LEXICON, TODAY)) == {key: case[key] for key in FIELDS}


def test_words_are_found_without_spaces_and_no_pair_straddles_two_words():
    assert segment("武汉招聘会", LEXICON.words) == ["武汉", "招聘会"]
    assert segment("研究生命", LEXICON.words) == ["研究", "生命"]  # fewest lone characters
    assert segment("四川高校毕业生", LEXICON.words) == ["四川", "高校毕业生"]  # fewest pieces


@pytest.mark.parametrize("case", TABLE["corrections"], ids=[c["text"] for c in TABLE["corrections"]])
def test_python_corrections(case):
    assert corrections(case["text"], LEXICON.words) == case["corrections"]


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")
def test_javascript_agrees_in_chromium():
    from playwright.sync_api import sync_playwright

    scripts = [
        (ROOT / "theme" / "static" / "js" / name).read_text(encoding="utf-8") for name in ("tokenize.js", "query.js")
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content("<!doctype html><meta charset=utf-8><title>t</title>")
        for script in scripts:
            page.add_script_tag(content=script)
        results = page.evaluate(
            """([table]) => {
                const [y, m, d] = table.today.split("-").map(Number);
                const today = new Date(y, m - 1, d, 12);
                return {
                    cases: table.cases.map(c => {
                        const u = window.jiuyeQuery.understand(c.text, table.lexicon, today);
                        return {words: u.words, kind: u.kind, province: u.province, month: u.month,
                                chips: u.chips, normalised: u.text};
                    }),
                    corrections: table.corrections.map(c => window.jiuyeQuery.corrections(c.text, table.lexicon.words)),
                };
            }""",
            [TABLE],
        )
        browser.close()
    for case, result in zip(TABLE["cases"], results["cases"], strict=True):
        assert result == {key: case[key] for key in FIELDS}, case["text"]
    assert results["corrections"] == [case["corrections"] for case in TABLE["corrections"]]
