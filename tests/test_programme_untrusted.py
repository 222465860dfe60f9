"""Programme details the issue found wrong, in one real build.

A talk cancelled on its own, a person who chairs and speaks, the count of
sessions with known times leaving out a cancelled one, a held conference's
banner, and `lang` on a name in Hangul. (Synthetic people, clearly fake.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site, copy_project
from lxml import html

SESSIONS = """  - id: session-1
    label: Session 1
    kind: session
    date: 2020-09-22
  - id: session-2
    label: Session 2
    kind: session
    date: 2020-09-22
  - id: session-3
    label: Session 3
    kind: session
    date: 2020-09-22
"""
EDITED = """  - id: session-1
    label: Session 1
    kind: session
    start: "2020-09-22 14:00"
    end: "2020-09-22 15:30"
    chair: test-chair
    talks:
      - title: A talk that goes ahead
        speakers: [test-chair]
      - title: A talk that was dropped
        speakers: [test-speaker]
        cancelled: true
    history:
      - recorded: 2020-09-20
        change: speakers-changed
        note: The second talk was cancelled.
  - id: session-2
    label: Session 2
    kind: session
    start: "2020-09-22 16:00"
    end: "2020-09-22 17:00"
  - id: session-3
    label: Session 3
    kind: session
    date: 2020-09-22
    history:
      - recorded: 2020-09-20
        change: cancelled
        note: Cancelled for the test.
"""
PEOPLE = """people:
  - id: test-chair
    name: Test Chair
    affiliation: Example University
  - id: test-speaker
    name: 김테스트
    affiliation: Example University
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("programme") / "project")
    path = root / "data" / "programme.yml"
    text = path.read_text(encoding="utf-8")
    assert SESSIONS in text and "people:\n" in text
    text = text.replace(SESSIONS, EDITED).replace("people:\n", PEOPLE, 1)
    path.write_text(text, encoding="utf-8")
    return build_site(root, tmp_path_factory.mktemp("programme-site"))


def parse(site: Path, path: str):
    return html.parse(str(site / path / "index.html")).getroot()


def test_a_talk_is_cancelled_on_its_own(site: Path):
    talks = parse(site, "programme/sessions/session-1").cssselect("ol.sse-talks > li")
    assert [t.get("class") for t in talks] == [None, "sse-cancelled"]
    assert "Cancelled" in talks[1].text_content()
    assert "Cancelled" not in talks[0].text_content()
    # Unfolded (RFC 5545 folds long lines with CRLF and a space)
    ics = (site / "programme" / "programme.ics").read_bytes().decode("utf-8")
    assert "A talk that was dropped (김테스트) (cancelled)" in ics.replace("\r\n ", "")


def test_a_person_who_chairs_and_speaks_is_listed_as_both(site: Path):
    doc = parse(site, "programme/speakers")
    entry = doc.get_element_by_id("test-chair").getparent()
    notes = [n.text_content() for n in doc.cssselect("span.sse-note")]
    assert "(Chair and speaker)" in notes
    assert entry is not None


def test_the_count_of_timed_sessions_leaves_out_a_cancelled_one(site: Path):
    text = parse(site, "programme").text_content()
    # opening (date only), session-1 and session-2 (timed), session-3 (cancelled)
    assert "whose times are known (2 of 3)" in " ".join(text.split())


def test_a_held_conference_says_so(site: Path):
    banner = " ".join(parse(site, "programme").cssselect(".admonition")[0].text_content().split())
    assert "Held on 22 September 2020" in banner
    assert "Rescheduled" not in banner


def test_a_name_in_hangul_carries_its_language(site: Path):
    doc = parse(site, "programme/sessions/session-1")
    link = next(a for a in doc.cssselect(".sse-talk__speakers a") if a.text_content() == "김테스트")
    assert link.get("lang") == "ko"
    heading = parse(site, "programme/speakers").get_element_by_id("test-speaker")
    assert heading.get("lang") == "ko"
