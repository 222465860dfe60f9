"""Every law's status is shown "as of" the date it was checked, with its source.

The expected dates, sources and titles are read from the studies' own data
(load_project), so the tests follow the content; the site is a real build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html
from ssesite.site.project import load_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def studies():
    return load_project(ROOT).studies


def page(site: Path, path: str):
    return html.parse(str(site / path)).getroot()


def _as_of(element) -> str:
    """The ISO date of the one "status as of" in `element`."""
    (span,) = element.cssselect(".sse-as-of")
    assert span.text_content().startswith("status as of ")
    (time,) = span.cssselect("time")
    return time.get("datetime")


def test_every_status_on_a_country_page_has_its_date_and_cited_source(built_site, studies):
    for study in studies:
        doc = page(built_site, f"countries/{study.slug}/index.html")
        (heading,) = doc.cssselect("h3#laws-and-policies")
        table = heading.getnext().cssselect("table")[0]
        rows = table.cssselect("tbody tr")
        assert len(rows) == len(study.instruments)
        references = {li.get("id") for li in doc.cssselect("li[id^='ref-']")}
        for row, instrument in zip(rows, study.instruments, strict=True):
            status = row.cssselect("td")[3]
            assert _as_of(status) == instrument.checked.isoformat(), instrument.id
            (cite,) = status.cssselect("a.sse-cite__ref")
            target = cite.get("href").removeprefix("#")
            # The source is a citation of the page, listed under its References
            assert target in references, (study.slug, instrument.id, target)
            (entry,) = doc.cssselect(f"li[id='{target}']")
            assert entry.text_content().strip()


def test_comparison_matrix_and_timeline_show_the_dates(built_site, studies):
    doc = page(built_site, "countries/compare/index.html")
    expected = sorted(
        (s.country.name, i.title, i.checked.isoformat()) for s in studies for i in s.instruments
    )
    found = []
    for table in doc.cssselect("table[id^='matrix-']"):
        countries = [th.text_content().strip() for th in table.cssselect("thead th")][1:]
        for tr in table.cssselect("tbody tr"):
            for country, td in zip(countries, tr.cssselect("td"), strict=True):
                for li in td.cssselect("li"):
                    if li.cssselect(".sse-as-of"):
                        found.append((country, li.text_content().strip(), _as_of(li)))
    names = {s.country.name for s in studies}
    assert {c for c, _, _ in found} == names
    # Each instrument appears with its own date (its year, status and date follow its title)
    for country, title, date in expected:
        assert any(c == country and t.startswith(title) and d == date for c, t, d in found), (
            country,
            title,
            date,
        )

    (timeline,) = [t for t in doc.cssselect("table") if "Year" in t.findtext(".//th", "")]
    rows = timeline.cssselect("tbody tr")
    dated = [i for s in studies for i in s.instruments if i.year]  # the timeline needs a year
    assert len(rows) == len(dated)
    dates = sorted(_as_of(tr.cssselect("td")[4]) for tr in rows)
    assert dates == sorted(i.checked.isoformat() for i in dated)
