"""The research conference's programme as the site sees it: `Programme` and its parts.

One file, `data/programme.yml`, holds the conference (with the history of its
status), its sessions (with their own change history), and the people who
speak in or chair them; `load` reads it into these classes. The site's pages
and exports are made from a `Programme`, never from the YAML directly.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from . import time as ptime

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FILE = "data/programme.yml"

TOP_FIELDS = ("updated", "conference", "sessions", "people")
CONFERENCE_FIELDS = (
    "title",
    "acronym",
    "organisers",
    "timezone",
    "start_date",
    "end_date",
    "venue",
    "attendance",
    "stream_url",
    "rooms",
    "status",
    "sources",
)
VENUE_FIELDS = ("name", "city", "country")
ROOM_FIELDS = ("id", "name", "kind", "stream_url")
STATUS_FIELDS = ("status", "recorded", "planned", "attendance", "note", "source")
SESSION_FIELDS = (
    "id",
    "label",
    "title",
    "kind",
    "date",
    "start",
    "end",
    "room",
    "chair",
    "abstract",
    "talks",
    "history",
)
TALK_FIELDS = ("title", "speakers", "study", "abstract")
CHANGE_FIELDS = ("recorded", "change", "was", "note")
PERSON_FIELDS = ("id", "name", "role", "affiliation", "bio", "study")

STATUSES = ("scheduled", "postponed", "rescheduled", "moved-online", "cancelled")
ATTENDANCE_MODES = ("in-person", "online", "mixed")
ROOM_KINDS = ("in-person", "online")
SESSION_KINDS = (
    "opening",
    "keynote",
    "session",
    "paper-session",
    "panel",
    "roundtable",
    "break",
    "closing",
    "other",
)
CHANGES = (
    "added",
    "moved",
    "retitled",
    "room-changed",
    "speakers-changed",
    "cancelled",
    "reinstated",
    "other",
)

# How the vocabularies read on the site and in the exports.
STATUS_LABELS = {
    "scheduled": "Scheduled",
    "postponed": "Postponed",
    "rescheduled": "Rescheduled",
    "moved-online": "Moved online",
    "cancelled": "Cancelled",
}
ATTENDANCE_LABELS = {
    "in-person": "In person",
    "online": "Online",
    "mixed": "Hybrid (in person and online)",
}
KIND_LABELS = {
    "opening": "Opening",
    "keynote": "Keynote",
    "session": "Session",
    "paper-session": "Paper session",
    "panel": "Panel",
    "roundtable": "Roundtable",
    "break": "Break",
    "closing": "Closing",
    "other": "Other",
}
CHANGE_LABELS = {
    "added": "Added",
    "moved": "Moved",
    "retitled": "Retitled",
    "room-changed": "Room changed",
    "speakers-changed": "Speakers changed",
    "cancelled": "Cancelled",
    "reinstated": "Reinstated",
    "other": "Changed",
}
TO_BE_CONFIRMED = "to be confirmed"


# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, or only to the month ('July 2020')."""

    year: int
    month: int
    day: int | None = None

    def iso(self) -> str:
        """'2020-07' or '2020-09-22' (ISO 8601, reduced precision when needed)."""
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def label(self) -> str:
        """'July 2020' or '22 September 2020'."""
        month = dt.date(self.year, self.month, 1).strftime("%B")
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None


@dataclass(frozen=True)
class Venue:
    name: str
    """The building or hall; empty while to be confirmed."""
    city: str
    country: str


@dataclass(frozen=True)
class Room:
    id: str
    name: str
    kind: str
    """'in-person' or 'online'."""
    stream_url: str = ""


@dataclass(frozen=True)
class StatusEntry:
    """One step of the conference's status history."""

    status: str
    recorded: dt.date | None
    """When a source first records this step; None when not documented."""
    planned: PartialDate | None
    """The dates planned at this step, when known."""
    attendance: str
    note: str
    source: str
    line: int


@dataclass(frozen=True)
class Conference:
    title: str
    acronym: str
    organisers: tuple[str, ...]
    timezone: str
    start_date: dt.date
    end_date: dt.date
    venue: Venue
    attendance: str
    stream_url: str
    rooms: tuple[Room, ...]
    history: tuple[StatusEntry, ...]
    sources: tuple[str, ...]

    @property
    def tz(self) -> dt.tzinfo:
        return ptime.zone(self.timezone)

    @property
    def status(self) -> str:
        """The current status: that of the last history entry."""
        return self.history[-1].status

    @property
    def days(self) -> list[dt.date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=n) for n in range(count)]

    @property
    def previous_dates(self) -> list[PartialDate]:
        """Dates planned before the current ones, oldest first, without repeats."""
        current = PartialDate(self.start_date.year, self.start_date.month, self.start_date.day)
        seen: list[PartialDate] = []
        for entry in self.history:
            if entry.planned and entry.planned != current and entry.planned not in seen:
                seen.append(entry.planned)
        return seen

    @property
    def changes(self) -> int:
        """Recorded changes after the first plan (the calendar SEQUENCE)."""
        return max(len(self.history) - 1, 0)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str = ""
    affiliation: str = ""
    bio: str = ""
    study: str = ""
    """Slug of the country study the person presents, if any."""


@dataclass(frozen=True)
class Talk:
    title: str
    """Empty while to be confirmed."""
    speakers: tuple[str, ...]
    study: str = ""
    abstract: str = ""


@dataclass(frozen=True)
class Change:
    """One recorded change to a session."""

    recorded: dt.date
    change: str
    was: str
    note: str
    line: int


@dataclass(frozen=True)
class Session:
    id: str
    label: str
    title: str
    """Empty while to be confirmed."""
    kind: str
    day: dt.date
    start: dt.datetime | None
    """Aware, in the conference timezone; None while the time is to be confirmed."""
    end: dt.datetime | None
    room: str
    chair: str
    abstract: str
    talks: tuple[Talk, ...]
    history: tuple[Change, ...]
    index: int
    """Position in the data file, which orders sessions without times."""

    @property
    def name(self) -> str:
        """'Session 1: Title', 'Title', or 'Session 1 (title to be confirmed)'."""
        if self.label and self.title:
            return f"{self.label}: {self.title}"
        if self.title:
            return self.title
        return f"{self.label or KIND_LABELS[self.kind]} (title {TO_BE_CONFIRMED})"

    @property
    def timed(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def cancelled(self) -> bool:
        for change in reversed(self.history):
            if change.change in ("cancelled", "reinstated"):
                return change.change == "cancelled"
        return False

    @property
    def sequence(self) -> int:
        """Recorded changes (the calendar SEQUENCE)."""
        return len(self.history)

    @property
    def people(self) -> list[str]:
        """Ids of the chair and every speaker, in order, without repeats."""
        ids = [self.chair] if self.chair else []
        for talk in self.talks:
            ids.extend(s for s in talk.speakers if s not in ids)
        return ids


@dataclass
class Programme:
    source: str
    updated: dt.datetime
    """When the data was last changed (UTC): DTSTAMP and schedule version."""
    conference: Conference
    sessions: list[Session]
    people: list[Person]

    # Indexes: pages look people and sessions up thousands of times per build
    @functools.cached_property
    def _people_by_id(self) -> dict[str, Person]:
        return {p.id: p for p in reversed(self.people)}

    @functools.cached_property
    def _sessions_by_id(self) -> dict[str, Session]:
        return {s.id: s for s in reversed(self.sessions)}

    @functools.cached_property
    def _sessions_by_person(self) -> dict[str, list[Session]]:
        index: dict[str, list[Session]] = {}
        for session in self.ordered():
            for person_id in session.people:
                index.setdefault(person_id, []).append(session)
        return index

    @functools.cached_property
    def _talks_by_study(self) -> dict[str, list[tuple[Session, Talk]]]:
        # A talk presents a study when it says so, or else when a speaker does
        index: dict[str, list[tuple[Session, Talk]]] = {}
        for session in self.ordered():
            for talk in session.talks:
                slugs = [talk.study] if talk.study else []
                if not slugs:
                    for person_id in talk.speakers:
                        person = self.person(person_id)
                        if person and person.study and person.study not in slugs:
                            slugs.append(person.study)
                for slug in slugs:
                    index.setdefault(slug, []).append((session, talk))
        return index

    def talks_presenting(self, slug: str) -> list[tuple[Session, Talk]]:
        """(session, talk) pairs that present the study `slug`, in programme order."""
        return list(self._talks_by_study.get(slug, ()))

    def person(self, id: str) -> Person | None:
        return self._people_by_id.get(id)

    def session(self, id: str) -> Session | None:
        return self._sessions_by_id.get(id)

    def room(self, id: str) -> Room | None:
        return next((r for r in self.conference.rooms if r.id == id), None)

    def ordered(self, day: dt.date | None = None) -> list[Session]:
        """Sessions (of `day`, or all) by start; those without a time keep data order."""
        chosen = [s for s in self.sessions if day is None or s.day == day]
        return sorted(chosen, key=_session_order)

    def sessions_of(self, person_id: str) -> list[Session]:
        return list(self._sessions_by_person.get(person_id, ()))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _session_order(session: Session) -> tuple:
    if session.start is None:
        return (session.day, 1, session.index, dt.datetime.min.replace(tzinfo=ptime.UTC))
    return (session.day, 0, 0, session.start.astimezone(ptime.UTC))
