"""Sharded builds on Dask (issue 14, item 4): which shard writes which file, and a sharded build of
the demo on a LocalCluster equals the single build byte for byte, also when a worker is killed
mid-build."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from pelican.plugins.jiuye_shards import Shard, shard_of
from publishing import shards
from publishing.compare import differing
from tests.conftest import BUILD_NOW, ROOT


def test_a_provinces_pages_are_one_shards_and_the_national_ones_shard_0s():
    count = 4
    hubei = {
        shard_of(p, count)
        for p in (
            "province/hubei/index.html",
            "jobs/hubei/index.html",
            "jobs/hubei/group/canjiren/index.html",
            "fairs/hubei/2026-12/index.html",
            "fairs/hubei.ics",
            "province/hubei/atom.xml",
        )
    }
    assert len(hubei) == 1 and hubei != {0}
    national = (
        "index.html",
        "news/index.html",
        "news/page/2/index.html",
        "jobs/index.html",
        "jobs/group/canjiren/index.html",
        "fairs/2026-12/index.html",
        "fairs/all.ics",
        "search/i/manifest.json",
        "theme/css/site.css",
        "sitemap.xml",
    )
    assert {shard_of(p, count) for p in national} == {0}
    items = [f"news/2023{n:04d}-abc/index.html" for n in range(300)]
    spread = [sum(shard_of(p, count) == s for p in items) for s in range(1, count)]
    assert min(spread) > 60  # items spread over the province shards
    assert {shard_of(p, 1) for p in (*national, *items)} == {0}


def test_a_bad_shard_setting_says_how_to_write_one():
    assert Shard.parse("2/5") == Shard(2, 5)
    for bad in ("5/5", "a/b", "-1/3", "3"):
        with pytest.raises(ValueError, match="index/count"):
            Shard.parse(bad)


@pytest.fixture
def build_now(monkeypatch):
    monkeypatch.setenv("JIUYE_NOW", BUILD_NOW)


def test_a_sharded_build_is_the_single_build_byte_for_byte(demo_site, tmp_path, build_now):
    merged = tmp_path / "merged"
    files = shards.build(demo_site.parent / "content", ROOT / "pelicanconf.py", merged, 3)
    assert files > 100
    assert differing(demo_site, merged) == []


def test_killing_a_worker_mid_build_still_gives_the_same_tree(demo_site, tmp_path, build_now, monkeypatch):
    """The first shard task to start kills its own worker two seconds into its Pelican run; Dask runs
    the task again on a worker that lives (the nanny restarts the killed one)."""
    claim = str(tmp_path / "killed")
    build_shard = shards.build_shard

    def killed_once(*args):
        try:
            claimed = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY)  # the first task only
        except FileExistsError:
            return build_shard(*args)
        os.write(claimed, str(os.getpid()).encode())
        os.close(claimed)
        threading.Timer(2.0, os.kill, (os.getpid(), signal.SIGKILL)).start()
        return build_shard(*args)

    monkeypatch.setattr(shards, "build_shard", killed_once)  # sent to the workers by value
    merged = tmp_path / "merged"
    shards.build(demo_site.parent / "content", ROOT / "pelicanconf.py", merged, 3)
    with pytest.raises(ProcessLookupError):  # that worker is gone
        os.kill(int(Path(claim).read_text()), 0)
    assert differing(demo_site, merged) == []
