"""Days named in news text, resolved against the article's date."""

from datetime import date

import pytest

from jiuye import text_days


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("2023年2月10日上午，招聘会在市人才市场举行", date(2023, 2, 11), date(2023, 2, 10)),
        ("二〇二三年三月五日", date(2023, 3, 1), date(2023, 3, 5)),
        ("2月10日举办", date(2023, 2, 1), date(2023, 2, 10)),
        ("12月28日，专场招聘会举行", date(2023, 1, 3), date(2022, 12, 28)),  # last year's December
        ("3月份以来……10日在体育馆举办双选会", date(2023, 3, 12), date(2023, 3, 10)),
        ("10日，供需见面会在县城举行", date(2023, 2, 11), date(2023, 2, 10)),  # bare day: this month
        ("28日举行", date(2023, 3, 2), date(2023, 2, 28)),  # bare day: the neighbouring month is nearer
        ("3月5日至7日", date(2023, 3, 1), date(2023, 3, 5)),
        ("大年初六，返乡人员专场招聘会开场", date(2023, 1, 27), date(2023, 1, 27)),
        ("正月初八", date(2024, 2, 15), date(2024, 2, 17)),
        ("农历腊月二十八", date(2023, 1, 25), date(2023, 1, 19)),
        ("农历二月初二", date(2023, 2, 1), date(2023, 2, 21)),
        ("元宵节当天", date(2023, 2, 1), date(2023, 2, 5)),
        ("元霄节上午", date(2023, 2, 1), date(2023, 2, 5)),  # its common miswriting
        ("除夕当天", date(2023, 1, 10), date(2023, 1, 21)),
        ("昨天上午", date(2023, 3, 10), date(2023, 3, 9)),
        ("今日", date(2023, 3, 10), date(2023, 3, 10)),
        ("本周六", date(2023, 3, 8), date(2023, 3, 11)),
        ("下周三", date(2023, 3, 8), date(2023, 3, 15)),
        ("明后两天还将在开发区举办招聘会", date(2015, 2, 24), date(2015, 2, 25)),  # begins tomorrow
        ("今明两天，招聘会在市人才市场举行", date(2015, 2, 24), date(2015, 2, 24)),
        ("今年1月21日至29日举办招聘周", date(2009, 1, 13), date(2009, 1, 21)),
        ("去年12月5日，首场招聘会举行", date(2009, 1, 13), date(2008, 12, 5)),
        ("明年3月1日起", date(2009, 12, 13), date(2010, 3, 1)),
        ("本月21~29日，四川省将启动服务周", date(2009, 11, 13), date(2009, 11, 21)),  # not October's 29th
        ("上月30日", date(2009, 1, 13), date(2008, 12, 30)),
        ("下月5日", date(2009, 1, 13), date(2009, 2, 5)),
        ("5-7日举行", date(2009, 1, 13), date(2009, 1, 5)),
        ("元月18日，招聘会举行", date(2024, 2, 1), date(2024, 1, 18)),
        ("今天(8月4日)上午,启动仪式暨专场招聘会举行", date(2012, 8, 5), date(2012, 8, 4)),  # a repost's date
    ],
)
def test_first_day(text: str, published: date, expected: date) -> None:
    found = text_days.first(text, published)
    assert found is not None and found.day == expected, (text, found)


def test_a_bare_day_after_a_full_one_takes_its_month() -> None:
    days = text_days.find("活动于3月5日至7日举行，2023年4月2日再办一场", date(2023, 3, 1))
    assert [d.day for d in days] == [date(2023, 3, 5), date(2023, 3, 7), date(2023, 4, 2)]


@pytest.mark.parametrize("text", ["2月30日", "二月三十日", "4月31日"])
def test_a_day_that_does_not_exist_is_found_without_a_date(text: str) -> None:
    found = text_days.first(text, date(2023, 1, 5))
    assert found is not None and found.text == text and found.day is None


@pytest.mark.parametrize(
    "text",
    [
        "新华社武汉3月5日电",  # the dateline's 日电 is not a day
        "30日内办结",  # a period
        "15号楼三层",  # a building
        "地铁2号线",
        "人社部发〔2023〕15号文",
        "春节后首场招聘会",  # a season, not a day
        "春节刚过，银川就推出一大波招聘会",  # just after the festival: no day
        "春节临近，各地举办招聘会",
        "元宵节期间",
        "作为春节后天台县第一场招聘会",  # 后天 across two words
        "“今天人气特别旺！”他说",  # a quote's 今天 is when it was said
        "随着正月十五后务工人员大量进城求职",  # a season, as 春节后 is
    ],
)
def test_what_is_not_a_day(text: str) -> None:
    assert text_days.find(text, date(2023, 3, 5)) == []


def test_numbered_months_without_nongli_are_solar() -> None:
    # "二月初二" only reads as lunar with 农历 before it; 正月/腊月 are lunar by name.
    assert text_days.first("二月三日", date(2023, 1, 5)).day == date(2023, 2, 3)


def test_a_list_of_weekdays_and_a_weekday_still_to_come() -> None:
    # Real wording (洛阳, published on Sunday 2012-01-29): the fairs are still to come.
    days = text_days.find("本周二、四、六招聘会将正常举办。", date(2012, 1, 29))
    assert [d.day for d in days] == [date(2012, 1, 31), date(2012, 2, 2), date(2012, 2, 4)]
    assert [d.day for d in text_days.find("本周二招聘会人很多。", date(2012, 1, 29))] == [date(2012, 1, 24)]
    assert [d.day for d in text_days.find("周二、四川省举办", date(2012, 1, 29))] == [date(2012, 1, 24)]


def test_a_sentence_s_weekdays_are_in_one_week_and_当月_is_the_month_in_context() -> None:
    wednesday = date(2024, 3, 6)
    days = text_days.find("本周二、四，市人才市场将举办专场招聘会。", wednesday)
    assert [d.day for d in days] == [date(2024, 3, 5), date(2024, 3, 7)]  # not 12th and 7th
    days = text_days.find("3月6日启动，当月15日举办首场招聘会", date(2024, 3, 10))
    assert [d.day for d in days] == [date(2024, 3, 6), date(2024, 3, 15)]
    assert [d.day for d in text_days.find("6月，启动招聘月，当月15日举办", date(2024, 7, 10))] == [date(2024, 6, 15)]
