"""The real site builds strictly and has the pages the foundation promises."""

from __future__ import annotations

from pathlib import Path

from lxml import html


def page(site: Path, path: str):
    return html.parse(str(site / path)).getroot()


def test_six_country_pages_index_comparison_framework(built_site: Path):
    for slug in ("china", "indonesia", "japan", "korea", "malaysia", "philippines"):
        assert (built_site / "countries" / slug / "index.html").is_file()
    for path in ("countries/index.html", "countries/compare/index.html", "framework/index.html"):
        assert (built_site / path).is_file()


def test_country_page_has_fact_box_banner_and_data(built_site: Path):
    doc = page(built_site, "countries/korea/index.html")
    assert (
        doc.findtext(".//h1")
        .strip()
        .startswith("The social and solidarity economy in the Republic of Korea")
    )
    facts = {
        dt.text_content().strip(): dd.text_content().strip()
        for dt, dd in zip(
            doc.cssselect(".sse-factbox dt"), doc.cssselect(".sse-factbox dd"), strict=True
        )
    }
    assert facts["Country"] == "Republic of Korea (KR)"
    assert facts["What it is"].startswith("A country summary written for this site")
    assert "Authors" not in facts  # none named: "What it is" and the citation say so
    assert facts["Written"] == "28 November 2026"
    # The sub-region is named once, above the title; the status once, in
    # the status line (the fact box says it only for a final study)
    assert doc.cssselect(".sse-kicker")[0].text_content() == "Country summary · East Asia"
    assert "Status" not in facts
    banner = doc.cssselect(".sse-status-banner")
    assert banner and banner[0].cssselect(".sse-badge")[0].text_content() == "Draft"
    assert "draft" in banner[0].text_content().lower()
    korean = doc.cssselect('.sse-local[lang="ko"]')
    assert "사회적협동조합" in [k.text_content() for k in korean]


def test_sharing_meta_comes_from_the_study(built_site: Path):
    doc = page(built_site, "countries/japan/index.html")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in doc.iter("meta")}
    assert meta["og:title"] == "The social and solidarity economy in Japan"
    assert meta["og:description"].startswith("Maps Japan's SSE through its many")
    assert meta["og:type"] == "article"
    assert meta["twitter:card"] == "summary"
    assert meta["description"] == meta["og:description"]


def test_comparison_matrices_come_from_the_studies(built_site: Path):
    doc = page(built_site, "countries/compare/index.html")
    matrix = doc.cssselect("#matrix-entity-types")[0]
    countries = [th.text_content().strip() for th in matrix.cssselect("thead th")][1:]
    assert countries == [
        "China",
        "Japan",
        "Republic of Korea",
        "Indonesia",
        "Malaysia",
        "Philippines",
    ]
    rows = {
        tr.cssselect("th")[0].text_content().strip(): [
            td.text_content() for td in tr.cssselect("td")
        ]
        for tr in matrix.cssselect("tbody tr")
    }
    social = dict(zip(countries, rows["Social enterprises"], strict=True))
    assert "Certified social enterprise" in social["Republic of Korea"]
    assert "Dedicated SSE or social-enterprise law" in social["Republic of Korea"]
    assert "Rated (accredited) social enterprise" in social["Malaysia"]
    assert social["China"].strip() == "—"


def test_countries_index_groups_cards_by_subregion(built_site: Path):
    doc = page(built_site, "countries/index.html")
    groups = {
        h2.text_content().strip("¶ \n"): [
            a.text_content() for a in h2.getnext().cssselect(".sse-card__title a")
        ]
        for h2 in doc.cssselect("article h2")
    }
    assert groups == {
        "East Asia": ["China", "Japan", "Republic of Korea"],
        "South-East Asia": ["Indonesia", "Malaysia", "Philippines"],
    }
    assert {b.text_content() for b in doc.cssselect(".sse-card .sse-badge")} == {"Draft"}
