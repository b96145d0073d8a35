"""A build split into shards, each a task on a Dask cluster, merged into one tree.

Each task runs Pelican over the whole content with JIUYE_SHARD = "i/N" (the jiuye_shards plugin
writes only that shard's files: owner.py) into a folder of its own, made afresh for each attempt
and renamed into place when complete, so a task is idempotent and a retry after a lost worker
never meets a half-written folder. All tasks share one build time (JIUYE_NOW), so every shard
renders what one single build renders. The merge moves each shard's files into the release (a
path two shards both wrote, such as the theme's static files, must have the same bytes) and
writes the sitemap of the pages every shard recorded; then the service worker, whose release
names every file of the merged tree.

A LocalCluster by default; any running Dask scheduler by address, whose workers must see the same
content and build folders at the same paths (a shared volume).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path

from pelican.plugins import jiuye_offline as offline
from pelican.settings import read_settings

from jiuye import dates
from pelican.plugins.jiuye_opendata import sitemap
from pelican.plugins.jiuye_opendata.generator import sitemap_files

RETRIES = 3  # attempts after a lost worker or a failed run, per shard


class ShardError(RuntimeError):
    """A shard's build failed, or two shards wrote one file differently."""


def build_shard(index: int, count: int, content: str, settings: str, work: str, now: str) -> str:
    """One shard's Pelican run into `work`/shard-<index>; returns that folder."""
    final = Path(work) / f"shard-{index}"
    attempt = Path(work) / f".shard-{index}-{uuid.uuid4().hex}"
    command = [sys.executable, "-m", "pelican", content, "-s", settings, "-o", str(attempt), "-q"]
    command += ["-e", f'JIUYE_SHARD="{index}/{count}"']
    result = subprocess.run(command, env={**os.environ, "JIUYE_NOW": now}, capture_output=True, text=True)
    if result.returncode:
        shutil.rmtree(attempt, ignore_errors=True)
        raise ShardError(f"分片 {index}/{count} 构建失败（退出码 {result.returncode}）：{result.stderr[-2000:]}")
    shutil.rmtree(final, ignore_errors=True)
    os.replace(attempt, final)
    return str(final)


def merge(folders: list[Path], target: Path) -> int:
    """Move every shard's files into `target`; the number of files. A file two shards wrote must
    be byte for byte the same. The sitemap is written of every shard's pages."""
    moved = 0
    root, pages = "", []
    for folder in folders:
        recorded = folder / sitemap.SHARD_ENTRIES
        if recorded.is_file():
            root, entries = sitemap.entries_from_json(recorded.read_bytes())
            pages += entries
            recorded.unlink()
    for name, data in sitemap_files(pages, root).items() if pages else ():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
        moved += 1
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            relative = path.relative_to(folder)
            destination = target / relative
            if destination.exists():
                if not filecmp.cmp(path, destination, shallow=False):
                    raise ShardError(f"两个分片写出了不同的 {relative}")
                continue
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
            moved += 1
    return moved


def build(content: Path, settings: Path, output: Path, count: int, scheduler: str | None = None) -> int:
    """Build the site in `count` shards on Dask into the empty folder `output`; the files merged."""
    from dask.distributed import Client, LocalCluster  # heavy: imported only when sharding

    now = os.environ.get("JIUYE_NOW") or datetime.now(dates.SHANGHAI).isoformat(sep=" ", timespec="seconds")
    work = output.parent / f".{output.name}-shards"
    work.mkdir(parents=True, exist_ok=True)
    args = (str(content.resolve()), str(settings.resolve()), str(work.resolve()), now)
    if scheduler:
        client = Client(scheduler)
    else:
        workers = max(1, min(count, os.cpu_count() or 1))
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    try:
        run = uuid.uuid4().hex
        futures = [
            client.submit(build_shard, index, count, *args, key=f"jiuye-shard-{index}-{run}", retries=RETRIES)
            for index in range(count)
        ]
        folders = [Path(folder) for folder in client.gather(futures)]
    finally:
        client.close()
        if not scheduler:
            cluster.close()
    output.mkdir(parents=True, exist_ok=True)
    try:
        files = merge(folders, output)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    offline.write_into(output, read_settings(str(settings)))  # last: it names the release by every file
    return files + 1
