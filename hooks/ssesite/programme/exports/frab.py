"""Schedule exports for conference apps: frab `schedule.xml`, c3voc `schedule.json`.

Both formats need a start time and a duration for every event, so only
sessions with times are exported as events; sessions whose time is to be
confirmed (and cancelled ones, which schedule apps drop) are left out rather
than given invented times. Every date-time carries its UTC offset, GUIDs are
uuid5 of the ids, and both documents are written with real serializers
(ElementTree, json) so that they are byte-identical for the same data.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

from . import programme_time as ptime
from .programme import KIND_LABELS, Programme, Session
from .programme_links import (
    PROGRAMME,
    SCHEDULE_XML,
    absolute,
    guid,
    numeric_id,
    session_guid,
    session_uri,
)
from .urls import study_uri

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

C3VOC_SCHEMA = "https://c3voc.de/schedule/schema.json"
GENERATOR = "sse-asia-site"
TIMESLOT = "00:05"
LANGUAGE = "en"
# schedule.xml accepts a slug of this shape only (XSD `voc-slug-new`); it is
# optional there, so a session id too short for it just goes without.
FRAB_SLUG = re.compile(r"[a-z0-9_]{4,}-[a-z0-9\-_]{4,}")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def schedule_days(programme: Programme) -> list[dict]:
    """Per conference day: index, date, start/end (aware) and its exported sessions."""
    conference = programme.conference
    tz = conference.tz
    days = []
    for index, day in enumerate(conference.days, start=1):
        sessions = [s for s in programme.ordered(day) if s.timed and not s.cancelled]
        start = _midnight(day, tz)
        end = _midnight(day + dt.timedelta(days=1), tz)
        if sessions:
            start = min([start, *(s.start for s in sessions)], key=_instant)
            end = max([end, *(s.end for s in sessions)], key=_instant)
        days.append({"index": index, "date": day, "start": start, "end": end, "sessions": sessions})
    return days


def schedule_xml(programme: Programme, site_url: str | None) -> bytes:
    """frab/pentabarf schedule.xml, valid against the c3voc XSD."""
    conference = programme.conference
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=GENERATOR)
    if site_url:
        ET.SubElement(root, "url").text = absolute(site_url, SCHEDULE_XML)
    ET.SubElement(root, "version").text = _version(programme)
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
        for room_name, sessions in _by_room(programme, day["sessions"]):
            room = ET.SubElement(
                element, "room", name=room_name, guid=str(_room_guid(programme, sessions[0]))
            )
            for session in sessions:
                _xml_event(room, programme, session, room_name, site_url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def schedule_json(programme: Programme, site_url: str | None) -> str:
    """c3voc schedule.json, valid against its JSON Schema."""
    conference = programme.conference
    days = schedule_days(programme)
    rooms: dict[str, dict] = {}
    json_days = []
    for day in days:
        by_room = {}
        for room_name, sessions in _by_room(programme, day["sessions"]):
            rooms.setdefault(room_name, _json_room(programme, sessions[0], room_name))
            by_room[room_name] = [_json_event(programme, s, room_name, site_url) for s in sessions]
        json_days.append(
            {
                "index": day["index"],
                "date": day["date"].isoformat(),
                "day_start": ptime.iso(day["start"]),
                "day_end": ptime.iso(day["end"]),
                "rooms": by_room,
            }
        )
    head = {
        "acronym": conference.acronym,
        "title": conference.title,
        "start": conference.start_date.isoformat(),
        "end": conference.end_date.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": TIMESLOT,
        "time_zone_name": conference.timezone,
        "rooms": list(rooms.values()),
        "days": json_days,
    }
    if site_url:
        head["url"] = absolute(site_url, PROGRAMME)
    schedule: dict = {"version": _version(programme)}
    if site_url:
        schedule["base_url"] = site_url.rstrip("/") + "/"
    schedule["conference"] = head
    document = {"$schema": C3VOC_SCHEMA, "generator": {"name": GENERATOR}, "schedule": schedule}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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
    _text(event, "duration", _duration(session))
    _text(event, "abstract", session.abstract)
    if FRAB_SLUG.fullmatch(_slug(programme, session)):
        _text(event, "slug", _slug(programme, session))
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


def _json_event(programme: Programme, session: Session, room: str, site_url) -> dict:
    value = session_guid(programme, session)
    url = absolute(site_url, session_uri(session.id)) or value.urn
    return {
        "guid": str(value),
        "id": numeric_id(value),
        "date": ptime.iso(session.start),
        "start": f"{session.start:%H:%M}",
        "end": ptime.iso(session.end),
        "duration": _duration(session),
        "room": room,
        "slug": _slug(programme, session),
        "url": url,
        "title": session.name,
        "subtitle": None,
        "track": KIND_LABELS[session.kind],
        "type": session.kind,
        "language": LANGUAGE,
        "abstract": session.abstract or None,
        "persons": [
            {
                "name": programme.person(p).name,
                "guid": str(guid(programme, "person", p)),
                "biography": programme.person(p).bio or None,
            }
            for p in session.people
        ],
        "links": _json_links(programme, session, site_url),
    }


def _json_links(programme: Programme, session: Session, site_url) -> list[dict]:
    if not site_url:
        return []
    slugs = []
    for talk in session.talks:
        if talk.study and talk.study not in slugs:
            slugs.append(talk.study)
    return [{"type": "related", "url": absolute(site_url, study_uri(s))} for s in slugs]


def _json_room(programme: Programme, session: Session, name: str) -> dict:
    room = {"name": name, "guid": str(_room_guid(programme, session))}
    known = programme.room(session.room) if session.room else None
    if known is not None and known.kind == "online":
        room["type"] = "online"
    return room


def _by_room(programme: Programme, sessions: list[Session]) -> list[tuple[str, list[Session]]]:
    groups: dict[str, list[Session]] = {}
    for session in sessions:
        groups.setdefault(_room_name(programme, session), []).append(session)
    return list(groups.items())


def _room_name(programme: Programme, session: Session) -> str:
    room = programme.room(session.room) if session.room else None
    if room is not None:
        return room.name
    return f"{programme.conference.venue.city} (room to be confirmed)"


def _room_guid(programme: Programme, session: Session):
    return guid(programme, "room", session.room or "unassigned")


def _slug(programme: Programme, session: Session) -> str:
    return f"{programme.conference.acronym}-{session.id}"


def _duration(session: Session) -> str:
    minutes = int((_instant(session.end) - _instant(session.start)).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _version(programme: Programme) -> str:
    return programme.updated.isoformat().replace("+00:00", "Z")


def _midnight(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    # Local midnight may not exist (some zones change clocks at 00:00); the
    # round trip through UTC gives the real instant the day starts at.
    local = dt.datetime.combine(day, dt.time(0, 0))
    return ptime.in_zone(ptime.to_utc(local, tz), tz)


def _instant(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(ptime.UTC)


def _text(parent, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text
