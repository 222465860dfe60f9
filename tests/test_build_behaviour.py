"""Builds: failing on bad content, never touching sources, atomic swaps, links."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from conftest import ROOT, build_site
from lxml import html
from mkdocs.exceptions import Abort

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}


def tree_digest(*folders: Path) -> dict[str, str]:
    digest = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest[str(path.relative_to(folder.parent))] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
            else:
                digest[str(path.relative_to(folder.parent)) + "/"] = "dir"
    return digest


def break_korea(project: Path) -> None:
    index = project / "studies" / "korea" / "index.md"
    text = index.read_text(encoding="utf-8")
    text = text.replace("country: KR", "country: KO").replace("status: draft", "status: done")
    index.write_text(text, encoding="utf-8")


def test_build_never_touches_docs_or_studies(project: Path, tmp_path: Path):
    before = tree_digest(project / "docs", project / "studies", project / "data")
    build_site(project, tmp_path / "site")
    assert tree_digest(project / "docs", project / "studies", project / "data") == before


def test_broken_front_matter_fails_the_build_with_every_problem(project: Path, tmp_path, caplog):
    break_korea(project)
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    assert not (tmp_path / "site").exists()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [
        "2 problems in the content:\n"
        "  studies/korea/index.md:3: country: expected an ISO 3166-1 alpha-2 country code "
        "such as 'KR', found 'KO'\n"
        "  studies/korea/index.md:7: status: expected one of 'draft', 'review', 'final', "
        "found 'done'"
    ]


def run_check(root: Path) -> subprocess.CompletedProcess:
    """`make check` as a researcher runs it, on the project at `root`."""
    return subprocess.run(
        [sys.executable, "-m", "ssesite.cli.check", str(root)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )


def test_check_command_reports_grouped_problems_and_fails(project: Path):
    break_korea(project)
    (project / "studies" / "japan" / "index.md").write_text("no front matter\n", encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "studies/japan/index.md",
        "  line 1: expected front matter (a YAML block between two '---' lines) at the top of "
        "the file, found none",
        "studies/korea/index.md",
        "  line 3: country: expected an ISO 3166-1 alpha-2 country code such as 'KR', found 'KO'",
        "  line 7: status: expected one of 'draft', 'review', 'final', found 'done'",
        "3 problems in 2 files.",
    ]


def test_check_command_passes_on_the_real_content():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("All content is valid")


def make_site_command(project: Path, site: Path) -> list[str]:
    """What `make site` runs, for the project at `project`."""
    return [
        sys.executable,
        str(ROOT / "tools" / "build_site.py"),
        "--site-dir",
        str(site),
        "--config",
        str(project / "mkdocs.yml"),
    ]


def test_failed_build_leaves_previous_site_untouched(project: Path):
    site = project / "site"
    build = make_site_command(project, site)
    ok = subprocess.run(build, capture_output=True, text=True, env=ENV, check=False)
    assert ok.returncode == 0, ok.stderr
    before = tree_digest(site)
    break_korea(project)
    failed = subprocess.run(build, capture_output=True, text=True, env=ENV, check=False)
    assert failed.returncode != 0
    assert "studies/korea/index.md:3: country" in failed.stderr
    assert "site/ was left unchanged" in failed.stderr
    assert tree_digest(site) == before
    assert not list(project.glob(".site-build-*"))


def test_every_internal_link_and_anchor_resolves(built_site: Path):
    """MkDocs validates Markdown links; this also covers links in HTML blocks."""
    broken = []
    for page in sorted(built_site.rglob("*.html")):
        doc = html.parse(str(page)).getroot()
        for element in doc.iter("a"):
            href = element.get("href")
            if not href or href.startswith(("http:", "https:", "mailto:", "#")) or "://" in href:
                continue
            target, fragment = urldefrag(unquote(href))
            # The 404 page links from the site root: it is served at any depth
            base = built_site if target.startswith("/") else page.parent
            path = (base / target.lstrip("/")).resolve()
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)}: {href}")
                continue
            if fragment and path.suffix == ".html":
                ids = set(html.parse(str(path)).getroot().xpath("//@id"))
                if fragment not in ids:
                    broken.append(f"{page.relative_to(built_site)}: {href} (no anchor)")
    assert broken == []


def test_broken_internal_link_or_anchor_fails_strict_build(project: Path, tmp_path, caplog):
    (project / "docs" / "broken.md").write_text(
        "# Broken\n\n[gone](nowhere.md) and [no anchor](about.md#no-such-section)\n",
        encoding="utf-8",
    )
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site")
    # Found by the content check (as `make check` finds them), with the line
    errors = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert errors.splitlines()[1:] == [
        "  docs/broken.md:3: link: expected a heading with the anchor 'no-such-section' in "
        "docs/about.md, found none",
        "  docs/broken.md:3: link: expected a page or file of the repository, found "
        "'nowhere.md', which does not exist",
    ]


def test_study_images_are_published_beside_the_page(project: Path, tmp_path):
    folder = project / "studies" / "japan"
    (folder / "figures").mkdir()
    (folder / "figures" / "map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8"
    )
    index = folder / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n![Map of example](figures/map.svg)\n",
        encoding="utf-8",
    )
    site = build_site(project, tmp_path / "site")
    assert (site / "countries" / "japan" / "figures" / "map.svg").is_file()
    doc = html.parse(str(site / "countries" / "japan" / "index.html")).getroot()
    assert [img.get("src") for img in doc.cssselect("article img")] == ["figures/map.svg"]


def test_data_fields_are_text_not_html(project: Path, tmp_path):
    index = project / "studies" / "japan" / "index.md"
    text = index.read_text(encoding="utf-8")
    text = text.replace(
        "title: The social and solidarity economy in Japan",
        "title: 'Japan <script>alert(1)</script> *not emphasis* [@key]'",
    ).replace("form: Worker cooperative", "form: '\"><img src=x onerror=alert(1)>'")
    index.write_text(text, encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    page = (site / "countries" / "japan" / "index.html").read_text(encoding="utf-8")
    doc = html.fromstring(page)
    assert (
        doc.cssselect("article h1")[0]
        .text_content()
        .strip()
        .startswith("Japan <script>alert(1)</script> *not emphasis* [@key]")
    )
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert doc.findtext(".//title").startswith("Japan <script>alert(1)</script>")
    assert any(
        td.text_content().startswith('"><img src=x onerror=alert(1)>')
        for td in doc.cssselect("article td")
    )


def test_make_site_fails_on_a_warning_and_keeps_the_previous_site(project: Path):
    """tools/build_site.py must not hide warnings: strict turns them into failures."""
    site = project / "site"
    build = make_site_command(project, site)
    assert subprocess.run(build, capture_output=True, env=ENV, check=False).returncode == 0
    # Content links are checked before the build (make check); the navigation
    # in mkdocs.yml is MkDocs' own, and only warns about a page that is not there
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - Home: index.md", "  - Home: nowhere.md"),
        encoding="utf-8",
    )
    failed = subprocess.run(build, capture_output=True, text=True, env=ENV, check=False)
    assert failed.returncode != 0
    assert "nowhere.md" in failed.stderr
    assert "WARNING" in failed.stderr
    assert "nowhere" not in (site / "index.html").read_text(encoding="utf-8")
