"""Parsing the large files in a worker changes nothing but the time it takes."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

needs_fork = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="workers fork on Linux only"
)


def fresh(name: str):
    # Builds in this test process import the domain package afresh; use the
    # modules now in sys.modules so that results pickle by the same classes.
    return importlib.import_module(f"ssesite.{name}")


def load(root: Path, workers: str, monkeypatch) -> object:
    monkeypatch.setenv("SSESITE_WORKERS", workers)
    project = fresh("site.project")
    return project.load_content(project.Layout(root.resolve()))


def summary(content) -> dict:
    return {
        "problems": [str(p) for p in content.problems.items],
        "glossary": [(t.id, t.definition) for t in content.glossary.terms],
        "entries": sorted(content.citations.entries) if content.citations else [],
        "sessions": [s.id for s in content.programme.sessions] if content.programme else None,
    }


@needs_fork
def test_the_same_content_with_and_without_a_worker(project: Path, monkeypatch):
    assert summary(load(project, "1", monkeypatch)) == summary(load(project, "0", monkeypatch))


@needs_fork
def test_the_same_problems_in_the_same_order_with_and_without_a_worker(project, monkeypatch):
    glossary = project / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "  - id: [\n", encoding="utf-8")
    bib = project / "data" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@book{broken,\n  title = {x\n", "utf-8")
    programme = project / "data" / "programme.yml"
    text = programme.read_text(encoding="utf-8").replace("timezone: Asia/Seoul", "timezone: 7")
    programme.write_text(text, encoding="utf-8")
    with_worker = summary(load(project, "1", monkeypatch))
    assert with_worker == summary(load(project, "0", monkeypatch))
    files = {p.split(":")[0] for p in with_worker["problems"]}
    assert {"data/glossary.yml", "data/references.bib"} <= files


@needs_fork
def test_a_file_changed_after_it_was_parsed_ahead_is_parsed_again(project: Path, monkeypatch):
    monkeypatch.setenv("SSESITE_WORKERS", "1")
    parseahead, problems = fresh("site.parseahead"), fresh("core.problems")
    path = project / "data" / "glossary.yml"
    with parseahead.ParseAhead(project.resolve()) as ahead:
        changed = path.read_text(encoding="utf-8").replace("- id: cooperative\n", "- id: co-op\n")
        located = ahead.yaml(changed, "data/glossary.yml", problems.Problems())
    ids = [term["id"] for term in located.data["terms"]]
    assert "co-op" in ids and "cooperative" not in ids


def test_without_a_worker_files_are_parsed_where_they_are_needed(project: Path, monkeypatch):
    monkeypatch.setenv("SSESITE_WORKERS", "0")
    parseahead, problems = fresh("site.parseahead"), fresh("core.problems")
    path = project / "data" / "programme.yml"
    with parseahead.ParseAhead(project.resolve()) as ahead:
        assert ahead._pending == {}
        located = ahead.yaml(path.read_text(encoding="utf-8"), "x.yml", problems.Problems())
    assert "sessions" in located.data


@needs_fork
def test_with_a_worker_the_three_large_files_are_parsed_ahead(project: Path, monkeypatch):
    monkeypatch.setenv("SSESITE_WORKERS", "1")
    parseahead = fresh("site.parseahead")
    with parseahead.ParseAhead(project.resolve()) as ahead:
        assert sorted(ahead._pending) == [
            "data/glossary.yml",
            "data/programme.yml",
            "data/references.bib",
        ]
        text = (project / "data" / "programme.yml").read_text(encoding="utf-8")
        assert ahead._take("data/programme.yml", text) is not None  # the worker's result
