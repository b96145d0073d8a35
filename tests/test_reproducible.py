"""Reproducible builds: the same content and the same moment give the same bytes, whatever the
clock, the folders, the hash seed or the time zone of the machine that builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime

from publishing.compare import differing, tree
from tests.conftest import BUILD_NOW, ROOT


def test_two_cold_builds_at_different_times_in_different_folders_are_identical(demo_site, tmp_path):
    """The second build runs seconds after the demo's, from another working folder, on a copy of
    its content elsewhere, with another hash seed and time zone, and with the moment given as
    SOURCE_DATE_EPOCH instead of JIUYE_NOW."""
    content = shutil.copytree(demo_site.parent / "content", tmp_path / "elsewhere" / "content")
    epoch = int(datetime.fromisoformat(BUILD_NOW).timestamp())
    env = {k: v for k, v in os.environ.items() if k != "JIUYE_NOW"}
    env.update(SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="12345", TZ="America/New_York", LC_ALL="C")
    output = tmp_path / "again"
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output)]
    command += ["-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]
    subprocess.run(command, cwd=tmp_path, env=env, check=True, capture_output=True, timeout=600)
    assert len(tree(output)) > 300
    assert differing(demo_site, output) == []
    built = b"".join(tree(output).values())
    assert str(tmp_path).encode() not in built and str(demo_site.parent).encode() not in built


def test_a_province_feed_without_jobs_is_dated_by_content_not_the_clock(demo_site):
    anhui = (demo_site / "jobs" / "anhui" / "atom.xml").read_text(encoding="utf-8")
    assert "<entry>" not in anhui and "<updated>1970-01-01T00:00:00+00:00</updated>" in anhui
