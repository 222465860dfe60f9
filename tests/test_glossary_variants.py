"""Glossary terms whose meaning differs by country: `variants`, checked and used.

A variant gives a term's definition in one country (an ISO code), with its
own source. The loader checks it like a definition (length, source, known
country, once per country); a page about that country (its summary or a
translation) shows the variant as the term's tooltip; the glossary page
lists every variant under "By country".
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from lxml import html
from ssesite.content.countries import load_countries
from ssesite.core.problems import Problems
from ssesite.core.render import environment
from ssesite.glossary.load import load_glossary
from ssesite.glossary.mark import Marker
from ssesite.site.project import load_project

ROOT = Path(__file__).resolve().parent.parent
FILE = "data/glossary.yml"

GLOSSARY = """\
categories:
  - id: entity-type
    label: Entity type
terms:
  - id: social-enterprise
    term: Social enterprise
    category: entity-type
    definition: A business with a social aim (synthetic).
    source: {url: https://example.org/general}
    variants:
      - country: KR
        definition: Certified under a national law (synthetic).
        source: {url: https://example.org/kr}
"""


def load(text: str, tmp_path: Path):
    path = tmp_path / "glossary.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    problems = Problems()
    countries = load_countries(ROOT / "data/countries.yml", "data/countries.yml", problems)
    glossary = load_glossary(path, FILE, problems, countries=countries)
    return glossary, [str(p) for p in problems.sorted()]


def test_a_variant_is_read_and_chosen_by_country(tmp_path):
    glossary, problems = load(GLOSSARY, tmp_path)
    assert problems == []
    term = glossary.get("social-enterprise")
    (variant,) = term.variants
    assert (variant.country, variant.source.url) == ("KR", "https://example.org/kr")
    assert term.definition_for("KR") == "Certified under a national law (synthetic)."
    assert term.definition_for("JP") == term.definition_for("") == term.definition


def test_every_problem_of_the_variants_at_once(tmp_path):
    bad = GLOSSARY + textwrap.indent(
        textwrap.dedent(
            """\
            - country: KOR
              definition: Wrong code (synthetic).
              source: {url: https://example.org/x}
            - country: KR
              definition: The same country again (synthetic).
              source: {url: https://example.org/y}
            - country: JP
              definition: No source (synthetic).
            - country: ID
              definition: {long}
              source: {url: https://www.scribd.com/document/1}
            """
        ).replace("{long}", "x" * 301),
        "      ",
    )
    glossary, problems = load(bad, tmp_path)
    assert problems == [
        "data/glossary.yml:14: social-enterprise.variants[1].country: expected an ISO 3166-1 "
        "alpha-2 country code such as 'KR', found 'KOR'. Did you mean 'KR' (Republic of Korea)?",
        "data/glossary.yml:17: social-enterprise.variants[2].country: expected one variant per "
        "country ('KR' is also on line 11), found 'KR'",
        "data/glossary.yml:20: social-enterprise.variants[3].source: required field is missing; "
        "expected a mapping with 'url' (a web address) or 'bib' (a bibliography key)",
        "data/glossary.yml:23: social-enterprise.variants[4].definition: expected a short "
        "definition of at most 300 characters (move the rest to 'note'), found 301 characters",
        "data/glossary.yml:24: social-enterprise.variants[4].source.url: expected the address "
        'of the source itself, not of a document-sharing site (scribd.com): see "Which '
        "sources\" in data/README.md, found 'https://www.scribd.com/document/1'",
    ]
    # The valid variant is kept; the broken ones are left out
    assert [v.country for v in glossary.get("social-enterprise").variants] == ["KR"]


def test_the_marker_uses_the_pages_country(tmp_path):
    glossary, problems = load(GLOSSARY, tmp_path)
    assert problems == []
    marker = Marker(glossary, environment(ROOT / "overrides"), "glossary/")
    source = "<p>A social enterprise here.</p>"
    for country, expected in (("KR", "Certified under a national law"), ("", "A business with")):
        marked = marker.mark(source, "countries/x/", country=country)
        (link,) = html.fragment_fromstring(marked.html).cssselect("a.sse-term")
        assert link.get("title").startswith(expected), country
    # An author's explicit link gets the country's definition too
    explicit = '<p><a href="term:social-enterprise">it</a></p>'
    marked = marker.mark(explicit, "countries/x/", country="KR")
    (link,) = html.fragment_fromstring(marked.html).cssselect("a.sse-term")
    assert link.get("title").startswith("Certified under a national law")


def test_country_pages_show_their_variant_and_the_glossary_lists_them(built_site: Path):
    project = load_project(ROOT)
    studies = {s.country.code: s for s in project.studies}
    with_variants = [t for t in project.glossary.terms if t.variants]
    assert len(with_variants) >= 5
    shown = 0
    for term in with_variants:
        for variant in term.variants:
            study = studies.get(variant.country)
            if study is None:
                continue
            pages = [built_site / "countries" / study.slug / "index.html"]
            pages += [
                built_site / "countries" / study.slug / t.lang / "index.html"
                for t in study.translations
            ]
            for page in pages:
                doc = html.parse(str(page)).getroot()
                for link in doc.cssselect(f'a.sse-term[data-term="{term.id}"]'):
                    assert link.get("title") == variant.definition, (page, term.id)
                    shown += 1
    assert shown >= 3  # Korea's social enterprises, Japan's worker cooperatives, ...

    # Pages about no country keep the general definition
    for page in built_site.rglob("index.html"):
        if "countries" in page.relative_to(built_site).parts:
            continue
        doc = html.parse(str(page)).getroot()
        for link in doc.cssselect("a.sse-term"):
            term = project.glossary.get(link.get("data-term"))
            assert link.get("title") == term.definition, (page, term.id)

    glossary = html.parse(str(built_site / "glossary" / "index.html")).getroot()
    for term in with_variants:
        (entry,) = glossary.cssselect(f"h3#{term.id}")
        items = entry.getnext().cssselect("ul.sse-glossary-variants > li")
        assert [li.get("data-country") for li in items] == [v.country for v in term.variants]
        for li, variant in zip(items, term.variants, strict=True):
            assert variant.definition in li.text_content()
            assert li.cssselect(".sse-glossary-source")
