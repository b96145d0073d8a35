"""Warm rebuilds that skip unchanged pages: a page whose inputs are those of the last build is
not rendered again; its recorded bytes are written (store.py).

The inputs of a page are its template and every template that one extends, includes or imports
(their sources), each name they read from the page's context or the template globals, and each
filter and test they call (templates.py), each by a digest of its value (digest.py: a content by
all it holds and shows), with the versions of the template engine. A page whose template reads a
value that has no stable digest, or shows more than digest.BUDGET contents, is always rendered,
as is every page of a paginated listing.
Code and settings changes reach the digest through the values the templates read; a new version
of our code has a new cache folder (pelicanconf.CACHE_PATH) and so no record.

On with Pelican's own cache (CACHE_CONTENT); a build with LOAD_CONTENT_CACHE off renders every
page and records them. Every page is still written and announced (content_written, which the
sitemap reads), with the same bytes a render would give.
"""

from __future__ import annotations

import hashlib
import logging
import os
from importlib.metadata import version
from pathlib import Path

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from pelican.plugins.jiuye_pages.digest import Digester, Unstable
from pelican.plugins.jiuye_pages.store import PageStore
from pelican.plugins.jiuye_pages.templates import Reads, reads

logger = logging.getLogger(__name__)
FOLDER = "pages"
ENGINE = " ".join(version(name) for name in ("jinja2", "markupsafe", "pelican")).encode()
MISSING = b"<missing>"


class PagesWriter(Writer):
    """Pelican's writer, with unchanged pages written from the record instead of rendered."""

    def __init__(self, output_path, settings=None) -> None:
        super().__init__(output_path, settings=settings)
        self.store: PageStore | None = None
        if self.settings.get("CACHE_CONTENT"):
            folder = Path(self.settings["CACHE_PATH"]) / FOLDER
            self.store = PageStore(folder, bool(self.settings.get("LOAD_CONTENT_CACHE")))
            signals.finalized.connect(self.save)
        self.digester = Digester()
        self.reads: dict[tuple[int, str], Reads | None] = {}
        self.recalled = self.rendered = 0

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):  # fmt: skip
        pages = paginated if paginated is not None else {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        if not name or self.store is None or pages and template_name in self.settings["PAGINATED_TEMPLATES"]:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)  # fmt: skip
        localcontext = self._localcontext(context, name, kwargs, relative_urls)
        if localcontext["localsiteurl"]:  # as Pelican does before it renders: contents read it
            context["localsiteurl"] = localcontext["localsiteurl"]
        key = self._key(template, localcontext)
        output = self.store.recall(name, key) if key else None
        if output is None:
            output = template.render(localcontext)
            self.rendered += 1
            if key:
                self.store.remember(name, key, output)
        else:
            self.recalled += 1
        path = sanitised_join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with self._open_w(path, "utf-8", override=override_output) as file:
            file.write(output)
        logger.info('Writing "%s"', path)
        signals.content_written.send(path, context=localcontext)

    def _localcontext(self, context, name, kwargs, relative_urls) -> dict:
        """The page's context, made as Pelican's writer makes it."""
        localcontext = context.copy()
        localcontext["localsiteurl"] = localcontext.get("localsiteurl", None)
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            localcontext["SITEURL"] = relative_url
            localcontext["localsiteurl"] = relative_url
        localcontext["output_file"] = name
        localcontext.update(kwargs)
        return localcontext

    def _key(self, template, localcontext: dict) -> str | None:
        """The digest of everything the page's templates can read, or None if one has no stable digest."""
        env = template.environment
        known = (id(env), template.name)
        if known not in self.reads:
            self.reads[known] = reads(env, template.name)
        read = self.reads[known]
        if read is None:
            return None
        digest = hashlib.sha256(ENGINE)
        self.digester.page()
        try:
            digest.update(self.digester.of(read.sources))
            # The template globals first: one without a stable digest (`once`) ends it before a
            # long list in the context is digested for nothing.
            for name in sorted(read.names, key=lambda name: (name in localcontext, name)):
                value = localcontext[name] if name in localcontext else env.globals.get(name, MISSING)
                digest.update(name.encode() + b"=" + (MISSING if value is MISSING else self.digester.of(value)))
            for kind, names, table in (("filter", read.filters, env.filters), ("test", read.tests, env.tests)):
                for name in sorted(names):
                    digest.update(f"{kind}:{name}=".encode() + self.digester.of(table.get(name)))
        except Unstable as error:
            logger.debug("%s: rendered on every build (%s has no stable digest)", template.name, error)
            return None
        return digest.hexdigest()

    def save(self, _pelican) -> None:
        signals.finalized.disconnect(self.save)
        if self.store is not None:
            self.store.save()
            logger.info("页面缓存：重用 %d 页，渲染 %d 页", self.recalled, self.rendered)


def get_writer(pelican) -> type[Writer] | None:
    """Ours, but in a sharded build, whose writer (jiuye_shards) is a PagesWriter too."""
    from pelican.plugins.jiuye_shards import shard  # which imports this module

    return None if shard(pelican.settings) else PagesWriter


def register() -> None:
    signals.get_writer.connect(get_writer)
