"""Invoke tasks: scrape, build, serve, rebuild, rollback, publish, check. `invoke --list` shows them.

`invoke rebuild` is the scheduler's task. Exit statuses: 0 all well (a source read whole despite
recoverable flaws is a warning); 1 some sources or items failed, or check found problems, and the
site was published with the rest; 2 the build or its verification failed, nothing was published;
3 another run holds the lock.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from invoke import Context, Exit, task
from pelican.settings import read_settings

from publishing import lock, shards, unchanged, verify
from publishing.copy import copy_swapped
from publishing.releases import KEEP, LOCAL, PRODUCTION, ReleaseError, Releases, kind_of

ROOT = Path(__file__).parent
PYTHON = shlex.quote(sys.executable)
OUTPUT = "output"  # the live site: a symlink to the current release
PREVIEW = "preview"  # invoke livereload writes here, never into a release
RELEASES = "releases"
LOCK = Path(".cache") / "rebuild.lock"
LOGS = Path("logs")
OK, SOURCES_FAILED, NOT_PUBLISHED, LOCKED = 0, 1, 2, 3


def _releases() -> Releases:
    return Releases(Path(OUTPUT), Path(RELEASES))


class _Tee:
    """Writes to the terminal and the run's log file."""

    def __init__(self, *streams: TextIO) -> None:
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


@task(
    help={
        "sources": "source list (default: sources.toml)",
        "quiet": "no progress bars",
        "concurrency": "HTTP requests under way at once (default 16; 1: one source at a time)",
        "per-host": "requests under way at once to one host (default 2)",
        "interval": "seconds between the starts of two requests to one host (default 0)",
    }
)
def scrape(
    c: Context,
    sources: str = "sources.toml",
    quiet: bool = False,
    concurrency: int = 16,
    per_host: int = 2,
    interval: float = 0.0,
) -> None:
    """Scrape every source into content/scraped/; exit 1 if any source or item failed."""
    flags = f" --concurrency {concurrency} --per-host {per_host} --interval {interval}"
    flags += " --quiet" if quiet else ""
    result = c.run(f"{PYTHON} -m scrapers --sources {shlex.quote(sources)}{flags}", warn=True, pty=False)
    if result.exited == SOURCES_FAILED:
        raise Exit("抓取完成，但有来源或条目出错（见上方报告）", code=result.exited)
    if result.exited:
        raise Exit("来源配置有误，未抓取（见上方错误）", code=result.exited)


def _build(
    c: Context, production: bool, log: TextIO | None = None, shards: int = 0, scheduler: str | None = None
) -> Path:
    """Build into a new release folder and verify it; Exit(2) with the live site untouched when
    either fails. Returns the verified build, not yet live, its files that the live release has
    byte for byte given the live files' times (so rsync and a CDN see only real changes)."""
    releases = _releases()
    current = releases.current()
    if not production and current and kind_of(current) == PRODUCTION:
        message = "output/ 现在是生产版本，本地构建不会替换它；预览请用 invoke livereload（写入 preview/）"
        raise Exit(message, code=NOT_PUBLISHED)
    folder = releases.new(PRODUCTION if production else LOCAL)
    conf = "publishconf.py" if production else "pelicanconf.py"
    streams = {"out_stream": log, "err_stream": log} if log else {}
    if shards:
        exited = _build_sharded(conf, folder, shards, scheduler, log)
    else:
        command = f"{PYTHON} -m pelican content -s {conf} -o {shlex.quote(str(folder))}"
        exited = c.run(command, warn=True, pty=False, **streams).exited
    found = [] if exited else verify.problems(folder, read_settings(conf)["SITEURL"], production)
    if exited or found:
        for problem in found[:50]:
            print(f"验证未通过 {problem}", file=log or sys.stdout)
        shutil.rmtree(folder, ignore_errors=True)
        reason = f"构建失败（退出码 {exited}）" if exited else f"验证未通过：{len(found)} 个问题"
        raise Exit(f"{reason}；线上网站未改动", code=NOT_PUBLISHED)
    print(f"与线上版本相比：{unchanged.keep_times(folder, current).summary()}", file=log or sys.stdout)
    return folder


def _build_sharded(conf: str, folder: Path, count: int, scheduler: str | None, log: TextIO | None) -> int:
    """The build as `count` shards on Dask (publishing/shards.py); 0, or 1 when a shard failed."""
    started = time.monotonic()
    try:
        files = shards.build(Path("content"), Path(conf), folder, count, scheduler)
    except shards.ShardError as error:
        print(error, file=log or sys.stdout)
        return 1
    where, took = scheduler or "本机 LocalCluster", time.monotonic() - started
    print(f"分片构建：{count} 个分片（{where}），{files} 个文件，用时 {took:.1f} 秒", file=log or sys.stdout)
    return 0


@task(
    help={
        "production": "use publishconf.py (JIUYE_SITEURL required)",
        "keep": "releases to keep",
        "shards": "split the build into this many shards, run as Dask tasks (0: one Pelican run)",
        "scheduler": "a running Dask scheduler (tcp://host:8786) for the shards; default: a LocalCluster",
    }
)
def build(c: Context, production: bool = False, keep: int = KEEP, shards: int = 0, scheduler: str = "") -> None:
    """Build the site into a new release, verify it, and make it live at output/ in one swap. A local
    build (pelicanconf.py) never replaces a production release."""
    release = _releases().publish(_build(c, production, shards=shards, scheduler=scheduler or None), keep)
    print(f"已发布 {release}")


@task(help={"port": "port to serve on", "bind": "address to bind"})
def serve(c: Context, port: int = 8000, bind: str = "127.0.0.1") -> None:
    """Serve output/ on http://127.0.0.1:8000."""
    print(f"网站已在 http://{bind}:{port}/ 运行（Ctrl+C 退出）")
    c.run(f"{PYTHON} -m pelican --listen --port {port} --bind {bind} -o {OUTPUT} -s pelicanconf.py", pty=False)


@task(
    help={
        "sources": "source list (default: sources.toml)",
        "wait": "wait for a running rebuild instead of exiting with status 3",
        "keep": "releases to keep for rollback",
    }
)
def rebuild(c: Context, sources: str = "sources.toml", wait: bool = False, keep: int = KEEP) -> None:
    """For schedulers: lock, scrape, check, build with publishconf.py into a new release, verify,
    publish by an atomic swap. A log per run in logs/, one summary line at the end."""
    started = time.monotonic()
    LOGS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    with open(LOGS / f"rebuild-{stamp}-{os.getpid()}.log", "x", encoding="utf-8") as log_file:
        log = _Tee(sys.stdout, log_file)
        try:
            with lock.exclusive(LOCK, wait):
                status, summary = _rebuild(c, sources, keep, log)
        except lock.Locked as error:
            status, summary = LOCKED, str(error)
        line = f"rebuild {stamp}: {summary}（用时 {time.monotonic() - started:.0f} 秒，退出码 {status}）"
        print(line, file=log)
    if status:
        raise Exit(code=status)


def _rebuild(c: Context, sources: str, keep: int, log: _Tee) -> tuple[int, str]:
    command = f"{PYTHON} -m scrapers --sources {shlex.quote(sources)} --quiet"
    scraped = c.run(command, warn=True, pty=False, out_stream=log, err_stream=log)
    if scraped.exited not in (OK, SOURCES_FAILED):
        return NOT_PUBLISHED, f"来源配置错误（退出码 {scraped.exited}），未构建"
    from jiuye.check import check_tree

    content_problems = list(check_tree(Path("content")))
    for problem in content_problems:
        print(f"内容问题 {problem}", file=log)
    try:
        release = _releases().publish(_build(c, production=True, log=log), keep)
    except Exit as error:
        return NOT_PUBLISHED, str(error.message)
    status = SOURCES_FAILED if scraped.exited or content_problems else OK
    states = ["有来源出错" if scraped.exited else "来源正常"]
    if content_problems:
        states.append(f"内容问题 {len(content_problems)} 个（见日志；出错的字段或条目未发布）")
    return status, f"已发布 {release.name}；{'；'.join(states)}"


@task
def rollback(c: Context) -> None:
    """Make the previous release live again."""
    try:
        release = _releases().rollback()
    except ReleaseError as error:
        raise Exit(str(error), code=1) from error
    print(f"已回退到 {release}")


@task(help={"to": "copy the live site into this folder (swapped in whole)", "rsync": "rsync target"})
def publish(c: Context, to: str = "", rsync: str = "") -> None:
    """Copy the live release elsewhere: --to DIR (a copy swapped in by rename) or --rsync TARGET."""
    live = Path(OUTPUT)
    if not (to or rsync):
        raise Exit("请指定 --to DIR 或 --rsync TARGET", code=1)
    current = _releases().current()
    if current is None or kind_of(current) != PRODUCTION or not (live / "index.html").is_file():
        raise Exit("output/ 不是经过验证的生产版本，未发布；请先运行 invoke rebuild", code=1)
    if to:
        copy_swapped(live.resolve(), Path(to))
        print(f"已复制到 {to}")
    if rsync:
        c.run(f"rsync -a --delete --delay-updates {shlex.quote(str(live.resolve()))}/ {shlex.quote(rsync)}", pty=False)
    if not (to or rsync):
        raise Exit("请指定 --to DIR 或 --rsync TARGET", code=1)


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


@task(
    help={
        "kind": "news, job or fair",
        "title": "the item's title",
        "slug": "its URL name (letters, digits, '-'); default: from the date",
        "content": "content folder (default: content)",
    }
)
def new(c: Context, kind: str, title: str = "待填写的标题", slug: str = "", content: str = "content") -> None:
    """Write a new draft news item, job or fair with every field to fill; prints its path."""
    from jiuye import blank, dates, parsers

    if kind not in blank.KINDS:
        raise Exit(f"未知类别 {kind!r}：应为 {' / '.join(blank.KINDS)}", code=1)
    now = datetime.now(dates.SHANGHAI)
    slug = slug or f"{now:%Y%m%d}-{kind}-{now:%H%M%S}"
    try:
        parsers.slug(slug, None)
    except parsers.Invalid as error:
        raise Exit(f"--slug {slug!r}：{error}", code=1) from error
    path = Path(content) / blank.FOLDERS[kind] / f"{slug}.md"
    if path.exists():
        raise Exit(f"文件已存在，未覆盖：{path}", code=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(blank.blank(kind, title, slug, now), encoding="utf-8")
    print(f"已创建草稿 {path}：填写字段后删除 Status: draft 一行即可发布；invoke check 检查，invoke build 预览")


@task(help={"port": "port to serve on"})
def livereload(c: Context, port: int = 8000) -> None:
    """Build, serve on http://127.0.0.1:8000 and rebuild whenever a content or theme file is saved."""
    print(f"预览 http://127.0.0.1:{port}/ ，保存文件后自动重新构建（Ctrl+C 退出）")
    c.run(f"{PYTHON} -m pelican content -s pelicanconf.py -o {PREVIEW} --autoreload --listen --port {port}", pty=False)
