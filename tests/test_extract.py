from bs4 import BeautifulSoup

from jiuye import extract
from tests.conftest import SEEDS


def about(number: str) -> list[str]:
    text = next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    title = next(line for line in front.splitlines() if line.startswith("title:"))
    plain = BeautifulSoup(body, "html.parser").get_text("\n")
    return [p.short for p in extract.places_about(title, plain).provinces]


def test_seed_000_is_about_hebei_and_anhui():
    assert set(about("000")) == {"河北", "安徽"}  # 河北 through 雄安新区


def test_seed_001_is_about_five_provinces_not_the_dateline():
    assert set(about("001")) == {"吉林", "福建", "湖北", "重庆", "四川"}


def test_seed_003_is_about_no_province():
    assert about("003") == []


def test_seed_004_is_about_its_three_sections_not_passing_mentions():
    found = set(about("004"))
    assert {"湖南", "山东", "甘肃"} <= found
    assert not found & {"浙江", "广东", "广西"}  # named once, in a single sentence


def test_dateline_is_not_a_subject():
    text = "新华社北京3月5日电（记者 王某）湖北省武汉市举办招聘会。武汉市人社局介绍了情况。"
    assert [p.short for p in extract.places_about("", text).provinces] == ["湖北"]
    assert "北京" not in extract.strip_datelines(text)


def test_title_mention_counts():
    assert [p.short for p in extract.places_about("四川：就业援助启动", "活动现场很热闹。").provinces] == ["四川"]


def test_summary_skips_short_lines_and_cuts_at_a_sentence():
    paragraphs = ["吉林活动现场", "第一句话说的是就业援助活动的来龙去脉和参与的部门。" * 3 + "第二句。" * 30]
    summary = extract.summary(paragraphs, limit=120)
    assert summary.startswith("第一句话")
    assert len(summary) <= 121
