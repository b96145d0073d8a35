"""Search at 1,000 / 10,000 / 50,000 items: jiuye's sharded lunr index against Pagefind, same site.

For each size: generate news, jobs and fairs (text sampled from the seed articles), build the
site with jiuye, and print the index build seconds, total index bytes and the bytes Chromium
downloads for a first query (measured: the transferSize of every script, index and result file
the query fetched, served gzip-compressed as a CDN would). Then index the same item pages with
Pagefind (`pagefind[extended]`, `pip install -e .[bench]`) and measure it the same way.

    python -m benchmarks.search [N ...]      (default: 1000 10000 50000)
    python -m benchmarks.search --quality    (recall@10 and MRR: benchmarks/search_quality.py)
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import http.server
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.generate import ROOT, pelican, registry
from jiuye import dates, metadata, regions

QUERIES = ("湖北 招聘会", "暖心")
RESULTS = 10  # both engines fetch the data of the first 10 results (jiuye's first page)
CHROMIUM = "/usr/bin/chromium"
COMPRESSED = {".js", ".json", ".html", ".css", ".mjs"}


def seed_sentences() -> list[str]:
    text = " ".join(
        (ROOT / "demo" / "posts").joinpath(p.name).read_text(encoding="utf-8")
        for p in (ROOT / "demo" / "posts").iterdir()
    )
    plain = re.sub(r"<[^>]+>|---.*?---", " ", text, flags=re.S)
    return [s.strip() + "。" for s in re.split(r"[。！？]", plain) if len(s.strip()) > 15]


def generate(target: Path, count: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    sentences = seed_sentences()
    campaigns = registry().campaigns
    cities = [(p, c) for p in regions.provinces() for c in p.cities]
    start = dates.parse("2026-01-01 08:00")
    for kind_dir in ("news", "jobs", "fairs"):
        (target / kind_dir).mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "content" / "campaigns.yaml", target)
    for number in range(count):
        province, city = rng.choice(cities)
        campaign = rng.choice(campaigns)
        body = "".join(rng.sample(sentences, 6))
        when = dates.format_iso(start.replace(month=1 + number % 12, day=1 + number % 28))
        roll = number % 10
        if roll < 7:
            folder, meta = (
                "news",
                {
                    "Title": f"{city.short}开展{campaign.name}第{number}期",
                    "Date": when,
                    "Provinces": province.short,
                    "Campaigns": campaign.name,
                    "Source": "基准测试",
                    "Summary": body[:80],
                },
            )
        elif roll < 9:
            folder, meta = (
                "jobs",
                {
                    "Title": rng.choice(("仓储物流专员", "客服专员", "数据标注员", "装配工")) + str(number),
                    "Date": when,
                    "Category": "岗位",
                    "Employer": f"{city.short}第{number % 997}号企业",
                    "Province": province.short,
                    "City": city.name,
                    "Salary_text": "5000-7000元/月",
                    "Target_groups": rng.choice(("高校毕业生", "农民工", "残疾人")),
                },
            )
        else:
            folder, meta = (
                "fairs",
                {
                    "Title": f"{city.short}{campaign.name}招聘会{number}",
                    "Date": when,
                    "Category": "招聘会",
                    "Start": when[:10],
                    "Province": province.short,
                    "City": city.name,
                    "Mode": rng.choice(("线下", "线上", "线上线下")),
                },
            )
        meta["Slug"] = f"b{number}"
        (target / folder / f"{number}.md").write_text(metadata.render(meta, body), encoding="utf-8")


def build(content: Path, output: Path) -> tuple[float, float]:
    """(build seconds, index seconds from the plugin's log line)."""
    started = time.perf_counter()
    printed = pelican(content, ROOT / "pelicanconf.py", output, "-v")
    seconds = time.perf_counter() - started
    logged = re.search(r"搜索索引：.*?([\d.]+)\s*秒", printed.replace("\n", " "))
    return seconds, float(logged.group(1)) if logged else float("nan")


# The generated items' pages (slugs b0, b1 …), not the listings: the same set jiuye indexes.
ITEM_PAGES = "{news,jobs,fairs}/b*/index.html"


async def _pagefind(output: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(root_selector="article", output_path=str(output / "pagefind"))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(output), glob=ITEM_PAGES)
        await index.write_files(output_path=str(output / "pagefind"))


def pagefind(output: Path) -> float:
    started = time.perf_counter()
    asyncio.run(_pagefind(output))
    return time.perf_counter() - started


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class _CountingWriter:
    """The response stream of one request: counts the bytes that go out, headers included."""

    def __init__(self, stream, handler: CompressingHandler) -> None:
        self.stream = stream
        self.handler = handler

    def write(self, data: bytes) -> int:
        CompressingHandler.sent.append((getattr(self.handler, "path", ""), len(data)))
        return self.stream.write(data)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text gzip-compressed, as a CDN would (Pagefind's own files are compressed already),
    and records every byte it sends: Pagefind fetches from a Web Worker, which a page's own
    resource timing does not see, so downloads are measured where they leave the server."""

    sent: list[tuple[str, int]] = []

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self)

    def send_head(self):  # noqa: D102
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "") and path.is_file():
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        return super().send_head()

    def log_message(self, *args):
        pass


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


PAGEFIND_PROBE = f"""<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>probe</title>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
const query = new URLSearchParams(location.search).get("q");
const search = await pagefind.search(query);
await Promise.all(search.results.slice(0, {RESULTS}).map(r => r.data()));
document.title = "done " + search.results.length;
</script></html>"""


def measure(base: str, path: str, done: str, resource_filter: str) -> tuple[int, int]:
    """(bytes sent for matching requests, results) of one page load in a fresh Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(bypass_csp=True).new_page()  # the probe evaluates scripts
        CompressingHandler.sent.clear()
        page.goto(base + path)
        page.wait_for_function(done, timeout=120_000)
        page.wait_for_timeout(300)  # let the last responses finish
        entries = list(CompressingHandler.sent)
        count = page.evaluate(
            "document.title.startsWith('done') ? +document.title.split(' ')[1] : "
            "+document.getElementById('search-status').textContent.match(/找到 (\\d+)/)[1]"
        )
        browser.close()
    return sum(size for name, size in entries if re.search(resource_filter, name)), count


def first_queries(output: Path, queries: tuple[str, ...]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(bytes, hits) of each query's first search, ours and Pagefind's, on a built site that
    Pagefind has indexed (`pagefind(output)`), served compressed."""
    (output / "pagefind-probe.html").write_text(PAGEFIND_PROBE, encoding="utf-8")
    handler = functools.partial(CompressingHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    ours, theirs = [], []
    try:
        for query in queries:
            ours.append(
                measure(
                    base,
                    f"/search/?q={query}",
                    "document.getElementById('search-status').textContent.startsWith('找到')",
                    r"/search/i/|/theme/js/",
                )
            )
            theirs.append(
                measure(base, f"/pagefind-probe.html?q={query}", "document.title.startsWith('done')", r"/pagefind/")
            )
    finally:
        server.shutdown()
    return ours, theirs


def main(counts: list[int]) -> None:
    print(
        f"{'items':>6} {'engine':>9} {'index s':>8} {'index bytes':>12} "
        + " ".join(f"{'1st query B (' + q + ')':>22}" for q in QUERIES)
    )
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            work = Path(tmp) / str(count)
            content, output = work / "content", work / "output"
            generate(content, count)
            _, index_seconds = build(content, output)
            pagefind_seconds = pagefind(output)
            ours, theirs = first_queries(output, QUERIES)
            print(
                f"{count:>6} {'jiuye':>9} {index_seconds:>8.1f} {folder_bytes(output / 'search' / 'i'):>12,} "
                + " ".join(f"{b:>13,} ({n} hits)" for b, n in ours),
                flush=True,
            )
            print(
                f"{count:>6} {'pagefind':>9} {pagefind_seconds:>8.1f} {folder_bytes(output / 'pagefind'):>12,} "
                + " ".join(f"{b:>13,} ({n} hits)" for b, n in theirs),
                flush=True,
            )
            shutil.rmtree(work)


if __name__ == "__main__":
    if sys.argv[1:] == ["--body"]:
        from benchmarks import search_body

        search_body.main()
    elif sys.argv[1:2] == ["--quality"]:
        from benchmarks import search_quality

        search_quality.main(*map(int, sys.argv[2:3]))
    else:
        main([int(arg) for arg in sys.argv[1:]] or [1000, 10000, 50000])
