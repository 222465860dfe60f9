"""`make serve` at the real site's size: seconds from an edit to the reloaded page.

Starts the preview server as `make serve` does (tools/serve.py) on a copy of
the project (the real studies, data, pages and templates), waits for the
first build, then edits, in turn, a study's text and a page template, and
times each edit from the moment the file is written until the served page
shows the change (a page request waits while a rebuild is under way, as the
reloading browser's does). Each figure is the median over `repeat` edits.

Targets: a study edit <= 1.5 s, a template edit <= 2 s, on 2 cores.

Usage: python benchmarks/serve_reload.py [--repeat 5]
(`make bench` runs it too and prints its `serve_reload_s=` line.)
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import COPY, copy_project  # noqa: E402

# What the preview builds from: the project with its real studies.
PARTS = (*COPY, "studies")
PAGE = "countries/korea/"
STUDY = ("studies/korea/index.md", "## Organisational landscape")
TEMPLATE = ("overrides/content/study.md", "## Framework data")
START_TIMEOUT = 120
RELOAD_TIMEOUT = 60
POLL = 0.02


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str | None:
    """The page at `url`, or None while the server cannot answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


class Preview:
    """`python tools/serve.py` (as `make serve` runs it) in `project`, its log read as it comes."""

    def __init__(self, project: Path, cache: Path | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONPATH": str(project / "hooks"),
            "SOURCE_DATE_EPOCH": "1600732800",
        }
        if cache is not None:  # the content cache's folder (outside the project)
            env["XDG_CACHE_HOME"] = str(cache)
        env.pop("SITE_DRAFTS", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a developer's machine
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tools" / "serve.py"), "--port", str(self.port)],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.log: list[str] = []
        self.last_line = time.monotonic()
        # Drain the output as it comes, so the pipe never fills up.
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.log.append(line)
            self.last_line = time.monotonic()

    @property
    def output(self) -> str:
        return "".join(self.log)

    def page(self, text: str, timeout: float, path: str = PAGE) -> str:
        """Poll the page at `path` until it contains `text`, and return it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the preview server stopped:\n{self.output}")
            page = fetch(self.base + path)
            if page is not None and text in page:
                return page
            time.sleep(POLL)
        raise RuntimeError(f"{text!r} did not appear on {path} within {timeout} s:\n{self.output}")

    def settle(self, quiet: float = 1.0, timeout: float = 30) -> None:
        """Wait until the server has logged nothing for `quiet` seconds (no rebuild running)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() - self.last_line < quiet and time.monotonic() < deadline:
            time.sleep(0.05)

    def cpu_seconds(self) -> float | None:
        """CPU time the server has used so far (all its threads; Linux only)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        # utime and stime, the 14th and 15th fields of the whole line
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process.stdout.close()


def timed_edit(
    preview: Preview, path: Path, old: str, new: str, shows: str
) -> tuple[float, float | None]:
    """Seconds from writing `old` -> `new` into `path` until the page shows `shows`,
    and the CPU seconds the server used meanwhile."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    preview.settle()
    cpu = preview.cpu_seconds()
    started = time.perf_counter()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    preview.page(shows, RELOAD_TIMEOUT)
    seconds = time.perf_counter() - started
    after = preview.cpu_seconds()
    return seconds, (after - cpu if cpu is not None and after is not None else None)


def serve_reload(repeat: int = 5) -> dict:
    """Medians over `repeat` edits of each kind: seconds from edit to reloaded page
    ("study", "template") and the server's CPU seconds meanwhile ("study_cpu", ...)."""
    runs: dict[str, list] = {"study": [], "template": []}
    with (
        tempfile.TemporaryDirectory(prefix="sse-serve-") as scratch,
        tempfile.TemporaryDirectory(prefix="sse-serve-cache-") as cache,
    ):
        project = copy_project(Path(scratch), PARTS)
        preview = Preview(project, Path(cache))
        try:
            preview.page("Republic of Korea", START_TIMEOUT)
            for round in range(repeat):
                for kind, (name, anchor) in (("study", STUDY), ("template", TEMPLATE)):
                    marker = f"Reload {kind} {round}."
                    current = anchor if round == 0 else f"{anchor} Reload {kind} {round - 1}."
                    runs[kind].append(
                        timed_edit(preview, project / name, current, f"{anchor} {marker}", marker)
                    )
        finally:
            preview.stop()
    result = {}
    for kind, values in runs.items():
        result[kind] = statistics.median(seconds for seconds, _ in values)
        cpu = [used for _, used in values if used is not None]
        result[f"{kind}_cpu"] = statistics.median(cpu) if cpu else None
    return result


def report_line(result: dict) -> str:
    """The line `make bench` prints: `serve_reload_s=study:<s>,template:<s>`."""
    return f"serve_reload_s=study:{result['study']:.2f},template:{result['template']:.2f}"


def detail_line(result: dict) -> str:
    """The same for people, with the server's CPU time and the machine's load."""
    cpu = ""
    if result["study_cpu"] is not None:
        cpu = (
            f"; server CPU per reload {result['study_cpu']:.2f} s and "
            f"{result['template_cpu']:.2f} s"
        )
    load = f"; load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"make serve, edit -> reloaded page: study {result['study']:.2f} s (target 1.5), "
        f"template {result['template']:.2f} s (target 2){cpu}{load}"
    )


def print_serve_reload(repeat: int) -> None:
    """Measure and print both lines (as `make bench` does)."""
    result = serve_reload(repeat)
    print(detail_line(result), flush=True)
    print(report_line(result), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print_serve_reload(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
