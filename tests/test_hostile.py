"""The hostile-input matrix: every source kind, one item per attack vector, the vector in every
text and URL field; scraped and built as in production, then read as a browser reads it."""

from __future__ import annotations

import csv
import functools
import http.server
import json
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from jiuye import job_terms
from jiuye.sanitise import printable
from tests.conftest import new_content_dir, run_python
from tests.hostile import FLAG, Matrix, payloads
from tests.hostile_matrix import write_matrix
from tests.inspect_output import check_site
from tests.test_opendata import urls_in

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REPORT_LINE = re.compile(r"^跳过 \[(?P<source>[a-z0-9-]+)\] 条目 (?P<item>.+?): 字段 (?P<field>\S+) = ", re.MULTILINE)


@dataclass
class Hostile:
    vectors: list[str]
    matrix: Matrix
    scrape_log: str
    scrape_summary: str
    build_status: int
    build_log: str
    output: Path


def build_command(content: Path, output: Path) -> list[str]:
    return ["-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(output), "-e", "CACHE_CONTENT=false"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Hostile:
    tmp = tmp_path_factory.mktemp("hostile")
    sources = tmp / "sources"
    sources.mkdir()
    vectors = payloads()
    matrix = write_matrix(sources, vectors)
    content = new_content_dir(tmp)
    scrape = run_python(
        "-m", "scrapers", "--sources", str(sources / "sources.toml"), "--content", str(content),
        "--cache", str(tmp / "cache"), "--quiet", check=False,
    )  # fmt: skip
    build = run_python(*build_command(content, tmp / "output"), check=False)
    return Hostile(
        vectors, matrix, scrape.stderr, scrape.stdout, build.returncode, build.stdout + build.stderr, tmp / "output"
    )


def one_line(text: str) -> str:
    return " ".join(printable(text).split())


def summary_row(hostile: Hostile, source: str) -> dict[str, str]:
    lines = hostile.scrape_summary.splitlines()
    header = lines[0].split()
    row = next(line.split() for line in lines if line.startswith(source + " "))
    return dict(zip(header, row, strict=False))


def test_no_markup_survives_anywhere(hostile, capsys):
    assert hostile.build_status == 0, hostile.build_log[-3000:]
    findings = check_site(hostile.output)
    with capsys.disabled():
        print(
            f"\nhostile matrix: {len(hostile.matrix.sources)} sources of 9 kinds, {len(hostile.vectors)} vectors, "
            f"{hostile.matrix.items} items, {hostile.matrix.placements} vector × field placements; checked "
            f"{findings.pages} pages, {findings.feeds} feeds, {findings.calendars} .ics, "
            f"{findings.json_ld} JSON-LD blocks"
        )
    assert findings.pages > hostile.matrix.items
    assert findings.feeds >= 3 and findings.calendars > 100 and findings.json_ld > 500
    assert not findings.problems, "\n".join(findings.problems[:30])


def test_every_source_is_read_whole_and_every_refusal_names_source_item_and_field(hostile):
    for entry in hostile.matrix.sources:
        if not entry["id"].startswith("hostile-"):
            continue
        row = summary_row(hostile, entry["id"])
        assert "来源失败" not in row["状态"], row
        # a vector may cut a labelled line ("招聘单位：…；") and leave a posting without its employer;
        # two vectors that differ only in spacing are one posting ("重复")
        labelled = entry["kind"] in ("jobs-feed", "fairs-feed")
        assert int(row["新增"]) + int(row["重复"]) >= (0.9 if labelled else 0.97) * len(hostile.vectors), row
    skipped = [line for line in hostile.scrape_log.splitlines() if line.startswith("跳过")]
    assert skipped and all(REPORT_LINE.match(line) for line in skipped), skipped[:5]


def job_pages(hostile: Hostile) -> list[BeautifulSoup]:
    return [
        BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        for path in sorted((hostile.output / "jobs").glob("*/index.html"))
        if re.fullmatch(r"[0-9a-f]{12}", path.parent.name)  # a job's id, not a listing (/jobs/hubei/)
    ]


def test_text_is_shown_as_text_and_json_ld_holds_the_same_value(hostile):
    pages = job_pages(hostile)
    titles = set()
    for page in pages:
        data = json.loads(page.find("script", type="application/ld+json").string)
        heading = page.find("h1").get_text()
        titles.add(heading)
        assert one_line(data["title"]) == one_line(heading)
        assert one_line(data["hiringOrganization"]["name"]) == one_line(page.select_one(".employer").get_text())
    shown = {one_line(t) for t in titles}
    postings: dict[str, str] = {}  # two vectors that differ only in spacing or brackets are one posting
    for vector in hostile.vectors:
        postings.setdefault(job_terms.job_id(vector, f"{vector}（csv）", "武汉市"), vector)
    for vector in postings.values():  # the CSV export carries each vector verbatim in its title
        assert one_line(f"{vector}（csv）") in shown, vector


def test_news_titles_from_a_feed_are_text(hostile):
    headings = {
        one_line(BeautifulSoup(p.read_text(encoding="utf-8"), "html5lib").find("h1").get_text())
        for p in (hostile.output / "news").glob("*/index.html")
    }
    shown = [v for v in hostile.vectors if one_line(v) in headings]
    assert len(shown) >= 0.9 * len(hostile.vectors), [v for v in hostile.vectors if one_line(v) not in headings][:10]


def test_far_dates_and_a_200_kb_field_are_reported_and_the_rest_of_the_source_is_read(hostile):
    log = hostile.scrape_log
    assert log.count("日期超出合理范围") >= 6  # three feed items, a CSV row, two .ics fairs
    assert re.search(r"跳过 \[edge-csv\] 条目 第 3 行: 字段 title = '岗{10}.*过长", log)
    assert summary_row(hostile, "edge-csv")["新增"] == "2"  # the long description and the row after
    assert summary_row(hostile, "edge-json")["新增"] == "1"  # a lone surrogate dropped, the posting kept
    fairs = hostile.output / "fairs"
    assert not list(fairs.glob("9999-*")) and not list(fairs.glob("1900-*"))


@pytest.fixture(scope="module")
def served(hostile):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(hostile.output)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")
def test_no_payload_runs_in_chromium_even_without_the_csp(hostile, served):
    """With the page's CSP switched off, escaping alone must keep every payload inert."""
    from playwright.sync_api import sync_playwright

    output = hostile.output
    paths = ["/", "/news/", "/jobs/", "/fairs/", "/province/hubei/", "/jobs/hubei/"]
    for folder in ("news", "jobs", "fairs"):
        pages = sorted(p for p in (output / folder).glob("*/index.html") if re.search(r"\d", p.parent.name))
        paths += [f"/{folder}/{p.parent.name}/" for p in pages[:: max(1, len(pages) // 25)]]
    paths += ["/search/?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", "/search/?q=x&kind=%22%5D&province=%22%3E%3C"]
    dialogs, errors = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        context = browser.new_context(bypass_csp=True)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        for path in paths:
            page.goto(served + path)
            page.wait_for_load_state("load")
            page.mouse.move(10, 10)
            assert page.evaluate(f"typeof window.{FLAG}") == "undefined", path
        browser.close()
    assert len(paths) > 60
    assert not dialogs, dialogs[:5]
    assert not errors, errors[:5]


def test_the_home_map_and_first_screen_stay_whole_whatever_the_items_say(hostile):
    """Every hostile job is 湖北's (its place carries the vector too): the map counts them, and
    their titles on the first screen are text, not markup that could close the SVG or a list."""
    home = BeautifulSoup((hostile.output / "index.html").read_text(encoding="utf-8"), "html5lib")
    [svg] = home.find_all("svg")
    tiles = svg.find_all("a", recursive=False)
    assert len(tiles) == 34 and all(re.fullmatch(r"/province/[a-z]+/", a["href"]) for a in tiles)
    assert {tag.name for tag in svg.find_all(True)} <= {"a", "rect", "text", "circle"}
    hubei = next(a for a in tiles if a["href"] == "/province/hubei/")
    assert int(re.search(r"(\d+) 个在招岗位", hubei["aria-label"]).group(1)) > len(hostile.vectors)
    listed = home.select("#latest-jobs ~ ol > li")
    assert len(listed) == 3
    for item in listed:
        assert {tag.name for tag in item.find_all(True)} <= {"a", "p", "span", "time"}, item
        assert len(item.find_all("a")) == 1 and item.a["href"].startswith("/jobs/")


def test_open_data_files_parse_and_no_cell_runs_as_a_formula(hostile):
    """The matrix's jobs and fairs in /data/: the JSON parses, every URL in it is http(s), and no
    CSV cell begins with what a spreadsheet reads as a formula."""
    data = hostile.output / "data"
    feeds = [json.loads((data / f"{name}.json").read_text(encoding="utf-8")) for name in ("jobs", "fairs")]
    records = [record for feed in feeds for record in feed["dataFeedElement"]]
    urls = [url for record in records for url in urls_in(record)]
    assert len(records) > 100 and len(urls) >= len(records)
    assert all(urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc for url in urls)
    cells = [c for path in sorted(data.glob("*/*.csv")) for row in csv.reader(path.open(encoding="utf-8-sig"))
             for c in row]  # fmt: skip
    assert len(cells) > 1000
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"))]

