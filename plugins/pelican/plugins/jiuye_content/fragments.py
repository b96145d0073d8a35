"""`once(macro, item)` for templates: a list entry rendered once per build, however many lists
show it. A job is listed on its province's pages, on each of its groups' and education's filter
pages and their combinations; a news item on its province's, its campaigns' and the news pages.

An entry macro may read only its item, SITEURL (which a build with RELATIVE_URLS changes per
page) and what is the same all build long (today): item and SITEURL, with the macro's name, are
the key.

Each entry is also noted in the list at SHOWN in the context, when there is one: the items the
page being rendered lists, which jiuye_opendata's sitemap dates the page by. A fragment that is
no list entry (a job listing's filters, a province's figure cards) is called with listed=false.
"""

from __future__ import annotations

from jinja2 import pass_context
from jinja2.runtime import Context, Macro
from markupsafe import Markup

SHOWN = "jiuye_shown"


class Fragments:
    def __init__(self) -> None:
        self.rendered: dict[tuple[str, object, str], Markup] = {}

    @pass_context
    def __call__(self, context: Context, macro: Macro, item: object, listed: bool = True) -> Markup:
        shown = context.get(SHOWN)
        if listed and shown is not None:
            shown.append(item)
        key = (macro.name, item, context.get("SITEURL"))
        found = self.rendered.get(key)
        if found is None:
            found = self.rendered[key] = macro(item)
        return found


def install(generator) -> None:
    """Every generator's template environment gets its own `once` (the build's items outlive it)."""
    generator.env.globals["once"] = Fragments()
