"""A site at scale: news, jobs and fairs mixed as a real site holds them, built whole, in shards on
a LocalCluster, and again warm after one new item; peak memory; the bytes a first search query
loads, against Pagefind's on the same pages.

python -m benchmarks.scale [N ...]        (default: 10000 50000 100000)

Per size: generated items (60 % news, 30 % jobs, 10 % fairs); a cold single build; a sharded build
(`--shards 3` on a LocalCluster of 2 workers, as `invoke build --shards` runs it); a warm single
build after one new news item (Pelican's reader cache); whether the sharded tree equals the single
build's byte for byte. Seconds are wall-clock on this machine;
RSS is the largest of the build's processes. The last lines project 1,000,000 items on 8
machines from the cold build's read and render times measured here (see the note for what bounds it).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import PHRASES, ROOT, news_content, registry
from benchmarks.search import first_queries, folder_bytes, pagefind
from jiuye import dates, metadata, regions
from publishing.compare import differing

NOW = "2026-11-23 12:00:00+08:00"
SHARDS, WORKERS = 3, 2


def add_jobs_and_fairs(content: Path, jobs: int, fairs: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    provinces, campaigns = regions.provinces(), registry().campaigns
    for kind, count in (("jobs", jobs), ("fairs", fairs)):
        folder = content / "scraped" / kind / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(count):
            province = rng.choice(provinces)
            city = rng.choice(province.cities).name if province.cities else None
            day = f"2026-{1 + number % 12:02d}-{1 + number % 28:02d}"
            meta = {
                "Title": f"{province.short}{'岗位' if kind == 'jobs' else '招聘会'}{number}",
                "Province": province.short,
            }
            if city:
                meta["City"] = city
            if kind == "jobs":
                meta |= {
                    "Category": "岗位",
                    "Date": f"{day} 09:00:00+08:00",
                    "Employer": f"基准企业{number % 997}",
                    "Salary_min": "4000",
                    "Salary_max": "6000",
                    "Salary_unit": "月",
                    "Education": "大专",
                    "Valid_through": "2027-06-30 23:59:59+08:00",
                    "Target_groups": "高校毕业生",
                }
            else:
                meta |= {
                    "Category": "招聘会",
                    "Date": f"{day} 08:00:00+08:00",
                    "Start": f"{day} 09:00:00+08:00",
                    "Mode": "线下",
                    "Employers": "50",
                    "Positions": "1200",
                    "Campaigns": rng.choice(campaigns).name,
                }
            meta |= {"Slug": f"bench-{kind}-{number}", "Source": "基准测试"}
            body = "".join(rng.choice(PHRASES) for _ in range(3))
            (folder / f"{number}.md").write_text(metadata.render(meta, body), encoding="utf-8")


# Pelican, timing its read: from the start to all_generators_finalized (every item read, every
# context built), before any page is written.
_TIMED_PELICAN = (
    "import sys, time; from pelican import main, signals; started = time.perf_counter(); "
    "signals.all_generators_finalized.connect(lambda generators: print(f'read {time.perf_counter() - started}', "
    "file=sys.stderr), weak=False); sys.argv[0] = 'pelican'; main()"
)


def _measured(command: list[str], env: dict) -> tuple[float, float]:
    """Wall-clock seconds and the peak RSS (MiB) of the largest process the command ran."""
    wrapper = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)"
    )
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", wrapper, *command], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    READS.extend(float(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("read "))
    return seconds, int(result.stderr.strip().splitlines()[-1]) / 1024


READS: list[float] = []  # the read seconds of each timed single build, in order


def single(content: Path, output: Path, cache: Path, env: dict) -> tuple[float, float]:
    command = [
        sys.executable,
        "-c",
        _TIMED_PELICAN,
        str(content),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-o",
        str(output),
        "-q",
        "-e",
        f'CACHE_PATH="{cache}"',
    ]
    return _measured(command, env)


def sharded(content: Path, output: Path, env: dict) -> tuple[float, float]:
    script = (
        "import sys; from pathlib import Path; from publishing import shards; "
        f"shards.build(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), {SHARDS})"
    )
    command = [sys.executable, "-c", script, str(content), str(ROOT / "pelicanconf.py"), str(output)]
    return _measured(command, {**env, "PYTHONPATH": str(ROOT)})


def first_query(output: Path) -> tuple[float, float]:
    """Bytes a first search for 湖北 招聘会 downloads (compressed, as served), ours and Pagefind's;
    NaN for Pagefind when it is not installed (pip install '.[bench]')."""
    try:
        pagefind(output)
    except ImportError:
        return float("nan"), float("nan")
    [(ours, _)], [(theirs, _)] = first_queries(output, ("湖北 招聘会",))
    return ours, theirs


def main(counts: list[int]) -> None:
    env = {**os.environ, "JIUYE_NOW": NOW}
    rows = []
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            content = news_content(work / "content", count * 6 // 10)
            add_jobs_and_fairs(content, count * 3 // 10, count // 10)
            cold, cold_rss = single(content, work / "single", work / "cache", env)
            cold_read = READS[-1]
            shard_seconds, shard_rss = sharded(content, work / "sharded", env)
            identical = not differing(work / "single", work / "sharded")
            extra = content / "scraped" / "news" / "bench" / "new.md"
            extra.write_text(
                metadata.render(
                    {
                        "Title": "新的一条",
                        "Date": dates.format_iso(dates.parse(NOW)),
                        "Category": "新闻",
                        "Provinces": "湖北",
                        "Slug": "bench-new",
                    },
                    "新内容。",
                ),
                encoding="utf-8",
            )
            warm, warm_rss = single(content, work / "warm", work / "cache", env)
            ours, theirs = first_query(work / "single")
            rows.append(
                (
                    count,
                    cold,
                    cold_rss,
                    shard_seconds,
                    shard_rss,
                    warm,
                    warm_rss,
                    ours,
                    theirs,
                    folder_bytes(work / "single"),
                    identical,
                    cold_read,
                )
            )
            shutil.rmtree(work / "sharded", ignore_errors=True)
    head = (
        "items",
        "cold s",
        "RSS MiB",
        "shards s",
        "RSS MiB",
        "warm s",
        "RSS MiB",
        "warm/cold",
        "1st query B",
        "Pagefind B",
        "MB",
        "shards=single",
    )
    print(" ".join(f"{h:>11}" for h in head))
    for count, cold, cold_rss, shard_s, shard_rss, warm, warm_rss, ours, theirs, size, identical, _ in rows:
        cells = (count, cold, cold_rss, shard_s, shard_rss, warm, warm_rss, warm / cold, ours, theirs, size / 1e6)
        numbers = " ".join(f"{c:>11,.0f}" if isinstance(c, int) or c > 100 else f"{c:>11.2f}" for c in cells)
        print(f"{numbers} {'yes' if identical else 'NO':>13}")
    count, cold, *_, read = rows[-1]
    reading = read / count  # a cold read, per item: every shard reads the whole site
    rendering = (cold - read) / count  # rendering, writing, the index, per item: split over the shards
    machines, shards_each = 8, 2
    shards = machines * shards_each
    projected = reading * 1e6 + rendering * 1e6 / shards
    print(
        f"cold build of {count:,}: {read:.1f} s reading, {cold - read:.1f} s rendering and writing.\n"
        f"projection for 1,000,000 items on {machines} machines ({shards} shards): "
        f"≈ {projected / 60:.0f} min ({reading * 1e6 / 60:.0f} min reading every item in each shard, "
        f"{rendering * 1e6 / shards / 60:.0f} min rendering a shard's part), if both grow linearly. Bound by the "
        "read: each shard reads the whole site, and the national shard renders every national listing."
    )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10000, 50000, 100000])
