"""Every page says what the site is, in its footer, with the ILO's own pages.

The statement is a template (overrides/partials/sse/site-statement.html);
its links must be the addresses of the ILO's pages as recorded in the
shared bibliography, and the about page says the same with the same links.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from lxml import html
from ssesite.site.project import load_project

ROOT = Path(__file__).resolve().parent.parent

# The bibliography entries of the ILO's pages the statement links to
ILO_PAGES = ("ilo:project/WCMS_714983", "ilo:project/WCMS_817001", "ilo:news/2021-08-25")


def ilo_urls() -> list[str]:
    entries = load_project(ROOT).citations.entries
    return [entries[key].entry.fields["url"] for key in ILO_PAGES]


def test_every_page_has_the_statement_with_the_ilo_pages(built_site: Path):
    expected = ilo_urls()
    pages = [p for p in sorted(built_site.rglob("*.html")) if b"md-footer" in p.read_bytes()]
    assert len(pages) > 30
    for path in pages:
        doc = html.parse(str(path)).getroot()
        (statement,) = doc.cssselect("footer .sse-site-statement")
        assert statement.get("lang") == "en"
        text = " ".join(statement.text_content().split())
        assert "An independent site about the ILO project" in text, path
        assert "not an official publication of the ILO" in text
        assert "summaries written for this site from public sources" in text
        links = [a.get("href") for a in statement.cssselect("a")]
        assert links[:3] == expected, path
        # The last link is the about page, relative to this page (from the
        # site's root on the 404 page, which is served at any depth)
        here = path.relative_to(built_site).parent.as_posix()
        about = posixpath.normpath(posixpath.join(here, links[3])).lstrip("/")
        assert about == "about", (path, links[3])
        assert (built_site / about / "index.html").is_file()


def test_the_about_page_says_it_too_with_the_same_links(built_site: Path):
    doc = html.parse(str(built_site / "about" / "index.html")).getroot()
    (heading,) = doc.cssselect("h2#what-this-site-is")
    section = []
    for element in heading.itersiblings():
        if element.tag == "h2":
            break
        section.append(element)
    text = " ".join(" ".join(e.text_content() for e in section).split())
    assert "not an official publication of the ILO" in text
    assert "summaries written for this site from public sources" in text
    hrefs = {a.get("href") for e in section for a in e.cssselect("a")}
    assert set(ilo_urls()) <= hrefs
