"""The bad-input corpus: every case fails `make check` and the build, with its exact message.

Cases live in tests/bad_inputs/*.yml (one file per kind of content). Each is
applied to a fresh copy of the project; the checker must exit 1 and report
exactly the expected problems, and a strict build must stop with the same
lines in its error.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
import yaml
from conftest import build_site, copy_project
from mkdocs.exceptions import Abort
from ssesite.cli import check

CASES_DIR = Path(__file__).parent / "bad_inputs"


def load_cases() -> list[dict]:
    cases = []
    for file in sorted(CASES_DIR.glob("*.yml")):
        for case in yaml.safe_load(file.read_text(encoding="utf-8")):
            case["corpus"] = file.stem
            cases.append(case)
    return cases


CASES = load_cases()


def apply(case: dict, root: Path) -> None:
    target = root / case["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if "write" in case:
        target.write_text(case["write"], encoding="utf-8")
        return
    text = target.read_text(encoding="utf-8")
    if "replace" in case:
        old, new = case["replace"]
        assert old in text, f"case {case['id']}: {old!r} not found in {case['file']}"
        text = text.replace(old, new, 1)
    if "append" in case:
        text += case["append"]
    target.write_text(text, encoding="utf-8")


def test_the_corpus_is_large_and_distinct():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[f"{c['corpus']}:{c['id']}" for c in CASES])
def test_bad_input_fails_check_and_build_with_exact_message(case, tmp_path, caplog):
    root = copy_project(tmp_path / "project")
    apply(case, root)

    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = check.main([str(root)])
    assert code == 1
    project_problems = [
        line.strip() for line in output.getvalue().splitlines() if line.startswith("  ")
    ]
    assert len(project_problems) == len(case["expect"])

    with pytest.raises(Abort):
        build_site(root, tmp_path / "site")
    assert not (tmp_path / "site" / "index.html").exists()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    for line in case["expect"]:
        assert f"  {line}" in logged.splitlines()
    assert logged.splitlines()[1:] == [f"  {line}" for line in case["expect"]]
