"""sources.toml checked against its schema when it is loaded: an unknown key or table, or no
source at all, stops the scrape (exit status 2) before anything is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.__main__ import main
from scrapers.sources import SourcesError, load
from tests.conftest import ROOT


def run_main(tmp_path: Path, toml: str, capsys) -> tuple[int, str]:
    path = tmp_path / "sources.toml"
    path.write_text(toml, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    (content / "campaigns.yaml").write_text((ROOT / "content" / "campaigns.yaml").read_text("utf-8"))
    code = main(["--sources", str(path), "--content", str(content), "--quiet", "--cache", str(tmp_path / "c")])
    err = capsys.readouterr().err
    assert not (content / "scraped").exists()  # refused before anything was scraped
    return code, err.replace(f"{path}: ", "sources.toml: ")


FEED_SOURCE = '[[source]]\nid = "hubei-news"\nkind = "feed"\nurl = "feed.xml"\n'
HUBEI = "sources.toml: source 'hubei-news': 未知字段"
JOBS_TABLES = "jobs-csv、jobs-json"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (FEED_SOURCE + 'provnce = "湖北"\n', f"{HUBEI} provnce（是否想写 province？）"),
        (FEED_SOURCE.replace("source]]", "sources]]"), "sources.toml: 未知的表 [[sources]]（是否想写 [[source]]？）"),
        (FEED_SOURCE.replace("kind", "knd"), f"{HUBEI} knd（是否想写 kind？）"),
        (FEED_SOURCE.replace("id =", "ids ="), "sources.toml: source 1: 未知字段 ids（是否想写 id？）"),
        (FEED_SOURCE + 'records = "data"\n', f"{HUBEI} records（只有 jobs-json 来源使用此字段）"),
        (FEED_SOURCE + "[source.colums]\n", f"{HUBEI} colums（是否想写 columns？只有 {JOBS_TABLES} 来源使用此字段）"),
        ('title = "来源"\n', "sources.toml: 未知字段 title（来源的字段应写在 [[source]] 表内）"),
        ("# 暂无来源\n", "sources.toml: 没有任何来源：至少需要一个 [[source]] 表"),
    ],
)
def test_a_key_or_table_outside_the_schema_stops_the_run(tmp_path, capsys, toml, message):
    code, err = run_main(tmp_path, toml, capsys)
    assert code == 2
    assert f"错误：{message}" in err


def test_every_kind_takes_its_own_options(tmp_path, registry):
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nid = "a"\nkind = "jobs-json"\nurl = "a.json"\nrecords = "data.list"\nencoding = "gbk"\n'
        '[source.columns]\ntitle = "jobName"\n',
        encoding="utf-8",
    )
    [source] = load(path, registry)
    assert source.options == {"records": "data.list", "encoding": "gbk", "columns": {"title": "jobName"}}
    path.write_text('[[source]]\nid = "a"\nkind = "jobs-json"\nurl = "a.json"\nrecord = "x"\n', encoding="utf-8")
    with pytest.raises(SourcesError, match="source 'a': 未知字段 record（是否想写 records？）"):
        load(path, registry)


def test_a_fetch_limit_must_be_a_positive_number(tmp_path, registry):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nid = "a"\nkind = "feed"\nurl = "https://example.org/f.xml"\ntimeout = "soon"\n')
    with pytest.raises(SourcesError, match="timeout"):
        load(path, registry)


def test_a_misspelled_kind_is_named_with_the_nearest(tmp_path, registry):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nid = "a"\nkind = "fed"\nurl = "https://example.org/f.xml"\n', encoding="utf-8")
    with pytest.raises(SourcesError, match="字段 kind = 'fed'（是否想写 feed？）"):
        load(path, registry)
