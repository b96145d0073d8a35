"""CSV and JSON job exports, with a column mapping declared in the source entry.

    [[source]]
    id = "wuhan-export"
    kind = "jobs-csv"            # or "jobs-json"
    url = "exports/jobs.csv"
    encoding = "gbk"             # optional; detected when absent
    records = "data.list"        # jobs-json only: where the list of records is
    [source.columns]             # canonical field = column header (or a list of candidates)
    title = "岗位名称"
    employer = ["单位名称", "企业名称"]

Without a mapping, the common Chinese headers below are recognised.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from jiuye.schema import Problem
from scrapers.fetch import DEFAULT_MAX_BYTES, Fetched, Fetcher, detect_encoding
from scrapers.item import RawJob, SourceError, SourceWarning, guard, item_problem
from scrapers.sources import Source

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("编号", "岗位编号", "职位编号", "id", "ID"),
    "title": ("岗位名称", "职位名称", "招聘岗位", "岗位", "职位", "title"),
    "employer": ("单位名称", "企业名称", "公司名称", "招聘单位", "用人单位", "公司", "company"),
    "location": ("工作地点", "工作地址", "工作城市", "地点", "地区", "location"),
    "province": ("省份", "所在省份", "province"),
    "city": ("城市", "所在城市", "city"),
    "salary": ("薪资", "薪资待遇", "薪酬", "工资", "月薪", "薪资范围", "salary"),
    "education": ("学历", "学历要求", "最低学历", "education"),
    "experience": ("经验", "工作经验", "经验要求", "experience"),
    "openings": ("招聘人数", "人数", "需求人数", "openings"),
    "employment_type": ("用工形式", "工作性质", "岗位性质", "employment_type"),
    "target_groups": ("面向人群", "招聘对象", "服务对象", "适合人群", "target_groups"),
    "date": ("发布日期", "发布时间", "更新日期", "时间", "date"),
    "valid_through": ("截止日期", "有效期至", "截止时间", "valid_through"),
    "description": ("岗位描述", "职位描述", "岗位职责", "岗位要求", "岗位信息", "职位信息", "description"),
    "contact": ("联系方式", "联系电话", "联系人", "contact"),
    "apply_url": ("报名链接", "投递链接", "申请链接", "apply_url"),
    "url": ("链接", "原文链接", "url"),
    "campaigns": ("活动", "专项活动", "campaigns"),
}


def _unread(source: Source, headers: list[str], mapping: dict[str, str]) -> Iterator[SourceWarning]:
    """Columns no field reads, said once for the export (not once per row)."""
    unread = [h for h in headers if h and h not in mapping.values()]
    if unread:
        hint = "；如其中有需要的字段，请在 [source.columns] 中声明"
        yield SourceWarning(source.id, f"未读取的列：{'、'.join(unread)}{hint}")


def _mapping(source: Source, headers: list[str]) -> dict[str, str]:
    """canonical field -> the header that holds it in this file."""
    declared = source.options.get("columns", {})
    mapping: dict[str, str] = {}
    for name, candidates in DEFAULT_COLUMNS.items():
        wanted = declared.get(name, candidates)
        wanted = (wanted,) if isinstance(wanted, str) else tuple(wanted)
        found = next((h for h in wanted if h in headers), None)
        if found:
            mapping[name] = found
    for required in ("title", "employer"):
        if required not in mapping:
            raise SourceError(f"表头中找不到 {required} 列（表头：{'、'.join(headers)}）；请在 [source.columns] 中声明")
    return mapping


def _text(source: Source, fetched: Fetched) -> str:
    encoding = source.options.get("encoding") or detect_encoding(fetched.data, fetched.charset)
    try:
        return fetched.data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise SourceError(f"无法按 {encoding} 解码：{error}") from error


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str] | csv.Error]:
    """The rows, with a malformed one as its error: the reader goes on at the next line."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield error


def read_csv(source: Source, fetcher: Fetcher) -> Iterator[RawJob | Problem | SourceWarning]:
    # csv's default cap (128 KiB a cell) would end the file at the first long description; a cell
    # can be no larger than the file, which the fetcher caps.
    csv.field_size_limit(max(csv.field_size_limit(), DEFAULT_MAX_BYTES))
    rows = csv.reader(io.StringIO(_text(source, fetcher.get(source.url)).lstrip("\ufeff")))
    try:
        headers = [h.strip() for h in next(rows)]
    except StopIteration as error:
        raise SourceError("文件为空") from error
    mapping = _mapping(source, headers)
    yield from _unread(source, headers, mapping)
    for line, cells in enumerate(_rows(rows), start=2):
        label = f"第 {line} 行"
        if isinstance(cells, csv.Error):
            yield item_problem(source.id, label, "(CSV)", "", f"CSV 格式错误：{cells}")
            continue
        if not any(cell.strip() for cell in cells):
            continue
        while len(cells) > len(headers) and not cells[-1].strip():
            cells = cells[:-1]  # trailing empty cells: a stray comma at the end of the row
        if len(cells) != len(headers):
            yield item_problem(
                source.id,
                label,
                "(列数)",
                ",".join(cells)[:80],
                f"列数 {len(cells)} 与表头 {len(headers)} 不符，列可能错位",
            )
            continue
        record = dict(zip(headers, cells, strict=True))
        yield RawJob(source.id, label, {name: record[header].strip() for name, header in mapping.items()})


def _json_job(source: Source, label: str, record: dict, mapping: dict[str, str]) -> RawJob:
    fields: dict[str, str | list[str]] = {}
    for name, header in mapping.items():
        value = record.get(header)
        fields[name] = [str(v) for v in value] if isinstance(value, list) else "" if value is None else str(value)
    return RawJob(source.id, label, fields)


def _records(data: object, path: str) -> list:
    for key in filter(None, path.split(".")):
        if not isinstance(data, dict) or key not in data:
            raise SourceError(f"JSON 中找不到 {path}")
        data = data[key]
    if not isinstance(data, list):
        raise SourceError(f"JSON 中 {path or '顶层'} 不是列表")
    return data


def read_json(source: Source, fetcher: Fetcher) -> Iterator[RawJob | Problem | SourceWarning]:
    try:
        data = json.loads(_text(source, fetcher.get(source.url)).lstrip("\ufeff"))
    except (json.JSONDecodeError, RecursionError) as error:
        raise SourceError(f"不是有效的 JSON：{error}") from error
    records = _records(data, source.options.get("records", ""))
    headers = sorted({key for record in records if isinstance(record, dict) for key in record})
    mapping = _mapping(source, headers)
    yield from _unread(source, headers, mapping)
    for index, record in enumerate(records, start=1):
        label = f"第 {index} 条"
        if not isinstance(record, dict):
            yield item_problem(source.id, label, "(记录)", str(record)[:60], "应为对象")
            continue
        yield guard(source.id, label, _json_job, source, label, record, mapping)
