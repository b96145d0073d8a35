"""Build time of generated news sites: jiuye (theme + plugins) against bare Pelican, same files.

python -m benchmarks.build [N ...]        (default: 1000 5000)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import ROOT, news_content, pelican

BARE_SETTINGS = """
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
SITEURL = ""
FEED_DOMAIN = "http://127.0.0.1:8000"
"""


def timed_build(content: Path, settings: Path, output: Path) -> float:
    started = time.perf_counter()
    pelican(content, settings, output, "-q")
    return time.perf_counter() - started


def main(counts: list[int]) -> None:
    print(f"{'items':>7}  {'jiuye s':>8}  {'bare Pelican s':>14}  {'ratio':>6}  {'pages':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bare = work / "bare.py"
        bare.write_text(BARE_SETTINGS, encoding="utf-8")
        for count in counts:
            content = news_content(work / f"content-{count}", count)
            ours = timed_build(content, ROOT / "pelicanconf.py", work / f"ours-{count}")
            theirs = timed_build(content, bare, work / f"bare-{count}")
            pages = sum(1 for _ in (work / f"ours-{count}").rglob("*.html"))
            print(f"{count:>7}  {ours:>8.2f}  {theirs:>14.2f}  {ours / theirs:>6.2f}  {pages:>6}", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
