"""The organiser guard: programme changes against the last commit and the pull request's base.

The refusals are in tests/bad_inputs/organiser.yml; these are the changes
it must accept, and the comparison with the branch a pull request goes into.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import copy_project
from ssesite.site.project import load_project

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]

SESSION_1 = "  - id: session-1\n    label: Session 1\n    kind: session\n    date: 2020-09-22\n"
MOVED = SESSION_1.replace(
    "    date: 2020-09-22\n", "    start: 2020-09-22T14:00\n    end: 2020-09-22T15:30\n"
)
HISTORY = (
    "    history:\n"
    "      - recorded: 2020-09-15\n"
    "        change: moved\n"
    '        was: "2020-09-22"\n'
    "        note: The times are now known.\n"
)


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def committed_project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "project")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Programme as published")
    return root


def edit_programme(root: Path, old: str, new: str) -> None:
    path = root / "data" / "programme.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(root: Path, monkeypatch, base: str = "") -> list[str]:
    monkeypatch.setenv("SSESITE_CACHE", "0")
    if base:
        monkeypatch.setenv("GITHUB_BASE_REF", base)
    else:
        monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    return [str(p) for p in load_project(root).problems.sorted()]


def test_a_move_recorded_in_the_history_passes(tmp_path, monkeypatch):
    root = committed_project(tmp_path)
    edit_programme(root, SESSION_1, MOVED + HISTORY)
    assert messages(root, monkeypatch) == []


def test_an_unchanged_programme_and_a_project_without_git_pass(tmp_path, monkeypatch):
    assert messages(committed_project(tmp_path), monkeypatch) == []
    plain = copy_project(tmp_path / "plain")
    edit_programme(plain, SESSION_1, MOVED)
    assert messages(plain, monkeypatch) == []


def test_a_change_already_committed_is_caught_against_the_pull_requests_base(tmp_path, monkeypatch):
    # On a pull request the change is in the last commit; the base branch
    # (fetched as origin/<base>) still has the published programme.
    root = committed_project(tmp_path)
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    edit_programme(root, SESSION_1, MOVED)
    git(root, "commit", "-q", "-am", "Move session 1")
    assert messages(root, monkeypatch) == []
    assert messages(root, monkeypatch, base="main") == [
        "data/programme.yml:92: sessions[1]: session 'session-1' moved from 2020-09-22 "
        "(time to be confirmed) to 2020-09-22 14:00–15:30 since the branch this pull request "
        "goes into (main); expected a new entry in its history (change: moved), found none, "
        "so readers' calendars would not update"
    ]
