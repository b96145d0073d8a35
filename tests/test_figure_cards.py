"""Figures read out of news (posts, employers, fairs held, people counts) and the cards the
province and campaign pages show of them (issue 13, item 1; issue 12, item 3)."""

from __future__ import annotations

import unicodedata
from datetime import date
from urllib.parse import unquote, urlsplit

import pytest

from jiuye import figure_cards, regions, report_figures
from jiuye.figure_cards import Report
from tests.conftest import soup


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "what"),
    [
        ("目前，已筹集爱心岗位4万余个。", "positions", 40000, "爱心岗位"),
        ("储备公益性岗位1万余个。", "positions", 10000, "公益性岗位"),
        ("提供1067个适合就业困难群体的就业岗位。", "positions", 1067, "岗位"),
        ("福建人社部门和残联组织了29家用人单位。", "employers", 29, "用人单位"),
        ("今年湖南举办线上线下招聘会1600余场。", "fairs", 1600, "招聘会"),
        ("福山区已累计举办9场云上招聘活动。", "fairs", 9, "招聘会"),
    ],
)
def test_a_sentence_gives_its_offer(sentence: str, kind: str, value: int, what: str) -> None:
    [found] = report_figures.find("", sentence, date(2023, 3, 1))
    assert (found.kind, found.count.value, found.what) == (kind, value, what)


@pytest.mark.parametrize(
    "sentence",
    [
        "向每名困难人员精准推送至少3个就业岗位。",  # per person
        "预计提供岗位3000个。",  # a plan
        "累计发布岗位信息189万余条。",  # postings, not posts
    ],
)
def test_what_is_no_figure(sentence: str) -> None:
    assert report_figures.find("", sentence, date(2023, 3, 1)) == []


def test_a_figure_is_the_articles_province_or_national() -> None:
    hubei = [regions.find_province("湖北")]
    assert report_figures.find("", "11万人实现再就业。", date(2022, 8, 2), hubei)[0].province == hubei[0]
    # an article about no province: a province in passing is no figure's place
    assert report_figures.find("", "参照湖北做法，全国20万人实现就业。", date(2022, 8, 2))[0].province is None


def test_a_roundup_section_gives_its_province_to_its_paragraphs() -> None:
    body = "各地启动暖心行动。\n重庆市人社局局长介绍了情况。\n“全市1000余家用人单位正在各地开展招聘。”他说。"
    about = [regions.find_province("四川"), regions.find_province("重庆")]
    [found] = report_figures.find("", body, date(2022, 8, 2), about)
    assert found.province.short == "重庆"


def _report(value: int, day: date, url: str, province: str = "湖北") -> Report:
    about = [regions.find_province(province)]
    [figure] = report_figures.find("", f"{province}{value}名就业困难人员实现再就业。", day, about)
    return Report(figure, url, url)


def test_one_card_per_count_with_every_article_and_the_latest_number() -> None:
    cards = figure_cards.cards(
        [
            _report(90000, date(2022, 6, 1), "a/"),
            _report(110000, date(2022, 8, 2), "b/"),
            _report(110000, date(2022, 8, 3), "c/"),  # the same number, syndicated
            _report(50000, date(2021, 8, 2), "d/"),  # last year's edition: a count of its own
            _report(7000, date(2022, 8, 2), "e/", "重庆"),
        ]
    )
    hubei = figure_cards.for_province(cards, "42")
    assert [(c.figure.count.value, [r.url for r in c.sources], c.supersedes) for c in hubei] == [
        (110000, ["b/", "c/"], True),
        (50000, ["d/"], False),
    ]
    assert hubei[0].day == date(2022, 8, 3)


def _cards(page) -> dict[tuple[int, str], object]:
    cards = page.select(".figure-card")
    return {(int(c.select_one("data")["value"]), c.select_one(".figure-what").get_text()): c for c in cards}


def _links_to_its_article(card, site) -> None:
    """Each source link opens an article of the site, at the figure's clause (a text fragment)."""
    for link in card.select(".figure-sources a"):
        parts = urlsplit(link["href"])
        article = soup(site / parts.path.strip("/") / "index.html").select_one("article")
        clause = unquote(parts.fragment.removeprefix(":~:text="))
        assert clause and clause in unicodedata.normalize("NFKC", article.get_text()), link["href"]


def test_the_seeds_figures_are_on_their_province_and_campaign_pages(demo_site):
    hubei = _cards(soup(demo_site / "province" / "hubei" / "index.html"))
    assert "11万" in hubei[(110000, "实现就业")].select_one("data").get_text()
    chongqing = _cards(soup(demo_site / "province" / "chongqing" / "index.html"))
    assert {(40000, "爱心岗位"), (10000, "公益性岗位")} <= set(chongqing)
    nuanxin = _cards(soup(demo_site / "campaign" / "nuanxin" / "index.html"))
    assert {(570000, "走访（全国）"), (200000, "实现就业（全国）")} <= set(nuanxin)
    for card in [*hubei.values(), *chongqing.values(), *nuanxin.values()]:
        _links_to_its_article(card, demo_site)


def test_the_campaign_page_lists_its_provinces_figures_in_every_order(demo_site):
    page = soup(demo_site / "campaign" / "nuanxin" / "index.html")
    views = {view["id"]: view for view in page.select(".sort-view")}
    links = page.select(".sort-links a")
    assert [a["href"].lstrip("#") for a in links] == sorted(views, key=lambda v: int(v.split("-")[1]))
    assert len(page.select(".sort-view.default")) == 1
    for link in links[1:]:  # each column's view: its numbers largest first, the rows without one last
        view = views[link["href"].lstrip("#")]
        column = [th.get_text() for th in view.select("thead th")].index(link.get_text().removeprefix("按"))
        cells = [tr.select("th, td")[column] for tr in view.select("tbody tr")]
        numbers = [int(c.data["value"]) for c in cells if c.data]
        assert numbers == sorted(numbers, reverse=True) and numbers, link.get_text()
        assert all(c.data for c in cells[: len(numbers)])
    rows = {tr.th.get_text(): tr for tr in views["sort-0"].select("tbody tr")}
    assert rows["湖北"].select_one("data[value='110000']")  # the cards' numbers, per province
    assert rows["湖北"].th.a["href"].endswith("/province/hubei/")
    assert page.select_one(".editions").get_text(strip=True).startswith("历年报道：2022年")
