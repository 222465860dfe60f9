"""The search index keeps table cells and lines apart (ssesite.site.searchtext)."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from lxml import html
from ssesite.content.settings import read_config
from ssesite.site.searchtext import separate_words

ROOT = Path(__file__).resolve().parent.parent


def test_cells_items_and_lines_get_a_break_and_pre_is_left_alone():
    source = (
        "<table><tr><th>Entity type</th><th>National form</th></tr>"
        "<tr><td>cooperative<br>協同組合</td><td>x</td></tr></table>"
        "<ul><li>a</li><li>b</li></ul><pre><code>a<br>b</td></code></pre>"
    )
    separated = separate_words(source)
    assert "<th>Entity type</th>\n<th>National form</th>" in separated
    assert "cooperative<br>\n協同組合" in separated
    assert "<li>a</li>\n<li>b</li>" in separated
    assert "<pre><code>a<br>b</td></code></pre>" in separated
    # Only white space is added
    assert re.sub(r"\s", "", separated) == re.sub(r"\s", "", source)
    assert separate_words(separated) == separated


def separator() -> re.Pattern:
    # read as the check reads it (!ENV resolved, the toc's Python tag kept, not run)
    config = read_config(ROOT)
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    return re.compile(search["separator"])


def words(text: str, pattern: re.Pattern) -> list[str]:
    # Material's tokenizer splits at tags as well as at the separator
    return [w.lower() for part in re.split(r"<[^>]*>", text) for w in pattern.split(part) if w]


def test_every_table_cell_starts_and_ends_a_word_in_the_index(built_site: Path):
    pattern = separator()
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed: dict[str, set[str]] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        indexed.setdefault(page, set()).update(words(doc["title"] + " " + doc["text"], pattern))
    checked, glued = 0, []
    for page, tokens in indexed.items():
        file = built_site / page / "index.html"
        if not file.is_file():
            continue
        for cell in html.parse(str(file)).getroot().cssselect("article td, article th"):
            # What the index leaves out of a cell (a source note's number) is not read
            for excluded in cell.cssselect("[data-search-exclude]"):
                excluded.drop_tree()
            # Each line of a cell (cells may hold <br>) is checked on its own
            for br in cell.iter("br"):
                br.tail = "\n" + (br.tail or "")
            for line in "".join(cell.itertext()).splitlines():
                cell_words = words(escape(line, quote=False), pattern)
                if not cell_words:
                    continue
                checked += 1
                missing = [w for w in (cell_words[0], cell_words[-1]) if w not in tokens]
                if missing:
                    glued.append(f"{page}: {line.strip()!r} -> {missing}")
    assert checked > 200
    assert not glued, "\n".join(glued[:20])
