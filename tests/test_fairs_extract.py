"""Job fairs read out of the seed reports."""

from __future__ import annotations

from datetime import date

import pytest

from jiuye import fair_text
from jiuye.extract import places_about
from scrapers.clean import clean
from scrapers.readers.posts import read_post
from scrapers.sources import Source
from tests.conftest import SEEDS


def seed_fairs(number: str) -> list[fair_text.Fair]:
    path = next(SEEDS.glob(f"{number}_*.txt"))
    item = read_post(Source("seeds", "posts", str(SEEDS)), path.name, path.read_text(encoding="utf-8"))
    cleaned = clean(item.html, item.base_url)
    about = places_about(item.title, "\n".join(cleaned.paragraphs)).provinces
    return fair_text.extract(cleaned.paragraphs, item.date, about)


def by_province(found: list[fair_text.Fair], short: str) -> fair_text.Fair:
    [fair] = [f for f in found if f.province and f.province.short == short and not f.problem]
    return fair


@pytest.fixture(scope="module")
def seed_001():
    return seed_fairs("001")


def test_jilin_launch_fair(seed_001):
    jilin = by_province(seed_001, "吉林")
    assert jilin.start == date(2022, 7, 28)  # no date of its own: the launch ceremony's
    assert (jilin.employers.value, jilin.positions.value) == (50, 1067)
    assert jilin.city == "长春市"
    assert jilin.venue == "吉林省长春市南关区鸿城街道东风社区"
    assert jilin.organizer == "吉林省人社厅、民政厅、残联"
    assert jilin.mode == "线下"


def test_fujian_hubei_and_yibin_fairs(seed_001):
    fujian = by_province(seed_001, "福建")
    assert (fujian.employers.value, fujian.positions.value) == (29, 3138)
    assert fujian.start == date(2022, 7, 28)
    hubei = by_province(seed_001, "湖北")
    assert hubei.employers.value == 100 and hubei.employers.approximate  # 近百家
    assert hubei.positions.value == 3000 and hubei.positions.approximate  # 3000 多个
    yibin = by_province(seed_001, "四川")
    assert yibin.city == "宜宾市" and yibin.start == date(2022, 7, 28)  # 启动仪式当天
    assert (yibin.employers.value, yibin.positions.value) == (20, 500)
    assert yibin.employers.approximate and yibin.positions.approximate
    assert "北京" not in {f.province.short for f in seed_001 if f.province}


def test_seed_004_live_stream_fairs():
    found = seed_fairs("004")
    fushan = next(f for f in found if f.city == "烟台市")
    assert fushan.start == date(2022, 3, 31)
    assert fushan.mode == "线上"  # 直播招聘会
    assert fushan.employers.value == 10
    assert fushan.title == "“就在福山职等你来”直播招聘会"
    assert fushan.organizer == "山东烟台市福山区人社局、区就业人才中心"
    zibo = next(f for f in found if f.city == "淄博市")
    assert zibo.start == date(2022, 3, 25) and zibo.mode == "线上" and zibo.province.short == "山东"
    # totals such as "开展了85场招聘会" are statistics, not fairs
    assert not [f for f in found if f.province and f.province.short == "湖南"]


def test_undated_fair_is_reported_not_dated():
    [xiongan] = seed_fairs("000")
    assert xiongan.start is None and "日期" in xiongan.problem
    assert xiongan.province.short == "河北" and xiongan.employers.value == 24


def test_policy_list_yields_no_placed_fair():
    assert all(f.problem for f in seed_fairs("002"))
    assert seed_fairs("003") == []


def test_impossible_date_is_a_problem():
    [fair] = fair_text.extract(["湖北省武汉市2月30日举办专场招聘会，30家企业提供500个岗位。"], date(2023, 3, 1))
    assert fair.start is None and "2月30日" in fair.problem


def test_relative_dates_resolve_against_the_article():
    [december] = fair_text.extract(["12月28日，武汉市举办招聘会，20家企业参加。"], date(2023, 1, 5))
    assert december.start == date(2022, 12, 28)
    assert december.province.short == "湖北"  # a single-province report


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("线上+线下同步举办招聘会，30家企业参加", "线上线下"),
        ("直播带岗招聘会，10家企业", "线上"),
        ("现场招聘会，10家企业", "线下"),
    ],
)
def test_mode(text, mode):
    [fair] = fair_text.extract([f"3月1日，武汉市{text}。"], date(2023, 3, 2), [])
    assert fair.mode == mode


def test_a_fair_is_where_it_is_held_not_where_its_employers_come_from():
    [fair] = fair_text.extract(
        ["“这是福州的企业和岗位情况。”正月初八上午，在湖南吉首世纪广场举行的劳务对接活动现场，工作人员发放材料。"],
        date(2023, 2, 1),
    )
    assert (fair.start, fair.province.short, fair.city) == (date(2023, 1, 29), "湖南", "湘西土家族苗族自治州")


def test_a_fair_reported_again_without_its_city_is_one_fair():
    found = fair_text.extract(
        [
            "2月27日，陕西省春风行动暨劳务协作招聘会在安康市紫阳县礼乐广场启动，115家企业进场招聘。",
            "本次劳务协作招聘会，陕西人社部门共组织115家企业进场招聘，提供近1.5万个就业岗位。",
        ],
        date(2018, 2, 28),
    )
    [fair] = [f for f in found if not f.problem]
    assert (fair.city, fair.employers.value, fair.positions.value) == ("安康市", 115, 15000)


def test_fairs_held_severally_are_each_a_fair_on_its_day():
    found = fair_text.extract(
        [
            "6月11日至12日，自治区教育厅在包头职业学院、赤峰学院分别举办了能源化工类专场招聘会、赤峰学院专场招聘会。共有293家用人单位参会。"
        ],
        date(2023, 6, 20),
    )
    assert [(f.start, f.city, f.employers) for f in found] == [
        (date(2023, 6, 11), "包头市", None),  # 293 is both fairs' total
        (date(2023, 6, 12), "赤峰市", None),
    ]
    assert found[1].title == "赤峰学院专场招聘会"


@pytest.mark.parametrize(
    "paragraph",
    [
        "4月22日，该省通过扩大岗位规模、组织专项招聘活动等举措，稳步开展就业工作。",
        "2月8日至12日，佛山组织55家企业来到黔东南州，在雷山、剑河等9个县开展劳务协作招聘会。",
        "3月1日，省人社厅推出线上专场招聘活动，到目前已为975家用人单位发布职位。",
        "2月3日，春节刚过，银川就推出一大波招聘会，让招聘会离大伙儿越来越近。",
        "春节刚过，银川市人社局在吾悦广场举办招聘会。",  # 春节刚过 is no day
    ],
)
def test_measures_series_and_running_totals_are_no_fair(paragraph):
    assert [f for f in fair_text.extract([paragraph], date(2023, 3, 2)) if not f.problem] == []


def test_an_unstated_day_is_not_guessed_from_the_lead():
    found = fair_text.extract(
        ["日前，在贵州黔东南州台江县举行的劳务协作招聘会上，30家企业提供岗位。", "2月9日，首趟返岗专列抵达广东。"],
        date(2022, 2, 18),
    )
    assert [f.start for f in found] == [None]


def test_the_lead_is_read_past_the_byline():
    [fair] = fair_text.extract(
        [
            "滨州日报/滨州网 记者 张炜 通讯员 贾鹏",
            "3月2日，农历正月十五，在滨城区南杨大集入口处，几十张小桌一字排开。",
            "当天是滨城区春风行动招聘会市西街道专场，由滨城区人社局联合举办。",
        ],
        date(2018, 3, 6),
    )
    assert (fair.start, fair.city) == (date(2018, 3, 2), "滨州市")


def test_as_many_fairs_as_venues_are_one_at_each_and_a_later_paragraph_reports_on_them():
    found = fair_text.extract(
        [
            "9月26日至27日，太原市秋季专场活动在西安汽车职业大学、西安翻译学院举办了两场专场招聘会及系列活动。",
            "本次招聘活动汇聚了超过400家用人单位，太原惠科新材料有限公司等企业提供就业岗位12773个。",
        ],
        date(2024, 9, 28),
    )
    assert [(f.title, f.start, f.province.short, f.city) for f in found] == [
        ("西安汽车职业大学专场招聘会", date(2024, 9, 26), "陕西", "西安市"),
        ("西安翻译学院专场招聘会", date(2024, 9, 27), "陕西", "西安市"),
    ]
    # three venues, two fairs: a count, as "举办了两场" elsewhere, with no guess which is where
    paragraph = "3月2日，在武汉大学、华中科技大学、武汉理工大学举办了两场双选会。"
    assert fair_text.extract([paragraph], date(2023, 3, 3)) == []


def test_one_fair_held_at_each_venue_in_turn_on_its_day():
    paragraph = "寒亭区于10日、12日、16日，分别在寒亭街道、朱里街道、固堤街道开展“春风行动”招聘洽谈会。"
    found = fair_text.extract([paragraph], date(2014, 2, 8))
    assert [(f.title, f.start, f.city) for f in found] == [
        ("“春风行动”招聘洽谈会（寒亭街道）", date(2014, 2, 10), "潍坊市"),
        ("“春风行动”招聘洽谈会（朱里街道）", date(2014, 2, 12), "潍坊市"),
        ("“春风行动”招聘洽谈会（固堤街道）", date(2014, 2, 16), "潍坊市"),
    ]


def test_a_local_reports_fair_is_in_the_place_the_article_is_about():
    paragraphs = [
        "5月22日上午，2010年全省民营企业招聘周活动同步开展。本次招聘活动共吸引100余家企业参加。",
        "据了解，本次招聘周活动从5月20日起至26日结束。",  # the same event, not another fair
        "毕业于阜阳师范学院的张源说，他从网上得知招聘会的消息，今天一早就赶过来。",  # in passing
    ]
    about = places_about("2010年全省民营企业招聘周活动淮南分会场举行招聘", "\n".join(paragraphs))
    [fair] = fair_text.extract(paragraphs, date(2010, 5, 22), about.provinces, about.cities)
    assert (fair.start, fair.province.short, fair.city) == (date(2010, 5, 22), "安徽", "淮南市")
    assert fair.employers.value == 100


def test_a_later_paragraph_dated_only_by_today_is_no_fair_of_its_own():
    paragraphs = [
        "5月22日上午，淮南市民营企业招聘会在市人才流动中心举行，吸引100余家企业参加。",
        "记者在采访中了解到，一家企业负责人说，他们需要多名估价师，可今天仅仅收到一份简历。",
    ]
    [fair] = fair_text.extract(paragraphs, date(2010, 7, 1))  # published weeks later
    assert fair.start == date(2010, 5, 22)
    held = [*paragraphs, "今天，淮南市又举办了一场残疾人专场招聘会，30家企业参加。"]  # held that day: a fair
    assert [f.start for f in fair_text.extract(held, date(2010, 7, 1))] == [date(2010, 5, 22), date(2010, 7, 1)]
    assert fair_text.extract(["今天，淮南市举办了十一场招聘会，30家企业参加。"], date(2010, 7, 1)) == []  # a total


def test_a_festival_sets_the_scene_when_the_text_gives_the_day():
    paragraph = "元宵节的烟花还未绽放，济源市2016年“春风行动”大型现场招聘会就于2月20日如期在市人社局举行。"
    [fair] = fair_text.extract([paragraph], date(2016, 2, 21))
    assert fair.start == date(2016, 2, 20)
    [fair] = fair_text.extract(["元宵节当天，济源市举办招聘会，30家企业参加。"], date(2016, 2, 23))
    assert fair.start == date(2016, 2, 22)  # 元宵 2016: 2月22日


def test_fairs_held_for_months_are_a_campaign_not_a_fair():
    paragraph = "我市从今年2月上旬至3月底，在全市范围内开展了“春风行动”招聘会，重点服务农村劳动者。"
    about = places_about("信阳市春风行动", paragraph)
    found = fair_text.extract([paragraph], date(2015, 3, 26), about.provinces, about.cities)
    assert [f for f in found if not f.problem] == []


@pytest.mark.parametrize(
    ("paragraph", "published", "day"),
    [
        # Real wording: a71 (央视网, 2010), a75 (荔枝网, 2015).
        ("20号,山东淄博启动迎新春大型招聘周。60多家企业共带来1300多个岗位。", date(2010, 2, 22), date(2010, 2, 20)),
        (
            "2月24日,射阳县在步行街广场举办劳务大集,近百家单位提供了两千多个工作岗位。",
            date(2015, 2, 24),
            date(2015, 2, 24),
        ),
        # 枣庄市残联, 2008: a 推介会 people attend is a fair too.
        ("8月26日,枣庄市举办2008秋季全市残疾人就业推介会,56家用人单位参会。", date(2008, 8, 27), date(2008, 8, 26)),
    ],
)
def test_recruitment_weeks_and_labour_markets_are_fairs(paragraph: str, published: date, day: date) -> None:
    [fair] = fair_text.extract([paragraph], published)
    assert fair.start == day


def test_a_fair_in_traditional_characters() -> None:
    paragraph = "2月22日，無錫首場“春風行動”招聘會在市人力資源市場舉行，50家企業提供3200個崗位。"
    [fair] = fair_text.extract([paragraph], date(2018, 2, 23))
    assert (fair.start, fair.city, fair.employers.value, fair.positions.value) == (
        date(2018, 2, 22),
        "无锡市",
        50,
        3200,
    )
    assert "無錫" in fair.text  # shown as written


def test_an_exchange_fair_is_a_fair_but_not_a_meeting_to_share_experience() -> None:
    # Real wording (新华社, 2012).
    fair = "9月16日,江苏省第二届高校学生就业创业公益交流大会在南京国际展览中心举行,1200多家企业与会,提供4万多个岗位。"
    [found] = fair_text.extract([fair], date(2012, 9, 17))
    assert (found.start, found.city, found.employers.value) == (date(2012, 9, 16), "南京市", 1200)
    meeting = "9月16日,全省就业工作经验交流大会在南京召开,100多家单位参加。"
    assert fair_text.extract([meeting], date(2012, 9, 17)) == []


def test_fairs_called_off_are_no_fairs() -> None:
    # Real wording (中新社, 2020).
    paragraphs = ["1月23日起,广州南方人才市场现场招聘会暂停举办,调整为网络招聘。"]
    assert fair_text.extract(paragraphs, date(2020, 1, 27)) == []


def test_a_fair_the_writer_dates_only_by_its_month_takes_no_day_from_the_lead() -> None:
    paragraphs = ["人社部今天召开记者会。", "浙江义乌本月初的“新春人力资源交流大会”,100多家企业参加。"]
    found = fair_text.extract(paragraphs, date(2024, 1, 24))
    assert [f.start for f in found if not f.problem] == []
