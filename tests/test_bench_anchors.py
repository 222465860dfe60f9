"""The reload benchmark edits real files at fixed words: they must still be there."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import serve_reload  # noqa: E402


def test_the_reload_benchmark_finds_the_words_it_edits():
    for name, anchor in (serve_reload.STUDY, serve_reload.TEMPLATE):
        assert anchor in (ROOT / name).read_text(encoding="utf-8"), f"{anchor!r} not in {name}"
