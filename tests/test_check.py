"""`invoke check`: a bad item is named by file, field and value, and the exit status says so."""

from __future__ import annotations

from pathlib import Path

from jiuye import metadata
from tests.conftest import ROOT, new_content_dir, run_python


def write_news(content: Path, name: str, **meta: str) -> Path:
    folder = content / "news"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(metadata.render(meta, "正文。"), encoding="utf-8")
    return path


def invoke_check(content: Path):
    return run_python("-m", "invoke", "-r", str(ROOT), "check", "--content", str(content), check=False)


def test_valid_content_passes(tmp_path):
    content = new_content_dir(tmp_path)
    write_news(
        content,
        "ok.md",
        Title="湖北招聘会",
        Date="2022-08-01 10:00",
        Provinces="湖北, 吉林省, shaanxi",
        Campaigns="暖心活动",
    )
    result = invoke_check(content)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "内容检查通过" in result.stdout


def test_bad_date_and_unknown_province_are_named(tmp_path):
    content = new_content_dir(tmp_path)
    bad_date = write_news(content, "bad-date.md", Title="招聘会", Date="2022-02-30")
    bad_province = write_news(content, "bad-province.md", Title="招聘会", Date="2022-08-01", Provinces="湖北, 湖背")
    typo = write_news(content, "typo.md", Title="招聘会", Date="2022-08-01", Provices="湖北")
    result = invoke_check(content)
    assert result.returncode != 0
    out = result.stdout
    assert f"{bad_date}:2: 字段 date = '2022-02-30'" in out
    assert f"{bad_province}:3: 字段 provinces = '湖北, 湖背'" in out and "湖背" in out
    assert f"{typo}:3: 字段 provices = '湖北'" in out and "未知字段" in out


def test_unknown_campaign_and_missing_title(tmp_path):
    content = new_content_dir(tmp_path)
    path = write_news(content, "x.md", Date="2022-08-01", Campaigns="秋风行动")
    out = invoke_check(content).stdout
    assert f"{path}: 字段 title = ''" in out
    assert f"{path}:2: 字段 campaigns = '秋风行动'" in out


def test_five_broken_files_are_all_reported_in_one_run(tmp_path):
    content = new_content_dir(tmp_path)
    broken = [
        write_news(content, "a.md", Title="招聘会", Date="2022-13-01"),
        write_news(content, "b.md", Title="招聘会", Date="2022-08-01", Provinces="火星"),
        write_news(content, "c.md", Title="招聘会", Date="2022-08-01", Source_url="ftp://example.org/x"),
        write_news(content, "d.md", Date="2022-08-01"),
        write_news(content, "e.md", Title="招聘会", Date="2022-08-01", Campaigns="不存在的活动"),
    ]
    result = invoke_check(content)
    assert result.returncode == 1 and "5 个问题" in result.stdout + result.stderr
    assert all(str(path) in result.stdout for path in broken)


def test_invoke_new_writes_a_draft_with_every_field_that_check_guides(tmp_path):
    content = new_content_dir(tmp_path)
    made = run_python("-m", "invoke", "-r", str(ROOT), "new", "fair", "--title", "武汉专场招聘会",
                      "--slug", "wuhan-fair", "--content", str(content))  # fmt: skip
    path = content / "fairs" / "wuhan-fair.md"
    assert made.returncode == 0 and path.is_file()
    meta, _ = metadata.parse(path.read_text(encoding="utf-8"))
    assert meta["status"] == "draft" and meta["title"] == "武汉专场招聘会" and "venue" in meta and "online_url" in meta
    out = invoke_check(content).stdout
    assert f"{path}:" in out and "字段 start" in out and "字段 province" in out


def test_the_demo_content_is_valid(demo_site):
    content = demo_site.parent / "content"
    result = invoke_check(content)
    assert result.returncode == 0, result.stdout


def test_a_bad_url_and_a_far_date_are_refused(tmp_path):
    content = new_content_dir(tmp_path)
    breakout = 'https://a.example/x" onmouseover="alert(1)'
    link = write_news(content, "link.md", Title="招聘会", Date="2026-08-01", Source_url=breakout)
    script = write_news(content, "script.md", Title="招聘会", Date="2026-08-01", Source_url="javascript:alert(1)")
    far = write_news(content, "far.md", Title="招聘会", Date="9999-12-31 10:00")
    result = invoke_check(content)
    assert result.returncode != 0
    out = result.stdout
    assert f"{link}:3: 字段 source_url = {breakout!r}: 网址含有引号" in out
    assert f"{script}:3: 字段 source_url = 'javascript:alert(1)': 只接受 http 或 https 网址" in out
    assert f"{far}:2: 字段 date = '9999-12-31 10:00': 日期超出合理范围" in out


def test_the_build_leaves_out_what_check_refuses(tmp_path):
    """The same rules at build time: a bad URL is dropped from its page, a far-dated item is not built."""
    content = new_content_dir(tmp_path)
    write_news(content, "link.md", Title="链接有误的新闻", Date="2026-08-01", Source_url="javascript:alert(1)")
    write_news(content, "far.md", Title="远日期新闻", Date="9999-12-31 10:00")
    output = tmp_path / "output"
    build = run_python("-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output))
    log = build.stdout + build.stderr
    assert "far.md" in log and "该条目未发布" in log and "source_url" in log
    page = (output / "news" / "link" / "index.html").read_text(encoding="utf-8")
    assert "链接有误的新闻" in page and "javascript:" not in page
    assert not (output / "news" / "far").exists()


def test_a_full_width_colon_a_misspelled_field_and_a_yearless_date_are_explained(tmp_path):
    content = new_content_dir(tmp_path)
    folder = content / "news"
    folder.mkdir(exist_ok=True)
    path = folder / "typo.md"
    path.write_text("Title: 招聘会\nDate: 12月5日\nProvnce: 湖北\nCampaigns：暖心行动\n\n正文。\n", encoding="utf-8")
    out = invoke_check(content).stdout
    assert f"{path}:2: 字段 date = '12月5日': 缺少年份" in out
    assert f"{path}:3: 字段 provnce = '湖北': 未知字段" in out and "是否想写 Province" in out
    assert f"{path}:4: 字段 Campaigns = ''" in out and "全角冒号" in out
