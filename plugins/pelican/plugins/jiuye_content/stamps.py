"""With CHECK_MODIFIED_METHOD = "sha256" (pelicanconf.py), Pelican stamps a content file by reading
and hashing it four times a build: a generator and its readers each stamp it when they look into
their cache and again when they store what they read. Here they share one stamp per file and
build: the same hash of the same bytes, read once."""

from __future__ import annotations

import os
from collections.abc import Callable


class Stamps:
    def __init__(self, stamp: Callable[[str], object]) -> None:
        self._stamp = stamp
        self._known: dict[str, object] = {}

    def __call__(self, filename: str) -> object:
        path = os.path.abspath(filename)  # the generator and the readers name a file differently
        if path not in self._known:
            self._known[path] = self._stamp(filename)
        return self._known[path]


def share(generator) -> None:
    """article_generator_init, page_generator_init: one stamp per file for the generator and its
    readers (which stamp it the same way: both by CHECK_MODIFIED_METHOD), for this build."""
    stamp = getattr(generator, "_filestamp_func", None)
    if stamp is not None and generator.settings["CHECK_MODIFIED_METHOD"] != "mtime":
        generator._filestamp_func = generator.readers._filestamp_func = Stamps(stamp)
