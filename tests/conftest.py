"""Shared fixtures: the repository, the seed posts, and a demo site built once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from jiuye import metadata
from jiuye.campaigns import Registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"


# Builds in tests happen on a fixed day, so that which demo jobs are open never drifts.
BUILD_NOW = "2026-11-23 12:00:00+08:00"


def run_python(*args: str, cwd: Path = ROOT, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "JIUYE_NOW": BUILD_NOW}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=check, timeout=600, env=env
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def scraped(site: Path, kind: str) -> dict[str, dict[str, str]]:
    """slug -> metadata of every item of a kind (jobs, fairs) scraped for a demo site's content."""
    items = {}
    for path in (site.parent / "content" / "scraped" / kind).glob("*.md"):
        meta, _ = metadata.parse(path.read_text(encoding="utf-8"))
        items[meta["slug"]] = meta
    return items


def scraped_news(content: Path, source_id: str) -> dict[str, tuple[dict[str, str], str]]:
    """origin item id -> (metadata, body) of every news file a source wrote under `content`."""
    files = {}
    for path in (content / "scraped" / "news" / source_id).glob("*.md"):
        meta, body = metadata.parse(path.read_text(encoding="utf-8"))
        files[meta["origin"].split(":", 1)[1]] = (meta, body)
    return files


def new_content_dir(tmp: Path) -> Path:
    """A content folder with the repository's registry and pages but no news."""
    content = tmp / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "campaigns.yaml", content)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    return content


def build_site(content: Path, output: Path) -> subprocess.CompletedProcess:
    return run_python(
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-o",
        str(output),
        "-e",
        "CACHE_CONTENT=false",
        "LOAD_CONTENT_CACHE=false",
    )


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry.from_yaml((ROOT / "content" / "campaigns.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo site as `make demo` builds it: default sources.toml scraped, then built."""
    tmp = tmp_path_factory.mktemp("demo")
    content = new_content_dir(tmp)
    scrape = run_python(
        "-m",
        "scrapers",
        "--sources",
        str(ROOT / "sources.toml"),
        "--content",
        str(content),
        "--cache",
        str(tmp / "cache"),
        "--quiet",
    )
    assert "合计" in scrape.stdout
    output = tmp / "output"
    build_site(content, output)
    return output
