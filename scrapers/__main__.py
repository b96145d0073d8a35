"""python -m scrapers [--sources sources.toml] [--content content] [--concurrency 16] [--per-host 2]
[--interval 0] [--quiet]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jiuye.campaigns import Registry, RegistryError
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.fetch.slots import DEFAULT_PER_HOST, DEFAULT_REQUESTS, Concurrency
from scrapers.sources import SourcesError, load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scrapers", description="抓取 sources.toml 中的来源")
    parser.add_argument("--sources", type=Path, default=Path("sources.toml"))
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--cache", type=Path, default=Path(".cache/http"))
    parser.add_argument("--quiet", action="store_true", help="不显示进度条（输出不是终端时也不显示）")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_REQUESTS, help="同时进行的请求数上限（1：逐个抓取）")
    parser.add_argument("--per-host", type=int, default=DEFAULT_PER_HOST, help="对同一主机同时进行的请求数上限")
    parser.add_argument("--interval", type=float, default=0.0, help="对同一主机相邻两次请求开始的最短间隔（秒）")
    args = parser.parse_args(argv)
    try:
        concurrency = Concurrency(args.concurrency, args.per_host, args.interval)
    except ValueError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    try:
        registry_path = args.content / "campaigns.yaml"
        registry = Registry.from_yaml(registry_path.read_text(encoding="utf-8"), str(registry_path))
        sources = load(args.sources, registry)  # its campaigns are campaigns of this registry
    except (SourcesError, RegistryError, OSError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    progress = not args.quiet and sys.stderr.isatty()
    fetcher = Fetcher(cache_dir=args.cache)
    report = run.run(sources, registry, args.content, fetcher, progress=progress, concurrency=concurrency)
    print(run.summary(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
