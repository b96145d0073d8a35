"""Invoke tasks: scrape, build, serve, rebuild, check. `invoke --list` shows them."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from invoke import Context, Exit, task

ROOT = Path(__file__).parent
PYTHON = shlex.quote(sys.executable)
OUTPUT = "output"


@task(help={"sources": "source list (default: sources.toml)", "quiet": "no progress bars"})
def scrape(c: Context, sources: str = "sources.toml", quiet: bool = False) -> None:
    """Scrape every source into content/scraped/; exit 1 if any source or item failed."""
    flags = " --quiet" if quiet else ""
    result = c.run(f"{PYTHON} -m scrapers --sources {shlex.quote(sources)}{flags}", warn=True, pty=False)
    if result.exited:
        raise Exit("抓取完成，但有来源或条目出错（见上方报告）", code=result.exited)


@task(help={"production": "use publishconf.py (real SITEURL, clean output)"})
def build(c: Context, production: bool = False) -> None:
    """Build the site into output/."""
    conf = "publishconf.py" if production else "pelicanconf.py"
    c.run(f"{PYTHON} -m pelican content -s {conf} -o {OUTPUT}", pty=False)


@task(help={"port": "port to serve on", "bind": "address to bind"})
def serve(c: Context, port: int = 8000, bind: str = "127.0.0.1") -> None:
    """Serve output/ on http://127.0.0.1:8000."""
    print(f"网站已在 http://{bind}:{port}/ 运行（Ctrl+C 退出）")
    c.run(f"{PYTHON} -m pelican --listen --port {port} --bind {bind} -o {OUTPUT} -s pelicanconf.py", pty=False)


@task(help={"sources": "source list (default: sources.toml)"})
def rebuild(c: Context, sources: str = "sources.toml") -> None:
    """Scrape, then build, for cron/CI. Builds even when a source failed; exits non-zero then."""
    failure = None
    try:
        scrape(c, sources=sources, quiet=True)
    except Exit as error:
        failure = error
    build(c)
    if failure:
        raise failure


@task(help={"content": "content folder (default: content)"})
def check(c: Context, content: str = "content") -> None:
    """Validate every content file; name file, field and value of each problem."""
    sys.path.insert(0, str(ROOT))
    from jiuye.check import check_tree

    problems = list(check_tree(Path(content)))
    for problem in problems:
        print(problem)
    if problems:
        raise Exit(f"内容检查未通过：{len(problems)} 个问题", code=1)
    print("内容检查通过")
