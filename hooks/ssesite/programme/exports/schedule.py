"""What the frab and c3voc schedule exports share: days, rooms, slugs, durations.

Both formats need a start time and a duration for every event, so only
sessions with times are exported as events; sessions whose time is to be
confirmed (and cancelled ones, which schedule apps drop) are left out rather
than given invented times. Every date-time carries its UTC offset and GUIDs
are uuid5 of the ids.
"""

from __future__ import annotations

import datetime as dt

from .. import time as ptime
from ..links import (
    guid,
)
from ..model import Programme, Session

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

GENERATOR = "sse-asia-site"

TIMESLOT = "00:05"

LANGUAGE = "en"

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
        start = midnight(day, tz)
        end = midnight(day + dt.timedelta(days=1), tz)
        if sessions:
            start = min([start, *(s.start for s in sessions)], key=instant)
            end = max([end, *(s.end for s in sessions)], key=instant)
        days.append({"index": index, "date": day, "start": start, "end": end, "sessions": sessions})
    return days


def sessions_by_room(
    programme: Programme, sessions: list[Session]
) -> list[tuple[str, list[Session]]]:
    groups: dict[str, list[Session]] = {}
    for session in sessions:
        groups.setdefault(session_room_name(programme, session), []).append(session)
    return list(groups.items())


def session_room_name(programme: Programme, session: Session) -> str:
    room = programme.room(session.room) if session.room else None
    if room is not None:
        return room.name
    return f"{programme.conference.venue.city} (room to be confirmed)"


def room_guid(programme: Programme, session: Session):
    return guid(programme, "room", session.room or "unassigned")


def slug(programme: Programme, session: Session) -> str:
    return f"{programme.conference.acronym}-{session.id}"


def duration(session: Session) -> str:
    minutes = int((instant(session.end) - instant(session.start)).total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def version(programme: Programme) -> str:
    return programme.updated.isoformat().replace("+00:00", "Z")


def midnight(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    # Local midnight may not exist (some zones change clocks at 00:00); the
    # round trip through UTC gives the real instant the day starts at.
    local = dt.datetime.combine(day, dt.time(0, 0))
    return ptime.in_zone(ptime.to_utc(local, tz), tz)


def instant(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(ptime.UTC)
