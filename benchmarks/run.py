"""`make bench`: the project's build against a bare Material build of the same pages.

For the real site (a copy of this repository's own content) and for each
size N of a synthetic corpus (benchmarks/generate.py), it exports the final
Markdown (ssesite.site.export), then builds, alternating and repeated:

- the project as it ships (its content cache filled by an untimed first build),
- the same with worker processes off (`SSESITE_WORKERS=0`),
- the same with the content cache off (`SSESITE_CACHE=0`), as on a fresh clone,
- bare Material over the exported Markdown, with no hooks and no citation plugin.

It reports median wall times; each build's wall-time ratio to bare Material;
the CPU time (user + system) of the build and all its workers over bare
Material's; peak memory, a study page's HTML size, the search index size and
the time of `make check` alone (with and without the cache). It ends with
these lines for N = 300, in this order: `no_cache_ratio_vs_bare_material=`,
`no_workers_ratio_vs_bare_material=`, `cpu_ratio_vs_bare_material=` and
`ratio_vs_bare_material=`. Before the corpora it measures the seconds from an
edit to the reloaded page under `make serve` at the real site's size
(`serve_reload_s=`, benchmarks/serve_reload.py).

A ratio is the median over repetitions of the ratio within one repetition: a
busy or shared machine slows a project build and the bare build next to it
alike, where it would shift a ratio of two medians.

Usage: python benchmarks/run.py [--sizes 30,300] [--with-1000] [--repeat 5] [--no-real-site]
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
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(HERE))

from generate import COPY, copy_project, generate  # noqa: E402
from serve_reload import print_serve_reload  # noqa: E402
from ssesite.site.export import bare_config, export  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1600732800"}
# As on a developer's machine: Python keeps the compiled hooks of a corpus
# between builds (the libraries bare Material uses were compiled when installed).
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
NO_CACHE = {"SSESITE_CACHE": "0"}
BUILDS = {
    "project": {},
    "no_workers": {"SSESITE_WORKERS": "0"},
    "no_cache": NO_CACHE,
    "bare": None,  # bare Material: a config of its own, no hooks
}
"""The builds of one repetition and their environment."""

REAL_SITE_REPEAT = 3
"""The real site is repeated this many times as often as a synthetic corpus."""

COLUMNS = {
    "corpus": "corpus",
    "project_s": "project s",
    "no_workers_s": "no-workers s",
    "no_cache_s": "no-cache s",
    "bare_s": "bare s",
    "ratio": "ratio",
    "no_workers_ratio": "no-workers ratio",
    "no_cache_ratio": "no-cache ratio",
    "cpu_ratio": "CPU ratio",
    "no_workers_cpu_ratio": "no-workers CPU ratio",
    "project_peak_mb": "peak MB",
    "bare_peak_mb": "bare MB",
    "study_page_kb": "page KB",
    "search_index_kb": "index KB",
    "check_s": "check s",
    "no_cache_check_s": "no-cache check s",
}


def measured(args: list[str], cwd: Path, scratch: Path, env: dict | None = None) -> dict:
    """Run `python -m args...` under measure.py; return seconds, CPU seconds, memory."""
    report = scratch / "measure.json"
    subprocess.run(
        [sys.executable, str(HERE / "measure.py"), str(report), "--", *args],
        cwd=cwd,
        # The content cache goes with the corpus, not into the user's cache folder
        env={
            **ENV,
            "PYTHONPATH": str(cwd / "hooks"),
            "XDG_CACHE_HOME": str(scratch / "cache"),
            **(env or {}),
        },
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    if result["unreaped"]:
        raise SystemExit(
            f"`{' '.join(args)}` in {cwd.name} left {result['unreaped']} worker process(es) "
            "running or not waited for: their CPU time would be missing from the figures"
        )
    return result


def bench(corpus: Path, label: str, repeat: int, scratch: Path) -> dict:
    """Measure the builds of the project in `corpus` against bare Material."""
    markdown = scratch / f"markdown-{label}"
    export(corpus, markdown)
    bare_yml = scratch / f"bare-{label}.yml"
    bare_site = scratch / f"bare-site-{label}"
    bare_yml.write_text(bare_config(corpus, markdown, bare_site), encoding="utf-8")
    project_site = scratch / f"site-{label}"

    build = ["mkdocs", "build", "--strict", "-d", str(project_site)]
    bare = ["mkdocs", "build", "--strict", "-f", str(bare_yml)]
    measured(build, corpus, scratch)  # fills the content cache
    runs: dict[str, list[dict]] = {name: [] for name in BUILDS}
    names = list(BUILDS)
    for repetition in range(repeat):
        # Alternate, and start each repetition with another build, so that
        # drift in machine load (and being first after a pause) hits all alike
        shift = repetition % len(names)
        for name in names[shift:] + names[:shift]:
            if BUILDS[name] is None:
                runs[name].append(measured(bare, corpus, scratch))
            else:
                runs[name].append(measured(build, corpus, scratch, BUILDS[name]))
    check = ["ssesite.cli.check", str(corpus)]
    check_runs = [measured(check, corpus, scratch) for _ in range(repeat)]
    no_cache_check_runs = [measured(check, corpus, scratch, NO_CACHE) for _ in range(repeat)]

    first_study = sorted(p.parent.name for p in (corpus / "studies").glob("*/index.md"))[0]
    study_page = project_site / "countries" / first_study / "index.html"
    index = project_site / "search" / "search_index.json"
    row = {"corpus": label}
    for name, results in runs.items():
        row[f"{name}_s"] = round(statistics.median(r["seconds"] for r in results), 2)
    for name in ("project", "no_workers", "no_cache"):
        prefix = "" if name == "project" else f"{name}_"
        row[f"{prefix}ratio"] = round(paired_ratio(runs[name], runs["bare"]), 2)
    row["cpu_ratio"] = round(paired_ratio(runs["project"], runs["bare"], "cpu_seconds"), 2)
    row["no_workers_cpu_ratio"] = round(
        paired_ratio(runs["no_workers"], runs["bare"], "cpu_seconds"), 2
    )
    project_runs = runs["project"] + runs["no_workers"] + runs["no_cache"]
    row["project_peak_mb"] = round(max(r["max_rss_mb"] for r in project_runs), 1)
    row["bare_peak_mb"] = round(max(r["max_rss_mb"] for r in runs["bare"]), 1)
    row["study_page_kb"] = round(study_page.stat().st_size / 1024, 1)
    row["search_index_kb"] = round(index.stat().st_size / 1024, 1)
    row["check_s"] = round(statistics.median(r["seconds"] for r in check_runs), 2)
    row["no_cache_check_s"] = round(statistics.median(r["seconds"] for r in no_cache_check_runs), 2)
    return row


def paired_ratio(runs: list[dict], bare_runs: list[dict], measure: str = "seconds") -> float:
    """The median over repetitions of (this build's figure / the bare build's figure)."""
    return statistics.median(
        run[measure] / bare[measure] for run, bare in zip(runs, bare_runs, strict=True)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300")
    parser.add_argument("--with-1000", action="store_true", help="also N = 1000 (slow)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--no-real-site", action="store_true", help="skip the repository's own content"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_1000 and 1000 not in sizes:
        sizes.append(1000)

    began = time.perf_counter()
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    results = {}
    with tempfile.TemporaryDirectory(prefix="sse-bench-") as folder:
        scratch = Path(folder)
        # Content caches (the exports', the preview's, every build's) stay in here,
        # not in the user's cache folder
        os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
        # `make serve` on the real site (benchmarks/serve_reload.py), before the corpora
        print_serve_reload(args.repeat)
        print(" | ".join(COLUMNS.values()))
        corpora = [] if args.no_real_site else [("real site", None)]
        corpora += [(size, size) for size in sizes]
        for key, size in corpora:
            repeat = args.repeat
            if size is None:
                corpus = copy_project(scratch / "corpus-real", (*COPY, "studies"))
                label = "real"
                # Its builds take a second: more of them for steadier ratios
                repeat *= REAL_SITE_REPEAT
            else:
                corpus = generate(scratch / f"corpus-{size}", size)
                label = str(size)
            row = bench(corpus, label, repeat, scratch)
            row["corpus"] = key
            results[key] = row
            print(" | ".join(str(row[column]) for column in COLUMNS), flush=True)
    if 1000 in results and 100 in results:
        print(
            f"linearity time(1000)/time(100) = "
            f"{results[1000]['project_s'] / results[100]['project_s']:.2f}"
        )
    print(f"bench took {time.perf_counter() - began:.0f} s")
    if 300 in results:
        print(f"no_cache_ratio_vs_bare_material={results[300]['no_cache_ratio']:.2f}")
        # Last, in this order (scripts read them):
        print(f"no_workers_ratio_vs_bare_material={results[300]['no_workers_ratio']:.2f}")
        print(f"cpu_ratio_vs_bare_material={results[300]['cpu_ratio']:.2f}")
        print(f"ratio_vs_bare_material={results[300]['ratio']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
