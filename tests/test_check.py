"""`make check`: every problem at once, grouped by file, sorted by line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from ssesite.cli import check
from ssesite.core.problems import Problem


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def broken(project: Path) -> Path:
    """A copy of the project with six mistakes in four files."""
    korea = project / "studies/korea/index.md"
    edit(korea, "status: draft", "status: Draft")
    edit(korea, "written: 2026-11-28", "written: 2026-02-30")
    edit(korea, "    - type: social-enterprise", "    - type: social-enterprises")
    edit(project / "studies/japan/index.md", "languages: [en]", "languages: [english]")
    edit(
        project / "studies/china/index.md", "subregion: east-asia", "subregion: east-asia\ntitle: X"
    )
    edit(
        project / "data/countries.yml",
        "KR: {name: Republic of Korea, subregion: east-asia,",
        "KR: {name: Republic of Korea, subregion: east-asai,",
    )
    (project / "studies/notes.txt").write_text("not a study\n", encoding="utf-8")
    return project


REPORT = """\
data/countries.yml
  line 23: countries.KR.subregion: expected one of 'east-asia', 'south-east-asia', 'south-asia', 'central-asia', 'pacific', found 'east-asai'. Did you mean 'east-asia'?
studies/china/index.md
  line 5: title: the field is given twice (first on line 2); expected each field once
studies/japan/index.md
  line 15: languages[0]: expected a BCP 47 language tag such as 'en', 'ko' or 'zh-Hans', found 'english'
studies/korea/index.md
  line 7: status: expected one of 'draft', 'review', 'final', found 'Draft'. Did you mean 'draft'?
  line 8: written: expected a real calendar date written YYYY-MM-DD, found '2026-02-30'
  line 70: framework.entities[0].type: expected one of 'cooperative', 'association', 'mutual-society', 'foundation', 'social-enterprise', 'self-help-group', 'other', found 'social-enterprises'. Did you mean 'social-enterprise'?
studies/notes.txt
  file: expected a study folder studies/<slug>/ holding an index.md, found a file
7 problems in 5 files.
"""  # noqa: E501

ANNOTATIONS = """\
::error file=data/countries.yml,line=23,title=make check%3A countries.KR.subregion::expected one of 'east-asia', 'south-east-asia', 'south-asia', 'central-asia', 'pacific', found 'east-asai'. Did you mean 'east-asia'?
::error file=studies/china/index.md,line=5,title=make check%3A title::the field is given twice (first on line 2); expected each field once
::error file=studies/japan/index.md,line=15,title=make check%3A languages[0]::expected a BCP 47 language tag such as 'en', 'ko' or 'zh-Hans', found 'english'
::error file=studies/korea/index.md,line=7,title=make check%3A status::expected one of 'draft', 'review', 'final', found 'Draft'. Did you mean 'draft'?
::error file=studies/korea/index.md,line=8,title=make check%3A written::expected a real calendar date written YYYY-MM-DD, found '2026-02-30'
::error file=studies/korea/index.md,line=70,title=make check%3A framework.entities[0].type::expected one of 'cooperative', 'association', 'mutual-society', 'foundation', 'social-enterprise', 'self-help-group', 'other', found 'social-enterprises'. Did you mean 'social-enterprise'?
::error file=studies/notes.txt,title=make check::expected a study folder studies/<slug>/ holding an index.md, found a file
"""  # noqa: E501


def test_valid_content_exits_0(project: Path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert check.main([str(project)]) == 0
    assert capsys.readouterr().out == "All content is valid: 6 studies checked.\n"


def test_every_problem_grouped_by_file_sorted_by_line(broken: Path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert check.main([str(broken)]) == 1
    assert capsys.readouterr().out == REPORT


def test_github_actions_adds_error_commands(broken: Path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert check.main([str(broken)]) == 1
    assert capsys.readouterr().out == REPORT + ANNOTATIONS


def test_not_the_project_exits_2(tmp_path: Path, capsys):
    assert check.main([str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"{tmp_path}: expected the project's root folder (with data/ and studies/), "
        "found no data/ or studies/\n"
    )


def test_a_wrong_worker_count_exits_2_as_the_build_would_stop(monkeypatch, capsys):
    monkeypatch.setenv("SSESITE_WORKERS", "two")
    assert check.main([str(ROOT)]) == 2
    assert capsys.readouterr().err == (
        "SSESITE_WORKERS: expected a whole number of worker processes from 0 (none) to 32, "
        "found 'two'\n"
    )


def test_annotation_escapes_what_github_would_misread():
    problem = Problem("studies/a,b/index.md", 3, "x:y", "50% done\nnext line")
    assert check.github_annotation(problem) == (
        "::error file=studies/a%2Cb/index.md,line=3,title=make check%3A x%3Ay"
        "::50%25 done%0Anext line"
    )


def test_summary_counts_problems_and_files():
    one = Problem("a.md", 1, "f", "m")
    assert check.summary([one]) == "1 problem in 1 file."
    assert check.summary([one, Problem("a.md", 2, "f", "m"), Problem("b.md", 1, "f", "m")]) == (
        "3 problems in 2 files."
    )


def test_make_check_runs_from_the_command_line(broken: Path):
    """As the Makefile and CI run it: `python -m ssesite.cli.check` in the project."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(
        [sys.executable, "-m", "ssesite.cli.check"],
        cwd=broken,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == REPORT
