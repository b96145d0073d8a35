"""The whole hostile matrix: every writer of tests/hostile.py, plus the edge cases (far dates, a
200 KB field, a lone surrogate) in the kinds that carry dates and long text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import icalendar

from tests.hostile import WRITERS, Matrix, new_calendar, rss


def write_matrix(folder: Path, vectors: list[str]) -> Matrix:
    """Every source kind, one item per vector (jobs-csv and jobs-json from one writer)."""
    matrix = Matrix()
    for writer in WRITERS:
        writer(folder, vectors, matrix)
    json_feed(folder, vectors, matrix)
    edges(folder, matrix)
    matrix.write_toml(folder / "sources.toml")
    return matrix


def json_feed(folder: Path, vectors: list[str], matrix: Matrix) -> None:
    """The news feed's vectors as a JSON Feed 1.1, in content_html and content_text alike."""
    items = []
    for n, v in enumerate(vectors):
        body = {"content_html": f'<p>湖北省人社厅举办招聘活动。{v}</p><p><a href="{v}">{v}</a></p>'}
        if n % 2:
            body = {"content_text": f"湖北省人社厅举办招聘活动。{v}\n\n{v}"}
        items.append(
            {"id": f"json-{n}", "url": v, "title": v, "date_published": "2026-11-20T09:00:00+08:00", **body}
            | {"authors": [{"name": v, "url": v}], "tags": [v]}
        )
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "招聘资讯", "home_page_url": v, "items": items}
    (folder / "news.json").write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
    matrix.add({"id": "hostile-json-feed", "kind": "feed", "url": "news.json"}, len(items), 6)


BIG = "岗" * 200_000  # a 200 KB field


def edges(folder: Path, matrix: Matrix) -> None:
    """Far dates and a 200 KB field, in the kinds that carry dates and long text."""
    far = ["Fri, 31 Dec 9999 23:59:59 +0800", "Mon, 01 Jan 1900 00:00:00 +0800", "Wed, 01 Jan 2098 00:00:00 +0800"]
    items = [
        f"<item><title>远日期 {n}</title><guid>far-{n}</guid><pubDate>{day}</pubDate>"
        "<description>湖北</description></item>"
        for n, day in enumerate(far)
    ]
    items.append(
        "<item><title>长正文</title><guid>big</guid><pubDate>Fri, 20 Nov 2026 09:00:00 +0800</pubDate>"
        f"<description>{BIG}</description></item>"
    )
    (folder / "edges.xml").write_text(rss(items), encoding="utf-8")
    matrix.add({"id": "edge-feed", "kind": "feed", "url": "edges.xml"}, len(items), 1)
    with (folder / "edges.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["岗位名称", "单位名称", "工作地点", "发布日期", "截止日期", "岗位描述"])
        writer.writerow(["远日期岗位", "某公司", "武汉", "9999-12-31", "9999-12-31", "说明"])
        writer.writerow([BIG, "某公司", "武汉", "2026-11-20", "", "说明"])
        writer.writerow(["长描述岗位", "某公司", "武汉", "2026-11-20", "", BIG])
        writer.writerow(["后续岗位", "某公司", "武汉", "2026-11-20", "", "说明"])
    matrix.add({"id": "edge-csv", "kind": "jobs-csv", "url": "edges.csv"}, 4, 1)
    calendar = new_calendar()
    for n, start in enumerate(["99991231", "19000101", "20261207"]):
        event = icalendar.Event()
        event.add("uid", f"edge-{n}")
        event.add("summary", f"远日期招聘会 {start}")
        event.add("dtstart", icalendar.vDate.from_ical(start))
        event.add("location", "湖北省武汉市")
        calendar.add_component(event)
    (folder / "edges.ics").write_bytes(calendar.to_ical())
    matrix.add({"id": "edge-ics", "kind": "fairs-ics", "url": "edges.ics"}, 3, 1)
    # A lone surrogate, as a JSON escape can carry it (no UTF-8 file can).
    lone = '{"data": [{"岗位名称": "孤立代理\\ud800项", "单位名称": "某公司", '
    lone += '"工作地点": "武汉", "发布日期": "2026-11-20"}]}'
    (folder / "edges.json").write_text(lone, encoding="utf-8")
    matrix.add({"id": "edge-json", "kind": "jobs-json", "url": "edges.json", "records": "data"}, 1, 1)
