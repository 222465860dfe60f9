"""Citations, domain level: the syntax, the scanner, .bib checks, the style, Cite this."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pybtex.database import parse_string
from ssesite.citations.bibliography import load_bib_file, merge
from ssesite.citations.citethis import cite_this
from ssesite.citations.load import Cite, parse_group, scan
from ssesite.citations.references import format_reference, labels, text_of
from ssesite.cli.check import main as check_main
from ssesite.content.countries import Country, Subregion
from ssesite.content.studies import Author, Study
from ssesite.core.problems import Problems

# -----------------------------------------------------------------------------
# Syntax
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "cites"),
    [
        ("@key", (Cite("key"),)),
        ("@a; @b", (Cite("a"), Cite("b"))),
        ("see @key, p. 33", (Cite("key", "see", "p. 33"),)),
        ("@DBLP:conf/x/Lee19", (Cite("DBLP:conf/x/Lee19"),)),
        ("@garcia.2021", (Cite("garcia.2021"),)),
        ("@un:A/RES/77/281, para. 3", (Cite("un:A/RES/77/281", "", "para. 3"),)),
        ("see also @a, ch. 2;\n  @b_c-d", (Cite("a", "see also", "ch. 2"), Cite("b_c-d"))),
        # Not citations: every '@' is inside a word.
        ("write to info@example.org", ()),
        ("a@b; c@d", ()),
        # Look like citations but do not parse: reported, never guessed at.
        ("@key p. 33", None),
        ("@a, p. 1 @b", None),
        ("@a; write to info@example.org", None),
        ("-@key", None),
    ],
)
def test_parse_group(body, cites):
    assert parse_group(body) == cites


TRICKY = """Cited [@a] and [see @b.c, p. 33; @d:e/f].
Mail [write to info@example.org], link [@someuser](https://github.com/someuser),
image ![@alt](x.png), bare @word, escaped \\[@esc], inline `[@code]` and ``[@x]``.

```python
x = "[@fenced]"
```

~~~~
[@tilde]
~~~~

    y = "[@indented]"

- item [@listed]

    continued [@continued]

!!! note

    inside [@admonition]

        [@admonition_code]

<!-- [@comment] -->
Broken [@key p. 33].
"""


def test_scan_finds_citations_outside_code_with_lines():
    found = scan(TRICKY, first_line=10)
    assert [(f.raw, f.line) for f in found] == [
        ("[@a]", 10),
        ("[see @b.c, p. 33; @d:e/f]", 10),
        ("[@listed]", 24),
        ("[@continued]", 26),
        ("[@admonition]", 30),
        ("[@key p. 33]", 35),
    ]
    assert found[1].cites == (Cite("b.c", "see", "p. 33"), Cite("d:e/f"))
    assert found[-1].cites == ()  # malformed


# -----------------------------------------------------------------------------
# Bibliography files
# -----------------------------------------------------------------------------


def _bib(tmp_path: Path, text: str, name: str = "refs.bib") -> tuple[object, Problems]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    return load_bib_file(path, f"data/{name}", problems), problems


def test_malformed_bib_names_file_and_line(tmp_path):
    bib, problems = _bib(tmp_path, "@misc{a,\n  title = {X},\n\n@misc{b, title = {Y}}\n")
    assert not bib.ok
    assert [str(p) for p in problems.sorted()] == [
        "data/refs.bib:4: expected well-formed BibTeX, found a syntax error ('=' expected); "
        "check this entry and the one before it for a missing '}', ',' or '='"
    ]


def test_bib_entry_checks(tmp_path):
    text = (
        "@misc{ok, title = {T}}\n"
        "@misc{bad key, title = {T}}\n"
        "@misc{notitle, year = {20x1}, url = {www.x.org}}\n"
        "@misc{OK, title = {T}}\n"
    )
    _, problems = _bib(tmp_path, text)
    assert [str(p) for p in problems.sorted()] == [
        "data/refs.bib:2: expected an entry head like '@misc{key,', found '@misc{bad key, "
        "title = {T}}'",
        "data/refs.bib:4: OK: expected each key once per file, found 'OK' also on line 1 (as 'ok')",
    ]
    _, problems = _bib(tmp_path, "@misc{notitle, year = {20x1}, url = {www.x.org}}\n")
    assert [str(p) for p in problems.sorted()] == [
        "data/refs.bib:1: notitle.title: expected a title, found none",
        "data/refs.bib:1: notitle.url: expected an address starting with https:// or http://, "
        "found 'www.x.org'",
        "data/refs.bib:1: notitle.year: expected a four-digit year such as 2022, found '20x1'",
    ]


def test_key_defined_twice_with_different_content_names_both_files(tmp_path):
    shared, problems = _bib(tmp_path, "\n@misc{k, title = {One}}\n", "a.bib")
    same, _ = _bib(tmp_path, "@misc{k,\n  title = {One}}\n", "b.bib")
    other, _ = _bib(tmp_path, "@misc{x, title = {X}}\n@misc{k, title = {Two}}\n", "c.bib")
    merged = merge([shared, same, other], problems)
    assert set(merged) == {"k", "x"}
    assert [str(p) for p in problems.sorted()] == [
        "data/c.bib:2: k: expected one definition per key, found 'k' defined with different "
        "content in data/a.bib:2 and data/c.bib:2; rename one of them or make them identical"
    ]


# -----------------------------------------------------------------------------
# Style
# -----------------------------------------------------------------------------

STYLE_BIB = r"""
@article{kim2020,
  author = {Kim, Euiyoung and Lee, Jane and Park, Min},
  title = {Mapping the {SSE} in Asia},
  journal = {Journal of Cooperative Studies},
  volume = {12}, number = {3}, pages = {45--67},
  year = {2020}, doi = {10.1000/xyz123},
}
@misc{ilo-a,
  author = {{International Labour Organization}}, shortauthor = {ILO},
  title = {B title}, year = {2020}, date = {2020-05-21}, howpublished = {ILO news},
  url = {https://example.org/a},
}
@misc{ilo-b,
  author = {{International Labour Organization}}, shortauthor = {ILO},
  title = {A title}, year = {2020},
}
@misc{law,
  title = {Law No. 25/1992 on Cooperatives}, shorttitle = {Law No. 25/1992}, year = {1992},
}
@book{ed,
  editor = {Doe, Ann}, title = {Edited \& Bound}, publisher = {Press}, address = {Geneva},
}
"""


def test_author_date_style_golden():
    entries = dict(parse_string(STYLE_BIB, "bibtex").entries)
    found = labels(entries)
    assert found == {
        "kim2020": "Kim et al. 2020",
        "ilo-a": "ILO 2020b",
        "ilo-b": "ILO 2020a",
        "law": "Law No. 25/1992",
        "ed": "Doe n.d.",
    }
    texts = {
        k: text_of(format_reference(k, e, found[k], f"ref-{k}").segments)
        for k, e in entries.items()
    }
    assert texts == {
        "kim2020": "Kim, Euiyoung, Jane Lee, and Min Park. 2020. “Mapping the SSE in Asia.” "
        "Journal of Cooperative Studies 12 (3): 45–67. https://doi.org/10.1000/xyz123.",
        "ilo-a": "International Labour Organization (ILO). 2020b. B title. ILO news. 21 May 2020. "
        "https://example.org/a.",
        "ilo-b": "International Labour Organization (ILO). 2020a. A title.",
        "law": "Law No. 25/1992 on Cooperatives. 1992.",
        "ed": "Doe, Ann, ed. n.d. Edited & Bound. Press, Geneva.",
    }
    reference = format_reference("kim2020", entries["kim2020"], found["kim2020"], "ref-kim2020")
    links = [s.url for s in reference.segments if s.url]
    emphasised = [s.text for s in reference.segments if s.em]
    assert links == ["https://doi.org/10.1000/xyz123"]
    assert emphasised == ["Journal of Cooperative Studies"]


# -----------------------------------------------------------------------------
# Cite this study
# -----------------------------------------------------------------------------


def _study(
    authors: list[Author],
    title: str = "The SSE in {Korea} & 100% more_",
    status: str = "draft",
) -> Study:
    return Study(
        slug="korea",
        source="studies/korea/index.md",
        folder=Path("studies/korea"),
        title=title,
        country=Country("KR", "Republic of Korea", "the Republic of Korea", "east-asia"),
        subregion=Subregion("east-asia", "East Asia"),
        authors=authors,
        status=status,
        written=dt.date(2020, 5, 8),
        revised=dt.date(2020, 8, 21),
        summary="Summary.",
        languages=["en"],
        keywords=["cooperatives"],
    )


AUTHORS = [Author("Euiyoung Kim", "SNU", "0000-0002-1825-0097"), Author("Ann O'Neil", "X")]


def test_a_final_study_with_authors_is_a_scholarly_article():
    view = cite_this(
        _study(AUTHORS, status="final"),
        "SSE Policy in Asia",
        "https://example.org/countries/korea/",
    )
    entry = parse_string(view.bibtex, "bibtex").entries["sse-asia:korea-2020"]
    assert [str(p) for p in entry.persons["author"]] == ["Kim, Euiyoung", "O'Neil, Ann"]
    from ssesite.citations.references import plain

    assert plain(entry.fields["title"]) == "The SSE in {Korea} & 100% more_"
    assert entry.fields["url"] == "https://example.org/countries/korea/"
    assert entry.fields["year"] == "2020"
    assert view.noun == "study"
    assert view.text == (
        "Kim, Euiyoung, and Ann O'Neil. 2020. The SSE in {Korea} & 100% more_. "
        "SSE Policy in Asia. Written 8 May 2020, last revised 21 August 2020. "
        "https://example.org/countries/korea/."
    )
    assert ("citation_author", "Euiyoung Kim") in view.meta
    assert ("citation_author_orcid", "https://orcid.org/0000-0002-1825-0097") in view.meta
    assert ("citation_publication_date", "2020/08/21") in view.meta
    assert view.jsonld["@type"] == "ScholarlyArticle"
    assert view.jsonld["datePublished"] == "2020-08-21"
    assert view.jsonld["author"][0]["affiliation"] == {"@type": "Organization", "name": "SNU"}


def test_a_draft_study_with_authors_is_cited_as_a_draft_without_scholar_tags():
    view = cite_this(_study(AUTHORS), "SSE Policy in Asia", "https://example.org/countries/korea/")
    assert view.noun == "study"
    assert "Draft, written 8 May 2020, last revised 21 August 2020." in view.text
    assert view.meta == ()
    assert view.jsonld["@type"] == "Article"
    assert view.jsonld["genre"] == "country study"
    assert [a["name"] for a in view.jsonld["author"]] == ["Euiyoung Kim", "Ann O'Neil"]
    assert "datePublished" not in view.jsonld


@pytest.mark.parametrize("status", ["draft", "final"])
def test_a_summary_names_nobody_and_says_what_it_is(status):
    view = cite_this(_study([], "The social and solidarity economy in Korea", status), "Site", "")
    entry = parse_string(view.bibtex, "bibtex").entries["sse-asia:korea-2020"]
    assert "author" not in entry.persons
    assert "url" not in entry.fields
    state = "draft, " if status == "draft" else ""
    assert view.text == (
        "The social and solidarity economy in Korea. 2020. Site. Country summary written for "
        f"this site from public sources; {state}written 8 May 2020, last revised 21 August 2020."
    )
    assert view.noun == "summary"
    assert view.meta == ()  # not offered to Google Scholar, even when final
    assert view.jsonld["@type"] == "Article"
    assert view.jsonld["genre"] == "country summary"
    assert view.jsonld["dateCreated"] == "2020-05-08"
    assert view.jsonld["dateModified"] == "2020-08-21"
    assert "author" not in view.jsonld and "url" not in view.jsonld
    assert "datePublished" not in view.jsonld


# -----------------------------------------------------------------------------
# The real content, and `make check`
# -----------------------------------------------------------------------------


def test_real_content_cites_only_known_keys():
    from ssesite.site.project import load_project

    project = load_project(Path(__file__).resolve().parent.parent)
    assert project.problems.sorted() == []
    cited = {key for page in project.citations.pages for key in page.keys}
    assert {"ilo:2022.ilc110-sse", "un:A/RES/77/281", "ilo:R193", "ica:1995.identity"} <= cited
    studies_citing = {p.scope for p in project.citations.pages if p.scope and p.keys}
    assert studies_citing == {"china", "indonesia", "japan", "korea", "malaysia", "philippines"}


def test_make_check_reports_unknown_key_with_line_and_close_matches(project, capsys):
    about = project / "docs" / "about.md"
    text = about.read_text(encoding="utf-8").replace(
        "## The countries", "## The countries\n\nSee [@ilo:R139] and [@kr:sepa-2007].", 1
    )
    about.write_text(text, encoding="utf-8")
    line = text.splitlines().index("See [@ilo:R139] and [@kr:sepa-2007].") + 1
    assert check_main([str(project)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "docs/about.md",
        f"  line {line}: citation: expected a key defined in data/references.bib, found "
        "'ilo:R139'. Did you mean 'ilo:R193' or 'ilo:R204'?",
        f"  line {line}: citation: expected a key defined in data/references.bib, found "
        "'kr:sepa-2007', which is defined in studies/korea/references.bib (only that study "
        "may cite it; move the entry to data/references.bib to share it)",
    ]
