"""The c3voc `schedule.json` export, valid against its JSON Schema.

Made with the json serializer, so that it is byte-identical for the same data;
see `schedule` for which sessions are exported.
"""

from __future__ import annotations

import json

from ...core.urls import study_uri
from .. import time as ptime
from ..links import (
    PROGRAMME,
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

C3VOC_SCHEMA = "https://c3voc.de/schedule/schema.json"

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def schedule_json(programme: Programme, site_url: str | None) -> str:
    """c3voc schedule.json, valid against its JSON Schema."""
    conference = programme.conference
    days = schedule_days(programme)
    rooms: dict[str, dict] = {}
    json_days = []
    for day in days:
        by_room = {}
        for room_name, sessions in sessions_by_room(programme, day["sessions"]):
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
    schedule: dict = {"version": version(programme)}
    if site_url:
        schedule["base_url"] = site_url.rstrip("/") + "/"
    schedule["conference"] = head
    document = {"$schema": C3VOC_SCHEMA, "generator": {"name": GENERATOR}, "schedule": schedule}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _json_event(programme: Programme, session: Session, room: str, site_url) -> dict:
    value = session_guid(programme, session)
    url = absolute(site_url, session_uri(session.id)) or value.urn
    return {
        "guid": str(value),
        "id": numeric_id(value),
        "date": ptime.iso(session.start),
        "start": f"{session.start:%H:%M}",
        "end": ptime.iso(session.end),
        "duration": duration(session),
        "room": room,
        "slug": slug(programme, session),
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
    room = {"name": name, "guid": str(room_guid(programme, session))}
    known = programme.room(session.room) if session.room else None
    if known is not None and known.kind == "online":
        room["type"] = "online"
    return room
