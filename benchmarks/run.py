"""`make bench`: the project's build against a bare Material build of the same pages.

For each corpus size N it generates a synthetic corpus (benchmarks/generate.py),
exports its final Markdown (ssesite.export), then builds, alternating and
repeated: (a) the project with every feature on, (b) bare Material over the
exported Markdown with no hooks and no citation plugin. It reports median wall
time, the ratio a/b, peak memory, a study page's HTML size, the search index
size and the time of `make check` alone, and ends with the line
`ratio_vs_bare_material=<x.xx>` for N = 300.

Usage: python benchmarks/run.py [--sizes 30,300] [--with-1000] [--repeat 3]
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
from ssesite.export import bare_config, export  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1600732800"}


def measured(args: list[str], cwd: Path, scratch: Path) -> dict:
    """Run `python -m args...` under measure.py; return seconds, memory, exit."""
    report = scratch / "measure.json"
    subprocess.run(
        [sys.executable, str(HERE / "measure.py"), str(report), "--", *args],
        cwd=cwd,
        env={**ENV, "PYTHONPATH": str(cwd / "hooks")},
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

    project_runs, bare_runs = [], []
    for _ in range(repeat):
        # Alternate, so that drift in machine load hits both alike
        project_runs.append(
            measured(["mkdocs", "build", "--strict", "-d", str(project_site)], corpus, scratch)
        )
        bare_runs.append(
            measured(["mkdocs", "build", "--strict", "-f", str(bare_yml)], corpus, scratch)
        )
    check_runs = [measured(["ssesite.check", str(corpus)], corpus, scratch) for _ in range(repeat)]

    study_page = project_site / "countries" / "synthetic-0001" / "index.html"
    index = project_site / "search" / "search_index.json"
    a = statistics.median(r["seconds"] for r in project_runs)
    b = statistics.median(r["seconds"] for r in bare_runs)
    return {
        "studies": size,
        "project_s": round(a, 2),
        "bare_s": round(b, 2),
        "ratio": round(a / b, 2),
        "project_peak_mb": round(max(r["max_rss_mb"] for r in project_runs), 1),
        "bare_peak_mb": round(max(r["max_rss_mb"] for r in bare_runs), 1),
        "study_page_kb": round(study_page.stat().st_size / 1024, 1),
        "search_index_kb": round(index.stat().st_size / 1024, 1),
        "check_s": round(statistics.median(r["seconds"] for r in check_runs), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300")
    parser.add_argument("--with-1000", action="store_true", help="also N = 1000 (slow)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_1000 and 1000 not in sizes:
        sizes.append(1000)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    header = (
        "N",
        "project s",
        "bare s",
        "ratio",
        "peak MB",
        "bare MB",
        "page KB",
        "index KB",
        "check s",
    )
    print(" | ".join(header))
    results = {}
    with tempfile.TemporaryDirectory(prefix="sse-bench-") as scratch:
        for size in sizes:
            row = bench(size, args.repeat, Path(scratch))
            results[size] = row
            print(
                " | ".join(
                    str(v)
                    for v in (
                        row["studies"],
                        row["project_s"],
                        row["bare_s"],
                        row["ratio"],
                        row["project_peak_mb"],
                        row["bare_peak_mb"],
                        row["study_page_kb"],
                        row["search_index_kb"],
                        row["check_s"],
                    )
                ),
                flush=True,
            )
    if 1000 in results and 100 in results:
        print(
            f"linearity time(1000)/time(100) = "
            f"{results[1000]['project_s'] / results[100]['project_s']:.2f}"
        )
    if 300 in results:
        print(f"ratio_vs_bare_material={results[300]['ratio']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
