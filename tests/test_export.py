"""The exported Markdown builds with bare Material: nothing depends on the hooks."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from lxml import html
from mkdocs.commands.build import build
from mkdocs.config import load_config
from ssesite.export import bare_config, export


def test_export_builds_with_bare_material(tmp_path: Path):
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
