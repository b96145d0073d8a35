"""`invoke rebuild` as a scheduler runs it: locked, built apart, verified, swapped in whole.

Each test runs the real task in a copy of the project (its own content/, output/, releases/), on
the bundled demo sources, with the production settings.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from publishing import lock, verify
from tests.conftest import BUILD_NOW, ROOT

HOST = "https://jiuye.test"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns("scraped"))
    for name in ("sources.toml", "pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("demo", "theme"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def invoke(project: Path, *args: str, site_url: str | None = HOST, **popen) -> subprocess.Popen:
    env = {**os.environ, "JIUYE_NOW": BUILD_NOW}
    env.pop("JIUYE_SITEURL", None)
    if site_url:
        env["JIUYE_SITEURL"] = site_url
    command = [sys.executable, "-m", "invoke", "-r", str(ROOT), *args]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
    return subprocess.Popen(command, cwd=project, env=env, **pipes, **popen)


def run(project: Path, *args: str, site_url: str | None = HOST) -> tuple[int, str]:
    process = invoke(project, *args, site_url=site_url)
    out, _ = process.communicate(timeout=300)
    return process.returncode, out


def live_bytes(project: Path) -> dict[str, bytes]:
    live = project / "output"
    return {p.relative_to(live).as_posix(): p.read_bytes() for p in live.rglob("*") if p.is_file()}


def test_a_rebuild_publishes_a_verified_release_on_the_real_host(project):
    status, out = run(project, "rebuild")
    assert status == 0, out
    live = project / "output"
    assert live.is_symlink() and (live / "index.html").is_file()
    assert verify.problems(live, HOST) == []
    published = [p for p in live.rglob("*") if p.suffix in (".html", ".xml", ".ics", ".json", ".js")]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in published]
    assert not any("127.0.0.1" in text for text in texts)
    assert sum(HOST in text for text in texts) > 50
    logs = list((project / "logs").glob("rebuild-*.log"))
    assert len(logs) == 1 and "已发布" in logs[0].read_text(encoding="utf-8")
    assert out.strip().splitlines()[-1].startswith("rebuild ") and "退出码 0" in out


def test_without_a_site_url_nothing_is_published(project):
    assert run(project, "rebuild")[0] == 0
    before = live_bytes(project)
    status, out = run(project, "rebuild", site_url=None)
    assert status == 2 and "JIUYE_SITEURL" in out
    assert live_bytes(project) == before
    assert not [p for p in (project / "releases").iterdir() if p.name.startswith(".")]


def test_a_second_run_exits_3_while_the_first_holds_the_lock(project):
    with lock.exclusive(project / ".cache" / "rebuild.lock"):
        started = time.monotonic()
        status, out = run(project, "rebuild")
    assert status == 3 and "另一次运行" in out
    assert time.monotonic() - started < 30
    assert not (project / "output").exists()


def test_two_concurrent_rebuilds_one_publishes_the_other_exits_3(project):
    first = invoke(project, "rebuild")
    lock_file = project / ".cache" / "rebuild.lock"
    deadline = time.monotonic() + 60
    while not (lock_file.exists() and lock_file.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.02)  # until the first holds the lock
    second = invoke(project, "rebuild")
    second_out, _ = second.communicate(timeout=300)
    first_out, _ = first.communicate(timeout=300)
    assert (first.returncode, second.returncode) == (0, 3), (first_out, second_out)
    assert "另一次运行" in second_out and verify.problems(project / "output", HOST) == []


def test_a_rebuild_killed_mid_build_leaves_the_previous_release_live(project):
    assert run(project, "rebuild")[0] == 0
    before = live_bytes(project)
    (project / "content" / "news").mkdir(exist_ok=True)
    (project / "content" / "news" / "killed.md").write_text(
        "Title: 未发布的新闻\nDate: 2026-11-20\n\n正文。\n", encoding="utf-8"
    )
    process = invoke(project, "rebuild", start_new_session=True)
    releases = project / "releases"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # until the new build has begun writing pages
        building = [p for p in releases.iterdir() if p.name.startswith(".")]
        if building and any(building[0].rglob("*.html")):
            break
        time.sleep(0.02)
    else:
        pytest.fail("the second rebuild never started building")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert live_bytes(project) == before
    status, out = run(project, "rebuild")  # the next run publishes, and clears the killed build away
    assert status == 0, out
    assert "未发布的新闻" in (project / "output" / "news" / "index.html").read_text(encoding="utf-8")
    assert not [p for p in releases.iterdir() if p.name.startswith(".")]


def test_rollback_makes_the_previous_release_live(project):
    assert run(project, "build")[0] == 0
    first = (project / "output").resolve()
    assert run(project, "build")[0] == 0
    assert (project / "output").resolve() != first
    status, out = run(project, "rollback")
    assert status == 0, out
    assert (project / "output").resolve() == first


def test_verification_finds_a_missing_page_and_an_unreadable_feed(tmp_path):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    (site / "index.html").write_text('<a href="/news/">新闻</a><a href="/gone/">?</a>'
                                     '<div class="content"><a href="/typo/">正文中的链接</a></div>', encoding="utf-8")
    (site / "news" / "index.html").write_text("<p>ok</p>", encoding="utf-8")
    (site / "news" / "atom.xml").write_text("<feed><title>broken", encoding="utf-8")
    found = verify.problems(site, HOST, production=False)
    assert any("/gone/" in p for p in found) and not any("/typo/" in p for p in found)
    assert any("atom.xml" in p for p in found) and any("manifest.json" in p for p in found)


def test_drafts_of_every_kind_are_previewed_locally_and_never_published(project):
    drafts = {
        "news": "Title: 尚未审定的新闻\nDate: 2026-11-20\nSlug: draft-news\nStatus: draft\n",
        "jobs": "Title: 尚未审定的岗位\nDate: 2026-11-20\nCategory: 岗位\nSlug: draft-job\nStatus: draft\n"
        "Employer: 某公司\nProvince: 湖北\n",
        "fairs": "Title: 尚未审定的招聘会\nDate: 2026-11-20\nCategory: 招聘会\nSlug: draft-fair\nStatus: draft\n"
        "Start: 2026-12-20\nProvince: 湖北\nMode: 线下\n",
    }
    for folder, header in drafts.items():
        (project / "content" / folder).mkdir(exist_ok=True)
        (project / "content" / folder / "draft.md").write_text(header + "\n正文。\n", encoding="utf-8")
    status, out = run(project, "build")
    assert status == 0, out
    for slug, title in (("draft-news", "新闻"), ("draft-job", "岗位"), ("draft-fair", "招聘会")):
        page = project / "output" / "drafts" / slug / "index.html"
        assert f"尚未审定的{title}" in page.read_text(encoding="utf-8")
    (project / "output").unlink()  # a fresh production host
    status, out = run(project, "rebuild")
    assert status == 0, out
    published = live_bytes(project)
    assert not any(name.startswith("drafts/") or "draft-" in name for name in published)
    assert not any("尚未审定".encode() in data for data in published.values())


def test_a_local_build_never_replaces_nor_rolls_back_onto_a_production_site(project, tmp_path):
    assert run(project, "build")[0] == 0  # a preview, made before the first production run
    assert run(project, "rebuild")[0] == 0
    production = (project / "output").resolve()
    before = live_bytes(project)
    status, out = run(project, "build")
    assert status == 2 and "livereload" in out and live_bytes(project) == before
    assert run(project, "rebuild")[0] == 0
    assert run(project, "rollback")[0] == 0 and (project / "output").resolve() == production
    status, out = run(project, "rollback")  # the preview before it is not a production release
    assert status == 1 and (project / "output").resolve() == production
    assert run(project, "publish", "--to", str(tmp_path / "web"))[0] == 0
    assert (tmp_path / "web" / "index.html").read_bytes() == before["index.html"]


def test_a_bad_content_file_is_reported_with_status_1_and_the_rest_published(project):
    (project / "content" / "news").mkdir(exist_ok=True)
    bad = project / "content" / "news" / "bad.md"
    bad.write_text("Title: 坏日期\nDate: 2026-02-30\n\n正文。\n", encoding="utf-8")
    status, out = run(project, "rebuild")
    assert status == 1 and "内容问题 1 个" in out and "bad.md:2" in out
    news = (project / "output" / "news" / "index.html").read_text(encoding="utf-8")
    assert "坏日期" not in news and news.count("<li") > 5
