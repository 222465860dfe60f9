"""tools/build_site.py: a complete site/ at every moment, even when a build is killed.

The builds here are of a small MkDocs project (MkDocs' own theme, a few
pages), so that many can run and be killed in a few seconds; the script is
the one `make site` runs.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPT = ROOT / "tools" / "build_site.py"
sys.path.insert(0, str(ROOT / "tools"))
import build_site  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ENV.pop("SOURCE_DATE_EPOCH", None)

PAGES = 40
"""Enough pages that deleting the previous site takes a moment worth hitting."""


def small_project(root: Path, version: int) -> Path:
    """A project whose every page says `version N`; returns its mkdocs.yml."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for number in range(PAGES):
        name = "index.md" if number == 0 else f"page-{number}.md"
        (root / "docs" / name).write_text(
            f"# Page {number}\n\nversion {version}\n", encoding="utf-8"
        )
    config = root / "mkdocs.yml"
    config.write_text("site_name: Atomic\ntheme: mkdocs\n", encoding="utf-8")
    return config


def command(config: Path, site: Path) -> list[str]:
    # The offline edition needs the project's Material theme; publishing is the same with it
    return [
        *(sys.executable, str(SCRIPT), "--config", str(config), "--site-dir", str(site)),
        "--no-offline",
    ]


def site_version(site: Path, files: set[str]) -> int:
    """The version of a complete site; fails when the site is missing or partial."""
    assert site.is_dir() and not site.is_symlink()
    found = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert found == files
    versions = {
        int(page.read_text(encoding="utf-8").split("version ")[1].split("<")[0])
        for page in site.rglob("index.html")
        if "404" not in page.parts
    }
    assert len(versions) == 1, f"a site mixing versions {versions}"
    return versions.pop()


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".site-"))


class Watcher(threading.Thread):
    """Looks at site/index.html as often as it can; counts the moments it is missing."""

    def __init__(self, site: Path):
        super().__init__(daemon=True)
        self.page = site / "index.html"
        self.looks = 0
        self.missing = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.looks += 1
            if not self.page.is_file():
                self.missing += 1
            time.sleep(0.0002)


def test_killing_builds_at_random_moments_never_leaves_a_partial_or_missing_site(tmp_path):
    config = small_project(tmp_path, 0)
    site = tmp_path / "site"
    started = time.monotonic()
    assert subprocess.run(command(config, site), env=ENV, capture_output=True).returncode == 0
    duration = time.monotonic() - started
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert site_version(site, files) == 0

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    watcher = Watcher(site)
    watcher.start()
    published = 0
    try:
        for version in range(1, 13):
            small_project(tmp_path, version)
            run = subprocess.Popen(
                command(config, site),
                env=ENV,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            # Most of a run is starting Python and MkDocs; aim at the rest
            time.sleep(rng.uniform(0.4, 1.15) * duration)
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
            found = site_version(site, files)
            assert found in (published, version), f"seed {seed}: version {found}"
            published = found
    finally:
        watcher.stop.set()
        watcher.join()
    assert watcher.looks > 100
    assert watcher.missing == 0, f"seed {seed}: site/ was missing {watcher.missing} times"

    # The next complete run publishes and leaves nothing behind
    small_project(tmp_path, 99)
    assert subprocess.run(command(config, site), env=ENV, capture_output=True).returncode == 0
    assert site_version(site, files) == 99
    assert leftovers(tmp_path) == []


def test_leftovers_of_killed_runs_are_deleted_by_the_next_run(tmp_path):
    config = small_project(tmp_path, 1)
    site = tmp_path / "site"
    (tmp_path / ".site-build-abc123" / "assets").mkdir(parents=True)
    (tmp_path / ".site-build-abc123" / "assets" / "x.css").write_text("x", encoding="utf-8")
    (tmp_path / ".site-build-empty").mkdir()
    result = subprocess.run(command(config, site), env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert leftovers(tmp_path) == []
    assert (site / "index.html").is_file()


def test_a_site_set_aside_by_the_fallback_is_put_back_when_a_kill_left_none(tmp_path):
    """The two-rename fallback was killed between its renames: no site/, one set aside."""
    config = small_project(tmp_path, 1)
    site = tmp_path / "site"
    assert subprocess.run(command(config, site), env=ENV, capture_output=True).returncode == 0
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    site.rename(tmp_path / ".site-previous-k1ll3d")
    (tmp_path / "docs" / "index.md").write_text("# Broken\n\n[x](nowhere.md)\n", encoding="utf-8")
    failed = subprocess.run(command(config, site), env=ENV, capture_output=True, text=True)
    assert failed.returncode != 0
    assert site_version(site, files) == 1
    assert leftovers(tmp_path) == []


def test_the_fallback_swaps_too(tmp_path, monkeypatch):
    """Where the system has no atomic exchange, two renames still publish the new site."""
    old, new = tmp_path / "site", tmp_path / ".site-build-new"
    old.mkdir()
    (old / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    monkeypatch.setattr(build_site, "exchange", lambda first, second: False)
    build_site.publish(new, old)
    assert (old / "index.html").read_text(encoding="utf-8") == "new"
    assert (new / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-build-new", "site"]


def test_the_exchange_is_atomic_on_linux(tmp_path):
    """The project builds on Linux (CI, Debian): the atomic path must be the one used."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "which").write_text("a", encoding="utf-8")
    assert build_site.exchange(first, second)
    assert (second / "which").read_text(encoding="utf-8") == "a"
    assert not (first / "which").exists()


@pytest.mark.parametrize("value", ["yesterday", "1.5e9", "-1", "99999999999999999999", "１２"])
def test_a_garbage_source_date_epoch_stops_before_building(tmp_path, value):
    config = small_project(tmp_path, 1)
    site = tmp_path / "site"
    result = subprocess.run(
        command(config, site),
        env={**ENV, "SOURCE_DATE_EPOCH": value},
        capture_output=True,
        text=True,
        timeout=10,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "SOURCE_DATE_EPOCH: expected the build date as a whole number of seconds since "
        f"1970-01-01 UTC (e.g. `git log -1 --format=%ct`), found {value!r}"
    )
    assert not site.exists()
    assert leftovers(tmp_path) == []
