"""Pelican settings for publishing (`invoke rebuild`, `invoke build --production`).

JIUYE_SITEURL (the site's public address, e.g. https://jiuye.example.gov.cn) is required: feeds,
.ics and JSON-LD carry absolute links, and a wrong host in them cannot be taken back.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("JIUYE_SITEURL", "").strip().rstrip("/")
if urlsplit(SITEURL).scheme not in ("http", "https") or not urlsplit(SITEURL).netloc:
    raise SystemExit(
        "生产构建需要设置 JIUYE_SITEURL 为网站的公开地址，例如 JIUYE_SITEURL=https://jiuye.example.gov.cn "
        f"（现在是 {SITEURL!r}）"
    )
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True  # the release folder, built apart from the live site
CACHE_PATH = f"{CACHE_PATH}-production"  # noqa: F405 (from pelicanconf)
DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""  # drafts are previewed locally, never published
