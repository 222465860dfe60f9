"""iCalendar exports: `programme.ics` and one `.ics` per session.

Built with the icalendar library. Timed sessions carry TZID of the conference
timezone plus its VTIMEZONE, so calendars show the right time everywhere and
across DST. Sessions whose time is to be confirmed are all-day entries on
their date (the date is known, the hour is not) that say so. UIDs come from
ids, SEQUENCE counts the recorded changes so calendars update the entry
instead of adding a second one, cancelled sessions stay in with
STATUS:CANCELLED, and DTSTAMP is the data's `updated`, never the clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from typing import TYPE_CHECKING

from ..links import (
    PROGRAMME,
    absolute,
    conference_guid,
    guid,
    session_guid,
    session_uri,
)
from ..model import Programme, Session
from ..vocabulary import KIND_LABELS, STATUS_LABELS, TO_BE_CONFIRMED

if TYPE_CHECKING:
    from icalendar import Event

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

PRODID = "-//SSE Policy in Asia//Conference programme//EN"

# The VTIMEZONE covers a year either side of the conference, as pretalx does:
# enough for every date in the file, without decades of rules.
MARGIN = dt.timedelta(days=366)

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def programme_ics(programme: Programme, site_url: str | None) -> bytes:
    """The whole programme: the conference as an all-day entry, then every session."""
    events = [conference_event(programme, site_url).to_ical()]
    events += [_session_event_ical(programme, s, site_url) for s in programme.ordered()]
    calendar_uid = guid(programme, "calendar")
    return _calendar(programme, calendar_uid, programme.conference.title, events)


def session_ics(programme: Programme, session: Session, site_url: str | None) -> bytes:
    """One session, for an add-to-calendar link."""
    name = f"{session.name} — {programme.conference.title}"
    calendar_uid = guid(programme, "calendar", session.id)
    events = [_session_event_ical(programme, session, site_url)]
    return _calendar(programme, calendar_uid, name, events)


def conference_event(programme: Programme, site_url: str | None) -> Event:
    """The conference itself: all-day on its dates, with its status history counted."""
    conference = programme.conference
    lines = [f"Status: {STATUS_LABELS[conference.status]}. {conference.history[-1].note}"]
    if conference.organisers:
        lines.append("Organised by " + ", ".join(conference.organisers) + ".")
    return _icalendar().Event.new(
        uid=str(conference_guid(programme)),
        summary=_one_line(conference.title),
        start=conference.start_date,
        end=conference.end_date + dt.timedelta(days=1),
        stamp=programme.updated,
        sequence=conference.changes,
        status="CANCELLED" if conference.status == "cancelled" else "CONFIRMED",
        location=_place(programme),
        description="\n".join(lines),
        url=absolute(site_url, PROGRAMME) or None,
    )


def session_event(programme: Programme, session: Session, site_url: str | None) -> Event:
    """One session: timed in the conference timezone, or all-day while to be confirmed."""
    if session.timed:
        start, end = session.start, session.end
    else:
        start, end = session.day, session.day + dt.timedelta(days=1)
    return _icalendar().Event.new(
        uid=str(session_guid(programme, session)),
        summary=_one_line(session.name),
        start=start,
        end=end,
        stamp=programme.updated,
        sequence=session.sequence,
        status="CANCELLED" if session.cancelled else "CONFIRMED",
        location=_place(programme, session),
        description=_description(programme, session),
        categories=[KIND_LABELS[session.kind]],
        related_to=str(conference_guid(programme)),
        url=absolute(site_url, session_uri(session.id)) or None,
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _calendar(programme: Programme, uid, name: str, events: list[bytes]) -> bytes:
    """A VCALENDAR with the conference's VTIMEZONE and `events` (each an event's iCalendar).

    The bytes are those of the icalendar library's `Calendar.to_ical()` with
    the time zone and the events added as components: a component's content
    lines are the same inside a calendar as on their own, so the time zone and
    each session are serialised once per process, not once per file.
    """
    conference = programme.conference
    calendar = _icalendar().Calendar.new(
        prodid=PRODID,
        name=_one_line(name),
        uid=str(uid),
    )
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", conference.timezone)
    head = calendar.to_ical()
    assert head.endswith(_END_CALENDAR)
    timezone = _vtimezone_ical(
        conference.timezone, conference.start_date - MARGIN, conference.end_date + MARGIN
    )
    return b"".join([head[: -len(_END_CALENDAR)], timezone, *events, _END_CALENDAR])


_END_CALENDAR = b"END:VCALENDAR\r\n"


def _session_event_ical(programme: Programme, session: Session, site_url: str | None) -> bytes:
    """`session_event(...).to_ical()`, made once per programme, session and address."""
    # Kept on the programme, whose data it is made from (Project.study_at does the same)
    made = programme.__dict__.setdefault("_ics_events", {})
    key = (session.id, site_url)
    if key not in made:
        made[key] = session_event(programme, session, site_url).to_ical()
    return made[key]


@functools.lru_cache(maxsize=8)
def _vtimezone_ical(tzid: str, first: dt.date, last: dt.date) -> bytes:
    # Building a VTIMEZONE walks the zone's transitions: slow, and the same for
    # every calendar file of a build, so it is made once and reused.
    return _icalendar().Timezone.from_tzid(tzid, first_date=first, last_date=last).to_ical()


def _icalendar():
    # Imported on first use (it is slow to import): calendars are made in
    # worker processes, so a build served from the content cache never loads
    # it in the build process.
    return importlib.import_module("icalendar")


def _one_line(text: str) -> str:
    # Names and summaries are one line in calendar apps; some iCalendar
    # properties (NAME) cannot even hold a line break.
    return " ".join(text.split())


def _place(programme: Programme, session: Session | None = None) -> str:
    conference = programme.conference
    venue = conference.venue
    where = ", ".join(p for p in (venue.name, venue.city, venue.country) if p)
    room = programme.room(session.room) if session and session.room else None
    if room is not None:
        return room.name if room.kind == "online" else f"{room.name}, {where}"
    if conference.attendance == "mixed":
        return f"{where}, and online"
    if conference.attendance == "online":
        return "Online"
    return where


def _description(programme: Programme, session: Session) -> str:
    lines: list[str] = []
    if session.cancelled:
        lines.append("This session is cancelled.")
    if not session.timed:
        lines.append(
            f"Time {TO_BE_CONFIRMED}: the session is on this day, but its hours are not known."
        )
    chair = programme.person(session.chair) if session.chair else None
    lines.append(f"Chair: {chair.name if chair else TO_BE_CONFIRMED}.")
    if session.abstract:
        lines.append(session.abstract)
    if session.talks:
        for talk in session.talks:
            names = [programme.person(p).name for p in talk.speakers if programme.person(p)]
            speakers = ", ".join(names) or f"speakers {TO_BE_CONFIRMED}"
            cancelled = " (cancelled)" if talk.cancelled else ""
            lines.append(f"- {talk.title or 'Title ' + TO_BE_CONFIRMED} ({speakers}){cancelled}")
    else:
        lines.append(f"Talks and speakers: {TO_BE_CONFIRMED}.")
    return "\n".join(lines)
