"""The typed item model: each kind of field read from real good and bad values (jiuye.schema, jiuye.model).

Bad values are the ones met in real feeds, exports and editors' files: a 2月30日, a year 9999,
javascript: links, full-width digits, 火星 as a province, a campaign that was never registered.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jiuye import dates, model, regions, schema

NOW = datetime(2026, 12, 2, 12, tzinfo=dates.SHANGHAI)


def read(registry, **fields: str) -> tuple[dict, list[schema.Problem]]:
    return schema.read(fields, schema.Rules(registry, NOW))


def problem_of(registry, name: str, value: str, **others: str) -> schema.Problem | None:
    values, problems = read(registry, **{name: value}, **others)
    named = [p for p in problems if p.field == name]
    assert (name in values) != bool(named), (values, problems)  # read or reported, never both
    return named[0] if named else None


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("title", "招聘" * 600, "过长"),  # text
        ("employer", "有限公司" * 300, "过长"),
        ("apply_url", "javascript:alert(document.domain)", "not a safe"),  # URL
        ("source_url", "http://user:pass@example.org/", "not a safe"),
        ("image", "//evil.example/x.png\" onerror=\"alert(1)", "not a safe"),
        ("date", "2026-02-30", "不是有效日期"),  # date
        ("valid_through", "9999-12-31", "超出合理范围"),
        ("start", "12月8日", "缺少年份"),  # no year: a guess from the clock would be wrong half the time
        ("end", "5", "缺少年份"),
        ("mode", "线上/线下", "应为 线下 / 线上 / 线上线下 之一"),  # enum
        ("salary_unit", "元/月", "之一"),
        ("education", "幼儿园学历", "学历"),
        ("employment_type", "看心情", "用工形式"),
        ("openings", "１０", "非负整数"),  # number (full-width digits)
        ("openings", "-3", "非负整数"),
        ("salary_min", "nan", "有限的数字"),
        ("salary_max", "1e400", "有限的数字"),
        ("province", "火星", "未知省份"),  # province
        ("provinces", "湖北, 火星", "火星"),
        ("city", "哥谭市", "未知城市"),
        ("campaigns", "暖心行动, 不存在的活动", "不存在的活动"),  # campaign
        ("target_groups", "外星人", "未知人群"),
    ],
)
def test_a_bad_value_is_one_problem_naming_field_value_and_reason(registry, name, value, reason):
    problem = problem_of(registry, name, value)
    assert problem is not None and problem.value == value and reason in problem.reason


def test_good_values_are_read_into_types(registry):
    values, problems = read(
        registry,
        title=" 武汉专场招聘会 ",
        date="2026-11-20 09:30",
        provinces="湖北，吉林、湖北",
        campaigns="暖心活动, 春风行动",
        openings="12",
        salary_min="4500.5",
        apply_url="HTTPS://Example.ORG:443/apply?id=1",
        start="2026-12-08",
        end="2026-12-08 16:00",
        education="本科及以上",
        target_groups="高校毕业生, nongmingong",
    )
    assert problems == []
    assert values["title"] == "武汉专场招聘会"
    assert values["date"] == datetime(2026, 11, 20, 9, 30, tzinfo=dates.SHANGHAI)
    assert [p.slug for p in values["provinces"]] == ["hubei", "jilin"]  # deduplicated, in order
    assert [c.slug for c in values["campaigns"]][0] == registry.find("暖心行动").slug
    assert values["openings"] == 12 and values["salary_min"] == 4500.5
    assert values["apply_url"] == "https://example.org/apply?id=1"
    assert values["start"] == date(2026, 12, 8)  # a day: an all-day fair
    assert values["end"].hour == 16 and values["end"].tzinfo is not None
    assert values["education"].name == "本科"
    assert [g.name for g in values["target_groups"]] == ["高校毕业生", "农民工"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-08", date(2026, 12, 8)),
        ("2026年12月8日", date(2026, 12, 8)),
        ("2026/12/08", date(2026, 12, 8)),
        ("2026-12-08 09:30", datetime(2026, 12, 8, 9, 30, tzinfo=dates.SHANGHAI)),
        ("2026年12月8日 9:30", datetime(2026, 12, 8, 9, 30, tzinfo=dates.SHANGHAI)),
        ("2026-12-08T01:30:00Z", datetime(2026, 12, 8, 9, 30, tzinfo=dates.SHANGHAI)),
    ],
)
def test_one_date_parser_reads_what_editors_and_sources_write(registry, value, expected):
    assert problem_of(registry, "start", value) is None
    values, _ = read(registry, start=value)
    assert values["start"] == expected
    assert type(values["start"]) is type(expected)


def test_a_province_may_be_named_by_slug_name_short_name_or_code(registry):
    for spelling in ("hubei", "湖北", "湖北省", "42"):
        values, _ = read(registry, province=spelling)
        assert values["province"] is regions.find_province("湖北"), spelling


def test_a_required_field_missing_or_bad_is_fatal_an_optional_one_is_not(registry):
    meta = {"title": "某岗位", "category": schema.JOB, "employer": "某公司", "date": "2026-11-01", "province": "火星"}
    values, problems = schema.read(meta, schema.Rules(registry, NOW))
    assert [p.field for p in problems] == ["province"] and schema.is_fatal(problems[0], schema.JOB)
    values, problems = schema.read({**meta, "province": "湖北", "openings": "很多"}, schema.Rules(registry, NOW))
    assert [p.field for p in problems] == ["openings"] and not schema.is_fatal(problems[0], schema.JOB)


def test_the_item_of_a_fair_and_a_job(registry):
    fair_meta = {
        "title": "宜宾市春风行动招聘会",
        "category": schema.FAIR,
        "start": "2026-02-20 09:00",
        "end": "2026-02-20 12:00",
        "province": "sichuan",
        "city": "宜宾市",
        "mode": "线上线下",
        "employers": "120",
        "employers_text": "120余",
        "news": "20260218-abc",
    }
    values, problems = schema.read(fair_meta, schema.Rules(registry, NOW))
    fair = model.item(values, NOW, "yibin-fair")
    assert problems == [] and isinstance(fair, model.Fair) and fair.kind == schema.FAIR
    assert fair.province.short == "四川" and fair.city.name == "宜宾市" and fair.employers == 120
    assert fair.when() == "2026年2月20日 09:00—12:00" and fair.month == "2026-02" and not fair.all_day
    assert fair.uid == "yibin-fair@jiuye" and fair.news_url == "news/20260218-abc/"
    job_meta = {
        "title": "焊工",
        "category": schema.JOB,
        "employer": "某制造有限公司",
        "province": "湖北",
        "date": "2026-11-01",
        "salary_min": "6000",
        "salary_max": "8000",
        "valid_through": "2026-11-30",
    }
    values, problems = schema.read(job_meta, schema.Rules(registry, NOW))
    job = model.item(values, NOW, "welder")
    assert problems == [] and isinstance(job, model.Job)
    assert job.salary.display() == "6000-8000元/月" and job.expired(NOW) and job.province.slug == "hubei"
