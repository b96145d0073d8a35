"""Pelican settings for publishing: `invoke build --production`. Set JIUYE_SITEURL."""

from __future__ import annotations

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("JIUYE_SITEURL", "https://jiuye.example.org").rstrip("/")
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
