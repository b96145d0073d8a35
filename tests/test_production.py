"""A production build (publishconf.py): every link and feed entry is absolute on the real host."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import feedparser
from bs4 import BeautifulSoup

from tests.conftest import BUILD_NOW, ROOT

HOST = "https://jiuye.example.org"


def test_production_build_links_to_the_real_host(demo_site, tmp_path):
    output = tmp_path / "public"
    env = {**os.environ, "JIUYE_SITEURL": HOST, "JIUYE_NOW": BUILD_NOW}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(demo_site.parent / "content"),
            "-s",
            str(ROOT / "publishconf.py"),
            "-o",
            str(output),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in home.select("main a")]
    assert links and all(href.startswith(f"{HOST}/") for href in links)
    assert home.select_one('link[rel="stylesheet"]')["href"] == f"{HOST}/theme/css/site.css"
    job = next(p for p in (output / "jobs").glob("*/index.html") if re.fullmatch(r"[0-9a-f]{12}", p.parent.name))
    data = json.loads(
        BeautifulSoup(job.read_text(encoding="utf-8"), "html.parser")
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert data["url"].startswith(f"{HOST}/jobs/")
    feed = feedparser.parse((output / "province" / "jilin" / "atom.xml").read_bytes())
    assert feed.entries and all(entry.link.startswith(f"{HOST}/news/") for entry in feed.entries)
    search = BeautifulSoup((output / "search" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert search.select_one("script[data-index]")["data-index"] == f"{HOST}/search/i/"
