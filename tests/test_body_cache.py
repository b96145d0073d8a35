"""The body text kept between builds (jiuye_taxonomy.body_cache) is given only to an article
whose sanitised HTML is the one it was read from."""

from __future__ import annotations

from types import SimpleNamespace

from pelican import signals

from pelican.plugins.jiuye_content import body_lines
from pelican.plugins.jiuye_taxonomy.body_cache import BodyCache


class Article:
    def __init__(self, html: str) -> None:
        self._content = html


def generator(tmp_path, load: bool, *articles: Article) -> SimpleNamespace:
    settings = {"CACHE_PATH": str(tmp_path), "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": load}
    return SimpleNamespace(settings=settings, articles=list(articles))


def test_an_article_gets_kept_lines_only_for_the_same_html(tmp_path):
    same, edited = Article("<p>提供 50 个岗位</p>"), Article("<p>提供 60 个岗位</p>")
    first = BodyCache(generator(tmp_path, False, same, edited))
    assert body_lines(same) == ["提供 50 个岗位"] and body_lines(edited) == ["提供 60 个岗位"]
    signals.finalized.connect(first.save, weak=False)
    first.save(None)
    again, changed = Article("<p>提供 50 个岗位</p>"), Article("<p>提供 61 个岗位</p>")
    BodyCache(generator(tmp_path, True, again, changed))
    assert vars(again)["body_lines"] == ["提供 50 个岗位"]
    assert "body_lines" not in vars(changed) and body_lines(changed) == ["提供 61 个岗位"]
    BodyCache(generator(tmp_path, False, cold := Article("<p>提供 50 个岗位</p>")))
    assert "body_lines" not in vars(cold)
