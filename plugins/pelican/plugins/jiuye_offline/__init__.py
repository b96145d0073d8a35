"""Offline reading (issue 13, item 7): once every page is written, the service worker at
URLS.service_worker (the site's root, so its scope is the whole site): the theme's worker/sw.js
with its configuration filled in.

- `release`: a hash of every other file of the output (path and bytes), which names the worker's
  cache. The same content gives the same release (builds stay byte-identical); a change anywhere
  gives a new sw.js, which the browser installs on the next visit, and whose activation deletes the
  caches of every older release: nothing is served across deploys.
- `cacheFirst`: the folders (relative to the site's root) whose files change only with a release:
  the theme's static files and the search index.

The pages register it from theme/static/js/offline.js (base.html).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from pelican import signals

from pelican.plugins.jiuye_content.settings import URLS
from pelican.plugins.jiuye_shards import shard

logger = logging.getLogger(__name__)
PLACEHOLDER = "__JIUYE_OFFLINE_CONFIG__"
RELEASE_CHARS = 16  # 64 bits of the hash: enough to tell releases apart


def release(output: Path, leave_out: Path) -> str:
    """A hash of every file under `output` but `leave_out`, by relative path and bytes, in path
    order (by folder and name, as Paths sort)."""
    skipped = leave_out.relative_to(output).as_posix()
    files = []
    for folder, _, names in os.walk(output):
        base = Path(folder).relative_to(output).as_posix()
        prefix = "" if base == "." else f"{base}/"
        files += [f"{prefix}{name}" for name in names if os.path.isfile(os.path.join(folder, name))]
    digest = hashlib.sha256()
    for relative in sorted((f for f in files if f != skipped), key=lambda f: f.split("/")):
        digest.update(relative.encode("utf-8") + b"\0")
        with open(output / relative, "rb") as file:
            digest.update(hashlib.sha256(file.read()).digest())
    return digest.hexdigest()[:RELEASE_CHARS]


def worker(template: str, config: dict) -> str:
    """The worker's source with its configuration in place of the one placeholder."""
    if template.count(PLACEHOLDER) != 1:
        raise ValueError(f"the service worker must hold {PLACEHOLDER} once")
    return template.replace(PLACEHOLDER, json.dumps(config, ensure_ascii=True, sort_keys=True))


def write_worker(pelican) -> None:
    """After the build; in a sharded build (jiuye_shards), the merge writes it once, of all shards."""
    if not shard(pelican.settings):
        write_into(Path(pelican.output_path), pelican.settings)


def write_into(output: Path, settings: dict) -> None:
    """The service worker of the finished site in `output`."""
    template = Path(settings["THEME"]) / "worker" / "sw.js"
    if not template.is_file():
        logger.warning("主题中没有 worker/sw.js：不写离线阅读用的 service worker")
        return
    target = output / URLS.service_worker.save_as()
    cache_first = [f"{settings['THEME_STATIC_DIR']}/", URLS.search_index.url()]
    config = {"release": release(output, target), "cacheFirst": cache_first}
    target.write_text(worker(template.read_text(encoding="utf-8"), config), encoding="utf-8")


def last_of_all(_generators) -> None:
    """Connect the writer once every generator exists, so that it runs after the finalized
    handlers they connected (the sitemap): the release names every other file."""
    signals.finalized.connect(write_worker)


def register() -> None:
    signals.all_generators_finalized.connect(last_of_all)
