"""Validating content files, for `invoke check` and the test suite (reads files; jiuye's only I/O
besides its bundled data)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path

from jiuye import metadata, schema
from jiuye.campaigns import Registry, RegistryError

CONTENT_SUFFIXES = {".md", ".markdown"}


def check_tree(
    content_dir: Path, article_dirs: tuple[str, ...] = ("news", "jobs", "fairs", "scraped")
) -> Iterator[schema.Problem]:
    registry_path = content_dir / "campaigns.yaml"
    try:
        registry = Registry.from_yaml(registry_path.read_text(encoding="utf-8"), str(registry_path))
    except (OSError, RegistryError) as error:
        yield schema.Problem("campaigns.yaml", "", str(error), str(registry_path))
        return
    for folder in article_dirs:
        for path in sorted((content_dir / folder).rglob("*")):
            if path.suffix in CONTENT_SUFFIXES and path.is_file():
                yield from check_file(path, registry)


def check_file(path: Path, registry: Registry) -> Iterator[schema.Problem]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        yield schema.Problem("(编码)", "", f"不是 UTF-8 文本：{error.reason}", str(path))
        return
    meta, _ = metadata.parse(text)
    lines = metadata.key_lines(text)
    for line, key in metadata.full_width_keys(text):
        reason = "字段名后用了全角冒号“：”，应为半角“:”；这一行及其后的字段都被当作正文 (full-width colon)"
        yield schema.Problem(key, "", reason, f"{path}:{line}")
    for key in metadata.repeated_keys(text):
        if key not in schema.LIST_FIELDS:
            reason = "字段重复出现 (field given more than once)"
            yield schema.Problem(key, meta.get(key, ""), reason, _where(path, lines, key))
    for problem in schema.validate(meta, registry):
        yield _with_hint(problem).at(_where(path, lines, problem.field))


def _with_hint(problem: schema.Problem) -> schema.Problem:
    """An unknown field with the nearest known one: Provnce → 是否想写 Province？"""
    near = difflib.get_close_matches(problem.field.lower(), schema.FIELDS, n=1)
    if not (problem.reason.startswith("未知字段") and near):
        return problem
    return schema.Problem(problem.field, problem.value, f"{problem.reason}（是否想写 {near[0].capitalize()}？）")


def _where(path: Path, lines: dict[str, int], field: str) -> str:
    """file:line of the field's line in the header; the file alone for a field it lacks."""
    line = lines.get(field.lower())
    return f"{path}:{line}" if line else str(path)
