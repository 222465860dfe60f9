"""The content cache: read back while nothing changed, never stale, never required."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from conftest import build_site, copy_project
from ssesite.site import contentcache


def load_project(root: Path, **options):
    # Builds in this test process import the domain package afresh
    # (hooks/pipeline.py); pickling needs the classes now in sys.modules.
    return importlib.import_module("ssesite.site.project").load_project(root, **options)


def entries(root: Path) -> list[Path]:
    return sorted((root / contentcache.FOLDER).glob("content-*.pickle"))


@pytest.fixture
def no_parsing(monkeypatch):
    """Make loading from the sources fail: only the cache can answer."""

    def refuse(layout):
        raise AssertionError("the content was parsed again")

    def apply():
        monkeypatch.setattr(importlib.import_module("ssesite.site.project"), "load_content", refuse)

    return apply


def test_unchanged_content_is_read_back(project: Path, no_parsing):
    first = load_project(project)
    assert len(entries(project)) == 1
    no_parsing()
    second = load_project(project)
    assert [s.slug for s in second.studies] == [s.slug for s in first.studies]
    assert second.citations.entries.keys() == first.citations.entries.keys()
    assert [t.id for t in second.glossary.terms] == [t.id for t in first.glossary.terms]
    assert not second.problems


def test_a_build_caches_the_citation_labels_with_the_content(project: Path, no_parsing):
    # Worked out once, before the content is stored, not on every build.
    labels = load_project(project, to_render=True).citations.labels
    no_parsing()
    cached = load_project(project).citations
    assert cached._labels == labels and cached._anchors
    assert labels["ilo:R193"] == "ILO 2002"


@pytest.mark.parametrize(
    "changed",
    [
        "studies/korea/index.md",
        "studies/japan/references.bib",
        "data/glossary.yml",
        "docs/about.md",
    ],
)
def test_any_change_to_a_source_loads_it_again(project: Path, changed: str):
    load_project(project)
    path = project / changed
    text = path.read_text(encoding="utf-8") + "\n"
    if changed.endswith("index.md"):
        text = text.replace("title: The social", "title: Changed, the social", 1)
    path.write_text(text, encoding="utf-8")
    reloaded = load_project(project)
    assert not reloaded.problems
    if changed.endswith("index.md"):
        korea = next(s for s in reloaded.studies if s.slug == "korea")
        assert korea.title.startswith("Changed, the social")
    # The entry for the old content is replaced, not kept beside it
    assert len(entries(project)) == 1


def test_a_new_file_is_a_change(project: Path):
    load_project(project)
    (project / "docs" / "new.md").write_text("# New\n\nA [co-op](term:cooperativ).\n")
    problems = [str(p) for p in load_project(project).problems.sorted()]
    assert any("found 'cooperativ'" in p for p in problems)


def test_content_with_problems_is_not_stored(project: Path):
    path = project / "data" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [\n", encoding="utf-8")
    assert load_project(project).problems
    assert entries(project) == []


def test_a_damaged_entry_is_ignored_and_replaced(project: Path):
    load_project(project)
    [entry] = entries(project)
    entry.write_bytes(b"not a pickle")
    assert not load_project(project).problems
    [again] = entries(project)
    assert again.read_bytes() != b"not a pickle"


def test_the_cache_can_be_turned_off(project: Path, monkeypatch):
    monkeypatch.setenv("SSESITE_CACHE", "0")
    load_project(project)
    assert not (project / ".cache").exists()


def test_settings_are_read_every_time(project: Path, monkeypatch):
    load_project(project)
    monkeypatch.setenv("SITE_DRAFTS", "nonsense")
    problems = [str(p) for p in load_project(project).problems.sorted()]
    assert any("extra.drafts" in p for p in problems), problems


def test_a_build_from_the_cache_is_byte_identical(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600732800")
    monkeypatch.setenv("SSESITE_CACHE", "0")
    cold = build_site(copy_project(tmp_path / "cold"), tmp_path / "cold-site")
    monkeypatch.setenv("SSESITE_CACHE", "1")
    warm_project = copy_project(tmp_path / "warm")
    build_site(warm_project, tmp_path / "first-site")
    assert entries(warm_project)
    warm = build_site(warm_project, tmp_path / "warm-site")
    cold_files = sorted(p.relative_to(cold) for p in cold.rglob("*") if p.is_file())
    warm_files = sorted(p.relative_to(warm) for p in warm.rglob("*") if p.is_file())
    assert cold_files == warm_files
    assert [f for f in cold_files if (cold / f).read_bytes() != (warm / f).read_bytes()] == []
