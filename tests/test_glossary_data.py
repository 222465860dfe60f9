"""data/glossary.yml: loading, and every kind of bad input with its exact message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from ssesite.cli.check import main as check_main
from ssesite.core.languages import is_valid_tag
from ssesite.core.problems import Problems
from ssesite.glossary.links import check_term_links
from ssesite.glossary.load import load_glossary
from ssesite.glossary.model import matcher_forms

ROOT = Path(__file__).resolve().parent.parent
FILE = "data/glossary.yml"

HEAD = """\
categories:
  - id: concept
    label: Core concept
  - id: entity-type
    label: Entity type
terms:
"""

GOOD = """\
  - id: cooperative
    term: Cooperative
    aliases: [co-operative]
    category: entity-type
    definition: An enterprise owned and run by its members.
    source: {url: https://example.org/coop}
  - id: social-enterprise
    term: Social enterprise
    category: entity-type
    definition: A business with a social aim.
    source: {bib: eu2011}
    related: [cooperative]
"""


def load(text: str, tmp_path: Path, bib_keys=None):
    path = tmp_path / "glossary.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    problems = Problems()
    glossary = load_glossary(path, FILE, problems, bib_keys)
    return glossary, [str(p) for p in problems.sorted()]


# -----------------------------------------------------------------------------
# The real data file
# -----------------------------------------------------------------------------


def test_real_glossary_is_valid_and_large_enough():
    problems = Problems()
    glossary = load_glossary(ROOT / FILE, FILE, problems)
    assert [str(p) for p in problems.sorted()] == []
    assert len(glossary.terms) >= 40
    for term in glossary.terms:
        assert term.source.url or term.source.bib, term.id
        for name in term.local_names:
            assert is_valid_tag(name.lang), (term.id, name)
    ids = {t.id for t in glossary.terms}
    assert {"social-enterprise", "cooperative", "self-help-group", "mutual-society"} <= ids


def test_real_glossary_local_names_include_the_verified_ones():
    glossary = load_glossary(ROOT / FILE, FILE, Problems())
    names = {(t.id, n.lang, n.text) for t in glossary.terms for n in t.local_names}
    assert ("social-and-solidarity-economy", "ja", "社会的連帯経済") in names
    assert ("social-economy", "ko", "사회적경제") in names
    assert ("social-enterprise", "ko", "사회적기업") in names
    assert ("social-cooperative", "ko", "사회적협동조합") in names


def test_a_good_file_loads_with_no_problems(tmp_path):
    glossary, problems = load(HEAD + GOOD, tmp_path)
    assert problems == []
    assert [t.id for t in glossary.terms] == ["cooperative", "social-enterprise"]
    assert glossary.get("social-enterprise").source.bib == "eu2011"
    assert glossary.get("cooperative").aliases == ("co-operative",)


def test_derived_plurals_and_explicit_forms():
    from ssesite.glossary.model import Source, Term

    def term(id, name, **kw):
        return Term(
            id=id, term=name, definition="d", category="c", source=Source(url="https://x"), **kw
        )

    forms = matcher_forms(
        [
            term("sse-entity", "SSE entity", aliases=("SSE",)),
            term("decent-work", "Decent work", plurals=()),
            term("bus", "Bus"),
            term("foundation", "Foundation", autolink=False),
        ]
    )
    assert forms == [
        ("SSE entity", "sse-entity"),
        ("SSE", "sse-entity"),
        ("SSE entities", "sse-entity"),
        ("SSEs", "sse-entity"),
        ("Decent work", "decent-work"),
        ("Bus", "bus"),
        ("Buses", "bus"),
    ]


def test_a_missing_file_is_an_empty_glossary(tmp_path):
    problems = Problems()
    glossary = load_glossary(tmp_path / "nope.yml", FILE, problems)
    assert glossary.terms == [] and not problems


# -----------------------------------------------------------------------------
# Bad input: every message, exactly
# -----------------------------------------------------------------------------

BAD_CASES = {
    "yaml-error": (
        HEAD + "  - id: x\n    term: [unclosed\n",
        [
            "data/glossary.yml:9: the YAML cannot be read: while parsing a flow sequence, "
            "expected ',' or ']', but got '<stream end>'"
        ],
    ),
    "duplicate-id": (
        HEAD
        + GOOD
        + """\
  - id: cooperative
    term: Co-op society
    category: entity-type
    definition: Again.
    source: {url: https://example.org}
""",
        [
            "data/glossary.yml:19: cooperative.id: the id is already used by the term on "
            "line 7; expected a unique id"
        ],
    ),
    "duplicate-term-and-alias-ignoring-case": (
        HEAD
        + GOOD
        + """\
  - id: coop
    term: CO-OPERATIVE
    aliases: [social Enterprise]
    category: entity-type
    definition: Again.
    source: {url: https://example.org}
""",
        [
            "data/glossary.yml:20: coop.term: 'CO-OPERATIVE' already names the term "
            "'cooperative' (line 9); expected every term, alias and plural to name one "
            "term only (compared ignoring case)",
            "data/glossary.yml:21: coop.aliases[0]: 'social Enterprise' already names the "
            "term 'social-enterprise' (line 14); expected every term, alias and plural to "
            "name one term only (compared ignoring case)",
        ],
    ),
    "duplicate-within-a-term": (
        HEAD
        + """\
  - id: wise
    term: WISE
    plurals: [WISEs, wises]
    category: entity-type
    definition: A work integration social enterprise.
    source: {url: https://example.org}
""",
        [
            "data/glossary.yml:9: wise.plurals[1]: 'wises' already names this term "
            "(line 9); expected every term, alias and plural to name one term only "
            "(compared ignoring case)"
        ],
    ),
    "unknown-and-self-related": (
        HEAD
        + GOOD
        + """\
  - id: credit-union
    term: Credit union
    category: entity-type
    definition: A financial cooperative.
    source: {url: https://example.org}
    related:
      - cooperatve
      - credit-union
      - nothing-like-it
""",
        [
            "data/glossary.yml:25: credit-union.related[0]: expected the id of a term in "
            "this file, found 'cooperatve'. Did you mean 'cooperative'?",
            "data/glossary.yml:26: credit-union.related[1]: expected the id of another "
            "term, found 'credit-union'",
            "data/glossary.yml:27: credit-union.related[2]: expected the id of a term in "
            "this file, found 'nothing-like-it'",
        ],
    ),
    "missing-and-too-long-definitions": (
        HEAD
        + f"""\
  - id: mutual-society
    term: Mutual society
    category: entity-type
    source: {{url: https://example.org}}
  - id: foundation
    term: Foundation
    category: entity-type
    definition: {"word " * 70}
    source: {{url: https://example.org}}
""",
        [
            "data/glossary.yml:7: mutual-society.definition: required field is missing; "
            "expected a short definition in your own words",
            "data/glossary.yml:14: foundation.definition: expected a short definition of at "
            "most 300 characters (move the rest to 'note'), found 349 characters",
        ],
    ),
    "invalid-language-tags": (
        HEAD
        + """\
  - id: cooperative
    term: Cooperative
    category: entity-type
    definition: An enterprise owned and run by its members.
    source: {url: https://example.org}
    local_names:
      - {lang: jp, text: 協同組合}
      - {lang: zh_CN, text: 合作社}
      - {lang: ko, text: 협동조합}
      - {lang: xx-yy-zz-!, text: x}
""",
        [
            "data/glossary.yml:13: cooperative.local_names[0].lang: expected a BCP 47 "
            "language tag such as 'ko', 'ja' or 'zh-Hans', found 'jp'. Did you mean 'ja'?",
            "data/glossary.yml:14: cooperative.local_names[1].lang: expected a BCP 47 "
            "language tag such as 'ko', 'ja' or 'zh-Hans', found 'zh_CN'. Did you mean "
            "'zh-Hans'?",
            "data/glossary.yml:16: cooperative.local_names[3].lang: expected a BCP 47 "
            "language tag such as 'ko', 'ja' or 'zh-Hans', found 'xx-yy-zz-!'",
        ],
    ),
    "bad-ids-names-fields-and-categories": (
        HEAD
        + """\
  - id: Social Economy
    term: Social economy
    category: concept
    definition: The social economy.
    source: {url: https://example.org}
  - id: sse
    term: <SSE>
    category: concepts
    defintion: typo
    definition: The SSE.
    source: {url: https://example.org}
    autolink: sometimes
""",
        [
            "data/glossary.yml:7: terms[0].id: expected an id of lower-case letters, digits "
            "and hyphens, such as 'social-enterprise', found 'Social Economy'",
            "data/glossary.yml:13: sse.term: expected a name that starts and ends with a "
            "letter or digit and contains no <, > or \", found '<SSE>'",
            "data/glossary.yml:14: sse.category: expected one of 'concept', 'entity-type', "
            "found 'concepts'. Did you mean 'concept'?",
            "data/glossary.yml:15: sse.defintion: unknown field; expected one of 'id', "
            "'term', 'aliases', 'plurals', 'autolink', 'category', 'definition', 'note', "
            "'source', 'local_names', 'variants', 'related'. Did you mean 'definition'?",
            "data/glossary.yml:18: sse.autolink: expected true or false, found 'sometimes'",
        ],
    ),
    "bad-sources": (
        HEAD
        + """\
  - id: a-term
    term: A term
    category: concept
    definition: One.
  - id: b-term
    term: B term
    category: concept
    definition: Two.
    source: {url: https://example.org, bib: key}
  - id: c-term
    term: C term
    category: concept
    definition: Three.
    source: {url: www.example.org}
  - id: d-term
    term: D term
    category: concept
    definition: Four.
    source: {label: Somewhere}
  - id: e-term
    term: E term
    category: concept
    definition: Five.
    source: {bib: smith2020}
""",
        [
            "data/glossary.yml:7: a-term.source: required field is missing; expected a "
            "mapping with 'url' (a web address) or 'bib' (a bibliography key)",
            "data/glossary.yml:15: b-term.source: expected 'url' or 'bib', found both",
            "data/glossary.yml:20: c-term.source.url: expected a web address starting with "
            "https:// or http://, found 'www.example.org'",
            "data/glossary.yml:25: d-term.source: expected a mapping with 'url' (a web "
            "address) or 'bib' (a bibliography key), found neither",
            "data/glossary.yml:30: e-term.source.bib: expected a key of the bibliography, "
            "found 'smith2020'. Did you mean 'smith2021'?",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_is_reported_exactly(case, tmp_path):
    text, expected = BAD_CASES[case]
    _, problems = load(text, tmp_path, bib_keys={"smith2021", "eu2011"})
    assert problems == expected


def test_every_problem_is_reported_at_once(tmp_path):
    text = (
        HEAD
        + GOOD
        + """\
  - id: cooperative
    term: Social enterprise
    category: entity-type
    source: {url: https://example.org}
    related: [nope]
    local_names:
      - {lang: jp, text: 協同組合}
"""
    )
    _, problems = load(text, tmp_path)
    assert problems == [
        "data/glossary.yml:19: cooperative.definition: required field is missing; expected "
        "a short definition in your own words",
        "data/glossary.yml:19: cooperative.id: the id is already used by the term on line 7; "
        "expected a unique id",
        "data/glossary.yml:20: cooperative.term: 'Social enterprise' already names the term "
        "'social-enterprise' (line 14); expected every term, alias and plural to name one "
        "term only (compared ignoring case)",
        "data/glossary.yml:23: cooperative.related[0]: expected the id of a term in this "
        "file, found 'nope'",
        "data/glossary.yml:25: cooperative.local_names[0].lang: expected a BCP 47 language "
        "tag such as 'ko', 'ja' or 'zh-Hans', found 'jp'. Did you mean 'ja'?",
    ]


# -----------------------------------------------------------------------------
# Explicit term links in Markdown
# -----------------------------------------------------------------------------


def test_unknown_term_links_are_reported_with_file_and_line(tmp_path):
    glossary, _ = load(HEAD + GOOD, tmp_path)
    markdown = textwrap.dedent(
        """\
        Some [co-ops](term:cooperative) and [firms](term:social-enterprise "Firms").

        A [typo](term:cooperativ) and <a href="term:nothing">raw HTML</a>.

        [ref]: term:socal-enterprise

        `[code](term:in-code)` is not a link.

        ```markdown
        [fenced](term:in-fence)
        ```
        """
    )
    problems = Problems()
    found = check_term_links(markdown, "docs/about.md", glossary, problems, first_line=5)
    assert found == [
        "cooperative",
        "social-enterprise",
        "cooperativ",
        "nothing",
        "socal-enterprise",
    ]
    assert [str(p) for p in problems.sorted()] == [
        "docs/about.md:7: term link: expected the id of a term in data/glossary.yml, found "
        "'cooperativ'. Did you mean 'cooperative'?",
        "docs/about.md:7: term link: expected the id of a term in data/glossary.yml, found "
        "'nothing'",
        "docs/about.md:9: term link: expected the id of a term in data/glossary.yml, found "
        "'socal-enterprise'. Did you mean 'social-enterprise'?",
    ]


def test_make_check_lists_glossary_problems(project, capsys):
    path = project / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("related: [cooperative]", "related: [cooperatives]", 1))
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [co-ops](term:co-op).\n")
    assert check_main([str(project)]) == 1
    out = capsys.readouterr().out
    assert "data/glossary.yml\n  line " in out
    assert (
        ": consumer-cooperative.related[0]: expected the id of a term in this file, found " in out
    )
    assert "docs/about.md\n  line " in out
    assert "term link: expected the id of a term in data/glossary.yml, found 'co-op'" in out
