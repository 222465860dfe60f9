"""The code stays formatted and linted with ruff (the versions pinned in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PATHS = ["hooks", "tests", "tools", "benchmarks"]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, *PATHS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_ruff_lint_passes():
    result = ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_applied():
    result = ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout
