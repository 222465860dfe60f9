"""The built site: programme pages without JavaScript, exports on disk, determinism.

The real project is built once (conftest's `built_site`); a copy with timed
test data is built once more here, since the real programme documents no
session times. A quick browser check covers the timezone switch.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project
from icalendar import Calendar
from lxml import html
from programme_fixtures import TIMED
from test_programme_exports import assert_valid_json, assert_valid_xml

SITE_URL = "https://example.org/sse/"
CHROMIUM = shutil.which("chromium") or ""


def page(site: Path, path: str):
    return html.parse(str(site / path)).getroot()


def text(element) -> str:
    return " ".join(element.text_content().split())


def jsonld(doc) -> dict:
    (script,) = doc.cssselect('head script[type="application/ld+json"]')
    return json.loads(script.text)


def cli_build(project: Path, site_url: str = "") -> Path:
    """A strict build in a fresh process, as `make site` runs it.

    MkDocs keeps plugin instances between builds of one process, and the
    blog plugin's temporary folder does not survive that, so builds beyond
    conftest's `built_site` run in their own process.
    """
    site = project / "site"
    env = os.environ | {"SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        "mkdocs.yml",
        "-d",
        str(site),
    ]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def timed_site(tmp_path_factory) -> Path:
    """The project with the timed test programme, built with a site_url."""
    copy = copy_project(tmp_path_factory.mktemp("timed") / "project")
    (copy / "data" / "programme.yml").write_text(TIMED, encoding="utf-8")
    return cli_build(copy, site_url=SITE_URL)


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------


def test_programme_page_labels_times_and_is_complete_without_javascript(built_site):
    doc = page(built_site, "programme/index.html")
    assert text(doc.cssselect("h1")[0]).startswith("Programme")
    banner = text(doc.cssselect(".sse-conference-banner")[0])
    assert "Held · Hybrid (in person and online)" in banner
    assert "Held on 22 September 2020, after it was planned for July 2020." in banner
    # No time is known: no time columns, and what is not documented is said
    # once for the day instead of in every cell
    headers = [text(th) for th in doc.cssselect("table.sse-programme thead th")]
    assert headers == ["Session"]
    rows = doc.cssselect("table.sse-programme tbody tr")
    assert [text(r.cssselect(".sse-session-link")[0]) for r in rows] == [
        "Opening speeches",
        "Session 1",
        "Session 2",
        "Session 3",
    ]
    (gaps,) = doc.cssselect(".sse-day-gaps")
    assert text(gaps) == (
        "Not documented yet: the titles of Session 1, Session 2 and Session 3, "
        "the times and the rooms."
    )
    assert "to be confirmed" not in text(doc.cssselect("article")[0]).lower()
    assert "Vic Van Vuuren, Insun Kim, Honglim Ruy" in text(rows[0])
    # Nothing to switch while no time is known.
    assert not doc.cssselect("[data-sse-tz-switch]")
    facts = {
        text(d): text(v) for d, v in zip(doc.cssselect("dt"), doc.cssselect("dd"), strict=True)
    }
    assert facts["Stream or meeting link"] == "None published"
    assert facts["Place"].startswith("Seoul, Republic of Korea")
    assert facts["Place"].endswith("The building is not documented.")
    for link in doc.cssselect(".sse-downloads a"):
        assert (built_site / "programme" / link.get("href")).is_file()
    data = jsonld(doc)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2020-07"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_home_page_shows_the_same_status_banner(built_site):
    doc = page(built_site, "index.html")
    (banner,) = doc.cssselect(".sse-conference-banner")
    assert "Held on 22 September 2020, after it was planned for July 2020." in text(banner)
    links = {text(a): a.get("href") for a in banner.cssselect("a")}
    assert links == {"Programme": "programme/", "What changed": "programme/changes/"}


def test_session_page_has_talks_speakers_and_a_calendar_file(built_site):
    doc = page(built_site, "programme/sessions/opening/index.html")
    talks = doc.cssselect(".sse-talks > li")
    assert [text(t.cssselect(".sse-talk__speakers a")[0]) for t in talks] == [
        "Vic Van Vuuren",
        "Insun Kim",
        "Honglim Ruy",
    ]
    assert talks[0].cssselect("a")[0].get("href") == "../../speakers/#vic-van-vuuren"
    (ics_link,) = doc.cssselect(".sse-add-to-calendar a")
    calendar = Calendar.from_ical(
        (built_site / "programme/sessions/opening" / ics_link.get("href")).read_bytes()
    )
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Opening speeches"]
    assert jsonld(doc)["superEvent"]["@id"] == "../../#conference"
    facts = {
        text(d): text(v) for d, v in zip(doc.cssselect("dt"), doc.cssselect("dd"), strict=True)
    }
    assert "Chair" not in facts
    (gaps,) = doc.cssselect(".sse-session-gaps")
    assert text(gaps) == "Not documented yet: its time, room, chair and abstract."


def test_speakers_and_changes_pages(built_site):
    doc = page(built_site, "programme/speakers/index.html")
    assert [h.get("id") for h in doc.cssselect("article h2")] == [
        "vic-van-vuuren",
        "insun-kim",
        "honglim-ruy",
    ]
    doc = page(built_site, "programme/changes/index.html")
    entries = [text(li) for li in doc.cssselect(".sse-history > li")]
    assert [text(li.cssselect("strong")[0]) for li in doc.cssselect(".sse-history > li")] == [
        "Scheduled",
        "Postponed",
        "Rescheduled",
        "Held",
    ]
    assert sum("Date not documented" in e for e in entries) == 0
    assert "Current" in entries[-1]


def test_study_page_says_where_it_was_presented(built_site):
    doc = page(built_site, "countries/korea/index.html")
    (heading,) = [
        h for h in doc.cssselect("h2") if text(h).startswith("At the research conference")
    ]
    note = heading.getnext()
    assert "is not documented yet" in text(note)
    assert note.cssselect("a")[0].get("href") == "../../programme/"


def test_nav_has_the_conference_section(built_site):
    home = page(built_site, "index.html")
    assert "Research conference" in [text(a) for a in home.cssselect("nav.md-tabs a")]
    doc = page(built_site, "programme/index.html")
    labels = [text(a) for a in doc.cssselect("nav.md-nav--primary a")]
    assert "Speakers" in labels and "What changed" in labels


def test_real_exports_validate(built_site):
    assert_valid_xml((built_site / "programme/schedule.xml").read_bytes())
    assert_valid_json((built_site / "programme/schedule.json").read_text(encoding="utf-8"))
    calendar = Calendar.from_ical((built_site / "programme/programme.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 5


def test_two_builds_give_byte_identical_exports_and_pages(built_site, tmp_path):
    again = cli_build(copy_project(tmp_path / "project"))
    first = sorted(
        p.relative_to(built_site) for p in (built_site / "programme").rglob("*") if p.is_file()
    )
    second = sorted(p.relative_to(again) for p in (again / "programme").rglob("*") if p.is_file())
    assert first == second
    assert len([p for p in first if p.suffix in (".ics", ".xml", ".json")]) == 7
    for path in first:
        assert (built_site / path).read_bytes() == (again / path).read_bytes(), path


# -----------------------------------------------------------------------------
# The timed test programme
# -----------------------------------------------------------------------------


def test_timed_programme_shows_conference_time_and_utc_with_day_markers(timed_site):
    doc = page(timed_site, "programme/index.html")
    (switch,) = doc.cssselect("[data-sse-tz-switch]")
    assert switch.get("hidden") is not None  # shown only by the script
    rows = {r.get("id"): r for r in doc.cssselect("table.sse-programme tbody tr")}
    early = rows["session-early"]
    assert text(early.cssselect(".sse-col-time [data-sse-conference]")[0]) == "08:00–09:30"
    assert text(early.cssselect(".sse-col-utc")[0]) == "23:00 −1 day–00:30"
    assert early.get("data-start") == "2020-09-22T08:00:00+09:00"
    evening = rows["session-evening"]
    assert text(evening.cssselect(".sse-col-time [data-sse-conference]")[0]) == "23:30–00:30 +1 day"
    assert text(evening.cssselect(".sse-col-utc")[0]) == "14:30–15:30"
    assert "sse-cancelled" in rows["session-dropped"].get("class")
    assert "Time not documented yet" in text(rows["session-later"])
    assert [text(h).rstrip("¶") for h in doc.cssselect("article h2")][:2] == [
        "Tuesday 22 September 2020",
        "Wednesday 23 September 2020",
    ]
    data = jsonld(doc)
    assert data["url"] == SITE_URL + "programme/"


def test_timed_exports_have_absolute_urls_and_validate(timed_site):
    document = assert_valid_xml((timed_site / "programme/schedule.xml").read_bytes())
    assert document.findtext(".//event/url") == SITE_URL + "programme/sessions/early/"
    assert_valid_json((timed_site / "programme/schedule.json").read_text(encoding="utf-8"))
    calendar = Calendar.from_ical((timed_site / "programme/programme.ics").read_bytes())
    statuses = {str(e["SUMMARY"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert statuses["Dropped session"] == "CANCELLED"


def test_timed_cross_links_between_speakers_sessions_and_studies(timed_site):
    korea = page(timed_site, "countries/korea/index.html")
    assert [text(a) for a in korea.cssselect(".sse-presentations a")] == ["Early session"]
    japan = page(timed_site, "countries/japan/index.html")
    assert "Late talk, presented by Ana Example" in text(japan.cssselect(".sse-presentations")[0])
    speakers = page(timed_site, "programme/speakers/index.html")
    ana = speakers.cssselect("#ana")[0].getnext()
    assert "Early session (Chair)" in text(ana) and "Evening session (Speaker)" in text(ana)
    assert [a.get("href") for a in ana.cssselect("dd a")][-1] == "../../countries/japan/"
    dropped = page(timed_site, "programme/sessions/dropped/index.html")
    assert "This session is cancelled" in text(dropped.cssselect(".admonition.danger")[0])
    changes = page(timed_site, "programme/changes/index.html")
    assert [text(li).split(":")[0] for li in changes.cssselect(".sse-changes li")] == [
        "15 September 2020, Dropped session",
        "10 September 2020, Evening session",
        "1 September 2020, Evening session",
    ]
