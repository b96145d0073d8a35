"""Job sources of every kind, read from real-shaped inputs and checked field by field."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from jiuye import metadata
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import Source
from tests.conftest import FIXTURES, new_content_dir

JOBS = FIXTURES / "jobs"
# The export names its employer column 公司, which the default headers do not cover.
HB_EXPORT = {"columns": {"employer": "公司"}}


def scrape(sources, content, registry):
    log = io.StringIO()
    report = run.run(sources, registry, content, Fetcher(), log=log, progress=False)
    return report, log.getvalue()


def written(content: Path) -> dict[str, dict[str, str]]:
    """origin -> metadata (with the body under '_body') of every job file."""
    jobs = {}
    for path in (content / "scraped" / "jobs").glob("*.md"):
        meta, body = metadata.parse(path.read_text(encoding="utf-8"))
        jobs[meta["origin"]] = {**meta, "_body": body}
    return jobs


@pytest.fixture
def content(tmp_path):
    return new_content_dir(tmp_path)


def test_gbk_csv_with_list_literals_and_a_shifted_row(content, registry):
    report, log = scrape(
        [Source("hb", "jobs-csv", str(JOBS / "export-gbk.csv"), name="湖北公共招聘网", options=HB_EXPORT)],
        content,
        registry,
    )
    jobs = written(content)
    assert set(jobs) == {"hb:HB-001", "hb:HB-002", "hb:HB-006"}
    first = jobs["hb:HB-001"]
    assert first["title"] == "仓储物流专员"
    assert first["employer"] == "武汉江城供应链管理有限公司"
    assert first["category"] == "岗位"
    assert (first["province"], first["city"]) == ("湖北", "武汉市")
    assert (first["salary_min"], first["salary_max"], first["salary_unit"]) == ("5000", "7000", "月")
    assert first["salary_text"] == "5000-7000元/月"
    assert first["education"] == "高中" and first["experience"] == "不限" and first["openings"] == "10"
    assert first["target_groups"] == "农民工, 就业困难人员"  # from "['就业困难人员', '农民工']"
    assert first["date"] == "2026-11-18 00:00:00+08:00"
    assert first["valid_through"] == "2027-01-31 23:59:59+08:00"
    assert first["source"] == "湖北公共招聘网"
    assert "负责仓库收发货和盘点" in first["_body"]
    second = jobs["hb:HB-002"]
    assert (second["city"], second["salary_min"], second["salary_max"]) == ("襄阳市", "8000", "12000")
    assert second["target_groups"] == "退役军人"  # from '["退役军人"]'
    assert (second["education"], second["experience"]) == ("中专/中技", "3-5年")
    # an optional field that cannot be understood is reported and left out; the job stays
    assert "education" not in jobs["hb:HB-006"]
    assert "hb" in log and "第 7 行" in log and "看情况" in log
    errors = "\n".join(report.sources[0].errors)
    assert "第 4 行" in errors and "(列数)" in errors  # the shifted row, by row and field
    assert "第 5 行" in errors and "location" in errors and "火星基地" in errors
    assert "第 6 行" in errors and "date" in errors and "2026-13-45" in errors
    assert report.sources[0].counts["新增"] == 3 and report.sources[0].counts["失败"] == 3


def test_json_ld_page(content, registry):
    report, _ = scrape([Source("ld", "jobs-jsonld", str(JOBS / "posting.html"))], content, registry)
    assert report.ok
    [job] = written(content).values()
    assert job["origin"] == "ld:FJ-301"
    assert (job["title"], job["employer"]) == ("排版员（残疾人专岗）", "福州闽江印务有限公司")
    assert (job["province"], job["city"]) == ("福建", "福州市")
    assert (job["salary_min"], job["salary_max"], job["salary_unit"]) == ("4500", "6000", "月")
    assert job["education"] == "高中" and job["experience"] == "1-3年"
    assert job["employment_type"] == "全职" and job["openings"] == "3"
    assert job["valid_through"] == "2027-01-31 23:59:59+08:00"
    assert job["source_url"] == "https://jobs.example.cn/fj/301.html"
    assert job["target_groups"] == "残疾人"
    assert "alert" not in job["_body"] and "onclick" not in job["_body"]
    assert "配备无障碍设施" in job["_body"]


def test_xml_feed_and_a_duplicate_across_sources(content, registry):
    sources = [
        Source("hb", "jobs-csv", str(JOBS / "export-gbk.csv"), options=HB_EXPORT),
        Source("x", "jobs-xml", str(JOBS / "feed.xml")),
    ]
    report, _ = scrape(sources, content, registry)
    jobs = written(content)
    assert report.sources[1].counts["重复"] == 1  # 仓储物流专员 at 武汉江城供应链, 武汉: already from hb
    assert "x:X-1" not in jobs and "hb:HB-001" in jobs
    assembler = jobs["x:X-2"]
    assert (assembler["province"], assembler["city"]) == ("吉林", "长春市")
    assert (assembler["salary_min"], assembler["salary_max"], assembler["salary_months"]) == ("15000", "25000", "13")
    assert assembler["employment_type"] == "全职" and assembler["experience"] == "1-3年"
    assert assembler["date"] == "2026-11-19 09:00:00+08:00"
    assert assembler["target_groups"] == "农民工, 脱贫劳动力"  # from the description
    assert assembler["source_url"] == "https://jobs.example.cn/x/2"


def test_json_export_with_records_path_and_mapping(content, registry):
    columns = {
        "id": "jobId",
        "title": "jobName",
        "employer": "companyName",
        "location": "workCity",
        "salary": "salaryDesc",
        "education": "degree",
        "target_groups": "tags",
        "date": "publishTime",
        "valid_through": "endTime",
    }
    source = Source("sc", "jobs-json", str(JOBS / "export.json"), options={"records": "data.list", "columns": columns})
    report, _ = scrape([source], content, registry)
    jobs = written(content)
    tea = jobs["sc:SC-1"]
    assert (tea["province"], tea["city"], tea["salary_unit"], tea["salary_min"]) == ("四川", "宜宾市", "天", "150")
    assert tea["target_groups"] == "脱贫劳动力"
    labeler = jobs["sc:SC-2"]
    assert labeler["salary_text"] == "面议" and "salary_min" not in labeler
    assert "第 3 条" in report.sources[0].errors[0]


def test_rss_items_that_are_postings(content, registry):
    report, _ = scrape([Source("rss", "jobs-feed", str(JOBS / "postings-rss.xml"))], content, registry)
    assert report.ok
    [job] = written(content).values()
    assert job["title"] == "直播带岗主播"
    assert job["employer"] == "烟台福山区就业人才中心"
    assert (job["province"], job["city"]) == ("山东", "烟台市")
    assert (job["salary_min"], job["salary_max"]) == ("4000", "6000")
    assert job["education"] == "大专" and job["openings"] == "2"
    assert job["valid_through"] == "2026-12-31 23:59:59+08:00"


def test_job_rerun_changes_nothing(content, registry):
    sources = [
        Source("hb", "jobs-csv", str(JOBS / "export-gbk.csv"), options=HB_EXPORT),
        Source("x", "jobs-xml", str(JOBS / "feed.xml")),
    ]
    scrape(sources, content, registry)
    before = {p: p.read_bytes() for p in (content / "scraped" / "jobs").iterdir()}
    report, _ = scrape(sources, content, registry)
    assert {p: p.read_bytes() for p in (content / "scraped" / "jobs").iterdir()} == before
    assert sum(r.counts["未变"] for r in report.sources) == len(before)


def test_csv_without_recognisable_headers_names_the_fix(tmp_path, content, registry):
    export = tmp_path / "odd.csv"
    export.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    report, _ = scrape([Source("odd", "jobs-csv", str(export))], content, registry)
    assert "title" in report.sources[0].failure and "[source.columns]" in report.sources[0].failure


def test_an_export_whose_every_cell_is_a_list_literal_is_read_as_exported(tmp_path, content, registry):
    """The shape of a national job site's export: each cell a Python list literal, the date too."""
    export = tmp_path / "export.csv"
    export.write_text(
        "编号,岗位名称,单位名称,工作地点,薪资待遇,学历要求,工作经验,招聘人数,发布日期\n"
        "\"['A1']\",\"['仓储物流专员']\",\"['武汉江城供应链管理有限公司']\",\"['湖北省武汉市东西湖区']\","
        "\"['5000-7000元/月']\",\"['高中']\",\"['无工作经验']\",\"['若干人']\",\"['2019-09-13']\"\n",
        encoding="utf-8",
    )
    report, log = scrape([Source("national", "jobs-csv", str(export))], content, registry)
    assert report.ok and report.sources[0].counts["新增"] == 1 and report.sources[0].counts["警告"] == 0, log
    [job] = written(content).values()
    assert job["title"] == "仓储物流专员" and job["employer"] == "武汉江城供应链管理有限公司"
    assert job["date"].startswith("2019-09-13") and job["city"] == "武汉市" and job["experience"] == "不限"
    assert "openings" not in job


def test_a_column_no_field_reads_is_reported_once_not_per_row(tmp_path, content, registry):
    export = tmp_path / "export.csv"
    rows = "".join(f"A{n},焊工{n},襄阳汉江机械有限公司,湖北省襄阳市,2026-11-2{n},内部备注{n}\n" for n in range(1, 4))
    export.write_text("编号,岗位名称,单位名称,工作地点,发布日期,备注\n" + rows, encoding="utf-8")
    report, log = scrape([Source("export", "jobs-csv", str(export))], content, registry)
    assert report.ok and report.sources[0].counts["新增"] == 3
    assert report.sources[0].counts["警告"] == 1 and log.count("未读取的列：备注") == 1
