"""Two builds of the same sources are byte-identical, file by file."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest
from conftest import build_site, copy_project
from mkdocs.exceptions import Abort, PluginError
from ssesite.core.background import worker_count


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch):
    # A site URL makes MkDocs write dates into the sitemap: they must come
    # from SOURCE_DATE_EPOCH, not from the clock.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600732800")
    first = copy_project(tmp_path / "first")
    second = copy_project(tmp_path / "second")
    # One build does everything in its own process, the other with workers
    # (ssesite.core.background): the bytes must not depend on it.
    monkeypatch.setenv("SSESITE_WORKERS", "0")
    site_a = build_site(first, tmp_path / "a", site_url="https://example.org/sse/")
    monkeypatch.setenv("SSESITE_WORKERS", "2")
    if sys.platform.startswith("linux"):
        assert worker_count() == 2
    site_b = build_site(second, tmp_path / "b", site_url="https://example.org/sse/")
    a, b = digests(site_a), digests(site_b)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert "<lastmod>2020-09-22</lastmod>" in (site_a / "sitemap.xml").read_text()


def test_with_a_site_url_pages_have_canonical_and_sitemap(tmp_path: Path, monkeypatch):
    from lxml import html

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600732800")
    site = build_site(
        copy_project(tmp_path / "p"), tmp_path / "s", site_url="https://example.org/sse/"
    )
    doc = html.parse(str(site / "countries" / "korea" / "index.html")).getroot()
    canonical = doc.cssselect('link[rel="canonical"]')[0].get("href")
    assert canonical == "https://example.org/sse/countries/korea/"
    meta = {m.get("property"): m.get("content") for m in doc.iter("meta") if m.get("property")}
    assert meta["og:url"] == canonical
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/sse/countries/korea/</loc>" in sitemap
    assert "<loc>https://example.org/sse/programme/sessions/opening/</loc>" in sitemap


def test_a_wrong_worker_setting_stops_the_build(tmp_path: Path, monkeypatch, caplog):
    monkeypatch.setenv("SSESITE_WORKERS", "all")
    with pytest.raises((Abort, PluginError)):
        build_site(copy_project(tmp_path / "p"), tmp_path / "s")
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [
        "SSESITE_WORKERS: expected a whole number of worker processes from 0 (none) to 32, "
        "found 'all'"
    ]
