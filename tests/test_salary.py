"""Salary text as job sites write it: one row per form, parsed and displayed."""

import pytest

from jiuye import salary

CASES = [
    # text, min, max, unit, months, display
    ("6000-8000元/月", 6000, 8000, "月", None, "6000-8000元/月"),
    ("1-1.5万/月", 10000, 15000, "月", None, "1-1.5万元/月"),
    ("8千-1.2万", 8000, 12000, "月", None, "8000-12000元/月"),
    ("10k-20k", 10000, 20000, "月", None, "1-2万元/月"),
    ("15-25K·13薪", 15000, 25000, "月", 13, "1.5-2.5万元/月·13薪"),
    ("20万/年", 200000, 200000, "年", None, "20万元/年"),
    ("150元/天", 150, 150, "天", None, "150元/天"),
    # more forms met in real exports
    ("3000元以上", 3000, None, "月", None, "3000元/月以上"),
    ("5000以下", None, 5000, "月", None, "5000元/月以下"),
    ("4500-6000", 4500, 6000, "月", None, "4500-6000元/月"),
    ("6000～8000元/月", 6000, 8000, "月", None, "6000-8000元/月"),
    ("６０００－８０００元／月", 6000, 8000, "月", None, "6000-8000元/月"),  # full-width
    ("4000至6000元", 4000, 6000, "月", None, "4000-6000元/月"),
    ("25元/小时", 25, 25, "小时", None, "25元/小时"),
    ("时薪22元", 22, 22, "小时", None, "22元/小时"),
    ("年薪10-15万", 100000, 150000, "年", None, "10-15万元/年"),
    ("月薪8000", 8000, 8000, "月", None, "8000元/月"),
    ("2.5万-3.5万/月", 25000, 35000, "月", None, "2.5-3.5万元/月"),
    ("8K以上", 8000, None, "月", None, "8000元/月以上"),
    ("底薪3000+提成", 3000, None, "月", None, "3000元/月以上"),
    ("12-20万/年", 120000, 200000, "年", None, "12-20万元/年"),
    ("100-150元/日", 100, 150, "天", None, "100-150元/天"),
    ("6000-8000元/月·14薪", 6000, 8000, "月", 14, "6000-8000元/月·14薪"),
    ("3千-5千", 3000, 5000, "月", None, "3000-5000元/月"),
    ("20-30万", 200000, 300000, "年", None, "20-30万元/年"),
    ("1万以上/月", 10000, None, "月", None, "1万元/月以上"),
    ("3500元/月起", 3500, None, "月", None, "3500元/月以上"),
    ("1,800-2,200元/月", 1800, 2200, "月", None, "1800-2200元/月"),
    ("800-1000元/周", 800, 1000, "周", None, "800-1000元/周"),
    ("1.2-1.8w", 12000, 18000, "月", None, "1.2-1.8万元/月"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit", "months", "shown"), CASES)
def test_salary_forms(text, low, high, unit, months, shown):
    parsed = salary.parse(text)
    assert (parsed.minimum, parsed.maximum, parsed.unit, parsed.months) == (low, high, unit, months)
    assert not parsed.negotiable
    assert parsed.display() == shown


@pytest.mark.parametrize("text", ["面议", "薪资面议", "工资面谈", "待遇面议"])
def test_negotiable(text):
    parsed = salary.parse(text)
    assert parsed.negotiable and parsed.display() == "面议"


@pytest.mark.parametrize("text", ["", "高薪", "工资好", "9000-6000元/月", "0元"])
def test_not_a_salary(text):
    with pytest.raises(salary.SalaryError):
        salary.parse(text)


def test_schema_org_unit():
    assert salary.parse("150元/天").schema_unit == "DAY"
    assert salary.parse("20万/年").schema_unit == "YEAR"
