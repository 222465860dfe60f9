"""Hostile strings in data fields come out as inert text in HTML, ICS, JSON and XML."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
from conftest import build_site
from lxml import etree, html

# Clearly fake test input: markup, template syntax, an XML terminator, a newline.
HOSTILE = 'Evil <script>alert(1)</script> "><img src=x onerror=alert(2)> {{ 7*7 }} {% if x %} ]]>'
HOSTILE_LINES = HOSTILE + "\nsecond line"


def yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML scalars


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def poison(project: Path) -> None:
    study = project / "studies" / "japan" / "index.md"
    edit(
        study, "title: The social and solidarity economy in Japan", f"title: {yaml_string(HOSTILE)}"
    )
    edit(
        study,
        "authors: []",
        f"authors:\n  - name: {yaml_string(HOSTILE)}\n    affiliation: {yaml_string(HOSTILE)}",
    )
    # Final with a (fake) named author, so that the Highwire tags carry it too
    edit(study, "status: draft", "status: final")
    edit(study, "      form: Worker cooperative", f"      form: {yaml_string(HOSTILE)}")
    glossary = project / "data" / "glossary.yml"
    edit(
        glossary,
        "      The enterprises, organisations and other entities that carry out\n",
        '      "><img src=x onerror=alert(2)> {{ 7*7 }} entities that carry out\n',
    )
    edit(
        glossary,
        "      This is the definition adopted by the International Labour Conference in\n",
        "      " + HOSTILE + " This is the definition adopted by the Conference in\n",
    )
    programme = project / "data" / "programme.yml"
    # Give session 1 times (test data only) so that it reaches every export.
    edit(
        programme,
        "  - id: session-1\n    label: Session 1\n    kind: session\n    date: 2020-09-22\n",
        "  - id: session-1\n    label: Session 1\n    title: "
        + yaml_string(HOSTILE_LINES)
        + "\n    abstract: "
        + yaml_string(HOSTILE_LINES)
        + "\n    kind: session\n    start: 2020-09-22T14:00\n    end: 2020-09-22T15:30\n"
        "    talks:\n      - title: "
        + yaml_string(HOSTILE)
        + "\n        speakers: [fake-person]\n        abstract: "
        + yaml_string(HOSTILE_LINES)
        + "\n",
    )
    edit(
        programme,
        "people:\n",
        "people:\n  - id: fake-person\n    name: "
        + yaml_string(HOSTILE)
        + "\n    affiliation: "
        + yaml_string(HOSTILE)
        + "\n    bio: "
        + yaml_string(HOSTILE_LINES)
        + "\n",
    )


def test_hostile_data_is_inert_everywhere(project: Path, tmp_path: Path):
    poison(project)
    site = build_site(project, tmp_path / "site", site_url="https://example.org/sse/")

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text, page
        assert "<img src=x" not in text, page

    study = html.parse(str(site / "countries" / "japan" / "index.html")).getroot()
    assert study.findtext(".//title").startswith(HOSTILE)  # {{ }} and {% %} stay literal
    assert study.cssselect("article h1")[0].text_content().strip().startswith(HOSTILE)
    assert HOSTILE in study.cssselect(".sse-authors li")[0].text_content()
    meta = {m.get("name") or m.get("property"): m.get("content") for m in study.iter("meta")}
    assert meta["og:title"] == HOSTILE
    assert meta["citation_title"] == HOSTILE
    assert meta["citation_author"] == HOSTILE

    glossary = html.parse(str(site / "glossary" / "index.html")).getroot()
    assert any(HOSTILE in e.text_content() for e in glossary.cssselect("article *"))

    session = html.parse(
        str(site / "programme" / "sessions" / "session-1" / "index.html")
    ).getroot()
    assert HOSTILE in session.text_content()
    for script in session.cssselect('script[type="application/ld+json"]'):
        data = json.loads(script.text)
        assert "</script" not in script.text
        assert HOSTILE in data["name"]

    calendar = icalendar.Calendar.from_ical((site / "programme" / "programme.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    summaries = [str(e["SUMMARY"]) for e in events.values()]
    # A one-line summary; the abstract keeps its line break through ICS escaping
    assert any(s.endswith(" ".join(HOSTILE_LINES.split())) for s in summaries)
    assert any(HOSTILE_LINES in str(e.get("DESCRIPTION", "")) for e in events.values())

    xml = etree.parse(str(site / "programme" / "schedule.xml"))
    titles = [t.text for t in xml.iter("title")]
    assert any(t and HOSTILE in t for t in titles)
    persons = [p.text for p in xml.iter("person")]
    assert HOSTILE in persons

    schedule = json.loads((site / "programme" / "schedule.json").read_text(encoding="utf-8"))
    dumped = json.dumps(schedule, ensure_ascii=False)
    assert HOSTILE.replace('"', '\\"') in dumped
