"""Fairs in real news wording: which day a report dates, how many fairs a paragraph reports, and
what is no fair (deadlines, comparisons, meetings to prepare one)."""

from __future__ import annotations

from datetime import date

import pytest

from jiuye import fair_text
from jiuye.extract import places_about


def test_a_fair_is_on_the_day_that_dates_it_not_the_paragraph_s_first() -> None:
    # Real wording (連網, 无锡, 2018, published 2月23日): 昨天 is when the phones rang.
    paragraph = (
        "昨天一上午,市人力资源市场的电话响个不停,不少企业来电要求“加座”,参加该市场2月26日举办的首场招聘会。"
        "早在节前,这场招聘会就已预约满额,110家企业将提供近3700个岗位。"
    )
    [fair] = fair_text.extract([paragraph], date(2018, 2, 23), places_about("", paragraph, "无锡日报").provinces)
    assert (fair.start, fair.employers.value) == (date(2018, 2, 26), 110)
    two = "22日,无锡首场招聘会在惠山区举行,50家企业参加。即日起至3月31日,全市将举办招聘会110场。"
    assert [f.start for f in fair_text.extract([two], date(2018, 2, 23))] == [date(2018, 2, 22)]


def test_each_dated_report_in_a_paragraph_is_a_fair() -> None:
    paragraph = (
        "2月5日，宜昌市举办春风行动专场招聘会，120家企业提供岗位3000个。"
        "2月8日，襄阳市举办返乡农民工专场招聘会，80家企业参加。"
    )
    fairs = fair_text.extract([paragraph], date(2024, 2, 10))
    assert [(f.start, f.city, f.employers.value) for f in fairs] == [
        (date(2024, 2, 5), "宜昌市", 120),
        (date(2024, 2, 8), "襄阳市", 80),
    ]


def test_fairs_held_on_each_of_the_listed_days() -> None:
    paragraph = "3月5日、12日、19日，襄阳市人才市场将分别举办三场专场招聘会。"
    fairs = fair_text.extract([paragraph], date(2024, 3, 1))
    assert [(f.start, f.city, f.title) for f in fairs] == [
        (day, "襄阳市", "襄阳专场招聘会") for day in (date(2024, 3, 5), date(2024, 3, 12), date(2024, 3, 19))
    ]
    assert fair_text.extract(["3月5日，襄阳市分别举办三场专场招聘会。"], date(2024, 3, 1)) == []  # a total


def test_another_fair_on_the_same_day_is_a_fair_of_its_own() -> None:
    # Real wording (四川, 2009, published 11月13日).
    paragraphs = [
        "本月21~29日,四川省将启动高校毕业生就业服务周。启动当日,省人事厅将在川师大举行大型现场招聘会。",
        "另外,由市人事局主办的成都2009秋季特大型人才招聘会将在本月21日、22日举行。",
    ]
    about = places_about("", "\n".join(paragraphs))
    fairs = fair_text.extract(paragraphs, date(2009, 11, 13), about.provinces, about.cities)
    assert [(f.start, f.province.short, f.city) for f in fairs] == [
        (date(2009, 11, 21), "四川", None),
        (date(2009, 11, 21), "四川", "成都市"),
    ]


def test_fairs_on_listed_days_apart_are_one_each_and_days_in_a_row_one_fair() -> None:
    listed = "洛阳市人才市场本周二、四、六招聘会将正常举办，每场可容纳150家用人单位。"
    fairs = fair_text.extract([listed], date(2012, 1, 29))
    assert [(f.start, f.city) for f in fairs] == [
        (date(2012, 1, 31), "洛阳市"),
        (date(2012, 2, 2), "洛阳市"),
        (date(2012, 2, 4), "洛阳市"),
    ]
    in_a_row = "洛阳市春季人才招聘会将在本月21日、22日举行。"
    assert [f.start for f in fair_text.extract([in_a_row], date(2012, 2, 10))] == [date(2012, 2, 21)]


def test_the_occasion_s_fair_reported_later_is_on_its_day() -> None:
    # Real wording (東北網, 2009): a launch on the 16th, its fair only "当日的招聘会" at the end.
    paragraphs = [
        "东北网2月16日讯 黑龙江省暨哈尔滨市“2009春风行动”春风送岗位活动启动仪式16日举行。",
        "活动的主要对象为将要进城务工的农村劳动者。",
        "当前，受金融危机的影响，新增就业难度加大。",
        "据统计，当日的招聘会共有1.1万余人与用人单位达成意向性协议。",
    ]
    about = places_about("", "\n".join(paragraphs))
    [fair] = fair_text.extract(paragraphs, date(2009, 2, 16), about.provinces, about.cities)
    assert (fair.start, fair.province.short, fair.city) == (date(2009, 2, 16), "黑龙江", "哈尔滨市")


@pytest.mark.parametrize(
    ("later", "days"),
    [
        ("据悉，该招聘会自2019年3月1日首次举办以来，已连续举办5届。", []),  # the same fair's history
        ("与去年2月8日的招聘会相比，今年企业数量增加了两成。", []),  # a comparison
        ("招聘会将持续到2月7日。", []),  # the same fair's end
        ("下一场招聘会将于2月12日在夷陵区举行。", [date(2024, 2, 12)]),  # another, scheduled
    ],
)
@pytest.mark.parametrize("joined", [True, False], ids=["one paragraph", "two paragraphs"])
def test_a_later_day_is_another_fair_only_when_the_text_reports_one(later: str, days: list, joined: bool) -> None:
    first = "2月5日，宜昌市举办春风行动专场招聘会，120家企业参加。"
    paragraphs = [first + later] if joined else [first, later]
    fairs = fair_text.extract(paragraphs, date(2024, 2, 6))
    assert [f.start for f in fairs] == [date(2024, 2, 5), *days]


def test_a_fair_held_at_the_publisher_s_own_school_is_there() -> None:
    # Real wording (西安理工大学校报, 2015): the organisers are 嘉兴's, the venue is 我校.
    paragraph = (
        "本报讯 11月14日,由中共嘉兴市委、嘉兴市人民政府、陕西省人力资源和社会保障厅主办的2015年浙江嘉兴——"
        "理工大学校园招聘会在我校金花校区体育馆举行,来自嘉兴市的40家用人单位参会,并提供400余个岗位。"
    )
    places = places_about("", paragraph, "西安理工大学校报")
    [fair] = fair_text.extract([paragraph], date(2015, 11, 15), places.provinces, places.cities, places.home)
    assert (fair.start, fair.province.short, fair.city, fair.employers.value) == (
        date(2015, 11, 14),
        "陕西",
        "西安市",
        40,
    )


def test_a_later_paragraph_that_refers_back_on_the_way_gives_the_fair_its_figures() -> None:
    paragraphs = [
        "2月7日上午,省人力资源和社会保障厅联合济宁市人民政府举办山东省2018年春风行动启动暨济宁市集中招聘活动。",
        "春风行动是我省公共就业服务的开年大戏。本次活动精心筛选237余家用人单位参加,提供就业岗位1.4万余个。",
        "据悉,全省今年将组织招聘会300场,提供岗位20万个。",  # a plan: not this fair's
    ]
    about = places_about("", "\n".join(paragraphs))
    [fair] = fair_text.extract(paragraphs, date(2018, 2, 7), about.provinces, about.cities)
    assert (fair.city, fair.employers.value, fair.positions.value) == ("济宁市", 237, 14000)


def test_a_meeting_to_prepare_a_fair_is_no_fair() -> None:
    # Real wording (当涂县, 2017).
    paragraph = "元月10日上午,县委常委、副县长主持召开了当涂县2017新春招聘会统筹协调会议。"
    fairs = fair_text.extract([paragraph, "据悉,参加新春招聘会的企业有40余家。"], date(2017, 1, 11))
    assert [f.start for f in fairs if not f.problem] == []


def test_a_fair_of_two_days_reported_on_its_closing_day_opened_the_day_before() -> None:
    # Real wording (成都, 2008, a traditional-character copy with its conversion debris).
    paragraph = (
        "經兩天“海選”,由成都市人事局主辦的2008成都冬季特大型人才招聘會(huì )暨高校畢業(yè)生供需洽談會(huì ),"
        "昨日(11月16日)在世紀城新會(huì )展中心正式落幕。今年只有324家企業(yè)攜6226個(gè)崗位前來(lái)“選秀”。"
    )
    [fair] = fair_text.extract([paragraph], date(2008, 11, 17))
    assert (fair.start, fair.city, fair.employers.value, fair.positions.value) == (
        date(2008, 11, 15),
        "成都市",
        324,
        6226,
    )


@pytest.mark.parametrize(
    "later",
    [
        "招聘会结束后，企业将在2月10日前通知求职者面试结果。",  # a deadline
        "参加招聘会的企业须于2月1日前报名。",
        "据2月6日统计，招聘会共达成意向800人。",  # a count's day
        "去年2月8日举办的同类招聘会，仅有150家企业参加。",  # last year's, to compare
        "这是继上月20日首场招聘会后的第二场。",
    ],
)
def test_a_later_day_in_the_paragraph_that_reports_no_fair_held_is_none(later: str) -> None:
    paragraph = "2月5日，株洲市举办春风行动招聘会，200家企业参加。" + later
    assert [f.start for f in fair_text.extract([paragraph], date(2024, 2, 7))] == [date(2024, 2, 5)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "3月5日、12日，市人社局先后召开两次协调会，部署春风行动招聘会筹备工作。",
        "3月5日，株洲市举办招聘会工作人员培训班。",
        "3月5日，株洲市召开新闻发布会，介绍春风行动招聘会有关情况。",
    ],
)
def test_meetings_and_work_to_prepare_a_fair_are_no_fair(paragraph: str) -> None:
    assert fair_text.extract([paragraph], date(2024, 3, 6)) == []


@pytest.mark.parametrize(
    ("paragraph", "opened"),
    [
        ("3月12日，为期三天的株洲市春季招聘会圆满落幕，共有200家企业参会。", date(2024, 3, 10)),
        ("为期两天的招聘会于3月12日落下帷幕，共有200家企业参会。", date(2024, 3, 11)),
        ("招聘会于3月12日落下帷幕。企业将在3天的时间内通知录用结果。", date(2024, 3, 12)),  # 3天: not its length
    ],
)
def test_the_closing_day_of_a_fair_of_several_days(paragraph: str, opened: date) -> None:
    [fair] = fair_text.extract(["株洲市" + paragraph], date(2024, 3, 13))
    assert fair.start == opened


def test_fairs_on_each_of_the_days_listed_in_chinese_numerals() -> None:
    fairs = fair_text.extract(["三月五日、十二日，株洲市分别举办两场专场招聘会。"], date(2024, 3, 1))
    assert [f.start for f in fairs] == [date(2024, 3, 5), date(2024, 3, 12)]


def test_a_later_undated_report_that_refers_back_is_the_same_fair() -> None:
    # Real wording (湖南日报, 2012).
    paragraphs = [
        "今天(8月4日)上午,2012年湖南省高校毕业生就业服务月启动仪式暨高校毕业生公益性专场招聘会举行。",
        "据悉,今年湖南省高校毕业生为32万人。本次活动仪式后,中国湖南人才市场举行了专场招聘会,300余家单位提供岗位8000余个。",
    ]
    about = places_about("", "\n".join(paragraphs))
    [fair] = fair_text.extract(paragraphs, date(2012, 8, 5), about.provinces, about.cities)
    assert (fair.start, fair.employers.value, fair.positions.value) == (date(2012, 8, 4), 300, 8000)


def test_a_day_without_its_year_takes_the_year_the_fair_s_quoted_name_opens_with() -> None:
    # Real wording (中国新闻网, 2018): a file photo of the year before's fair.
    paragraph = "2月14日,由云南省残疾人联合会主办的“2017年就业援助月暨残疾人专场招聘会”在昆明举办,80多家企业参加。"
    [fair] = fair_text.extract([paragraph], date(2018, 5, 20))
    assert (fair.start, fair.city) == (date(2017, 2, 14), "昆明市")
    [fair] = fair_text.extract([paragraph.replace("2017年", "")], date(2018, 5, 20))
    assert fair.start == date(2018, 2, 14)
