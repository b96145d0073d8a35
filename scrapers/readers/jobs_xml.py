"""XML job feeds of the common <source><job>…</job></source> shape (as job boards syndicate).

Element names are matched case-insensitively; `[source.elements]` maps canonical fields to other
element names (e.g. company = "employer_name").
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from jiuye.schema import Problem
from scrapers.fetch import Fetcher, decode
from scrapers.item import RawJob, SourceError, guard
from scrapers.readers.feed import strip_declaration
from scrapers.sources import Source

DEFAULT_ELEMENTS: dict[str, tuple[str, ...]] = {
    "id": ("referencenumber", "id", "jobid"),
    "title": ("title", "jobtitle", "name"),
    "employer": ("company", "employer", "companyname"),
    "location": ("location", "address", "workplace"),
    "province": ("state", "province", "region"),
    "city": ("city",),
    "salary": ("salary", "pay"),
    "education": ("education", "degree"),
    "experience": ("experience",),
    "openings": ("openings", "vacancies", "headcount"),
    "employment_type": ("jobtype", "employmenttype", "type"),
    "target_groups": ("targetgroups", "target", "audience"),
    "date": ("date", "posted", "publishdate", "pubdate"),
    "valid_through": ("expirationdate", "expires", "validthrough", "deadline"),
    "description": ("description", "content"),
    "contact": ("contact", "phone", "email"),
    "apply_url": ("applyurl", "apply"),
    "url": ("url", "link"),
}


def _children(job: Element) -> dict[str, str]:
    return {child.tag.split("}")[-1].lower(): (child.text or "").strip() for child in job}


def read(source: Source, fetcher: Fetcher) -> Iterator[RawJob | Problem]:
    text = strip_declaration(decode(fetcher.get(source.url)))
    try:
        root = fromstring(text)
    except (ParseError, DefusedXmlException) as error:
        raise SourceError(f"XML 格式错误：{error}") from error
    declared = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in source.options.get("elements", {}).items()}
    jobs = [element for element in root.iter() if element.tag.split("}")[-1].lower() == "job"]
    if not jobs:
        raise SourceError("没有 <job> 元素：不是岗位 XML")
    for position, job in enumerate(jobs, start=1):
        yield guard(source.id, f"第 {position} 个 <job>", _job, source, job, position, declared)


def _job(source: Source, job: Element, position: int, declared: dict[str, tuple[str, ...]]) -> RawJob:
    values = _children(job)
    fields = {}
    for name, candidates in DEFAULT_ELEMENTS.items():
        for candidate in declared.get(name, candidates):
            if values.get(candidate.lower()):
                fields[name] = values[candidate.lower()]
                break
    label = fields.get("id") or f"第 {position} 个 <job>"
    return RawJob(source.id, str(label), fields, base_url=fields.get("url"))
