"""The frab/pentabarf `schedule.xml` export, valid against the c3voc XSD.

Made with ElementTree, so that it is byte-identical for the same data; see
`schedule` for which sessions are exported.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .. import time as ptime
from ..links import (
    PROGRAMME,
    SCHEDULE_XML,
    absolute,
    guid,
    numeric_id,
    session_guid,
    session_uri,
)
from ..model import Programme, Session
from ..vocabulary import KIND_LABELS
from .schedule import (
    GENERATOR,
    LANGUAGE,
    TIMESLOT,
    duration,
    room_guid,
    schedule_days,
    sessions_by_room,
    slug,
    version,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# schedule.xml accepts a slug of this shape only (XSD `voc-slug-new`); it is
# optional there, so a session id too short for it just goes without.
FRAB_SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def schedule_xml(programme: Programme, site_url: str | None) -> bytes:
    """frab/pentabarf schedule.xml, valid against the c3voc XSD."""
    conference = programme.conference
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR)
    if site_url:
        ET.SubElement(root, "url").text = absolute(site_url, SCHEDULE_XML)
    ET.SubElement(root, "version").text = version(programme)
    head = ET.SubElement(root, "conference")
    _text(head, "title", conference.title)
    _text(head, "acronym", conference.acronym)
    _text(head, "start", conference.start_date.isoformat())
    _text(head, "end", conference.end_date.isoformat())
    _text(head, "days", str(len(conference.days)))
    _text(head, "timeslot_duration", TIMESLOT)
    if site_url:
        _text(head, "base_url", site_url.rstrip("/") + "/")
        _text(head, "url", absolute(site_url, PROGRAMME))
    _text(head, "time_zone_name", conference.timezone)
    for day in schedule_days(programme):
        element = ET.SubElement(
            root,
            "day",
            index=str(day["index"]),
            date=day["date"].isoformat(),
            start=ptime.iso(day["start"]),
            end=ptime.iso(day["end"]),
        )
        for room_name, sessions in sessions_by_room(programme, day["sessions"]):
            room = ET.SubElement(
                element, "room", name=room_name, guid=str(room_guid(programme, sessions[0]))
            )
            for session in sessions:
                _xml_event(room, programme, session, room_name, site_url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _xml_event(parent, programme: Programme, session: Session, room: str, site_url) -> None:
    value = session_guid(programme, session)
    event = ET.SubElement(parent, "event", id=str(numeric_id(value)), guid=str(value))
    _text(event, "room", room)
    _text(event, "title", session.name)
    _text(event, "type", session.kind)
    _text(event, "date", ptime.iso(session.start))
    _text(event, "start", f"{session.start:%H:%M}")
    _text(event, "duration", duration(session))
    _text(event, "abstract", session.abstract)
    if FRAB_SLUG.fullmatch(slug(programme, session)):
        _text(event, "slug", slug(programme, session))
    _text(event, "track", KIND_LABELS[session.kind])
    _text(event, "language", LANGUAGE)
    persons = ET.SubElement(event, "persons")
    for person_id in session.people:
        person = programme.person(person_id)
        ET.SubElement(
            persons, "person", guid=str(guid(programme, "person", person_id))
        ).text = person.name
    if site_url:
        _text(event, "url", absolute(site_url, session_uri(session.id)))


def _text(parent, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text
