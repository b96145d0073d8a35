"""A raw job posting to Pelican metadata: normalised with `jiuye`, or the field that failed.

Required fields (title, employer, province, date) that cannot be understood skip the posting;
an optional field that cannot be understood is reported and left out, and the job is kept.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from collections.abc import Callable

from jiuye import dates, job_terms, salary, schema, urls
from jiuye.campaigns import Registry
from jiuye.schema import Problem, Refused
from scrapers import defaults
from scrapers.clean import clean
from scrapers.item import Normalised, RawJob, refuse
from scrapers.sources import Source

_SCHEMA_UNITS = {code: unit for unit, code in salary.UNITS.items()}


def as_list(value: str | list[str] | None) -> list[str]:
    """A cell that holds a list: "['高校毕业生', '农民工']", '["a","b"]', "a、b", "a;b" or a real list."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = value.strip()
    if text.startswith("[") and text.endswith("]"):
        for parse in (json.loads, ast.literal_eval):
            try:
                parsed = parse(text)
            except (ValueError, SyntaxError):
                continue
            if isinstance(parsed, list):
                return [str(v).strip() for v in parsed if str(v).strip()]
    return [part.strip() for part in re.split(r"[,，、;；/|]", text.strip("[]")) if part.strip()]


def _text(raw: RawJob, key: str) -> str:
    """A cell as text; a list in it (a real list, or "['2019-09-13']" as exports write one) joined."""
    value = raw.fields.get(key)
    text = str(value or "").strip()
    if isinstance(value, list) or (text.startswith("[") and text.endswith("]")):
        return "、".join(as_list(value))
    return " ".join(text.split())


_SOME = re.compile(r"^(?:若干|不限|多|数)[名人个位]?$")  # "若干人": a number not given, not a bad one


def _openings(value: str) -> str | None:
    if not value or _SOME.match(value.strip()):
        return None
    match = re.search(r"\d+", value)
    if not match:
        raise refuse("openings", value, "招聘人数应为数字")
    return match.group()


def _reads(scale: Callable[[str], job_terms.Level], value: str) -> bool:
    try:
        scale(value)
    except ValueError:
        return False
    return True


def _sorted_out(raw: RawJob) -> tuple[RawJob, list[Problem]]:
    """An education in the experience column (an export whose cells slid left where a page had
    no experience line) moved to education, unless education already holds one."""
    experience, education = _text(raw, "experience"), _text(raw, "education")
    if not experience or _reads(job_terms.experience, experience) or not _reads(job_terms.education, experience):
        return raw, []
    if education and _reads(job_terms.education, education):
        return raw, []
    fields = {**raw.fields, "education": experience, "experience": ""}
    dropped = f"（学历列原为“{education}”，不是学历）" if education else ""
    problem = Problem("experience", experience, f"是学历，已移到学历{dropped} (an education in the experience column)")
    return dataclasses.replace(raw, fields=fields), [problem]


def to_item(raw: RawJob, source: Source, registry: Registry) -> Normalised:
    """Raises Refused for a required field; reports the optional ones in `warnings`."""
    raw, warnings = _sorted_out(raw)
    title, employer = _text(raw, "title"), _text(raw, "employer")
    if not title:
        raise refuse("title", "", "缺少岗位名称")
    if not employer:
        raise refuse("employer", "", "缺少招聘单位")
    place_texts = [_text(raw, k) for k in ("province", "city", "location")]
    place = defaults.place(source, job_terms.location(*place_texts))
    if place is None:
        raise refuse("location", " ".join(t for t in place_texts if t), "无法确定所在省份")
    raw_date = _text(raw, "date")
    try:
        posted = dates.parse(raw_date)
    except ValueError as error:
        raise refuse("date", raw_date, dates.reason(error, "缺少或无法识别的发布日期")) from error
    description_html = str(raw.fields.get("description") or "")
    cleaned = clean(description_html, raw.base_url) if description_html else None
    description_text = "\n".join(cleaned.paragraphs) if cleaned else ""
    meta: dict[str, str] = {
        "Title": title,
        "Date": dates.format_iso(posted),
        "Category": schema.JOB,
        "Employer": employer,
        "Province": place.province.short,
        "City": place.listed_city or "",
        "District": place.district or "",
    }

    def optional(key: str, convert) -> None:
        value = _text(raw, key)
        if not value:
            return
        try:
            convert(value)
        except (ValueError, KeyError) as error:
            reason = error.problem.reason if isinstance(error, Refused) else str(error)
            warnings.append(Problem(key, value[:200], reason))

    def set_salary(value: str) -> None:
        parsed = salary.parse(value)
        meta["Salary_text"] = parsed.display()
        if not parsed.negotiable:
            meta["Salary_min"] = f"{parsed.minimum:g}" if parsed.minimum is not None else ""
            meta["Salary_max"] = f"{parsed.maximum:g}" if parsed.maximum is not None else ""
            meta["Salary_unit"] = parsed.unit
            meta["Salary_months"] = str(parsed.months or "")

    if _text(raw, "salary_min") or _text(raw, "salary_max"):
        low, high = _text(raw, "salary_min"), _text(raw, "salary_max")
        unit = _SCHEMA_UNITS.get(_text(raw, "salary_unit").upper(), _text(raw, "salary_unit") or "月")
        optional("salary_min", lambda _: set_salary(f"{low or high}-{high or low}元/{unit}"))
    else:
        optional("salary", set_salary)
    optional("education", lambda v: meta.__setitem__("Education", job_terms.education(v).name))
    optional("experience", lambda v: meta.__setitem__("Experience", job_terms.experience(v).name))
    optional("openings", lambda v: meta.__setitem__("Openings", _openings(v) or ""))
    optional("employment_type", lambda v: meta.__setitem__("Employment_type", job_terms.employment_type(v)))
    optional("valid_through", lambda v: meta.__setitem__("Valid_through", dates.format_iso(dates.end_of_day(v))))
    groups = job_terms.target_groups(*as_list(raw.fields.get("target_groups")), title, description_text)
    meta["Target_groups"] = ", ".join(g.name for g in groups)
    for key, name in (("apply_url", "Apply_url"), ("url", "Source_url")):
        optional(key, lambda v, name=name: meta.__setitem__(name, urls.safe_url(v)))
    meta["Contact"] = _text(raw, "contact")
    listed = [c for key in as_list(raw.fields.get("campaigns")) if (c := registry.find(key))]
    named = registry.named_in(f"{title}\n{description_text}")
    meta["Campaigns"] = ", ".join(c.name for c in defaults.campaigns(source, listed, named))
    meta["Source"] = source.name or source.id
    job = job_terms.job_id(employer, title, place.city)
    meta["Slug"] = job
    meta["Summary"] = _summary(meta, description_text)
    meta["Origin"] = f"{source.id}:{_text(raw, 'id') or raw.row}"
    return Normalised(job, meta, cleaned.markdown if cleaned else "", warnings).checked(registry)


def _summary(meta: dict[str, str], description: str) -> str:
    facts = [
        meta["Employer"],
        meta.get("City") or meta["Province"],
        meta.get("Salary_text", ""),
        meta.get("Education", ""),
    ]
    head = " · ".join(f for f in facts if f)
    return f"{head}。{description[:60]}" if description else head
