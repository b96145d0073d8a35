"""The source list, sources.toml: which feeds and post folders to scrape, and their defaults.

Defaults are resolved when the file is loaded: `province` to a jiuye.regions Province (a name,
short name, alias, pinyin slug or code), `campaigns` to campaigns of the registry
(content/campaigns.yaml). One that names nothing known is refused there, not left out later.
So is a key no source or no source of its kind takes (a typo would otherwise be ignored), a
top-level table other than [[source]], and a file without sources.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

from jiuye import regions
from jiuye.campaigns import Campaign, Registry

# Every kind, and the keys only its sources take (its reader finds them in Source.options).
# How long and how much one fetch of any source may take, over the fetcher's defaults (seconds a
# socket may wait, seconds for the whole fetch, bytes of the body).
FETCH_KEYS = ("timeout", "deadline", "max_bytes")
# A job export that lists every open posting each time (scrapers/exports.py).
EXPORT_KEYS = ("full_export", "close_after")
KINDS: dict[str, tuple[str, ...]] = {
    "feed": (),
    "posts": (),
    "jobs-jsonld": ("pages", *EXPORT_KEYS),
    "jobs-xml": ("elements", *EXPORT_KEYS),
    "jobs-csv": ("encoding", "columns", *EXPORT_KEYS),
    "jobs-json": ("encoding", "columns", "records", *EXPORT_KEYS),
    "jobs-feed": (),
    "fairs-ics": (),
    "fairs-feed": (),
}
TABLE = "source"  # the one top-level table: [[source]]
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SourcesError(ValueError):
    """sources.toml cannot be used; the message names the file, the source and the field."""


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    url: str  # http(s) URL, or an absolute local path
    name: str = ""  # who publishes it, shown as the source of its items
    province: regions.Province | None = None  # default province of its items
    campaigns: tuple[Campaign, ...] = ()  # default campaigns of its items, in order
    options: dict = field(default_factory=dict, hash=False)

    @property
    def fetch_limits(self) -> dict[str, float]:
        return {key: self.options[key] for key in FETCH_KEYS if key in self.options}

    @property
    def is_remote(self) -> bool:
        return urlsplit(self.url).scheme in ("http", "https")


# The keys every source takes: the fields above (`campaign` is the one-campaign spelling).
COMMON_KEYS = (*(f.name for f in fields(Source) if f.name != "options"), "campaign")


def load(path: Path, registry: Registry) -> list[Source]:
    """The sources of a sources.toml, their defaults resolved against `registry`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SourcesError(f"{path}: 无法读取：{error.strerror} (cannot read)") from error
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{path}: 不是有效的 TOML：{error} (not valid TOML)") from error
    for key, value in data.items():
        if key == TABLE:
            continue
        if isinstance(value, dict) or (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            table = f"[{key}]" if isinstance(value, dict) else f"[[{key}]]"
            hint = "（是否想写 [[source]]？）" if difflib.get_close_matches(key, [TABLE]) else ""
            raise SourcesError(f"{path}: 未知的表 {table}{hint}")
        raise SourcesError(f"{path}: 未知字段 {key}（来源的字段应写在 [[source]] 表内）")
    entries = data.get(TABLE, [])
    if not isinstance(entries, list):
        raise SourcesError(f"{path}: source 应为 [[source]] 表 ([[source]] tables expected)")
    if not entries:
        raise SourcesError(f"{path}: 没有任何来源：至少需要一个 [[source]] 表 (no sources)")
    sources: list[Source] = []
    for index, entry in enumerate(entries, start=1):
        sources.append(_source(entry, path, index, registry))
    ids = [source.id for source in sources]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SourcesError(f"{path}: 来源 id 重复：{'、'.join(duplicates)} (source id used twice)")
    return sources


def _source(entry: dict, path: Path, index: int, registry: Registry) -> Source:
    where = f"{path}: source {index}"
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: 应为 [[source]] 表 (table expected)")
    source_id = entry.get("id")
    valid_id = isinstance(source_id, str) and _ID.match(source_id)
    if valid_id:
        where = f"{path}: source {source_id!r}"
    kind = entry.get("kind")
    _check_keys(entry, kind, where)
    if not valid_id:
        rule = "缺少 id (missing)" if source_id is None else "只能包含小写字母、数字和 - (a-z, 0-9, '-')"
        raise SourcesError(f"{where}: 字段 id = {source_id!r}: {rule}")
    if kind not in KINDS:
        near = difflib.get_close_matches(str(kind), KINDS, n=1)
        hint = f"（是否想写 {near[0]}？）" if near else ""
        raise SourcesError(f"{where}: 字段 kind = {kind!r}{hint}: 应为 {'、'.join(KINDS)} 之一")
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip():
        raise SourcesError(f"{where}: 缺少字段 url (missing)")
    if urlsplit(url).scheme not in ("http", "https"):
        if urlsplit(url).scheme not in ("", "file"):
            raise SourcesError(f"{where}: 字段 url = {url!r}: 应为 http(s) 网址或本地路径 (http(s) URL or local path)")
        url = str((path.parent / url.removeprefix("file://")).resolve())
    for key in FETCH_KEYS:
        value = entry.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value <= 0):
            raise SourcesError(f"{where}: 字段 {key} = {value!r}: 应为正数 (a positive number)")
    return Source(
        id=source_id,
        kind=kind,
        url=url,
        name=str(entry.get("name", "")),
        province=_province(entry, where),
        campaigns=_campaigns(entry, where, registry),
        options={key: value for key, value in entry.items() if key not in COMMON_KEYS},
    )


def _check_keys(entry: dict, kind: object, where: str) -> None:
    """Refuse a key that sources of this kind do not take, suggesting the nearest one that they do,
    else the nearest that another kind takes."""
    everyone = list(dict.fromkeys(key for keys in KINDS.values() for key in keys))
    own = KINDS.get(kind, everyone) if isinstance(kind, str) else everyone  # no kind yet: any kind's
    known = [*COMMON_KEYS, *FETCH_KEYS, *own]
    for key in entry:
        if key in known:
            continue
        if key in everyone:
            hint = f"（只有 {_taking(key)} 来源使用此字段）"
        elif nearest := difflib.get_close_matches(key, known, n=1):
            hint = f"（是否想写 {nearest[0]}？）"
        elif nearest := difflib.get_close_matches(key, everyone, n=1):
            hint = f"（是否想写 {nearest[0]}？只有 {_taking(nearest[0])} 来源使用此字段）"
        else:
            hint = ""
        raise SourcesError(f"{where}: 未知字段 {key}{hint}")


def _taking(key: str) -> str:
    """The kinds whose sources take an option: 'jobs-csv、jobs-json'."""
    return "、".join(kind for kind, keys in KINDS.items() if key in keys)


def _province(entry: dict, where: str) -> regions.Province | None:
    value = entry.get("province", "")
    if not isinstance(value, str):
        reason = '应为文字，如 "湖北" 或 "hubei" (must be a string)'
        raise SourcesError(f"{where}: field 'province' = {value!r}: {reason}")
    if not value.strip():
        return None
    province = regions.find_province(value)
    if province is None:
        reason = "没有这个省份：应为省级行政区的名称、简称、拼音或区划代码 (unknown province)"
        raise SourcesError(f"{where}: field 'province' = {value!r}: {reason}")
    return province


def _campaigns(entry: dict, where: str, registry: Registry) -> tuple[Campaign, ...]:
    if "campaigns" in entry and "campaign" in entry:
        raise SourcesError(f"{where}: fields 'campaigns' and 'campaign': 只能用其中一个 (use one of them)")
    key = "campaigns" if "campaigns" in entry else "campaign"
    value = entry.get(key, [])
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        reason = '应为活动名称或名称列表，如 ["春风行动"] (a campaign name or a list of them)'
        raise SourcesError(f"{where}: field {key!r} = {value!r}: {reason}")
    campaigns: list[Campaign] = []
    for name in names:
        campaign = registry.find(name)
        if campaign is None:
            reason = "活动登记表 campaigns.yaml 中没有这个活动 (unknown campaign: not a slug, name or alias there)"
            raise SourcesError(f"{where}: field {key!r} = {name!r}: {reason}")
        campaigns.append(campaign)
    return tuple(dict.fromkeys(campaigns))
