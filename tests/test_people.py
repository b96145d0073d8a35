"""People counts read out of the seed reports and out of sentences as news writes them."""

from __future__ import annotations

from datetime import date

import pytest

from jiuye import regions, report_figures
from jiuye.extract import places_about
from scrapers.clean import clean
from scrapers.readers.posts import read_post
from scrapers.sources import Source
from tests.conftest import SEEDS


def people_in(*args, **kwargs) -> list[report_figures.Figure]:
    return [f for f in report_figures.find(*args, **kwargs) if f.is_people]


def seed_figures(number: str, campaigns) -> list[report_figures.Figure]:
    path = next(SEEDS.glob(f"{number}_*.txt"))
    item = read_post(Source("seeds", "posts", str(SEEDS)), path.name, path.read_text(encoding="utf-8"))
    body = "\n".join(clean(item.html, item.base_url).paragraphs)
    about = places_about(item.title, body).provinces
    return people_in(item.title, body, item.date.date(), about, campaigns.named_in)


def summary(found: list[report_figures.Figure]) -> set[tuple]:
    return {(f.kind, f.count.value, f.province.short if f.province else None) for f in found}


def test_the_national_warm_heart_figures(registry):
    found = seed_figures("000", registry)
    assert summary(found) == {("visited", 570000, None), ("employed", 200000, None)}
    assert {f.campaign.name for f in found} == {"就业援助“暖心行动”"}
    assert all("57 万人" in f.sentence for f in found)


def test_hubei_re_employed(registry):
    found = seed_figures("001", registry)
    assert ("employed", 110000, "湖北") in summary(found)


def test_households_visited_and_people_employed_nationwide(registry):
    found = seed_figures("002", registry)
    assert summary(found) == {("visited", 770000, None), ("employed", 250000, None)}
    [visited] = [f for f in found if f.kind == "visited"]
    assert visited.unit == "户"


def test_a_live_stream_audience_and_its_intents(registry):
    found = summary(seed_figures("004", registry))
    assert ("intent", 219, "山东") in found
    # Viewers of a stream (观看人数5213人, 80多万人在线观看) are views, not people who came.
    assert not {f for f in found if f[1] in (5213, 800000)}


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "approximate"),
    [
        ("招聘会当天共吸引3000余名求职者进场。", "attended", 3000, True),
        ("入场求职者达1.2万人次。", "attended", 12000, False),
        ("现场有300余人达成就业意向。", "intent", 300, True),
        ("初步达成意向286人。", "intent", 286, False),
        ("今年以来累计帮扶就业困难人员1.5万人。", "helped", 15000, False),
        ("招聘会吸引求职者1.2万余人进场，现场报名的不计。", "attended", 12000, True),
        ("帮助近2000名农民工实现就业。", "employed", 2000, True),
        ("入户走访困难家庭1200户。", "visited", 1200, False),
        ("全省共有5.6万名高校毕业生实现就业。", "employed", 56000, False),
        ("初步达成就业意向1282份。", "intent", 1282, False),
        ("现场为216名创业人员发放创业贷款。", "helped", 216, False),
        ("每年解决农村剩余劳动力4500人次就业。", "employed", 4500, False),
        ("实现省内就业300多万人。", "employed", 3000000, True),
        ("短短一天，招聘会上共达成就业意向6532个。", "intent", 6532, False),
        ("截至3月底，脱贫人口务工规模3074万人。", "employed", 30740000, False),
        ("我国城乡持证残疾人就业规模超过860万人。", "employed", 8600000, True),
        ("累计帮助3.4万家重点企业解决用工需求52万人次。", "employed", 520000, False),
        ("对22户自主创业的残疾人给予了40万元的奖扶资金。", "helped", 22, False),
        ("最终现场有1083人与用人单位达成意向性用工协议。", "intent", 1083, False),  # 绵阳, 2016
        ("截至上午11点，45人求职成功。", "employed", 45, False),  # 大冶, 2017
        ("活动现场参与人数4万多人。", "attended", 40000, True),
        ("活动共帮助2000农民工实现就业。", "employed", 2000, False),
        ("今年以来，我市紧扣目标任务，成效明显：全市新增就业1.2万人。", "employed", 12000, False),
    ],
)
def test_a_sentence_gives_its_count(sentence: str, kind: str, value: int, approximate: bool) -> None:
    [found] = people_in("", sentence, date(2023, 3, 1))
    assert (found.kind, found.count.value, found.count.approximate) == (kind, value, approximate)


@pytest.mark.parametrize(
    "sentence",
    [
        "制定“一人一策”援助计划。",
        "组建了一支300余人的队伍。",
        "50户爱心企业提供岗位1000个。",
        "以2023届毕业生为重点。",
        "三是残疾人就业帮扶活动。",
        "全市常住人口120万人。",
        "荣获第一名。",
        "直播间浏览量达2.6万人次。",
        "现已完成培训8700人。",
        "已经排出184场毕业生现场招聘会。",
        "预计解决就业人口700余人。",
        "力争帮扶就业困难人员1万人。",
        "收到简历5000份。",
        "大中城市联合招聘春季专场提供岗位420万人次。",  # posts, counted as people
        "东川区举行“万人大型集中安置区”就业帮扶活动专场招聘会。",  # a size word in a name
        "举办千人招聘会。",
        "2023年,西藏将增强企业吸纳就业能力,实现城镇新增就业2.15万人。",  # a plan
        "下一步,我们将持续发力,帮扶困难人员1万人。",
        "累计发出专车、专列、包机1.7万辆(次),输送劳动者60万人次。",  # passengers
        "明年就业工作的目标任务已明确,即:城镇新增就业900万人,就业困难人员实现就业100万人。",  # a plan
        "实名制培训3606人次,完成省任务指标3140人次的114.84%。",  # a target
        "现场人气满满,超过500名求职者投递简历。",  # applications
        "吸引了数十名残疾人参加。",  # no number
        "走进了2015余姚市大中专毕业生就业创业招聘会。",  # a year, then 余姚
    ],
)
def test_what_is_not_a_people_count(sentence: str) -> None:
    assert people_in("", sentence, date(2023, 3, 1)) == []


def test_a_figure_as_of_a_day_carries_that_day() -> None:
    [found] = people_in("", "截至3月31日，全省帮扶困难人员2.3万人。", date(2023, 4, 5))
    assert found.day == date(2023, 3, 31)


def test_a_figure_is_placed_where_it_happened_not_at_the_employers_home() -> None:
    body = "在黔东南，各个招聘会现场均人头攒动。本轮劳务协作招聘，佛山企业共提供岗位超5000个，初步达成就业意向超千人。"
    about = [regions.find_province("贵州"), regions.find_province("广东")]
    [found] = people_in("", body, date(2022, 2, 18), about)
    assert (found.kind, found.count.value, found.province.short) == ("intent", 1000, "贵州")


def test_employers_from_across_the_country_do_not_make_a_figure_national() -> None:
    # Real wording (新华社, 西安, 2008).
    body = (
        "22日,2009年毕业生冬季就业双向选择洽谈会在西安长安大学体育馆举行,"
        "来自全国各地的500多家用人单位提供了4000多个职位,6000多名应届毕业生进场求职。"
    )
    [found] = people_in("", body, date(2008, 11, 23), [regions.find_province("陕西")])
    assert (found.kind, found.count.value, found.province.short) == ("attended", 6000, "陕西")


def test_a_national_sentence_or_paragraph_in_a_roundup_is_national() -> None:
    body = (
        "4月7日，福建在福州市举办专场招聘会。\n"
        "人社部就业促进司司长介绍，一季度累计帮助城镇困难人员实现就业40万人。\n"
        "河南省组织开展春风行动，全省帮扶困难人员2.3万人。同期全国城镇新增就业297万人。"
    )
    about = [regions.find_province("福建"), regions.find_province("河南")]
    found = {
        (f.count.value, f.province.short if f.province else None) for f in people_in("", body, date(2023, 4, 27), about)
    }
    assert found == {(400000, None), (23000, "河南"), (2970000, None)}


def test_a_past_year_s_report_is_no_plan() -> None:
    [found] = people_in("", "2023年以来,人社部门将岗位送到家门口,帮助1万人实现就业。", date(2023, 6, 1))
    assert (found.kind, found.count.value) == ("employed", 10000)
    [found] = people_in("", "2022年,全省帮扶困难人员2万人,今年将继续开展。", date(2023, 1, 5))
    assert (found.kind, found.count.value) == ("helped", 20000)
