"""Scraping many sources at once: the limits hold at the servers, a slow or dead host holds up no
other, and the files and the report are those of a sequential run, byte for byte."""

from __future__ import annotations

import dataclasses
import io
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from benchmarks.feed_hosts import Hosts, address
from benchmarks.feeds import Feed, generate
from scrapers import ahead, run
from scrapers.__main__ import main
from scrapers.fetch import Fetcher
from scrapers.fetch.slots import Concurrency
from scrapers.sources import Source
from scrapers.stories import KnownStories
from tests.conftest import SEEDS, new_content_dir

SEQUENTIAL = Concurrency(requests=1, per_host=1)
SLOW = 0.4  # seconds hosts 0 and 1 take to answer


def _feeds() -> list[Feed]:
    feeds = generate(20, hosts=4, slow={0: SLOW, 1: SLOW}, failing=2)
    # The first feed again, from a fast host, listed after it: one story, two sources, and the
    # slow one must still come first however the fetches finish.
    return [*feeds, dataclasses.replace(feeds[0], source_id="copy", host=3, path="/copy.xml", delay=0.0)]


@pytest.fixture(scope="module")
def hosts():
    with Hosts(_feeds()) as started:
        yield started


def sources_of(hosts: Hosts) -> list[Source]:
    return [Source(feed.source_id, "feed", hosts.url(feed)) for feed in sorted(hosts.routes.values(), key=_order)]


def _order(feed: Feed) -> tuple[bool, str]:
    return (feed.source_id == "copy", feed.source_id)


def scrape(tmp: Path, name: str, sources: list[Source], registry, limits: Concurrency) -> tuple[run.RunReport, Path]:
    (tmp / name).mkdir()
    content = new_content_dir(tmp / name)
    fetcher = Fetcher(backoff=0.05)
    report = run.run(sources, registry, content, fetcher, log=io.StringIO(), progress=False, concurrency=limits)
    return report, content


def tree(content: Path) -> dict[str, bytes]:
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in (content / "scraped").rglob("*") if p.is_file()}


def test_limits_hold_and_files_and_report_are_a_sequential_runs(tmp_path, registry, hosts):
    hosts.reset()
    sequential, seq_content = scrape(tmp_path, "seq", sources_of(hosts), registry, SEQUENTIAL)
    assert hosts.most_in_all == 1
    hosts.reset()
    limits = Concurrency(requests=3, per_host=2)
    concurrent, par_content = scrape(tmp_path, "par", sources_of(hosts), registry, limits)
    assert hosts.most_in_all == 3  # the global limit was reached, never passed
    assert max(hosts.most.values()) == 2
    assert all(most <= 2 for most in hosts.most.values()), hosts.most
    written = tree(seq_content)
    assert len([path for path in written if path.endswith(".md")]) > 100
    assert tree(par_content) == written
    assert run.summary(concurrent) == run.summary(sequential)
    failed = [r.source.id for r in concurrent.sources if r.failure]
    assert failed == ["bench-018", "bench-019"]  # the two answering 500, after their retries
    assert all("HTTP 500" in (r.failure or "") for r in concurrent.sources if r.source.id in failed)


def _closed_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def test_a_slow_a_hanging_and_a_dead_host_hold_up_no_other(tmp_path, registry):
    feeds = generate(12, hosts=4, slow={0: 2.0})  # hosts 1–3 answer at once
    slow = [feed for feed in feeds if feed.host == 0]
    hanging = dataclasses.replace(feeds[1], source_id="hanging", host=4, path="/hang.xml", hang=True)
    with Hosts([*feeds, hanging]) as served:
        dead_host = address(5)
        sources = [
            *(Source(f"dead-{n}", "feed", f"http://{dead_host}:{_closed_port(dead_host)}/feed.xml") for n in (1, 2)),
            Source("hanging", "feed", served.url(hanging), options={"timeout": 0.5, "deadline": 1.0}),
            *(Source(feed.source_id, "feed", served.url(feed)) for feed in feeds),
        ]
        began = time.monotonic()
        report, content = scrape(tmp_path, "run", sources, registry, Concurrency(requests=4, per_host=2))
        fast = [at for at, host, path in served.arrivals if host != address(0) and "hang" not in path]
    failures = {r.source.id: r.failure for r in report.sources if r.failure}
    assert set(failures) == {"dead-1", "dead-2", "hanging"}
    assert all("连接失败" in failures[f"dead-{n}"] for n in (1, 2))
    assert "超过时限 1 秒" in failures["hanging"]
    written = {p.parent.name for p in (content / "scraped" / "news").rglob("*.md")}
    assert written == {feed.source_id for feed in feeds}
    # Every fast feed was asked for before the slow host's first answer was due.
    assert len(fast) == len(feeds) - len(slow)
    assert max(fast) - began < 2.0


def test_a_host_interval_spaces_the_requests_to_it(tmp_path, registry):
    feeds = generate(6, hosts=1, slow={})
    with Hosts(feeds) as served:
        sources = [Source(feed.source_id, "feed", served.url(feed)) for feed in feeds]
        report, _ = scrape(tmp_path, "run", sources, registry, Concurrency(requests=4, per_host=2, interval=0.2))
        starts = sorted(at for at, _, _ in served.arrivals)
    assert report.ok and len(starts) == 6
    # Booked 0.2 s apart at the client; seen at the server give or take a thread's scheduling.
    assert starts[-1] - starts[0] >= 5 * 0.2 - 0.05
    assert min(b - a for a, b in zip(starts, starts[1:], strict=False)) >= 0.1  # not in pairs, as 2 per host allow


def test_sources_come_back_in_order_though_read_out_of_order():
    finished: list[int] = []

    def read(number: int):
        time.sleep(0.05 * (5 - number))  # the last listed is read first
        finished.append(number)
        yield from (number, number * 10)

    got = [(number, list(entries)) for number, entries in ahead.ahead(range(5), read, at_once=5)]
    assert got == [(n, [n, n * 10]) for n in range(5)]
    assert finished == [4, 3, 2, 1, 0]


def test_no_more_sources_than_at_once_are_read_at_once():
    lock, under_way, most = threading.Lock(), [0], [0]

    def read(number: int):
        with lock:
            under_way[0] += 1
            most[0] = max(most[0], under_way[0])
        time.sleep(0.02)
        with lock:
            under_way[0] -= 1
        yield number

    assert [n for n, entries in ahead.ahead(range(12), read, at_once=3) for n in entries] == list(range(12))
    assert most[0] == 3


def test_a_reader_that_gets_ahead_waits_and_its_error_comes_after_its_entries():
    produced = [0]

    def read(number: int):
        for entry in range(ahead.BUFFER * 4):
            produced[0] += 1
            yield entry
        raise ValueError("格式错误")

    for _, entries in ahead.ahead([1], read, at_once=1):
        time.sleep(0.3)
        assert produced[0] <= ahead.BUFFER + 1  # the reader waits for the run
        seen = []
        with pytest.raises(ValueError, match="格式错误"):
            for entry in entries:
                seen.append(entry)
        assert seen == list(range(ahead.BUFFER * 4))


def test_a_reader_left_unfinished_stops():
    stopped = threading.Event()

    def read(number: int):
        try:
            yield from range(ahead.BUFFER * 10)
        finally:
            stopped.set()

    for _, entries in ahead.ahead([1, 2], read, at_once=2):
        next(iter(entries))
        break
    assert stopped.wait(2)


@pytest.mark.parametrize("flags", [["--concurrency", "0"], ["--per-host", "0"], ["--interval", "-1"]])
def test_a_limit_below_its_floor_stops_the_scrape(tmp_path, flags, capsys):
    assert main(["--content", str(tmp_path), *flags]) == 2
    assert "错误" in capsys.readouterr().err


def test_the_stories_file_is_json_dumps_of_its_records_byte_for_byte(tmp_path):
    stories = KnownStories(tmp_path)
    assert stories.text() == "{}"
    records = {
        "scraped/news/b/2.md": {"slug": "20260101-b", "fingerprint": "AAEC", "same_as": None},
        "scraped/news/a/1.md": {"slug": "20260101-a", "fingerprint": None, "same_as": "就业\"援助\""},
    }
    for key, record in records.items():
        stories.records[key] = record
        assert stories.text() == json.dumps(stories.records, ensure_ascii=False, indent=0, sort_keys=True)


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path, capsys):
    content = new_content_dir(tmp_path)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nid = "seeds"\nkind = "posts"\nurl = "{SEEDS}"\n', encoding="utf-8")
    assert main(["--sources", str(sources), "--content", str(content), "--cache", str(tmp_path / "c")]) == 0
    out, err = capsys.readouterr()
    assert "seeds" in out and "合计" in out
    assert "个/s" not in err and "条/s" not in err and "\r" not in err
