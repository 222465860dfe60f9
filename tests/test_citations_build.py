"""Citations in real builds: rendering, the mkdocs-bibtex defects guarded, bibliography."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import markdown
import pytest
from conftest import build_site, copy_project
from lxml import html
from mkdocs.exceptions import Abort, PluginError
from pybtex.database import parse_string
from ssesite.citations.extension import CitationExtension, CitationRenderer
from ssesite.core.render import environment
from ssesite.site.project import load_project

ROOT = Path(__file__).resolve().parent.parent

# -----------------------------------------------------------------------------
# Golden: Markdown in, HTML out (the extension alone, with the site's Markdown)
# -----------------------------------------------------------------------------

GOLDEN = [
    (
        "Cited [@ilo:R193].",
        '<p>Cited <span class="sse-cite">(<a class="sse-cite__ref" id="cite-ilo-R193-1" '
        'href="#ref-ilo-R193">ILO 2002</a>)</span>.</p>',
    ),
    (
        "Two [see @un:A/RES/77/281, para. 3; @ica:1995.identity] and again [@ilo:R193; @ilo:R193].",
        '<p>Two <span class="sse-cite">(see <a class="sse-cite__ref" id="cite-un-A-RES-77-281-1" '
        'href="#ref-un-A-RES-77-281">UN General Assembly 2023</a>, para. 3; '
        '<a class="sse-cite__ref" id="cite-ica-1995-identity-1" href="#ref-ica-1995-identity">'
        "ICA 1995</a>)</span> and again "
        '<span class="sse-cite">(<a class="sse-cite__ref" id="cite-ilo-R193-1" '
        'href="#ref-ilo-R193">ILO 2002</a>; <a class="sse-cite__ref" id="cite-ilo-R193-2" '
        'href="#ref-ilo-R193">ILO 2002</a>)</span>.</p>',
    ),
    (
        "Mail [write to info@example.org], [@someuser](https://github.com/someuser), @word.",
        '<p>Mail [write to info@example.org], <a href="https://github.com/someuser">@someuser</a>, '
        "@word.</p>",
    ),
    (
        "Code `[@ilo:R193]` and \\[@ilo:R193].",
        "<p>Code <code>[@ilo:R193]</code> and [@ilo:R193].</p>",
    ),
]


@pytest.fixture(scope="module")
def real_citations():
    return load_project(ROOT).citations


def _convert(citations, text: str, page: str | None = "docs/x.md"):
    renderer = CitationRenderer(citations, environment(ROOT / "overrides"))
    md = markdown.Markdown(
        extensions=["footnotes", "pymdownx.superfences", CitationExtension(renderer)]
    )
    if page:
        renderer.begin(page, "")
    out = md.convert(text)
    return out, renderer.end()


@pytest.mark.parametrize(("source", "expected"), GOLDEN)
def test_golden_citation_rendering(real_citations, source, expected):
    out, state = _convert(real_citations, source)
    assert out == expected
    assert state.problems == []


def test_unannounced_conversions_render_unlinked_labels(real_citations):
    # The blog's excerpts are converted outside any page: no ids, no links.
    out, state = _convert(real_citations, "Cited [@ilo:R193].", page=None)
    assert out == '<p>Cited <span class="sse-cite">(ILO 2002)</span>.</p>'
    assert state is None


def test_the_pattern_is_left_out_only_of_texts_without_an_at_sign(real_citations):
    # One Markdown instance may convert several texts (the blog's excerpts):
    # the pattern is dropped for a text without '@' and back for the next one.
    renderer = CitationRenderer(real_citations, environment(ROOT / "overrides"))
    md = markdown.Markdown(extensions=[CitationExtension(renderer)])
    assert md.convert("No citation here.") == "<p>No citation here.</p>"
    assert "ssesite-citation" not in md.inlinePatterns
    out = md.reset().convert("Cited [@ilo:R193].")
    assert out == '<p>Cited <span class="sse-cite">(ILO 2002)</span>.</p>'
    assert "ssesite-citation" in md.inlinePatterns


def test_renderer_reports_what_it_cannot_render(real_citations):
    out, state = _convert(real_citations, "Bad [@nope] and [@ilo:R193 p. 3].")
    assert out == "<p>Bad [@nope] and [@ilo:R193 p. 3].</p>"
    assert state.problems == [
        ("[@nope]", "expected a key defined in data/references.bib, found 'nope'"),
        (
            "[@ilo:R193 p. 3]",
            "expected a citation like [@key], [@a; @b] or [see @key, p. 33] (write \\[ to show "
            "a bracket that is not a citation), found '[@ilo:R193 p. 3]'",
        ),
    ]


# -----------------------------------------------------------------------------
# The mkdocs-bibtex defects, in a full build
# -----------------------------------------------------------------------------

TRICKY = """---
title: Tricky page
---

# Tricky page

Cited [@ilo:R193] and [see @un:A/RES/77/281, para. 3; @ica:1995.identity].

Please [write to info@example.org] or ping [@someuser](https://github.com/someuser).

Bare @word and @ilo:R193 in running text, and a user footnote[^1].

Inline `x = "[@ilo:R193]"` code.

```python
x = "[@ilo:R193]"  # [write to info@example.org]
```

    y = "[@ilo:R193]"

[^1]: A note of the author's own.
"""

FENCED = 'x = "[@ilo:R193]"  # [write to info@example.org]\n'
INDENTED = 'y = "[@ilo:R193]"\n'


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("tricky") / "project")
    (project / "docs" / "tricky.md").write_text(TRICKY, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("  - News:\n", "  - Tricky: tricky.md\n  - News:\n"), encoding="utf-8"
    )
    return build_site(project, site_url="https://example.org/sse/")


def _build_error(project: Path, caplog) -> str:
    """The error a failed strict build logged (MkDocs then aborts)."""
    caplog.clear()
    with pytest.raises((Abort, PluginError)):
        build_site(project)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1, errors
    return errors[0]


def _page(site: Path, path: str):
    return html.parse(str(site / path)).getroot()


def test_text_and_code_intact_in_built_html(tricky_site):
    doc = _page(tricky_site, "tricky/index.html")
    paragraphs = [p.text_content() for p in doc.cssselect("article > p")]
    assert paragraphs[:4] == [
        "Cited (ILO 2002) and (see UN General Assembly 2023, para. 3; ICA 1995).",
        "Please [write to info@example.org] or ping @someuser.",
        "Bare @word and @ilo:R193 in running text, and a user footnote1.",
        'Inline x = "[@ilo:R193]" code.',
    ]
    link = doc.cssselect('article a[href="https://github.com/someuser"]')
    assert [a.text_content() for a in link] == ["@someuser"]
    assert [c.text_content() for c in doc.cssselect("article pre code")] == [FENCED, INDENTED]
    assert doc.cssselect("article p code")[0].text_content() == 'x = "[@ilo:R193]"'


def test_footnotes_keep_their_own_numbering(tricky_site):
    doc = _page(tricky_site, "tricky/index.html")
    assert [a.text_content() for a in doc.cssselect("a.footnote-ref")] == ["1"]
    assert len(doc.cssselect(".footnote li")) == 1


def test_references_section_links_both_ways(tricky_site):
    doc = _page(tricky_site, "tricky/index.html")
    items = doc.cssselect("ul.sse-references > li")
    assert [li.get("id") for li in items] == [
        "ref-ica-1995-identity",
        "ref-ilo-R193",
        "ref-un-A-RES-77-281",
    ]
    for li in items:
        for back in li.cssselect(".sse-references__back a[href^='#cite-']"):
            target = doc.get_element_by_id(back.get("href")[1:])
            assert target.get("href") == "#" + li.get("id")
    assert items[1].cssselect(".sse-references__back a")[-1].get("href") == (
        "../bibliography/#ref-ilo-R193"
    )
    toc = [a.text_content().strip() for a in doc.cssselect("nav.md-nav--secondary a")]
    assert toc[-1] == "References"


def test_unknown_key_fails_the_build_with_file_line_and_close_match(project, caplog):
    page = project / "docs" / "framework.md"
    text = page.read_text(encoding="utf-8").replace("[@ilo:R193;", "[@ilo:R139;")
    page.write_text(text, encoding="utf-8")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "[@ilo:R139;" in s)
    assert _build_error(project, caplog) == (
        "1 problem in the content:\n"
        f"  docs/framework.md:{line}: citation: expected a key defined in data/references.bib, "
        "found 'ilo:R139'. Did you mean 'ilo:R193' or 'ilo:R204'?"
    )


def test_malformed_bib_fails_the_build_with_file_and_line(project, caplog):
    bib = project / "studies" / "korea" / "references.bib"
    text = bib.read_text(encoding="utf-8").replace(
        "  year    = {1999},\n", "  year    {1999},\n", 1
    )
    bib.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  year    {1999},") + 1
    assert _build_error(project, caplog) == (
        "1 problem in the content:\n"
        f"  studies/korea/references.bib:{line}: expected well-formed BibTeX, found a syntax "
        "error ('=' expected); check this entry and the one before it for a missing '}', ',' "
        "or '='"
    )


def test_key_defined_twice_fails_the_build_naming_both_files(project, caplog):
    shared = project / "data" / "references.bib"
    shared.write_text(
        shared.read_text(encoding="utf-8") + "\n@misc{kr:sepa-2007, title = {Other}}\n",
        encoding="utf-8",
    )
    message = _build_error(project, caplog)
    assert "studies/korea/references.bib:" in message
    assert re.search(
        r"kr:sepa-2007: expected one definition per key, found 'kr:sepa-2007' defined with "
        r"different content in data/references\.bib:\d+ and studies/korea/references\.bib:\d+",
        message,
    )


# -----------------------------------------------------------------------------
# The real site: bibliography, studies, Cite this
# -----------------------------------------------------------------------------


def test_bibliography_cited_in_matches_the_citations(built_site: Path):
    cited: dict[str, set[str]] = {}  # reference anchor -> pages citing it
    for path in built_site.rglob("index.html"):
        rel = path.relative_to(built_site).parent.as_posix()
        if rel in ("bibliography", "news") or rel.startswith("news/archive"):
            continue
        for a in _page(built_site, path.relative_to(built_site).as_posix()).cssselect(
            "a.sse-cite__ref"
        ):
            cited.setdefault(a.get("href")[1:], set()).add("" if rel == "." else rel + "/")

    doc = _page(built_site, "bibliography/index.html")
    listed: dict[str, set[str]] = {}
    for li in doc.cssselect("ul.sse-bibliography > li"):
        pages = set()
        for a in li.cssselect(".sse-references__back a"):
            url, fragment = a.get("href").split("#")
            target = posixpath.normpath(posixpath.join("bibliography", url))
            page = "" if target == "." else target + "/"
            pages.add(page)
            # The link lands on a citation of this very reference.
            landing = _page(built_site, page + "index.html").get_element_by_id(fragment)
            assert landing.get("href") == "#" + li.get("id")
        listed[li.get("id")] = pages
    assert listed == cited
    assert "ref-ilo-2022-ilc110-sse" in listed


def test_every_study_cites_its_laws_and_has_a_cite_box(built_site: Path):
    for slug in ("china", "indonesia", "japan", "korea", "malaysia", "philippines"):
        doc = _page(built_site, f"countries/{slug}/index.html")
        assert doc.cssselect("a.sse-cite__ref"), slug
        assert doc.cssselect("ul.sse-references > li"), slug
        bibtex = doc.cssselect(".sse-cite-this pre code")[0].text_content()
        entry = parse_string(bibtex, "bibtex").entries[f"sse-asia:{slug}-2026"]
        assert entry.fields["howpublished"] == "SSE Policy in Asia"
        assert entry.fields["note"].startswith("Country summary written for this site")


def test_summary_head_has_article_jsonld_and_no_scholar_tags(tricky_site: Path):
    # The six country pages are summaries written for this site: described as
    # such, never offered to Google Scholar (tests/test_honest_dates.py has
    # the final study with named authors).
    doc = _page(tricky_site, "countries/korea/index.html")
    assert not doc.cssselect('meta[name^="citation_"]')
    data = json.loads(doc.cssselect('script[type="application/ld+json"]')[0].text)
    assert data["@type"] == "Article"
    assert data["genre"] == "country summary"
    assert data["url"] == "https://example.org/sse/countries/korea/"
    assert data["headline"] == "The social and solidarity economy in the Republic of Korea"
    box = doc.cssselect(".sse-cite-this__text")[0].text_content()
    assert box == (
        "The social and solidarity economy in the Republic of Korea. 2026. SSE Policy in Asia. "
        "Country summary written for this site from public sources; draft, written "
        "28 November 2026, last revised 30 November 2026. "
        "https://example.org/sse/countries/korea/."
    )
    # Pages that are not country pages carry no such metadata.
    assert not _page(tricky_site, "about/index.html").cssselect('meta[name^="citation_"]')


def test_blog_excerpts_show_unlinked_citations(built_site: Path):
    doc = _page(built_site, "news/index.html")
    cites = doc.cssselect(".sse-cite")
    assert cites and not [c for c in cites if c.cssselect("a")]


def test_build_is_reproducible(built_site: Path, tmp_path: Path):
    again = build_site(copy_project(tmp_path / "again"))
    for path in ("bibliography/index.html", "countries/korea/index.html", "framework/index.html"):
        assert (again / path).read_bytes() == (built_site / path).read_bytes(), path


def test_mkdocs_bibtex_is_not_enabled():
    # Its text processing is replaced by the citation steps of hooks/pipeline.py (README.md: why).
    assert "bibtex" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_reference_lists_are_kept_out_of_the_search_index(built_site: Path):
    # Added after the search plugin has indexed the page: readers search the
    # text, not hundreds of reference entries.
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {d["location"]: d for d in docs["docs"]}
    assert not [loc for loc in indexed if loc.endswith("#references")]
    assert "bibliography/" in indexed
    assert "sse-references" not in indexed["bibliography/"]["text"]
    assert "Descriptive title; the page" not in json.dumps(docs)
    korea = html.parse(str(built_site / "countries" / "korea" / "index.html")).getroot()
    assert korea.cssselect("#references + ul.sse-references li")
    bibliography = html.parse(str(built_site / "bibliography" / "index.html")).getroot()
    assert len(bibliography.cssselect("ul.sse-bibliography > li")) >= 20
