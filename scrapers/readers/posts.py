"""A folder of front-matter posts (Hexo, Jekyll): YAML between '---' lines, then Markdown/HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import markdown
import yaml

from jiuye import dates, urls
from jiuye.schema import Problem
from scrapers.fetch import Fetcher, decode
from scrapers.item import Item, SourceError, guard, item_problem
from scrapers.sources import Source

SUFFIXES = {".md", ".markdown", ".html", ".htm", ".txt"}
_FRONT_MATTER = re.compile(r"\A\s*---\s*\n(.*?)\n---\s*\n", re.DOTALL)
# Hexo exports replaced the quotes of a title by underscores: 就业援助_暖心行动_持续进行.
_UNDERSCORE_QUOTE = re.compile(r"_([^_\s][^_]*?)_")
URL_FIELDS = ("link", "source_url", "original", "url")


def restore_quotes(title: str) -> str:
    if title.count("_") % 2:
        return title.replace("_", " ").strip()
    return _UNDERSCORE_QUOTE.sub(r"“\1”", title)


def _as_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def read(source: Source, fetcher: Fetcher) -> Iterator[Item | Problem]:
    if source.is_remote:
        raise SourceError("posts 类来源应为本地文件夹")
    folder = Path(source.url)
    if not folder.is_dir():
        raise SourceError(f"文件夹不存在：{folder}")
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()):
        try:
            text = decode(fetcher.get(str(path)))
        except SourceError as error:
            yield item_problem(source.id, path.name, "(文件)", "", str(error))
            continue
        yield guard(source.id, path.name, read_post, source, path.name, text)


def read_post(source: Source, name: str, text: str) -> Item | Problem:
    match = _FRONT_MATTER.match(text)
    if not match:
        return item_problem(source.id, name, "front matter", text[:40], "缺少以 --- 包围的头部")
    try:
        front = yaml.load(match.group(1), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as error:
        return item_problem(source.id, name, "front matter", "", f"YAML 格式错误：{error}")
    if not isinstance(front, dict):
        return item_problem(source.id, name, "front matter", "", "头部应为键值对")
    title = restore_quotes(" ".join(str(front.get("title", "")).split()))
    if not title:
        return item_problem(source.id, name, "title", "", "缺少标题")
    raw_date = str(front.get("date", ""))
    try:
        moment = dates.parse(raw_date)
    except ValueError as error:
        reason = dates.reason(error, "缺少或无法识别的日期")
        return item_problem(source.id, name, "date", raw_date, reason)
    url = next((str(front[k]).strip() for k in URL_FIELDS if isinstance(front.get(k), str) and front[k].strip()), None)
    body = text[match.end() :]
    return Item(
        source_id=source.id,
        item_id=Path(name).stem,
        title=title,
        date=moment,
        html=markdown.markdown(body),
        url=url,
        base_url=urls.url_or_none(url or ""),
        publisher=str(front["author"]).strip() if isinstance(front.get("author"), str) else None,
        tags=_as_list(front.get("tags")),
    )
