"""Warm rebuilds after one new item against a cold build, on generated news sites.

python -m benchmarks.rebuild [N ...]        (default: 10000)

For each size: a cold build (empty reader cache, which it fills), then one news item is added and
the site is built twice more: with the caches (Pelican's reader cache, and jiuye_pages' record of
the pages and jiuye_taxonomy's of the figures, all in the cache folder), and as `invoke build`
does it (the caches, then publishing/unchanged.py gives every file the live release has byte for
byte the live file's mtime). Prints CPU seconds (user + system of the build, which other work on a
shared machine does not inflate as it does wall-clock time), the ratio to cold, and how many
files look changed to rsync (other size or mtime than the previous release).
"""

from __future__ import annotations

import resource
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import ROOT, news_content, pelican
from jiuye import metadata
from publishing import unchanged

NEW_ITEM = {
    "Title": "湖北开展就业援助月新一轮招聘活动",
    "Date": "2026-11-22T10:00:00+08:00",
    "Category": "新闻",
    "Slug": "bench-new",
    "Provinces": "湖北",
    "Campaigns": "就业援助月",
}


def cpu_seconds() -> float:
    """CPU time of this process and the builds it ran."""
    return sum(sum(resource.getrusage(who)[:2]) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def build(content: Path, output: Path, cache: Path, load: bool) -> float:
    started = cpu_seconds()
    cache_settings = ("CACHE_CONTENT=true", f"LOAD_CONTENT_CACHE={str(load).lower()}", f'CACHE_PATH="{cache}"')
    pelican(content, ROOT / "pelicanconf.py", output, "-q", extra=cache_settings)
    return cpu_seconds() - started


def looks_changed(new: Path, old: Path) -> int:
    """Files rsync's quick check would send: absent from `old`, or another size or mtime there."""
    count = 0
    for path in new.rglob("*"):
        if path.is_file():
            before = old / path.relative_to(new)
            same = before.is_file() and (before.stat().st_size, before.stat().st_mtime_ns) == (
                path.stat().st_size,
                path.stat().st_mtime_ns,
            )
            count += not same
    return count


def main(counts: list[int]) -> None:
    header = f"{'items':>7}  {'files':>6}  {'cold CPU s':>10}  {'warm (caches) s':>22}  {'ratio':>5}"
    print(f"{header}  {'warm (ours) s':>13}  {'ratio':>5}  {'changed files (Pelican / ours)':>30}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for count in counts:
            content = news_content(work / f"content-{count}", count)
            cache, cold_out = work / f"cache-{count}", work / f"cold-{count}"
            cold = build(content, cold_out, cache, load=False)
            (content / "scraped" / "news" / "bench" / "new.md").write_text(
                metadata.render(NEW_ITEM, "湖北省人社厅举办就业援助月专场招聘会。"), encoding="utf-8"
            )
            warm_out, ours_out = work / f"warm-{count}", work / f"ours-{count}"
            warm = build(content, warm_out, cache, load=True)
            started = cpu_seconds()
            build(content, ours_out, cache, load=True)
            unchanged.keep_times(ours_out, cold_out)
            ours = cpu_seconds() - started
            files = sum(1 for p in ours_out.rglob("*") if p.is_file())
            changed = f"{looks_changed(warm_out, cold_out)} / {looks_changed(ours_out, cold_out)}"
            row = f"{count:>7}  {files:>6}  {cold:>10.1f}  {warm:>22.1f}  {warm / cold:>5.2f}"
            print(f"{row}  {ours:>13.1f}  {ours / cold:>5.2f}  {changed:>30}", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10000])
