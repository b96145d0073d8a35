"""Pages that carry schema.org JobPosting JSON-LD, as job sites publish postings.

`url` is one page (http(s) or a local file) or a local folder of .html pages; `pages = [...]`
adds more page URLs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup

from jiuye.schema import Problem
from scrapers.fetch import Fetcher, decode
from scrapers.item import RawJob, SourceError, guard, item_problem
from scrapers.sources import Source


def _locations(source: Source) -> list[str]:
    if not source.is_remote and Path(source.url).is_dir():
        return [str(p) for p in sorted(Path(source.url).glob("*.htm*"))]
    return [source.url, *source.options.get("pages", [])]


def _postings(node: object) -> Iterator[dict]:
    """Every JobPosting object in a JSON-LD value (top level, lists, @graph)."""
    if isinstance(node, list):
        for child in node:
            yield from _postings(child)
    elif isinstance(node, dict):
        kind = node.get("@type")
        if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
            yield node
        elif "@graph" in node:
            yield from _postings(node["@graph"])


def _name(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("@id") or "")
    if isinstance(value, list):
        return _name(value[0]) if value else ""
    return str(value or "")


def _address(posting: dict) -> tuple[str, str, str]:
    """(region, locality, the rest) of the first jobLocation."""
    location = posting.get("jobLocation")
    if isinstance(location, list):
        location = location[0] if location else {}
    address = (location or {}).get("address", {}) if isinstance(location, dict) else {}
    if isinstance(address, str):
        return "", "", address
    parts = (address.get("streetAddress", ""), address.get("addressLocality", ""))
    return str(address.get("addressRegion", "")), str(address.get("addressLocality", "")), " ".join(map(str, parts))


def _experience(months: object) -> str:
    """monthsOfExperience 24 -> '2年'; a value that is no number ("两年") is kept as written."""
    try:
        number = float(str(months))
    except ValueError:
        return str(months)
    return "经验不限" if number == 0 else f"{number / 12:g}年"


def fields_of(posting: dict) -> dict[str, str | list[str]]:
    region, locality, street = _address(posting)
    fields: dict[str, str | list[str]] = {
        "title": str(posting.get("title", "")),
        "employer": _name(posting.get("hiringOrganization")),
        "province": region,
        "city": locality,
        "location": street,
        "date": str(posting.get("datePosted", "")),
        "valid_through": str(posting.get("validThrough", "")),
        "description": str(posting.get("description", "")),
        "url": str(posting.get("url", "")),
        "openings": str(posting.get("totalJobOpenings", "")),
    }
    identifier = posting.get("identifier")
    fields["id"] = str(identifier.get("value", "")) if isinstance(identifier, dict) else str(identifier or "")
    kind = posting.get("employmentType")
    fields["employment_type"] = str(kind[0] if isinstance(kind, list) and kind else kind or "")
    pay = posting.get("baseSalary")
    if isinstance(pay, dict):
        value = pay.get("value")
        if isinstance(value, dict):
            fields["salary_min"] = str(value.get("minValue", value.get("value", "")))
            fields["salary_max"] = str(value.get("maxValue", value.get("value", "")))
            fields["salary_unit"] = str(value.get("unitText", ""))
        elif value is not None:
            fields["salary_min"] = fields["salary_max"] = str(value)
            fields["salary_unit"] = str(pay.get("unitText", ""))
    education = posting.get("educationRequirements")
    if isinstance(education, dict):
        education = education.get("credentialCategory", "")
    fields["education"] = str(education or "")
    experience = posting.get("experienceRequirements")
    if isinstance(experience, dict) and "monthsOfExperience" in experience:
        fields["experience"] = _experience(experience["monthsOfExperience"])
    elif isinstance(experience, str):
        fields["experience"] = experience
    audience = posting.get("eligibilityToWorkRequirement") or posting.get("audience")
    fields["target_groups"] = _name(audience) if isinstance(audience, dict) else str(audience or "")
    contact = posting.get("applicationContact")
    fields["contact"] = str(contact.get("telephone") or contact.get("email") or "") if isinstance(contact, dict) else ""
    return fields


def read(source: Source, fetcher: Fetcher) -> Iterator[RawJob | Problem]:
    locations = _locations(source)
    if not locations:
        raise SourceError("没有可读取的页面")
    for location in locations:
        try:
            page = decode(fetcher.get(location))
        except SourceError as error:
            yield item_problem(source.id, location, "(页面)", "", str(error))
            continue
        soup = BeautifulSoup(page, "html.parser")
        found = 0
        for index, script in enumerate(soup.find_all("script", type="application/ld+json"), start=1):
            try:
                data = json.loads(script.string or "")
                postings = list(_postings(data))
            except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
                where = f"{location} JSON-LD #{index}"
                yield item_problem(source.id, where, "(JSON-LD)", "", f"JSON 格式错误：{error}")
                continue
            for posting in postings:
                found += 1
                label = f"{location}#{found}"
                fields = guard(source.id, label, fields_of, posting)
                yield fields if isinstance(fields, Problem) else RawJob(source.id, label, fields, base_url=location)
        if not found:
            yield item_problem(source.id, location, "(JSON-LD)", "", "页面中没有 JobPosting")
