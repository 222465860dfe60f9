"""The exported Markdown builds with bare Material: nothing depends on the hooks."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from lxml import html
from mkdocs.commands.build import build
from mkdocs.config import load_config
from ssesite.site import home as home_markers
from ssesite.site.export import bare_config, export
from ssesite.site.pages import GeneratedFile
from ssesite.site.project import load_project


def test_export_builds_with_bare_material(tmp_path: Path, built_site: Path):
    out = tmp_path / "markdown"
    count = export(ROOT, out)
    assert count >= 16
    assert (out / "countries" / "korea" / "index.md").is_file()
    assert "ssesite:" not in (out / "framework.md").read_text(encoding="utf-8")

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(bare_config(ROOT, out, tmp_path / "site"), encoding="utf-8")
    config = load_config(str(config_file), strict=True)
    assert "hooks" not in config_file.read_text(encoding="utf-8")
    build(config)
    doc = html.parse(str(tmp_path / "site" / "countries" / "korea" / "index.html")).getroot()
    assert doc.cssselect(".sse-factbox")
    assert len(doc.cssselect("table.sse-table")) == 4
    # The same navigation as the project's build: the study pages are listed
    built = html.parse(str(built_site / "countries" / "korea" / "index.html")).getroot()
    assert nav_links(doc) == nav_links(built)
    assert "../japan/" in nav_links(doc)


def nav_links(doc) -> list[str]:
    """The pages the navigation links (not the page's own table of contents)."""
    links = [a.get("href") for a in doc.cssselect("nav.md-nav--primary a.md-nav__link")]
    return [href for href in links if not href.startswith("#")]


@pytest.mark.parametrize(
    "uri", ["../escape.md", "/etc/passwd", "countries/../../x.md", "a//b.md", "a\\b.md", "./a.md"]
)
def test_generated_files_cannot_leave_the_output_folder(uri):
    with pytest.raises(ValueError, match="unsafe generated path"):
        GeneratedFile(uri, source=Path("x"))


def test_every_real_generated_path_is_safe(tmp_path: Path):
    out = tmp_path / "markdown"
    export(ROOT, out)
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())


def test_the_export_makes_each_page_as_the_build_does(tmp_path: Path, built_site: Path):
    out = tmp_path / "markdown"
    export(ROOT, out)
    # The countries-studied marker is replaced, as on the built home page
    home = (out / "index.md").read_text(encoding="utf-8")
    assert home_markers.COUNTRIES_MARKER not in home
    sentence = home_markers.expand_markers(home_markers.COUNTRIES_MARKER, load_project(ROOT))
    assert sentence in home
    built_home = html.parse(str(built_site / "index.html")).getroot()
    assert sentence in " ".join(built_home.text_content().split())
    # A docs page with a translation, and the translation, carry the language switcher
    for name in ("about.md", "about.id.md"):
        text = (out / name).read_text(encoding="utf-8")
        assert 'class="sse-languages"' in text, name
        assert text != (ROOT / "docs" / name).read_text(encoding="utf-8")
