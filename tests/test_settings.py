"""The plugins' settings (jiuye_content/settings.py): checked once, a wrong one named; one table of URLs."""

from __future__ import annotations

import re

import pytest

from pelican.plugins.jiuye_content.settings import BUILD_TIME, CAMPAIGNS, URLS, SettingError, configure
from tests.conftest import ROOT, run_python


@pytest.fixture
def given(monkeypatch) -> dict:
    monkeypatch.delenv("JIUYE_NOW", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return {"PATH": str(ROOT / "content")}


def test_defaults_are_filled_in_and_derived_values_set(given):
    settings = {**given, "JIUYE_NOW": "2026-11-23 12:00:00+08:00"}
    configure(settings)
    assert settings["JIUYE_SEARCH_BODY_CHARS"] == 200
    assert settings["JIUYE_CAMPAIGNS_FILE"] == "campaigns.yaml"
    assert settings[BUILD_TIME].isoformat() == "2026-11-23T12:00:00+08:00"
    assert settings[CAMPAIGNS].find("nuanxin")


def test_source_date_epoch_sets_the_build_time_and_jiuye_now_wins(given, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795406400")  # 2026-11-23 12:00 in Shanghai
    settings = dict(given)
    configure(settings)
    assert settings[BUILD_TIME].isoformat() == "2026-11-23T12:00:00+08:00"
    monkeypatch.setenv("JIUYE_NOW", "2026-11-24 08:00:00+08:00")
    configure(settings)
    assert settings[BUILD_TIME].isoformat() == "2026-11-24T08:00:00+08:00"


@pytest.mark.parametrize("value", ["2026-11-23", "1.5", "99999999999999999999"])
def test_a_wrong_source_date_epoch_is_named(given, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(SettingError, match="^SOURCE_DATE_EPOCH must be whole seconds since 1970"):
        configure(dict(given))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("JIUYE_SEARCH_BODY_CHARS", "200"),
        ("JIUYE_SEARCH_BODY_CHARS", True),
        ("JIUYE_SEARCH_BODY_CHARS", -1),
        ("JIUYE_NOW", 20261123),
        ("JIUYE_NOW", "not a date"),
        ("JIUYE_CAMPAIGNS_FILE", ["campaigns.yaml"]),
        ("JIUYE_CAMPAIGNS_FILE", "missing.yaml"),
        ("JIUYE_LUNR_JS", 1),
    ],
)
def test_a_wrong_setting_is_named(given, name, value):
    with pytest.raises(SettingError, match=f"^{name} must be "):
        configure({**given, name: value})


def test_the_build_stops_naming_a_wrong_typed_setting(tmp_path):
    result = run_python(
        "-m",
        "pelican",
        str(ROOT / "content"),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-o",
        str(tmp_path / "output"),
        "-e",
        'JIUYE_SEARCH_BODY_CHARS="200"',
        check=False,
    )
    said = "".join((result.stdout + result.stderr).split())  # the log wraps long lines
    assert result.returncode == 1
    assert "SettingError:JIUYE_SEARCH_BODY_CHARSmustbeanumberofcharacters(int≥0),notstr'200'" in said
    assert not (tmp_path / "output" / "index.html").exists()


def test_urls_and_the_files_they_are_saved_as():
    assert URLS.province.url(slug="hubei") == "province/hubei/"
    assert URLS.province.save_as(slug="hubei") == "province/hubei/index.html"
    assert URLS.province_feed.save_as(slug="hubei") == "province/hubei/atom.xml"
    assert URLS.jobs.url() == "jobs/"
    filtered = URLS.jobs.url(province="hubei", group="canjiren", education="dazhuan")
    assert filtered == "jobs/hubei/group/canjiren/edu/dazhuan/"
    assert URLS.jobs.url(province=None, education="dazhuan") == "jobs/edu/dazhuan/"
    assert URLS.fairs.save_as(province="hubei", month="2026-11") == "fairs/hubei/2026-11/index.html"
    assert URLS.lunr_js.save_as(theme="theme") == "theme/js/lunr.min.js"
    with pytest.raises(TypeError, match="no filter city"):
        URLS.jobs.url(city="wuhan")


def test_no_template_spells_a_path():
    """Every link a template writes after SITEURL or FEED_DOMAIN comes from a URL (urls, an item's,
    a Pelican setting), not from a path written into the template."""
    spelled = re.compile(r"\{\{\s*(SITEURL|FEED_DOMAIN)\s*\}\}/[^{\"]")
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in sorted((ROOT / "theme" / "templates").rglob("*.html"))
        for match in spelled.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
