"""`make serve`: edits show on the next reload, without restarting the server.

Starts a real `mkdocs serve` (through tools/serve.py, as `make serve` does)
on a copy of the project and edits, one after the other, a study, a data
file, a page template and a module of the domain package, polling the served
page until each change shows.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from serve_reload import Preview

START_TIMEOUT = 60
RELOAD_TIMEOUT = 45
PAGE = "countries/korea/"


class Server(Preview):
    """A running `make serve` preview; a page or log line that does not come fails the test."""

    def wait_for(self, path: str, text: str, timeout: float = RELOAD_TIMEOUT) -> str:
        """Poll the page at `path` until it contains `text`."""
        try:
            return self.page(text, timeout, path)
        except RuntimeError as error:
            pytest.fail(str(error))

    def wait_for_log(self, text: str, timeout: float = RELOAD_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve stopped:\n{self.output}")
            if text in self.output:
                return
            time.sleep(0.3)
        pytest.fail(f"{text!r} was not logged within {timeout} s:\n{self.output}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def server(project: Path):
    """`make serve` (tools/serve.py) on the copy, writing .pyc files into hooks/ as on a
    developer's machine; always stopped at the end."""
    server = Server(project)
    try:
        yield server
    finally:
        server.stop()


def test_edits_show_on_the_next_reload(project: Path, server: Server):
    server.wait_for(PAGE, "Republic of Korea", START_TIMEOUT)

    # A study's text.
    edit(
        project / "studies/korea/index.md",
        "Not written here. The ILO announced a policy brief on each of the six",
        "Live edit of the study text.",
    )
    server.wait_for(PAGE, "Live edit of the study text.")

    # A data file: the country's display name in data/countries.yml.
    edit(
        project / "data/countries.yml",
        "KR: {name: Republic of Korea,",
        "KR: {name: Republic of Korea (live edit),",
    )
    server.wait_for(PAGE, "Republic of Korea (live edit)")

    # A page template.
    edit(project / "overrides/content/study.md", "## Framework data", "## Framework data, live")
    server.wait_for(PAGE, "Framework data, live")

    # A module of the domain package (a label chosen in the view model).
    views = project / "hooks/ssesite/site/views.py"
    edit(views, '"name": language_name(t)}', '"name": language_name(t) + " (live)"}')
    page = server.wait_for(PAGE, "English (live)")

    # The earlier edits are all still there: each build starts afresh.
    for text in ("Live edit of the study text.", "Republic of Korea (live edit)"):
        assert text in page

    # One rebuild per edit: the .pyc files that the re-import of the domain
    # package wrote into hooks/ start none (tools/serve.py ignores __pycache__).
    server.settle(quiet=2.0)
    assert server.output.count("Detected file changes") == 4, server.output


def test_a_broken_edit_is_reported_and_the_fix_recovers(project: Path, server: Server):
    server.wait_for(PAGE, "Republic of Korea", START_TIMEOUT)
    study = project / "studies/korea/index.md"
    edit(study, "status: draft", "status: drafty")
    server.wait_for_log(
        "studies/korea/index.md:7: status: expected one of 'draft', 'review', 'final', "
        "found 'drafty'. Did you mean 'draft'?"
    )
    # The server keeps running (it holds requests until a build succeeds);
    # fixing the mistake brings the page back with the edit.
    edit(study, "status: drafty", "status: draft")
    edit(
        study,
        "The\nresearchers' own analysis of policy challenges was not retrieved.",
        "Fixed and completed in the final version.",
    )
    server.wait_for(PAGE, "Fixed and completed in the final version")
