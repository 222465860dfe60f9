"""How much of a build the citation code takes (the citations issue asks ≤ 10 %).

Builds a corpus in this process with the citation hook's events, the loading
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
    import _runtime  # the corpus's own copy of the hooks

    fresh = _runtime._fresh_domain

    def instrumented():
        package = fresh()
        package.citations.load_citations = timed(package.citations.load_citations)
        package.project.load_citations = package.citations.load_citations
        renderer = package.citemarkdown.CitationRenderer
        renderer.html = timed(renderer.html)
        return package

    _runtime._fresh_domain = instrumented

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config("mkdocs.yml", site_dir=str(corpus / "site-citation-share"))
    for methods in config.plugins.events.values():
        for index, method in enumerate(methods):
            if getattr(method, "__module__", "").endswith("citations.py"):
                methods[index] = timed(method)
    start = time.perf_counter()
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    total = time.perf_counter() - start
    print(f"build {total:.2f} s, citation code {spent:.2f} s = {100 * spent / total:.1f} %")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
