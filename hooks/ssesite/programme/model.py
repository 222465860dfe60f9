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

from ..core.schema import (
    Choice,
    Custom,
    Date,
    Id,
    Nested,
    Records,
    Text,
    Texts,
    Url,
    Urls,
    declare,
)
from . import time as ptime
from .vocabulary import (
    ATTENDANCE_MODES,
    CHANGES,
    KIND_LABELS,
    ROOM_KINDS,
    SESSION_KINDS,
    STATUSES,
    TO_BE_CONFIRMED,
    PartialDate,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FILE = "data/programme.yml"


# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Venue:
    name: str = declare(Text(), "the building, once known", required=False)
    city: str = declare(Text(), "the city")
    country: str = declare(Text(), "the country")


@dataclass(frozen=True)
class Room:
    id: str = declare(Id(), "stable id of the room, named by a session's room")
    name: str = declare(Text(), "the room's name")
    kind: str = declare(Choice(choices=ROOM_KINDS), "in person or online")
    stream_url: str = declare(
        Url(), "the room's stream or meeting link", required=False, default=""
    )


@dataclass(frozen=True)
class StatusEntry:
    """One step of the conference's status history."""

    status: str = declare(Choice(choices=STATUSES), "the status at this step")
    recorded: dt.date | None = declare(
        Date(),
        "the date of the earliest source that records the step; left out when undocumented",
        required=False,
    )
    planned: PartialDate | None = declare(
        Custom(expected="a date written YYYY-MM-DD, or a month written YYYY-MM"),
        "the dates planned at this step: YYYY-MM-DD, or YYYY-MM when only the month is known",
        required=False,
    )
    attendance: str = declare(
        Choice(choices=ATTENDANCE_MODES), "how people attend at this step", required=False
    )
    note: str = declare(Text(), "what happened, in one sentence")
    source: str = declare(Url(source=True), "a web address of the source", required=False)
    line: int


@dataclass(frozen=True)
class Conference:
    title: str = declare(
        Text(),
        "The conference's name. The official title is not documented, so the file holds a "
        "descriptive one.",
    )
    acronym: str = declare(
        Custom(expected="a short name of 4 or more lower-case letters, digits or underscores"),
        "A short machine name for the schedule exports (4 or more lower-case letters, digits "
        "or underscores, e.g. `sseasia2020`). It is not an official acronym. It also seeds "
        "every calendar UID and schedule GUID, so never change it once published.",
    )
    organisers: tuple[str, ...] = declare(
        Texts(), "Names of the organising bodies.", required=False
    )
    timezone: str = declare(
        Custom(expected="an IANA timezone name such as 'Asia/Seoul'"),
        "The IANA name of the venue's timezone (`Asia/Seoul`). Every session time is written "
        "on its clocks.",
    )
    start_date: dt.date = declare(Date(), "The first day, `YYYY-MM-DD`.")
    end_date: dt.date = declare(Date(), "The last day, `YYYY-MM-DD`, on or after start_date.")
    venue: Venue = declare(
        Nested(of=Venue, expected="the venue's city and country (name when known)"),
        "Where the conference takes place.",
    )
    attendance: str = declare(
        Choice(choices=ATTENDANCE_MODES), "How people attend (`mixed` is hybrid)."
    )
    stream_url: str = declare(
        Url(),
        "The stream or meeting link, `https://…`; left out while none is documented.",
        required=False,
    )
    rooms: tuple[Room, ...] = declare(
        Records(of=Room), "The rooms; empty while no room is documented.", required=False
    )
    history: tuple[StatusEntry, ...] = declare(
        Records(of=StatusEntry, expected="a list of status entries"),
        "The status history, oldest first. The **last entry is the current status**.",
        key="status",
    )
    sources: tuple[str, ...] = declare(
        Urls(source=True),
        'Web addresses of the sources of these facts, listed on the "what changed" page.',
        required=False,
    )

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
    id: str = declare(
        Id(), "Stable id (lower-case letters, digits, hyphens): the anchor on the speakers page."
    )
    name: str = declare(Text(), "The name as the person uses it.")
    role: str = declare(
        Text(),
        'The documented position, e.g. "Dean, College of Social Science".',
        required=False,
        default="",
    )
    affiliation: str = declare(Text(), "The organisation.", required=False, default="")
    bio: str = declare(Text(), "A short biography.", required=False, default="")
    study: str = declare(
        Text(),
        "The slug of the country study the person presents; the study's page then lists the talk.",
        required=False,
        default="",
    )


@dataclass(frozen=True)
class Talk:
    title: str = declare(Text(), "the talk's title", required=False)
    speakers: tuple[str, ...] = declare(
        Texts(), "the ids of the speakers (may be empty)", required=False
    )
    study: str = declare(
        Text(), "the slug of a country study the talk presents", required=False, default=""
    )
    abstract: str = declare(Text(), "the talk's abstract", required=False, default="")
    cancelled: bool = declare(
        Custom(expected="true or false"),
        "true when this talk is cancelled while its session goes ahead (record it in the "
        "session's history too)",
        required=False,
        default=False,
    )


@dataclass(frozen=True)
class Change:
    """One recorded change to a session."""

    recorded: dt.date = declare(Date(), "when a source records the change")
    change: str = declare(Choice(choices=CHANGES), "what changed")
    was: str = declare(Text(), "what it was before, as text", required=False)
    note: str = declare(Text(), "the change in one sentence")
    line: int


@dataclass(frozen=True)
class Session:
    id: str = declare(
        Id(),
        "Stable id: the page is `programme/sessions/<id>/`. The UID and GUID come from it, "
        "so **never change an id**: change the title instead.",
    )
    label: str = declare(
        Text(), "A short name shown before the title, e.g. `Session 1`.", required=False
    )
    title: str = declare(
        Text(),
        'Without one the site shows "Session 1 (title to be confirmed)".',
        required=False,
    )
    kind: str = declare(Choice(choices=SESSION_KINDS), "What kind of session it is.")
    day: dt.date = declare(
        Custom(expected="a date written YYYY-MM-DD"),
        "The day, `YYYY-MM-DD`, **when the times are not known**.",
        required=False,
        key="date",
    )
    start: dt.datetime | None = declare(
        Custom(expected='a local time written "YYYY-MM-DD HH:MM"'),
        'The local start on the conference\'s clocks, quoted: `"2020-09-22 10:00"`. Give '
        "`start` and `end` instead of `date` once the times are known.",
        required=False,
    )
    """Aware, in the conference timezone; None while the time is to be confirmed."""
    end: dt.datetime | None = declare(
        Custom(expected='a local time written "YYYY-MM-DD HH:MM"'),
        "The local end; it may fall on the next day.",
        required=False,
    )
    room: str = declare(Text(), "The id of a room in `conference.rooms`.", required=False)
    chair: str = declare(Text(), "The id of the person who chairs.", required=False)
    abstract: str = declare(Text(), "The session's abstract.", required=False)
    talks: tuple[Talk, ...] = declare(Records(of=Talk), "The talks, in order.", required=False)
    history: tuple[Change, ...] = declare(
        Records(of=Change),
        "Changes to this session, oldest first. The number of entries is the session's "
        "calendar `SEQUENCE`; the last `cancelled` or `reinstated` entry says whether it is "
        "cancelled.",
        required=False,
    )
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
    def page_name(self) -> str:
        """The name on the site's pages: 'Session 1' while the title is not known
        (the page says once what is not documented: `programme.gaps`)."""
        if self.title:
            return self.name
        return self.label or KIND_LABELS[self.kind]

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
    updated: dt.datetime = declare(
        Custom(expected="a date and time in UTC written YYYY-MM-DDTHH:MM:SSZ"),
        "When this file was last changed, in UTC: `2026-11-28T00:00:00Z`. It is the "
        "calendars' `DTSTAMP` and the schedules' `version`, so builds never read the clock. "
        "It must not be earlier than the newest `recorded` date. Change it with every edit.",
    )
    conference: Conference = declare(
        Nested(of=Conference, expected="the conference's title, dates, place and status"),
        "The conference.",
    )
    sessions: list[Session] = declare(Records(of=Session), "The sessions, in the order of the day.")
    people: list[Person] = declare(
        Records(of=Person),
        "Everyone who speaks or chairs, one record per person.",
        required=False,
    )

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
