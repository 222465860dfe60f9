"""Run one command in this process and report its time, CPU time and memory (for run.py).

Usage: python benchmarks/measure.py OUT.json -- module arg...
Runs `python -m module arg...` and writes
{"seconds": .., "cpu_seconds": .., "own_cpu_seconds": .., "max_rss_mb": .., "exit": ..,
"unreaped": ..}.

`cpu_seconds` is the user and system time of this process and of every worker
process the build started and waited for (the kernel adds a child's time to
its parent's only once the parent has waited for it); `own_cpu_seconds` is
the build process's alone. A worker still running
or not waited for when the command returns would be missed, so `unreaped`
counts them and run.py refuses a measurement that has any.

The peak memory is this process's plus that of the largest worker: an upper
bound, since a forked worker shares most of its memory with the build.
"""

from __future__ import annotations

import json
import os
import resource
import runpy
import sys
import time
from pathlib import Path


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def unreaped_children() -> int:
    """Child processes of this one that still run or were not waited for (Linux only)."""
    children = set()
    for task in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        try:
            children.update(task.read_text().split())
        except OSError:
            pass
    return len(children)


out, _, module, *args = sys.argv[1:]
sys.argv = [module, *args]
self_start = cpu_seconds(resource.RUSAGE_SELF)
cpu_start = self_start + cpu_seconds(resource.RUSAGE_CHILDREN)
start = time.perf_counter()
code = 0
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
seconds = time.perf_counter() - start
own_cpu = cpu_seconds(resource.RUSAGE_SELF)
cpu = own_cpu + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_start
with open(out, "w", encoding="utf-8") as handle:
    json.dump(
        {
            "seconds": seconds,
            "cpu_seconds": cpu,
            "own_cpu_seconds": own_cpu - self_start,
            "max_rss_mb": (
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            )
            / 1024,
            "exit": code,
            "unreaped": unreaped_children(),
        },
        handle,
    )
sys.exit(code)
