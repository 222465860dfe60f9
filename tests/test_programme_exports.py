"""Every export parses back and validates: ICS, frab XML, c3voc JSON, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar
from lxml import etree
from programme_fixtures import TIMED, load
from ssesite.programme import links as programme_links
from ssesite.programme.exports import c3voc, frab, ics, jsonld

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SITE = "https://example.org/sse/"
OFFSET = re.compile(r"\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


@pytest.fixture
def timed(tmp_path):
    programme, problems = load(TIMED, tmp_path)
    assert problems == []
    return programme


def xsd():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "frab-schedule.xsd")))


def c3voc_validator():
    schema = json.loads((SCHEMAS / "c3voc-schedule.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid_xml(data: bytes):
    schema = xsd()
    document = etree.fromstring(data)
    assert schema.validate(document), schema.error_log
    return document


def assert_valid_json(text: str):
    data = json.loads(text)
    errors = list(c3voc_validator().iter_errors(data))
    assert errors == [], [e.message for e in errors]
    return data


# -----------------------------------------------------------------------------
# iCalendar
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("site_url", [SITE, ""])
def test_programme_ics_parses_back_with_timezone_uids_sequence_status(timed, site_url):
    calendar = Calendar.from_ical(ics.programme_ics(timed, site_url))
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Asia/Seoul"]
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 1 + len(timed.sessions)
    for session in timed.sessions:
        event = events[str(programme_links.session_guid(timed, session))]
        assert event["SEQUENCE"] == session.sequence
        assert event.decoded("DTSTAMP") == dt.datetime(2020, 9, 20, tzinfo=dt.UTC)
        assert str(event["STATUS"]) == ("CANCELLED" if session.cancelled else "CONFIRMED")
        if session.timed:
            assert event["DTSTART"].params["TZID"] == "Asia/Seoul"
            assert event.decoded("DTSTART") == session.start
            assert event.decoded("DTEND") == session.end
        else:
            assert event.decoded("DTSTART") == session.day  # all-day while to be confirmed
            assert "Time to be confirmed" in str(event["DESCRIPTION"])
        if site_url:
            assert str(event["URL"]) == f"{SITE}programme/sessions/{session.id}/"
        else:
            assert "URL" not in event
    evening = events[str(programme_links.session_guid(timed, timed.session("evening")))]
    assert evening.decoded("DTEND").astimezone(dt.UTC) == dt.datetime(
        2020, 9, 22, 15, 30, tzinfo=dt.UTC
    )
    conference = events[str(programme_links.conference_guid(timed))]
    assert conference["SEQUENCE"] == 2  # two recorded changes after the first plan
    assert conference.decoded("DTSTART") == dt.date(2020, 9, 22)
    assert conference.decoded("DTEND") == dt.date(2020, 9, 24)


def test_session_ics_has_one_event_and_a_stable_uid(timed, tmp_path):
    session = timed.session("evening")
    calendar = Calendar.from_ical(ics.session_ics(timed, session, SITE))
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == str(
        uuid.uuid5(programme_links.NAMESPACE, "test2020/session/evening")
    )
    assert event["SEQUENCE"] == 2
    assert calendar.walk("VTIMEZONE")
    # Retitling and moving the session keeps its UID: calendars update it.
    text = TIMED.replace("title: Evening session", "title: Renamed").replace(
        '"2020-09-22 23:30"', '"2020-09-22 22:30"'
    )
    again, _ = load(text, tmp_path)
    moved = Calendar.from_ical(ics.session_ics(again, again.session("evening"), SITE))
    assert str(moved.walk("VEVENT")[0]["UID"]) == str(event["UID"])


# -----------------------------------------------------------------------------
# frab schedule.xml and c3voc schedule.json
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("site_url", [SITE, ""])
def test_schedule_xml_validates_against_the_shipped_xsd(timed, site_url):
    document = assert_valid_xml(frab.schedule_xml(timed, site_url))
    events = document.findall(".//event")
    # Timed, not cancelled: 'later' has no time, 'dropped' is cancelled.
    assert [e.findtext("slug") for e in events] == ["test2020-early", "test2020-evening"]
    early = events[0]
    assert early.get("guid") == str(programme_links.session_guid(timed, timed.session("early")))
    assert early.findtext("date") == "2020-09-22T08:00:00+09:00"
    assert early.findtext("duration") == "01:30"
    assert [p.text for p in early.findall("persons/person")] == ["Ana Example", "Bo Example"]
    days = document.findall("day")
    for day in days:
        assert OFFSET.search(day.get("start")) and OFFSET.search(day.get("end"))
    for element in document.iter("date"):
        assert OFFSET.search(element.text)
    assert (early.findtext("url") or "") == (f"{SITE}programme/sessions/early/" if site_url else "")


@pytest.mark.parametrize("site_url", [SITE, ""])
def test_schedule_json_validates_against_the_shipped_schema(timed, site_url):
    data = assert_valid_json(c3voc.schedule_json(timed, site_url))
    conference = data["schedule"]["conference"]
    assert conference["time_zone_name"] == "Asia/Seoul"
    assert conference["daysCount"] == 2
    day = conference["days"][0]
    assert day["day_start"] == "2020-09-22T00:00:00+09:00"
    # The evening session runs past midnight: the day ends with it.
    assert day["day_end"] == "2020-09-23T00:30:00+09:00"
    events = [e for rooms in day["rooms"].values() for e in rooms]
    assert {e["slug"] for e in events} == {"test2020-early", "test2020-evening"}
    for event in events:
        assert OFFSET.search(event["date"]) and OFFSET.search(event["end"])
        uuid.UUID(event["guid"])
        if not site_url:
            assert event["url"] == f"urn:uuid:{event['guid']}"
    assert {r["name"]: r.get("type") for r in conference["rooms"]} == {
        "Main hall": None,
        "Online stream": "online",
    }


def test_schedules_carry_the_real_offset_on_each_side_of_a_dst_change(tmp_path):
    from test_programme_validation import berlin

    text = berlin("2021-10-31 01:00", "2021-10-31 04:00", "2021-10-31")
    programme, problems = load(text, tmp_path)
    assert problems == []
    data = assert_valid_json(c3voc.schedule_json(programme, ""))
    (event,) = data["schedule"]["conference"]["days"][0]["rooms"]["Seoul (room to be confirmed)"]
    assert event["date"] == "2021-10-31T01:00:00+02:00"
    assert event["end"] == "2021-10-31T04:00:00+01:00"
    assert event["duration"] == "04:00"  # real elapsed time, not the wall-clock difference
    assert_valid_xml(frab.schedule_xml(programme, ""))


# -----------------------------------------------------------------------------
# JSON-LD
# -----------------------------------------------------------------------------


def test_conference_jsonld_is_rescheduled_mixed_with_place_and_virtual_location(timed):
    data = jsonld.conference_jsonld(timed, SITE, programme_links.PROGRAMME)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2020-07"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [loc["@type"] for loc in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][1]["url"] == "https://example.org/live"
    assert len(data["subEvent"]) == len(timed.sessions)
    for sub in data["subEvent"]:
        assert sub["superEvent"]["@id"] == data["@id"] == f"{SITE}programme/#conference"
    early = data["subEvent"][0]
    assert early["startDate"] == "2020-09-22T08:00:00+09:00"
    assert early["performer"] == [{"@type": "Person", "name": "Bo Example"}]
    dropped = next(s for s in data["subEvent"] if s["name"] == "Dropped session")
    assert dropped["eventStatus"] == "https://schema.org/EventCancelled"


def test_previous_start_date_only_with_event_rescheduled(tmp_path):
    text = TIMED.replace("status: rescheduled", "status: postponed")
    programme, _ = load(text, tmp_path)
    data = jsonld.conference_jsonld(programme, "", programme_links.PROGRAMME)
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert "previousStartDate" not in data


def test_session_jsonld_and_script_escaping(timed):
    session = timed.session("early")
    data = jsonld.session_jsonld(timed, session, "")
    assert data["superEvent"]["@id"] == "../../#conference"  # relative without site_url
    text = jsonld.script_text({"name": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><b>&"}
