"""Each country page says what it is, and dates the text, not the project.

A text without named authors is a country summary written for this site:
its page, its "Cite this summary" box and its JSON-LD say so, with the dates
it was written and revised, and it gets no Highwire `citation_*` tags. Only
a final study with named authors is described as a scholarly article.
Expected values are read from the studies' front matter (load_project); the
sites are real builds into tmp_path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import build_site, copy_project
from lxml import html
from ssesite.core.render import long_date
from ssesite.site.project import load_project

SITE_URL = "https://example.org/sse/"
FAKE_AUTHOR = "Test Author (synthetic)"


def page(site: Path, slug: str):
    return html.parse(str(site / "countries" / slug / "index.html")).getroot()


def facts(doc) -> dict[str, str]:
    return {
        dt.text_content().strip(): dd.text_content().strip()
        for dt, dd in zip(
            doc.cssselect(".sse-factbox dt"), doc.cssselect(".sse-factbox dd"), strict=True
        )
    }


def jsonld(doc) -> dict:
    (script,) = doc.cssselect('head script[type="application/ld+json"]')
    return json.loads(script.text)


def cite_heading(doc) -> str:
    (heading,) = [h for h in doc.cssselect("h2") if h.text_content().startswith("Cite this")]
    return heading.text_content().rstrip("¶").strip()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The real project, and a copy whose Korea page is a final study by a fake author."""
    real = copy_project(tmp_path_factory.mktemp("real") / "project")
    edited = copy_project(tmp_path_factory.mktemp("final") / "project")
    korea = edited / "studies" / "korea" / "index.md"
    text = korea.read_text(encoding="utf-8")
    assert "authors: []\nstatus: draft\n" in text
    korea.write_text(
        text.replace(
            "authors: []\nstatus: draft\n",
            f"authors:\n  - name: {FAKE_AUTHOR}\n    affiliation: Nowhere (synthetic)\n"
            "status: final\n",
        ),
        encoding="utf-8",
    )
    return {
        "real": (load_project(real), build_site(real, site_url=SITE_URL)),
        "final": (load_project(edited), build_site(edited, site_url=SITE_URL)),
    }


def test_every_real_page_is_a_dated_summary_without_scholar_tags(sites):
    project, site = sites["real"]
    assert project.studies and not project.problems.sorted()
    for study in project.studies:
        assert not study.authors, study.slug  # none is attributed today
        doc = page(site, study.slug)
        box = facts(doc)
        assert box["What it is"] == study.kind_note
        assert "summary written for this site" in box["What it is"]
        assert "Authors" not in box  # none named; "What it is" says what the text is
        assert box["Written"] == long_date(study.written)
        assert box["Last revised"] == long_date(study.revised)
        times = {t.get("datetime") for t in doc.cssselect(".sse-factbox time")}
        assert times == {study.written.isoformat(), study.revised.isoformat()}

        assert not doc.cssselect('meta[name^="citation_"]'), study.slug
        data = jsonld(doc)
        assert data["@type"] == "Article"
        assert data["genre"] == "country summary"
        assert data["dateCreated"] == study.written.isoformat()
        assert data["dateModified"] == study.revised.isoformat()
        assert "author" not in data and "datePublished" not in data
        assert data["url"] == f"{SITE_URL}countries/{study.slug}/"

        assert cite_heading(doc) == "Cite this summary"
        cite = doc.cssselect(".sse-cite-this__text")[0].text_content()
        assert "Country summary written for this site" in cite
        assert f"written {long_date(study.written)}" in cite
        assert f"last revised {long_date(study.revised)}" in cite
        if study.status != "final":
            banner = doc.cssselect(".sse-status-banner")[0].text_content()
            assert "This summary is" in banner


def test_a_final_study_with_named_authors_is_a_scholarly_article(sites):
    project, site = sites["final"]
    (korea,) = [s for s in project.studies if s.slug == "korea"]
    assert korea.is_scholarly
    doc = page(site, "korea")
    box = facts(doc)
    assert box["What it is"] == korea.kind_note
    assert FAKE_AUTHOR in box["Authors"]
    assert not doc.cssselect(".sse-status-banner")
    meta = [(m.get("name"), m.get("content")) for m in doc.cssselect('meta[name^="citation_"]')]
    assert ("citation_title", korea.title) in meta
    assert ("citation_author", FAKE_AUTHOR) in meta
    assert ("citation_publication_date", korea.revised.strftime("%Y/%m/%d")) in meta
    data = jsonld(doc)
    assert data["@type"] == "ScholarlyArticle"
    assert data["genre"] == "country study"
    assert data["datePublished"] == korea.revised.isoformat()
    assert [a["name"] for a in data["author"]] == [FAKE_AUTHOR]
    assert cite_heading(doc) == "Cite this study"
    # The other pages of that build are still summaries
    assert not page(site, "japan").cssselect('meta[name^="citation_"]')
