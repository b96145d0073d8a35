"""The open-data records and their documented fields.

A record is the schema.org object the item's own page carries as JSON-LD (jiuye_jobs.json_ld,
jiuye_fairs.json_ld): the same values, read from the same typed fields, without the page's
@context (the file gives it once) and, for a job, without its description (the posting's HTML
body, which its page at `url` shows).

A CSV column is the dotted path of a field in the record (`jobLocation.address.addressRegion`);
where the record holds a list of objects (a fair both on site and online has a Place and a
VirtualLocation), a path takes the first object that has the key. Every column is described in
Chinese for the documentation page (/data/), the one list of what the files carry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jiuye import job_terms, salary
from pelican.plugins.jiuye_fairs.json_ld import ATTENDANCE

DROPPED = ("@context",)
JOB_DROPPED = (*DROPPED, "description")


def _values(terms: Mapping[str, str | None]) -> str:
    """The values a field takes, each with the Chinese word it stands for: FULL_TIME 全职、…"""
    named: dict[str, list[str]] = {}
    for word, value in terms.items():
        if value is not None:
            named.setdefault(value.rsplit("/", 1)[-1], []).append(word)
    return "、".join(f"{value} {'/'.join(words)}" for value, words in named.items())


@dataclass(frozen=True)
class Field:
    path: str  # dotted schema.org property names
    meaning: str  # 中文说明, on the documentation page


JOB_FIELDS = (
    Field("title", "岗位名称"),
    Field("hiringOrganization.name", "招聘单位"),
    Field("jobLocation.address.addressCountry", "国家（CN）"),
    Field("jobLocation.address.addressRegion", "工作地点所在省份"),
    Field("jobLocation.address.addressLocality", "工作地点所在城市（未写明时为空）"),
    Field("baseSalary.currency", "薪资币种（CNY）；面议或未写明薪资时本组字段为空"),
    Field("baseSalary.value.minValue", "最低薪资（元）"),
    Field("baseSalary.value.maxValue", "最高薪资（元）"),
    Field("baseSalary.value.unitText", f"薪资计算单位：{_values(salary.UNITS)}"),
    Field("datePosted", "发布时间（ISO 8601，北京时间）"),
    Field("validThrough", "报名截止时间；招聘方未写明时，为本站不再列为在招的时间"),
    Field("employmentType", f"用工形式：{_values(job_terms.EMPLOYMENT_TYPES)}"),
    Field("educationRequirements.credentialCategory", f"学历要求：{_values(job_terms.EDUCATION_CREDENTIAL)}"),
    Field(
        "experienceRequirements.monthsOfExperience",
        f"要求的工作经验（月）：{_values({k: str(v) for k, v in job_terms.EXPERIENCE_MONTHS.items()})}",
    ),
    Field("totalJobOpenings", "招聘人数"),
    Field("directApply", "可在线报名时为 true（报名链接见本站岗位页面）"),
    Field("identifier.name", "信息来源"),
    Field("identifier.value", "本站岗位编号"),
    Field("url", "本站岗位页面（含岗位描述、联系方式和报名方式）"),
)

FAIR_FIELDS = (
    Field("name", "招聘会名称"),
    Field("startDate", "开始日期或时间（ISO 8601，北京时间）"),
    Field("endDate", "结束日期或时间（未写明时为空）"),
    Field("eventAttendanceMode", f"举办形式（https://schema.org/ 下的网址）：{_values(ATTENDANCE)}"),
    Field("eventStatus", "状态（EventScheduled 按计划举行）"),
    Field("location.name", "线下举办场地"),
    Field("location.address.addressCountry", "国家（CN）"),
    Field("location.address.addressRegion", "举办地所在省份"),
    Field("location.address.addressLocality", "举办地所在城市"),
    Field("location.address.streetAddress", "场馆地址"),
    Field("location.url", "线上参会网址（未写明时为本站页面）"),
    Field("organizer.name", "主办单位"),
    Field("description", "简介（纯文本）"),
    Field("url", "本站招聘会页面"),
)


def job_record(json_ld: dict) -> dict:
    return {key: value for key, value in json_ld.items() if key not in JOB_DROPPED}


def fair_record(json_ld: dict) -> dict:
    return {key: value for key, value in json_ld.items() if key not in DROPPED}


def lookup(record: dict, path: str) -> object:
    """The value at a dotted path, or None; a list gives its first object that has the key."""
    value: object = record
    for key in path.split("."):
        if isinstance(value, list):
            value = next((item[key] for item in value if isinstance(item, dict) and key in item), None)
        elif isinstance(value, dict):
            value = value.get(key)
        else:
            return None
        if value is None:
            return None
    return value
