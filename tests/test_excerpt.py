"""Snippets and list summaries end at a sentence, a clause or a word, with "…" when cut."""

from __future__ import annotations

from jiuye.excerpt import excerpt

SEED = (
    "人民网北京 8 月 1 日电 7 月 28 日，人力资源社会保障部、民政部、中国残联在京举办就业援助“暖心活动”启动仪式。"
    "以长期失业、困难家庭毕业生、残疾人等困难人员为重点服务对象，各地集中开展送岗位、送服务。"
)


def test_a_short_text_is_whole_and_spacing_collapsed():
    assert excerpt("  湖北  举办招聘会。\n", 90) == "湖北 举办招聘会。"


def test_cut_after_the_last_whole_sentence():
    assert excerpt(SEED, 90) == SEED[: SEED.index("。") + 1] + "…"


def test_cut_before_a_clause_when_no_sentence_fits():
    assert excerpt(SEED, 40) == "人民网北京 8 月 1 日电 7 月 28 日，人力资源社会保障部、民政部…"


def test_no_half_latin_word_or_number():
    assert excerpt("一二三四五六七八九十" * 5 + "Hello wonderful world", 58).endswith("十Hello…")
    assert excerpt("岗位" * 20 + " 12345678", 46) == "岗位" * 20 + "…"


def test_never_longer_than_the_limit():
    for limit in range(5, len(SEED)):
        assert len(excerpt(SEED, limit)) <= limit
