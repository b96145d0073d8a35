"""Sharded builds: with JIUYE_SHARD = "i/N", this Pelican run writes only shard i's files
(owner.py says which); `invoke build --shards N` runs the N shards as Dask tasks and merges their
folders (publishing/shards.py). Without the setting, every file is written, as usual."""

from __future__ import annotations

from functools import cache

from pelican import signals
from pelican.writers import Writer

from pelican.plugins.jiuye_pages import PagesWriter
from pelican.plugins.jiuye_shards.owner import Shard, shard_of

SETTING = "JIUYE_SHARD"
__all__ = ["SETTING", "Shard", "owns", "shard_of"]


def shard(settings) -> Shard | None:
    given = settings.get(SETTING)
    return _parsed(given) if given else None


@cache
def _parsed(text: str) -> Shard:
    """Read once per run: every file a shard writes asks whether it is the shard's."""
    return Shard.parse(text)


def owns(settings, path: str) -> bool:
    """Whether this run writes the output file at `path`: always, in a build that is not sharded."""
    this = shard(settings)
    return this is None or this.owns(path)


class ShardWriter(PagesWriter):
    """Our writer (jiuye_pages), writing only this shard's pages and feeds."""

    def write_file(self, name, template, context, *args, **kwargs):
        if owns(self.settings, name):
            return super().write_file(name, template, context, *args, **kwargs)
        return None

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if path is None or owns(self.settings, path):
            return super().write_feed(elements, context, path, *args, **kwargs)
        return None


def own_cache(pelican) -> None:
    """Each shard keeps its own reader cache: shards run at once, and Pelican's cache files are
    written whole by one run. A bad JIUYE_SHARD stops the run here, with its message."""
    this = shard(pelican.settings)
    if this:
        pelican.settings["CACHE_PATH"] = f"{pelican.settings['CACHE_PATH']}-shard-{this.index}-of-{this.count}"


def get_writer(pelican) -> type[Writer] | None:
    return ShardWriter if shard(pelican.settings) else None


def register() -> None:
    signals.initialized.connect(own_cache)
    signals.get_writer.connect(get_writer)
