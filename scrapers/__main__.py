"""python -m scrapers [--sources sources.toml] [--content content]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jiuye.campaigns import Registry, RegistryError
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import SourcesError, load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scrapers", description="抓取 sources.toml 中的来源")
    parser.add_argument("--sources", type=Path, default=Path("sources.toml"))
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--cache", type=Path, default=Path(".cache/http"))
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    args = parser.parse_args(argv)
    try:
        registry_path = args.content / "campaigns.yaml"
        registry = Registry.from_yaml(registry_path.read_text(encoding="utf-8"), str(registry_path))
        sources = load(args.sources, registry)  # its campaigns are campaigns of this registry
    except (SourcesError, RegistryError, OSError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    report = run.run(sources, registry, args.content, Fetcher(cache_dir=args.cache), progress=not args.quiet)
    print(run.summary(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
