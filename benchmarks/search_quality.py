"""Search quality: 60+ queries written the way people type them, each with its relevant items,
on a generated site of news, jobs and fairs whose facts are known; recall@10 and MRR for jiuye and
for Pagefind on the same item pages, side by side, in Chromium.

    python -m benchmarks.search --quality [items]     (default: 3000)

recall@10 is |relevant ∩ first 10| / min(|relevant|, 10); MRR is the mean of 1/rank of the first
relevant result in the first 10 (0 when there is none). Item text is sampled from the seed articles.
"""

from __future__ import annotations

import functools
import http.server
import os
import random
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import ROOT
from benchmarks.search import CHROMIUM, build, pagefind, seed_sentences
from jiuye import dates, metadata, regions

TODAY = "2026-11-23 12:00:00+08:00"  # the build's "now": months in queries resolve against it
PLACES = ["武汉", "宜昌", "长沙", "成都", "宜宾", "福州", "长春", "郑州", "南京", "苏州", "广州", "西安"]
GROUPS = ["高校毕业生", "农民工", "残疾人", "退役军人", "就业困难人员"]
JOB_TITLES = ["仓储物流专员", "客服专员", "数据标注员", "装配工", "电工", "保洁员", "收银员", "焊工", "会计"]
FAIR_NAMES = ["招聘会", "专场招聘会", "双选会", "供需见面会", "直播带岗", "人才交流大会"]
CAMPAIGNS = ["春风行动", "就业援助月", "金秋招聘月", "民营企业招聘月", "百日千万网络招聘专项活动", "就业援助“暖心行动”"]
# How news writes campaign names (and aliases readers know them by).
SPELLINGS = {"就业援助“暖心行动”": ["就业援助“暖心行动”", "暖心活动"], "百日千万网络招聘专项活动": ["百日千万网络招聘"]}


# The same people, named as readers name them (search-vocabulary.yaml's synonyms among them).
GROUP_QUERIES = {
    "残疾人": ["残疾人岗位", "残障人士岗位"],
    "农民工": ["农民工岗位", "农民工工作"],
    "退役军人": ["退役军人工作", "退伍军人岗位"],
    "高校毕业生": ["高校毕业生岗位", "应届毕业生职位"],
}
# A campaign as typed -> the campaign (aliases from campaigns.yaml among them).
CAMPAIGN_QUERIES = {
    "春风行动": "春风行动",
    "金秋招聘月": "金秋招聘月",
    "暖心行动": "就业援助“暖心行动”",
    "暖心活动": "就业援助“暖心行动”",
    "百日千万": "百日千万网络招聘专项活动",
    "就业援助月": "就业援助月",
}


@dataclass
class Item:
    slug: str
    kind: str  # news / jobs / fairs
    province: str
    city: str
    campaign: str = ""
    group: str = ""
    month: str = ""  # a fair's YYYY-MM
    name: str = ""  # a fair's kind of name, a job's title
    employer: str = ""


@dataclass
class Site:
    items: list[Item] = field(default_factory=list)

    def where(self, test: Callable[[Item], bool]) -> set[str]:
        return {item.slug for item in self.items if test(item)}


def _city(name: str) -> tuple[regions.Province, regions.City]:
    for province in regions.provinces():
        for city in province.cities:
            if city.short == name:
                return province, city
    raise KeyError(name)


def generate(target: Path, count: int, seed: int = 11) -> Site:
    rng = random.Random(seed)
    sentences = seed_sentences()
    site = Site()
    for folder in ("news", "jobs", "fairs"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "content" / "campaigns.yaml", target)
    start = dates.parse("2026-01-05 09:00")
    for number in range(count):
        province, city = _city(rng.choice(PLACES))
        campaign = rng.choice(CAMPAIGNS)
        body = "".join(rng.sample(sentences, 4))
        when = dates.format_iso(start.replace(month=1 + number % 12, day=1 + number % 27))
        slug, roll = f"b{number}", number % 10  # b…: the item pages benchmarks.search indexes
        if roll < 5:
            spelling = rng.choice(SPELLINGS.get(campaign, [campaign]))
            item = Item(slug, "news", province.short, city.short, campaign=campaign)
            meta = {"Title": f"{city.short}开展{spelling}（第{number}期）", "Date": when, "Provinces": province.short,
                    "Campaigns": campaign, "Summary": body[:80]}  # fmt: skip
        elif roll < 8:
            group, title = rng.choice(GROUPS), rng.choice(JOB_TITLES)
            employer = f"{city.short}{rng.choice('华盛瑞丰恒达')}{number % 97}号企业有限公司"
            item = Item(slug, "jobs", province.short, city.short, group=group, name=title, employer=employer)
            meta = {"Title": title, "Date": when, "Category": "岗位", "Employer": employer, "Province": province.short,
                    "City": city.name, "Target_groups": group, "Valid_through": "2027-06-30"}  # fmt: skip
        else:
            name, day = rng.choice(FAIR_NAMES), 1 + number % 27
            fair_start = f"{2026 + (number // 12) % 2}-{1 + number % 12:02d}-{day:02d}"
            item = Item(slug, "fairs", province.short, city.short, campaign=campaign, month=fair_start[:7], name=name)
            meta = {"Title": f"{city.short}{campaign}{name}", "Date": when, "Category": "招聘会", "Start": fair_start,
                    "Province": province.short, "City": city.name, "Mode": "线下", "Campaigns": campaign}  # fmt: skip
        meta.update(Slug=slug, Source="基准测试")
        (target / item.kind / f"{number}.md").write_text(metadata.render(meta, body), encoding="utf-8")
        site.items.append(item)
    return site


def queries(site: Site) -> dict[str, set[str]]:
    """Query -> relevant slugs, by the facts each item was generated with."""
    fair, job, news = (
        (lambda k: lambda i: i.kind == k)("fairs"),
        (lambda i: i.kind == "jobs"),
        (lambda i: i.kind == "news"),
    )
    wanted: dict[str, set[str]] = {}
    for city in PLACES[:8]:  # place + kind, as typed: no space
        wanted[f"{city}招聘会"] = site.where(lambda i, c=city: fair(i) and i.city == c)
    for city in PLACES[8:]:
        wanted[f"{city}岗位"] = site.where(lambda i, c=city: job(i) and i.city == c)
    for province in ("湖北", "四川", "福建", "河南", "吉林"):
        wanted[f"{province}招聘会"] = site.where(lambda i, p=province: fair(i) and i.province == p)
    wanted["湖南工作"] = site.where(lambda i: job(i) and i.province == "湖南")
    for group, words in GROUP_QUERIES.items():
        for query in words:
            wanted[query] = site.where(lambda i, g=group: job(i) and i.group == g)
    for province, group in (("四川", "高校毕业生"), ("湖北", "残疾人"), ("江苏", "农民工"), ("广东", "退役军人")):
        wanted[f"{province}{group}"] = site.where(
            lambda i, p=province, g=group: job(i) and i.province == p and i.group == g
        )
    for typed, campaign in CAMPAIGN_QUERIES.items():
        wanted[typed] = site.where(lambda i, c=campaign: i.campaign == c)
    for campaign, province in (("春风行动", "湖南"), ("金秋招聘月", "湖北"), ("民营企业招聘月", "四川")):
        wanted[f"{campaign}{province}"] = site.where(
            lambda i, c=campaign, p=province: news(i) and i.campaign == c and i.province == p
        )
    for typed, city in (("武漢招聘會", "武汉"), ("長沙招聘會", "长沙"), ("廣州招聘會", "广州")):  # traditional
        wanted[typed] = site.where(lambda i, c=city: fair(i) and i.city == c)
    wanted["殘疾人崗位"] = site.where(lambda i: job(i) and i.group == "残疾人")
    wanted["春風行動"] = site.where(lambda i: i.campaign == "春风行动")
    for typed, campaign in (
        ("暖新行动", "就业援助“暖心行动”"),
        ("春风行功", "春风行动"),
        ("金秋招骋月", "金秋招聘月"),
    ):  # typos
        wanted[typed] = site.where(lambda i, c=campaign: i.campaign == c)
    wanted["武汉招娉会"] = site.where(lambda i: fair(i) and i.city == "武汉")
    for typed, month in (("12月招聘会", "2026-12"), ("十二月招聘会", "2026-12"), ("1月招聘会", "2027-01"),
                         ("下个月招聘会", "2026-12"), ("三月招聘会", "2027-03")):  # fmt: skip
        wanted[typed] = site.where(lambda i, m=month: fair(i) and i.month == m)
    wanted["12月武汉招聘会"] = site.where(lambda i: fair(i) and i.month == "2026-12" and i.city == "武汉")
    for name in ("双选会", "供需见面会", "直播带岗"):  # single words, and kinds of 招聘会
        wanted[name] = site.where(lambda i, n=name: fair(i) and i.name == n)
    wanted["招聘会"] = site.where(fair)
    for title in ("焊工", "数据标注员", "保洁员"):
        wanted[title] = site.where(lambda i, t=title: job(i) and i.name == t)
    employer = next(i.employer for i in site.items if i.kind == "jobs")
    wanted[employer] = site.where(lambda i: i.employer == employer)
    return {query: relevant for query, relevant in wanted.items() if relevant}


PAGEFIND_PAGE = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>probe</title>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
window.ask = async (q) => {
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  return data.map(d => d.url);
};
document.title = "ready";
</script></html>"""


def _slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")


def ranked(base: str, wanted: list[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The first 10 results (slugs) of every query, for jiuye and for Pagefind."""
    from playwright.sync_api import sync_playwright

    ours, theirs = {}, {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(bypass_csp=True).new_page()  # reading results evaluates scripts
        for query in wanted:
            page.goto(f"{base}/search/?q={query}")
            page.wait_for_selector("#search-status:not(:empty):not(:text('正在搜索'))", timeout=60_000)
            ours[query] = [_slug(h) for h in page.eval_on_selector_all("#search-results a", "a => a.map(x => x.href)")]
        page.goto(f"{base}/pagefind-probe.html")
        page.wait_for_function("document.title === 'ready'")
        for query in wanted:
            theirs[query] = [_slug(u) for u in page.evaluate("q => window.ask(q)", query)]
        browser.close()
    return ours, theirs


def scores(results: dict[str, list[str]], wanted: dict[str, set[str]]) -> tuple[float, float]:
    recall = mrr = 0.0
    for query, relevant in wanted.items():
        top = results.get(query, [])[:10]
        recall += len(relevant & set(top)) / min(len(relevant), 10)
        mrr += next((1 / rank for rank, slug in enumerate(top, start=1) if slug in relevant), 0.0)
    return recall / len(wanted), mrr / len(wanted)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(count: int = 3000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        content, output = Path(tmp) / "content", Path(tmp) / "output"
        site = generate(content, count)
        wanted = queries(site)
        os.environ["JIUYE_NOW"] = TODAY
        build(content, output)
        pagefind(output)
        (output / "pagefind-probe.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
        handler = functools.partial(Quiet, directory=str(output))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        ours, theirs = ranked(f"http://127.0.0.1:{server.server_address[1]}", list(wanted))
        server.shutdown()
    print(f"{len(wanted)} queries on {count} items (news, jobs, fairs); the first 10 results of each")
    print(f"{'query':<24} {'relevant':>8} {'jiuye':>6} {'pagefind':>8}")
    for query, relevant in wanted.items():

        def hits(results: dict[str, list[str]], q: str = query, r: set[str] = relevant) -> int:
            return len(r & set(results.get(q, [])[:10]))

        print(f"{query:<24} {len(relevant):>8} {hits(ours):>6} {hits(theirs):>8}")
    for engine, results in (("jiuye", ours), ("pagefind", theirs)):
        recall, mrr = scores(results, wanted)
        print(f"{engine:>9}: recall@10 {recall:.3f}  MRR {mrr:.3f}")
