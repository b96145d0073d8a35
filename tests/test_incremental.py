"""Incremental rebuilds through `invoke build`: Pelican's reader cache is used, files whose bytes
did not change keep their mtime in output/, and a warm build is the same tree as a cold one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from publishing import unchanged
from publishing.compare import differing, tree
from tests.conftest import ROOT, build_site, run_python

NEW_ITEM = """Title: 湖北启动就业援助“暖心活动”第二轮专场招聘
Date: 2026-11-22 10:00
Provinces: 湖北
Campaigns: 暖心行动

武汉市人社局举办就业援助专场招聘，面向就业困难人员。
"""


@pytest.fixture
def project(demo_site, tmp_path: Path) -> Path:
    """A copy of the project with the demo's scraped content, not yet built."""
    shutil.copytree(demo_site.parent / "content", tmp_path / "content")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "theme").symlink_to(ROOT / "theme")
    return tmp_path


def build(project: Path) -> str:
    result = run_python("-m", "invoke", "-r", str(ROOT), "build", cwd=project)
    return result.stdout


def stamps(live: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the live site: its bytes and its mtime in nanoseconds."""
    return {path: (data, (live / path).stat().st_mtime_ns) for path, data in tree(live).items()}


def test_a_second_build_with_no_change_rewrites_no_file(project):
    first_out = build(project)
    assert "未变 0，更新 0，新增 0，删除 0" not in first_out
    before = stamps(project / "output")
    release = (project / "output").resolve()
    assert list((project / ".cache").glob("pelican-*/ArticlesGenerator-Readers"))  # the reader cache
    out = build(project)
    assert (project / "output").resolve() != release  # a new release went live
    assert stamps(project / "output") == before
    assert f"未变 {len(before)}，更新 0，新增 0，删除 0 个文件" in out


def test_one_new_item_changes_only_what_shows_it_and_the_warm_build_equals_a_cold_one(project, tmp_path):
    build(project)
    before = stamps(project / "output")
    (project / "content" / "news").mkdir(exist_ok=True)
    (project / "content" / "news" / "hubei-second-round.md").write_text(NEW_ITEM, encoding="utf-8")
    build(project)
    after = stamps(project / "output")
    touched = sorted(path for path in after if after[path] != before.get(path))
    assert "news/hubei-second-round/index.html" in touched
    assert "province/hubei/index.html" in touched and "campaign/nuanxin/atom.xml" in touched
    assert "jobs/index.html" not in touched and "fairs/all.ics" not in touched
    assert len(touched) < len(after) // 5, touched
    assert all(after[path][1] == before[path][1] for path in after.keys() - set(touched))
    cold = tmp_path / "cold"
    build_site(project / "content", cold)
    assert differing(project / "output", cold) == []


def test_only_files_with_the_live_bytes_take_the_live_times(tmp_path):
    live, build_folder = tmp_path / "live", tmp_path / "build"
    trees = {live: {"same": "a", "edited": "b", "gone": "c"}, build_folder: {"same": "a", "edited": "B"}}
    for root, files in trees.items():
        for name, text in {**files, "deep/same": "d"}.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
    (build_folder / "new").write_text("e")
    old = 1_600_000_000_000_000_000
    for path in live.rglob("*"):
        os.utime(path, ns=(old, old))
    changes = unchanged.keep_times(build_folder, live)
    assert changes == unchanged.Changes(unchanged=2, changed=1, added=1, removed=1)
    kept = {p.relative_to(build_folder).as_posix() for p in build_folder.rglob("*") if p.stat().st_mtime_ns == old}
    assert kept == {"same", "deep/same"}
    assert (live / "edited").read_text() == "b"  # the live release is only read
