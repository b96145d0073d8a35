"""Hostile sources for the tests: every source kind, one item per attack vector, the vector in
every text and URL field that kind carries. The vectors are real payloads (fixtures/xss/, each
with where it came from) plus a few of our own (control characters, comment openers, and
payloads that set a window flag for the browser test)."""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import icalendar
import yaml

from jiuye.sanitise import json_for_script

FIXTURES = Path(__file__).parent / "fixtures" / "xss"
# The browser test looks for this flag: a payload that ran would have set it.
FLAG = "__jiuye_pwned"
OWN_VECTORS = [
    f'<img src=x onerror="window.{FLAG}=1">',
    f'"><script>window.{FLAG}=1</script>',
    f"</title><script>window.{FLAG}=1</script>",
    f"'><svg onload=window.{FLAG}=1>",
    f"javascript:window.{FLAG}=1",
    "某公司<!--<script>",
    "</script><!--",
    "&lt;img src=x onerror=alert(1)&gt;",
    "招聘\x00会\x01\x08\x0b\x0c\x1b\x7f\x85\ufffe\uffff结束",
    'https://a.example/x" onmouseover="alert(1)',
]
DEFAULT_SAMPLE = 180  # real payloads per run; JIUYE_HOSTILE_ALL=1 takes all of them
XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def payloads() -> list[str]:
    """A spread over every source of the fixture (every n-th), or all with JIUYE_HOSTILE_ALL=1."""
    real = [entry["payload"] for entry in json.loads((FIXTURES / "payloads.json").read_text())["payloads"]]
    if not os.environ.get("JIUYE_HOSTILE_ALL"):
        step = len(real) / DEFAULT_SAMPLE
        real = [real[int(i * step)] for i in range(DEFAULT_SAMPLE)]
    return real + OWN_VECTORS


def xml_text(value: str) -> str:
    """The value as XML character data (an XML file cannot carry control characters at all)."""
    return escape(XML_ILLEGAL.sub("", value))


@dataclass
class Matrix:
    """What was written: source entries for sources.toml, and how many (vector, field) placements."""

    sources: list[dict] = field(default_factory=list)
    placements: int = 0
    items: int = 0

    def add(self, entry: dict, items: int, fields_per_item: int) -> None:
        self.sources.append(entry)
        self.items += items
        self.placements += items * fields_per_item

    def write_toml(self, path: Path) -> None:
        lines = []
        for entry in self.sources:
            lines.append("[[source]]")
            lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in entry.items()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def rss(items: list[str], channel_title: str = "招聘资讯") -> str:
    body = "".join(items)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{xml_text(channel_title)}</title><link>https://feeds.example/</link>"
        f"<description>hostile</description>{body}</channel></rss>"
    )


def news_feed(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    items = []
    for n, v in enumerate(vectors):
        body = f'<p>湖北省人社厅举办招聘活动。{v}</p><p><a href="{v}">{v}</a></p>'
        items.append(
            f"<item><title>{xml_text(v)}</title><link>{xml_text(v)}</link>"
            f'<guid isPermaLink="false">news-{n}</guid><author>{xml_text(v)}</author>'
            f"<category>{xml_text(v)}</category><pubDate>Fri, 20 Nov 2026 09:00:00 +0800</pubDate>"
            f"<description>{xml_text(body)}</description></item>"
        )
    (folder / "news.xml").write_text(rss(items), encoding="utf-8")
    matrix.add({"id": "hostile-feed", "kind": "feed", "url": "news.xml"}, len(items), 6)


def posts(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    target = folder / "posts"
    target.mkdir()
    for n, v in enumerate(vectors):
        front = yaml.safe_dump(
            {"title": v, "date": "2026-11-20 09:00:00", "tags": [v], "author": v, "link": v},
            allow_unicode=True,
        )
        (target / f"{n:04d}.md").write_text(
            f"---\n{front}---\n湖北省启动就业援助活动。{v}\n\n[点此报名]({v})\n", "utf-8"
        )
    matrix.add({"id": "hostile-posts", "kind": "posts", "url": "posts"}, len(vectors), 5)


JOB_COLUMNS = {
    "id": "编号",
    "title": "岗位名称",
    "employer": "单位名称",
    "location": "工作地点",
    "salary": "薪资",
    "education": "学历",
    "experience": "经验",
    "openings": "招聘人数",
    "employment_type": "用工形式",
    "target_groups": "面向人群",
    "date": "发布日期",
    "valid_through": "截止日期",
    "description": "岗位描述",
    "contact": "联系方式",
    "apply_url": "报名链接",
    "url": "链接",
}
JOB_DATES = {"date": "2026-11-20", "valid_through": "2027-01-31"}


def job_record(n: int, v: str, kind: str) -> dict[str, str]:
    """Every field carries the vector; the place keeps a real city so that the row stays a job,
    and the title names the kind (the same posting in two sources would be one job)."""
    record = {key: v for key in JOB_COLUMNS}
    record.update(JOB_DATES, id=f"job-{n}-{v}", location=f"湖北省武汉市{v}", title=f"{v}（{kind}）")
    return record


def job_tables(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    records = [job_record(n, v, "csv") for n, v in enumerate(vectors)]
    with (folder / "jobs.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(JOB_COLUMNS.values())
        for record in records:
            writer.writerow(record[key] for key in JOB_COLUMNS)
    matrix.add({"id": "hostile-csv", "kind": "jobs-csv", "url": "jobs.csv"}, len(records), len(JOB_COLUMNS) - 2)
    records = [job_record(n, v, "json") for n, v in enumerate(vectors)]
    rows = [{JOB_COLUMNS[key]: value for key, value in record.items()} for record in records]
    (folder / "jobs.json").write_text(json.dumps({"data": rows}, ensure_ascii=False), encoding="utf-8")
    entry = {"id": "hostile-json", "kind": "jobs-json", "url": "jobs.json", "records": "data"}
    matrix.add(entry, len(records), len(JOB_COLUMNS) - 2)


XML_ELEMENTS = {
    "id": "referencenumber",
    "title": "title",
    "employer": "company",
    "location": "location",
    "salary": "salary",
    "education": "education",
    "experience": "experience",
    "openings": "openings",
    "employment_type": "jobtype",
    "target_groups": "targetgroups",
    "date": "date",
    "valid_through": "expirationdate",
    "description": "description",
    "contact": "contact",
    "apply_url": "applyurl",
    "url": "url",
}


def job_xml(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    jobs = []
    for n, v in enumerate(vectors):
        record = job_record(n, v, "xml")
        jobs.append("<job>" + "".join(f"<{t}>{xml_text(record[k])}</{t}>" for k, t in XML_ELEMENTS.items()) + "</job>")
    (folder / "jobs.xml").write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<source>{"".join(jobs)}</source>', "utf-8"
    )
    matrix.add({"id": "hostile-xml", "kind": "jobs-xml", "url": "jobs.xml"}, len(jobs), len(XML_ELEMENTS) - 2)


def job_pages(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    target = folder / "pages"
    target.mkdir()
    for n, v in enumerate(vectors):
        posting = {
            "@context": "https://schema.org/",
            "@type": "JobPosting",
            "title": v,
            "description": f"<p>{v}</p>",
            "datePosted": "2026-11-20",
            "validThrough": "2027-01-31",
            "hiringOrganization": {"@type": "Organization", "name": v},
            "jobLocation": {"@type": "Place", "address": {"addressRegion": "湖北", "addressLocality": v}},
            "identifier": {"@type": "PropertyValue", "value": f"p{n}-{v}"},
            "employmentType": v,
            "educationRequirements": v,
            "experienceRequirements": {"monthsOfExperience": v},
            "applicationContact": {"telephone": v},
            "audience": v,
            "url": v,
        }
        page = (
            f'<!doctype html><title>job</title><script type="application/ld+json">{json_for_script(posting)}</script>'
        )
        (target / f"{n:04d}.html").write_text(page, encoding="utf-8")
    matrix.add({"id": "hostile-jsonld", "kind": "jobs-jsonld", "url": "pages"}, len(vectors), 11)


def labelled_item(guid: str, title: str, vector: str, lines: list[str]) -> str:
    """An RSS item whose facts are labelled lines ("招聘单位：…"), the vector as its link and last paragraph."""
    html = "<br>".join(lines) + f"<p>{vector}</p>"
    return (
        f"<item><title>{xml_text(title)}</title><link>{xml_text(vector)}</link><guid>{guid}</guid>"
        f"<pubDate>Fri, 20 Nov 2026 09:00:00 +0800</pubDate><description>{xml_text(html)}</description></item>"
    )


def new_calendar() -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//jiuye tests//hostile//ZH")
    calendar.add("version", "2.0")
    return calendar


def job_feed(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    items = []
    for n, v in enumerate(vectors):
        lines = [
            f"招聘单位：{v}",
            f"工作地点：武汉{v}",
            f"薪资待遇：{v}",
            f"学历要求：{v}",
            f"联系电话：{v}",
            f"面向人群：{v}",
        ]
        items.append(labelled_item(f"job-{n}", "【武汉】" + v, v, lines))
    (folder / "job-feed.xml").write_text(rss(items), encoding="utf-8")
    matrix.add({"id": "hostile-job-feed", "kind": "jobs-feed", "url": "job-feed.xml"}, len(items), 9)


def fair_calendar(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    calendar = new_calendar()
    for n, v in enumerate(vectors):
        event = icalendar.Event()
        event.add("uid", f"fair-{n}-{v}")
        event.add("summary", v)
        event.add("dtstart", icalendar.vDatetime.from_ical("20261205T090000"))
        event.add("dtend", icalendar.vDatetime.from_ical("20261205T120000"))
        event.add("dtstamp", icalendar.vDatetime.from_ical("20261120T090000Z"))
        event.add("location", f"湖北省武汉市{v}")
        event.add("description", v)
        event.add("url", " ".join(v.splitlines()))  # a URI value cannot hold a line break
        organizer = icalendar.vCalAddress("mailto:a@b.example")
        organizer.params["cn"] = icalendar.vText(v)
        event["organizer"] = organizer
        event.add("categories", [v])
        calendar.add_component(event)
    (folder / "fairs.ics").write_bytes(calendar.to_ical())
    matrix.add({"id": "hostile-ics", "kind": "fairs-ics", "url": "fairs.ics"}, len(vectors), 7)


def fair_feed(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    items = []
    for n, v in enumerate(vectors):
        lines = [
            "举办时间：2026年12月6日 9:00-12:00",
            f"举办地点：湖北省武汉市{v}",
            f"举办形式：{v}",
            f"主办单位：{v}",
            f"直播地址：{v}",
            f"面向对象：{v}",
        ]
        items.append(labelled_item(f"fair-{n}", v, v, lines))
    (folder / "fair-feed.xml").write_text(rss(items), encoding="utf-8")
    matrix.add({"id": "hostile-fair-feed", "kind": "fairs-feed", "url": "fair-feed.xml"}, len(items), 8)


WRITERS = (news_feed, posts, job_tables, job_xml, job_pages, job_feed, fair_calendar, fair_feed)
