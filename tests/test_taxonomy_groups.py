"""Pelican's category, tag and author groups are kept only for the pages and feeds written of them."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.plugins.jiuye_taxonomy import drop_unwritten_groups


def generator(**settings) -> SimpleNamespace:
    return SimpleNamespace(
        settings=settings,
        categories=[("新闻", ["a", "b"])],
        tags={"暖心": ["a"]},
        authors=[("jiuye", ["a", "b"])],
    )


def test_groups_without_a_page_or_a_feed_are_dropped():
    site = generator(CATEGORY_SAVE_AS="", TAG_SAVE_AS="", AUTHOR_SAVE_AS="", CATEGORY_FEED_ATOM=None)
    drop_unwritten_groups(site)
    assert (site.categories, site.tags, site.authors) == ([], {}, [])


def test_a_group_whose_page_or_feed_is_written_is_kept():
    site = generator(CATEGORY_SAVE_AS="category/{slug}.html", TAG_FEED_ATOM="tag/{slug}.atom.xml", AUTHOR_SAVE_AS="")
    drop_unwritten_groups(site)
    assert site.categories == [("新闻", ["a", "b"])] and site.tags == {"暖心": ["a"]} and site.authors == []
