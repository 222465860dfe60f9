"""`make site` publishes the offline edition: one reproducible archive, linked with its size."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

ENV = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), NO_MKDOCS_2_WARNING="1")
sys.path.insert(0, str(ROOT / "tools"))
import offline_edition  # noqa: E402


def test_make_site_links_the_archive_with_its_size_and_the_archive_is_reproducible(
    project: Path, tmp_path: Path
):
    site = project / "site"
    command = [sys.executable, str(ROOT / "tools" / "build_site.py"), "--site-dir", str(site)]
    command += ["--config", str(project / "mkdocs.yml")]
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert result.returncode == 0, result.stderr
    archive = site / offline_edition.ARCHIVE
    home = (site / "index.html").read_text(encoding="utf-8")
    link = re.search(r'href="(downloads/[^"]+)" download>([^<]+)<', home)
    assert link and link[1] == offline_edition.ARCHIVE
    assert f"(ZIP, {round(archive.stat().st_size / 1e3)} kB)" in link[2]

    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        edition_home = opened.read(f"{offline_edition.FOLDER}/index.html").decode()
        index = opened.read(f"{offline_edition.FOLDER}/search/search_index.js").decode()
    assert names == sorted(names)
    assert f"{offline_edition.FOLDER}/countries/korea/index.html" in names
    assert not [n for n in names if n.endswith((".map", "search_index.json", "404.html", ".zip"))]
    # The copy on disk has no link to itself, and names every page's file
    assert "read-offline" not in edition_home
    assert '"location":"countries/korea/index.html"' in index

    # Made again from the same site: the same bytes
    again = tmp_path / "again.zip"
    offline_edition.make(site, again)
    assert again.read_bytes() == archive.read_bytes()


def test_a_build_without_the_edition_has_no_link_to_it(built_site: Path):
    assert "read-offline" not in (built_site / "index.html").read_text(encoding="utf-8")
    assert not (built_site / offline_edition.ARCHIVE).exists()
