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
    assert facts["Sub-region"] == "East Asia"
    assert facts["Authors"] == "To be confirmed"
    assert facts["Status"] == "Draft"
    assert facts["First draft"] == "8 May 2020"
    banner = doc.cssselect(".sse-status-banner")
    assert banner and "draft" in banner[0].text_content().lower()
    korean = doc.cssselect('.sse-local[lang="ko"]')
    assert "사회적협동조합" in [k.text_content() for k in korean]
