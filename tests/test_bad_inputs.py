"""The bad-input corpus: every case fails `make check` and the build, with its exact message.

Cases live in tests/bad_inputs/*.yml (one file per kind of content). Each is
applied to a fresh copy of the project; the checker must exit 1 and report
exactly the expected problems, and a strict build must stop with the same
lines in its error. Each of the two must take less than LIMIT seconds: a
case that makes either hang or slow down fails here.

Each case's content is loaded once: the checker stores it, problems and all,
in the content cache, and the build reads it back from there, as a build
after `make check` does (ssesite.site.contentcache).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from conftest import build_site, copy_project
from mkdocs.exceptions import Abort

CASES_DIR = Path(__file__).parent / "bad_inputs"

LIMIT = 10.0
"""Seconds that `make check`, and the build, may take on any bad input."""


def load_cases() -> list[dict]:
    cases = []
    for file in sorted(CASES_DIR.glob("*.yml")):
        for case in yaml.safe_load(file.read_text(encoding="utf-8")):
            case["corpus"] = file.stem
            cases.append(case)
    return cases


CASES = load_cases()


def apply(case: dict, root: Path) -> None:
    """Make the case's change to the project at `root`.

    Besides `write`, `replace` and `append` (see tests/bad_inputs/studies.yml):
      symlink:  make `file` a symbolic link to this target instead
      fifo:     make `file` a named pipe
      size:     make `file` a file of this many bytes (sparse, all zeros)
      repeat:   [text, count]: append `text` this many times (after `append`)
      encoding: write the result in this encoding instead of UTF-8
      body:     replace everything after a study's front matter with this text
    `replace` may also be a list of [old, new] pairs, made in turn.
      git:      commit the unchanged copy first (for checks against the last commit)
      delete:   remove `file`; folder: make `file` an empty folder instead
    """
    if case.get("git"):
        commit_all(root)
    target = root / case["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if case.get("delete") or case.get("folder"):
        target.unlink()
        if case.get("folder"):
            target.mkdir()
        return
    if "symlink" in case or "fifo" in case or "size" in case:
        if target.is_dir() and not target.is_symlink():
            raise AssertionError(f"case {case['id']}: {case['file']} is a folder")
        target.unlink(missing_ok=True)
        if "symlink" in case:
            target.symlink_to(case["symlink"])
        elif "fifo" in case:
            os.mkfifo(target)
        else:
            with target.open("wb") as handle:
                handle.truncate(case["size"])
        return
    text = "" if "write" in case else target.read_text(encoding="utf-8")
    if "write" in case:
        text = case["write"]
    pairs = case.get("replace", [])
    for old, new in [pairs] if pairs and isinstance(pairs[0], str) else pairs:
        assert old in text, f"case {case['id']}: {old!r} not found in {case['file']}"
        text = text.replace(old, new, 1)
    if "body" in case:
        end = text.index("\n---\n", 4) + len("\n---\n")
        text = text[:end] + case["body"]
    if "append" in case:
        text += case["append"]
    if "repeat" in case:
        piece, count = case["repeat"]
        text += piece * count
    # surrogatepass: a case may write what no editor should (a lone surrogate)
    target.write_bytes(text.encode(case.get("encoding", "utf-8"), "surrogatepass"))


@contextlib.contextmanager
def deadline(seconds: float = 3 * LIMIT):
    """Stop what hangs (an input that makes the work exponential) with TimeoutError."""

    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def as_check_line(expected: str) -> str:
    """'file:12: field: message' as `make check` prints it under the file: 'line 12: ...'."""
    _, rest = expected.split(":", 1)
    number, _, message = rest.partition(":")
    if number.isdigit():
        return f"line {number}: {message.strip()}"
    return f"file: {rest.strip()}"


def commit_all(root: Path) -> None:
    """The copy as a git repository whose last commit is the project as it is."""
    git = ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Before the case"], check=True)


def cache_entry(root: Path) -> Path:
    """The content cache's one entry for the project at `root`."""
    contentcache = importlib.import_module("ssesite.site.contentcache")
    folder = contentcache.cache_folder(root.resolve())
    [entry] = folder.glob(f"{contentcache.PREFIX}*{contentcache.SUFFIX}")
    return entry


def test_the_corpus_is_large_and_distinct():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[f"{c['corpus']}:{c['id']}" for c in CASES])
def test_bad_input_fails_check_and_build_with_exact_message(case, tmp_path, caplog):
    root = copy_project(tmp_path / "project")
    apply(case, root)

    # The modules a build imports now: what the checker stores, the build can read
    check = importlib.import_module("ssesite.cli.check")
    output = io.StringIO()
    started = time.monotonic()
    with deadline(), contextlib.redirect_stdout(output):
        code = check.main([str(root)])
    assert time.monotonic() - started < LIMIT
    assert code == 1, output.getvalue()
    project_problems = [
        line.strip() for line in output.getvalue().splitlines() if line.startswith("  ")
    ]
    # The same problems as the build's, grouped by file as `make check` prints them
    assert project_problems == [as_check_line(line) for line in case["expect"]]

    stored = cache_entry(root).stat()
    started = time.monotonic()
    with deadline(), pytest.raises(Abort):
        build_site(root, tmp_path / "site")
    assert time.monotonic() - started < LIMIT
    # The build read the checker's entry: it would have stored a new one had it loaded
    assert cache_entry(root).stat().st_ino == stored.st_ino
    assert not (tmp_path / "site" / "index.html").exists()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    for line in case["expect"]:
        assert f"  {line}" in logged.splitlines()
    assert logged.splitlines()[1:] == [f"  {line}" for line in case["expect"]]
