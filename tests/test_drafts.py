"""The drafts setting: show, noindex and exclude, each built and parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site
from lxml import etree, html
from mkdocs.exceptions import Abort, PluginError

SITE_URL = "https://example.org/sse/"
SLUGS = ("china", "indonesia", "japan", "korea", "malaysia", "philippines")


def drafts_line() -> int:
    """The line of `drafts:` in the real mkdocs.yml (the messages name it)."""
    lines = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith("drafts:"))


def page(site: Path, path: str):
    return html.parse(str(site / path)).getroot()


def robots(site: Path, path: str) -> list[str]:
    return [m.get("content") for m in page(site, path).cssselect('meta[name="robots"]')]


def sitemap(site: Path) -> set[str]:
    tree = etree.parse(str(site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text for loc in tree.findall(".//s:loc", ns)}


def build(project: Path, tmp_path: Path, monkeypatch, mode: str | None) -> Path:
    monkeypatch.setenv("SITE_URL", SITE_URL)
    if mode is None:
        monkeypatch.delenv("SITE_DRAFTS", raising=False)
    else:
        monkeypatch.setenv("SITE_DRAFTS", mode)
    return build_site(project, tmp_path / "site")


def make_final(project: Path, slug: str) -> None:
    # A final study needs its authors: a clearly fake one for the test
    index = project / "studies" / slug / "index.md"
    text = index.read_text(encoding="utf-8").replace(
        "authors: []", "authors:\n  - name: Test Author\n    affiliation: Example University", 1
    )
    index.write_text(text.replace("status: draft", "status: final", 1), encoding="utf-8")


# -----------------------------------------------------------------------------
# Domain
# -----------------------------------------------------------------------------


def test_wrong_mode_names_the_setting_and_suggests(project, monkeypatch):
    from ssesite.content.settings import load_settings
    from ssesite.core.problems import Problems

    monkeypatch.setenv("SITE_DRAFTS", "noindex")
    assert load_settings(project, Problems()).drafts == "noindex"
    for value, found in (
        (
            "no-index",
            "'no-index' (from the environment variable SITE_DRAFTS). Did you mean 'noindex'?",
        ),
        ("true", "true (a yes/no value) (from the environment variable SITE_DRAFTS)"),
    ):
        problems = Problems()
        monkeypatch.setenv("SITE_DRAFTS", value)
        assert load_settings(project, problems).drafts == "show"
        assert [str(p) for p in problems.items] == [
            f"mkdocs.yml:{drafts_line()}: extra.drafts: expected one of 'show', 'noindex', "
            f"'exclude', found {found}"
        ]


# -----------------------------------------------------------------------------
# Builds
# -----------------------------------------------------------------------------


def test_show_is_the_default_drafts_built_listed_indexed(project, tmp_path, monkeypatch):
    site = build(project, tmp_path, monkeypatch, None)
    for slug in SLUGS:
        path = f"countries/{slug}/index.html"
        assert page(site, path).cssselect(".sse-status-banner"), slug
        assert robots(site, path) == []
        assert f"{SITE_URL}countries/{slug}/" in sitemap(site)
    cards = page(site, "countries/index.html").cssselect(".sse-card")
    assert len(cards) == 6


def test_noindex_keeps_drafts_out_of_search_engines(project, tmp_path, monkeypatch):
    make_final(project, "japan")
    site = build(project, tmp_path, monkeypatch, "noindex")
    urls = sitemap(site)
    for slug in SLUGS:
        path = f"countries/{slug}/index.html"
        if slug == "japan":
            assert robots(site, path) == []
            assert not page(site, path).cssselect(".sse-status-banner")
            assert f"{SITE_URL}countries/japan/" in urls
        else:
            assert robots(site, path) == ["noindex"], slug
            assert page(site, path).cssselect(".sse-status-banner"), slug
            assert f"{SITE_URL}countries/{slug}/" not in urls
    # Drafts are still published and listed; other pages are indexed.
    assert len(page(site, "countries/index.html").cssselect(".sse-card")) == 6
    for path in ("index.html", "countries/index.html", "countries/compare/index.html"):
        assert robots(site, path) == []
    assert {SITE_URL, f"{SITE_URL}countries/", f"{SITE_URL}countries/compare/"} <= urls


def test_exclude_builds_and_lists_only_final_studies(project, tmp_path, monkeypatch):
    make_final(project, "japan")
    site = build(project, tmp_path, monkeypatch, "exclude")
    assert (site / "countries/japan/index.html").is_file()
    for slug in set(SLUGS) - {"japan"}:
        assert not (site / "countries" / slug).exists(), slug
        assert f"{SITE_URL}countries/{slug}/" not in sitemap(site)
    cards = page(site, "countries/index.html").cssselect(".sse-card__title a")
    assert [a.text_content() for a in cards] == ["Japan"]
    compare = page(site, "countries/compare/index.html")
    columns = [a.text_content() for a in compare.cssselect("#matrix-entity-types thead a")]
    assert columns == ["Japan"]
    # Nothing anywhere links to a draft.
    for file in site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        for slug in set(SLUGS) - {"japan"}:
            assert f"{slug}/" not in text.replace("countries/compare/", ""), (file, slug)


def test_exclude_with_only_drafts_still_builds(project, tmp_path, monkeypatch):
    site = build(project, tmp_path, monkeypatch, "exclude")
    assert not any((site / "countries" / slug).exists() for slug in SLUGS)
    # No "0 countries", no empty grid or table: one plain sentence instead
    index = page(site, "countries/index.html")
    assert index.cssselect(".sse-card") == [] and index.cssselect(".sse-map") == []
    said = "No country summary is published in this edition of the site yet."
    assert said in index.cssselect("article")[0].text_content()
    compare = page(site, "countries/compare/index.html")
    assert compare.cssselect("article table") == []
    assert "No country summary is published" in compare.cssselect("article")[0].text_content()
    home = page(site, "index.html")
    assert home.get_element_by_id("countries-studied").getnext().text_content().startswith(said)
    assert home.cssselect(".sse-map a") == []


def test_unknown_mode_fails_the_build(project, tmp_path, monkeypatch, caplog):
    with pytest.raises((PluginError, Abort)):
        build(project, tmp_path, monkeypatch, "hide")
    assert (
        f"mkdocs.yml:{drafts_line()}: extra.drafts: expected one of 'show', 'noindex', "
        "'exclude', found 'hide' (from the environment variable SITE_DRAFTS)"
    ) in caplog.text
    assert not (tmp_path / "site" / "countries").exists()


def test_unknown_mode_fails_make_check(project, monkeypatch, capsys):
    from ssesite.cli import check

    monkeypatch.setenv("SITE_DRAFTS", "noidex")
    assert check.main([str(project)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "mkdocs.yml",
        f"  line {drafts_line()}: extra.drafts: expected one of 'show', 'noindex', "
        "'exclude', found 'noidex' (from the environment variable SITE_DRAFTS). "
        "Did you mean 'noindex'?",
        "1 problem in 1 file.",
    ]
