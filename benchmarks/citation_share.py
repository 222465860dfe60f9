"""How much of a build the citation code takes (the citations issue asks ≤ 10 %).

Builds a corpus in this process with the pipeline's citation steps, the loading
of the bibliographies and the in-text rendering timed (nested calls counted
once), and prints the share of the whole build. It builds without worker
processes and without the content cache, so that all the citation work is
done, and timed, in this process.

Usage: python benchmarks/citation_share.py CORPUS   (a folder made by generate.py)
"""

from __future__ import annotations

import functools
import os
import sys
import time
from pathlib import Path

spent = 0.0
depth = 0


def timed(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        global spent, depth
        depth += 1
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            depth -= 1
            if depth == 0:
                spent += time.perf_counter() - start

    return wrapper


def main(corpus: Path) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ["SSESITE_WORKERS"] = "0"
    os.environ["SSESITE_CACHE"] = "0"
    os.chdir(corpus)
    sys.path.insert(0, str(corpus / "hooks"))

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config("mkdocs.yml", site_dir=str(corpus / "site-citation-share"))
    hook = sys.modules["hooks/pipeline.py"]  # the corpus's own copy of the hook
    fresh = hook._fresh_domain

    def instrumented():
        package = fresh()
        load = package.citations.load
        load.load_citations = timed(load.load_citations)
        package.site.project.load_citations = load.load_citations
        renderer = package.citations.extension.CitationRenderer
        renderer.html = timed(renderer.html)
        # The pipeline's citation steps (in this process: there are no workers).
        steps = package.site.pipeline.Build
        for name in ("citation_extension", "begin_citations", "end_citations"):
            setattr(steps, name, timed(getattr(steps, name)))
        for name in ("start_bibliography", "add_references", "citation_of"):
            setattr(steps, name, timed(getattr(steps, name)))
        return package

    hook._fresh_domain = instrumented
    start = time.perf_counter()
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    total = time.perf_counter() - start
    print(f"build {total:.2f} s, citation code {spent:.2f} s = {100 * spent / total:.1f} %")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
