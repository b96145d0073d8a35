"""What a template can read: the names it and every template it extends, includes or imports
look up, and the filters and tests they call; found once per template from the parsed source.
A template that names another by a variable has no such list (None)."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, nodes
from jinja2.meta import find_referenced_templates


@dataclass(frozen=True)
class Reads:
    names: frozenset[str]
    filters: frozenset[str]
    tests: frozenset[str]
    sources: tuple[tuple[str, str], ...]  # (name, source) of each template, in name order


def reads(env: Environment, name: str) -> Reads | None:
    names: set[str] = set()
    filters: set[str] = set()
    tests: set[str] = set()
    sources: dict[str, str] = {}
    pending = [name]
    while pending:
        current = pending.pop()
        if current in sources:
            continue
        source = env.loader.get_source(env, current)[0]
        sources[current] = source
        tree = env.parse(source)
        # Every name loaded anywhere, also in macros and blocks (which find_undeclared_variables
        # does not look into): more than the template may take from the context, never less.
        names |= {node.name for node in tree.find_all(nodes.Name) if node.ctx == "load"}
        filters |= {node.name for node in tree.find_all(nodes.Filter)}
        tests |= {node.name for node in tree.find_all(nodes.Test)}
        for referenced in find_referenced_templates(tree):
            if referenced is None:
                return None
            pending.append(referenced)
    return Reads(frozenset(names), frozenset(filters), frozenset(tests), tuple(sorted(sources.items())))
