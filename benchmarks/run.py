"""`make bench`: the project's build against a bare Material build of the same pages.

For each corpus size N it generates a synthetic corpus (benchmarks/generate.py),
exports its final Markdown (ssesite.site.export), then builds, alternating and
repeated: (a) the project with every feature on, as it ships (its content
cache filled by an untimed first build), (a0) the same with the content cache
off, as on a fresh clone, and (b) bare Material over the exported Markdown
with no hooks and no citation plugin. It reports median wall times, the
ratios a/b and a0/b, peak memory, a study page's HTML size, the search index
size and the time of `make check` alone (with and without the cache), and
ends with the line `ratio_vs_bare_material=<x.xx>` (a/b) for N = 300. Before
the corpora it measures the seconds from an edit to the reloaded page under
`make serve` at the real site's size (`serve_reload_s=`,
benchmarks/serve_reload.py).

A ratio is the median over repetitions of the ratio within one repetition: a
busy or shared machine slows a project build and the bare build next to it
alike, where it would shift a ratio of two medians.

Usage: python benchmarks/run.py [--sizes 30,300] [--with-1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from serve_reload import print_serve_reload  # noqa: E402
from ssesite.site.export import bare_config, export  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1600732800"}
NO_CACHE = {"SSESITE_CACHE": "0"}


def measured(args: list[str], cwd: Path, scratch: Path, env: dict | None = None) -> dict:
    """Run `python -m args...` under measure.py; return seconds, memory, exit."""
    report = scratch / "measure.json"
    subprocess.run(
        [sys.executable, str(HERE / "measure.py"), str(report), "--", *args],
        cwd=cwd,
        env={**ENV, "PYTHONPATH": str(cwd / "hooks"), **(env or {})},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def bench(size: int, repeat: int, scratch: Path) -> dict:
    corpus = generate(scratch / f"corpus-{size}", size)
    markdown = scratch / f"markdown-{size}"
    export(corpus, markdown)
    bare_yml = scratch / f"bare-{size}.yml"
    bare_site = scratch / f"bare-site-{size}"
    bare_yml.write_text(bare_config(corpus, markdown, bare_site), encoding="utf-8")
    project_site = scratch / f"site-{size}"

    build = ["mkdocs", "build", "--strict", "-d", str(project_site)]
    measured(build, corpus, scratch)  # fills the content cache
    project_runs, cold_runs, bare_runs = [], [], []
    for _ in range(repeat):
        # Alternate, so that drift in machine load hits all alike
        project_runs.append(measured(build, corpus, scratch))
        cold_runs.append(measured(build, corpus, scratch, NO_CACHE))
        bare_runs.append(
            measured(["mkdocs", "build", "--strict", "-f", str(bare_yml)], corpus, scratch)
        )
    check = ["ssesite.cli.check", str(corpus)]
    check_runs = [measured(check, corpus, scratch) for _ in range(repeat)]
    cold_check_runs = [measured(check, corpus, scratch, NO_CACHE) for _ in range(repeat)]

    study_page = project_site / "countries" / "synthetic-0001" / "index.html"
    index = project_site / "search" / "search_index.json"
    a = statistics.median(r["seconds"] for r in project_runs)
    a0 = statistics.median(r["seconds"] for r in cold_runs)
    b = statistics.median(r["seconds"] for r in bare_runs)
    return {
        "studies": size,
        "project_s": round(a, 2),
        "cold_s": round(a0, 2),
        "bare_s": round(b, 2),
        "ratio": round(paired_ratio(project_runs, bare_runs), 2),
        "cold_ratio": round(paired_ratio(cold_runs, bare_runs), 2),
        "project_peak_mb": round(max(r["max_rss_mb"] for r in project_runs + cold_runs), 1),
        "bare_peak_mb": round(max(r["max_rss_mb"] for r in bare_runs), 1),
        "study_page_kb": round(study_page.stat().st_size / 1024, 1),
        "search_index_kb": round(index.stat().st_size / 1024, 1),
        "check_s": round(statistics.median(r["seconds"] for r in check_runs), 2),
        "cold_check_s": round(statistics.median(r["seconds"] for r in cold_check_runs), 2),
    }


def paired_ratio(runs: list[dict], bare_runs: list[dict]) -> float:
    """The median over repetitions of (this build's time / the bare build's time)."""
    return statistics.median(
        run["seconds"] / bare["seconds"] for run, bare in zip(runs, bare_runs, strict=True)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300")
    parser.add_argument("--with-1000", action="store_true", help="also N = 1000 (slow)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_1000 and 1000 not in sizes:
        sizes.append(1000)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    # `make serve` on the real site (benchmarks/serve_reload.py), before the corpora
    print_serve_reload(args.repeat)
    columns = {
        "studies": "N",
        "project_s": "project s",
        "cold_s": "no-cache s",
        "bare_s": "bare s",
        "ratio": "ratio",
        "cold_ratio": "no-cache ratio",
        "project_peak_mb": "peak MB",
        "bare_peak_mb": "bare MB",
        "study_page_kb": "page KB",
        "search_index_kb": "index KB",
        "check_s": "check s",
        "cold_check_s": "no-cache check s",
    }
    print(" | ".join(columns.values()))
    results = {}
    with tempfile.TemporaryDirectory(prefix="sse-bench-") as scratch:
        for size in sizes:
            row = bench(size, args.repeat, Path(scratch))
            results[size] = row
            print(" | ".join(str(row[key]) for key in columns), flush=True)
    if 1000 in results and 100 in results:
        print(
            f"linearity time(1000)/time(100) = "
            f"{results[1000]['project_s'] / results[100]['project_s']:.2f}"
        )
    if 300 in results:
        print(f"no_cache_ratio_vs_bare_material={results[300]['cold_ratio']:.2f}")
        print(f"ratio_vs_bare_material={results[300]['ratio']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
