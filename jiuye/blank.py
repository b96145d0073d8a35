"""A new content file with every field of its kind to fill (`invoke new news|job|fair`).

It starts as a draft (`Status: draft`): previewed by `invoke build`, never published until the
editor deletes that line. Optional fields are left empty (an empty field is no value).
"""

from __future__ import annotations

from datetime import datetime

from jiuye import dates, schema

KINDS = {"news": schema.NEWS, "job": schema.JOB, "fair": schema.FAIR}
FOLDERS = {"news": "news", "job": "jobs", "fair": "fairs"}
# Every field an editor may fill, per kind, in the order files carry them.
FIELDS = {
    schema.NEWS: ("Provinces", "Cities", "Campaigns", "Tags", "Source", "Source_url", "Summary", "Image"),
    schema.JOB: (
        *("Employer", "Province", "City", "Salary_min", "Salary_max", "Salary_unit", "Education"),
        *("Experience", "Openings", "Employment_type", "Target_groups", "Valid_through", "Apply_url"),
        *("Contact", "Campaigns", "Source", "Source_url", "Summary"),
    ),
    schema.FAIR: (
        *("Start", "End", "Province", "City", "Venue", "Mode", "Online_url", "Organizer", "Employers"),
        *("Positions", "Target_groups", "Campaigns", "Source", "Source_url", "Summary"),
    ),
}
BODY = {
    schema.NEWS: "正文（Markdown）。",
    schema.JOB: "岗位职责、任职要求、报名方式（Markdown）。",
    schema.FAIR: "活动介绍、参会方式、交通指引（Markdown）。",
}


def blank(kind: str, title: str, slug: str, now: datetime) -> str:
    """The text of a new draft of `kind` (news, job or fair)."""
    category = KINDS[kind]
    head = {"Title": title, "Date": dates.format_iso(now), "Category": category, "Slug": slug, "Status": "draft"}
    if category == schema.FAIR:
        head["Mode"] = schema.OFFLINE
    lines = [f"{key}: {value}" for key, value in head.items()]
    lines += [f"{key}:" for key in FIELDS[category] if key not in head]
    return "\n".join(lines) + f"\n\n{BODY[category]}\n"
