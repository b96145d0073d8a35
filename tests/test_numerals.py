"""Chinese numerals, read in one place (figures.chinese_number): counts in news, years of experience, months."""

from __future__ import annotations

import pytest

from jiuye.figures import Count, chinese_number, employers, parse_count, positions
from jiuye.job_terms import VocabularyError, experience
from jiuye.query import month_number

NUMBERS = [
    ("1067", 1067),
    ("１０６７", 1067),  # full-width digits
    ("1.4万", 14000),
    ("1.4 万", 14000),
    ("3000", 3000),
    ("5百", 500),
    ("零", 0),
    ("〇", 0),
    ("十", 10),
    ("十五", 15),
    ("二十", 20),
    ("三百五十", 350),
    ("一千零六十七", 1067),
    ("两百", 200),
    ("两千", 2000),
    ("一万二千", 12000),
    ("二十万", 200000),
    ("百", 100),  # 近百家: the 一 left out
    ("百万", 1_000_000),
    ("千万", 10_000_000),  # 超千万个
    # colloquial forms the hand-written reader got wrong (3005, 20005, 0, not a number)
    ("三千五", 3500),
    ("两万五", 25000),
    ("万", 10000),
    ("一点五", 1.5),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_chinese_number(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["", " ", "近", "abc", "十十", "一万十五", "负五", "-5", "五元", "三年"])
def test_what_is_no_number_raises_value_error(text):
    with pytest.raises(ValueError):
        chinese_number(text)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("50 户", Count(50, "50", False)),
        ("近百家", Count(100, "近百", True)),
        ("二十余家", Count(20, "二十余", True)),
        ("3000 多个", Count(3000, "3000 多", True)),
        ("1.4 万个", Count(14000, "1.4 万", False)),
        ("超千万个", Count(10_000_000, "超千万", True)),
        ("两千三百余个", Count(2300, "两千三百余", True)),
        ("十十家", None),
        ("企业", None),
    ],
)
def test_parse_count(text, count):
    assert parse_count(text) == count


def test_employers_and_positions_in_a_sentence():
    text = "活动当天，一百二十户爱心企业提供就业岗位两千五百余个。"
    assert employers(text) == Count(120, "一百二十", False)
    assert positions(text) == Count(2500, "两千五百余", True)
    # a magnitude is no count: 数百个岗位, 几十家企业
    assert positions("49家用人单位提供数百个岗位。") is None
    assert employers("几十家企业参加，其中32家企业现场签约。") == Count(32, "32", False)
    # a company in a job seeker's story is no count of a fair's employers
    assert employers("陈善琴如愿和一家公司达成就业意向。27家企业参加。") == Count(27, "27", False)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("3年以上", "3-5年"),
        ("三年以上", "3-5年"),
        ("两年", "1-3年"),
        ("一年半", "1-3年"),
        ("半年", "1年以下"),
        ("六个月", "1年以下"),
        ("十二个月", "1-3年"),  # as 12个月: one year (the hand-written reader saw 十 = 10 months)
        ("五年以下", "1年以下"),
        ("三至五年", "3-5年"),
        ("三五年", "3-5年"),  # a range, by its lower bound: not 35
        ("一两年", "1-3年"),
        ("八年", "5-10年"),
        ("十年以上", "10年以上"),
        ("十五年", "10年以上"),
        ("二十年", "10年以上"),  # the hand-written reader saw 二 = 2 years
    ],
)
def test_experience_years(text, level):
    assert experience(text).name == level


def test_experience_without_a_number_is_a_vocabulary_error():
    with pytest.raises(VocabularyError):
        experience("若干")


@pytest.mark.parametrize("month", range(1, 13))
def test_month_number(month):
    chinese = "一二三四五六七八九十"[month - 1] if month <= 10 else "十" + "一二"[month - 11]
    assert month_number(str(month)) == month_number(f"{month:02d}") == month_number(chinese) == month
