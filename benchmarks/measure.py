"""Run one command in this process and print its peak memory (for run.py).

Usage: python benchmarks/measure.py OUT.json -- module arg...
Runs `python -m module arg...` and writes {"seconds": .., "max_rss_mb": ..}.

The peak memory is this process's plus that of the largest worker process the
build forked (ssesite.core.background): an upper bound, since a forked worker
shares most of its memory with the build.
"""

from __future__ import annotations

import json
import resource
import runpy
import sys
import time

out, _, module, *args = sys.argv[1:]
sys.argv = [module, *args]
start = time.perf_counter()
code = 0
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
seconds = time.perf_counter() - start
with open(out, "w", encoding="utf-8") as handle:
    json.dump(
        {
            "seconds": seconds,
            "max_rss_mb": (
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            )
            / 1024,
            "exit": code,
        },
        handle,
    )
sys.exit(code)
