"""The research conference's programme: `data/programme.yml`.

One file holds the conference (with the history of its status), its sessions
(with their own change history), and the people who speak in or chair them.
`load_programme` reads it field by field, then `programme_checks` checks the
file as a whole (overlaps, unknown ids, local times); every problem of both
passes is reported at once. The site's pages and exports are made from the
`Programme` returned here, never from the YAML directly.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from . import programme_time as ptime
from .fields import SLUG, Record
from .problems import Problems, did_you_mean
from .yamlsource import load_yaml

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

# The acronym names the conference in schedule.json, whose schema allows
# only this shape (c3voc `Conference.acronym`).
ACRONYM = re.compile(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$")
LOCAL_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
URL = re.compile(r"^https?://\S+$")

LOCAL_TIME_EXPECTED = "a local date and time written 'YYYY-MM-DD HH:MM' (in quotes)"

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
# Functions
# -----------------------------------------------------------------------------


def load_programme(
    path: Path, file: str, study_slugs: list[str], problems: Problems, parse_yaml=load_yaml
) -> Programme | None:
    """Read and check the programme; None when it has any problem."""
    from .programme_checks import check_programme

    if not path.is_file():
        problems.add(file, None, "", "expected the conference programme in this file, found none")
        return None
    before = len(problems)
    located = parse_yaml(path.read_text(encoding="utf-8"), file, problems)
    if located is None:
        return None
    top = Record(located, file, problems)
    if not top.is_mapping():
        return None
    top.check_keys(TOP_FIELDS)
    updated = _updated(top)
    conference = _conference(top)
    tz = ptime.zone(conference.timezone) if conference and conference.timezone else None
    sessions = [
        s
        for index, item in enumerate(top.items("sessions", required=True))
        if (s := _session(item, index, tz)) is not None
    ]
    people = [p for item in top.items("people") if (p := _person(item)) is not None]
    if conference is not None:
        # Checked even when some fields are wrong, so that every problem of
        # the file is reported in one run.
        programme = Programme(file, updated, conference, sessions, people)
        check_programme(programme, top, study_slugs)
    if len(problems) > before or conference is None or updated is None:
        return None
    return programme


def parse_local(value: object) -> dt.datetime | None:
    """A naive local datetime from 'YYYY-MM-DD HH:MM' or a YAML timestamp, else None."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is None else None
    if not isinstance(value, str):
        return None
    match = LOCAL_TIME.match(value.strip())
    if not match:
        return None
    try:
        day = dt.date.fromisoformat(match.group(1))
        return dt.datetime.combine(day, dt.time(int(match.group(2)), int(match.group(3))))
    except ValueError:
        return None


def local_text(moment: dt.datetime) -> str:
    """'2020-09-22 10:00': how the data file writes a local time."""
    return moment.strftime("%Y-%m-%d %H:%M")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _session_order(session: Session) -> tuple:
    if session.start is None:
        return (session.day, 1, session.index, dt.datetime.min.replace(tzinfo=ptime.UTC))
    return (session.day, 0, 0, session.start.astimezone(ptime.UTC))


def _updated(top: Record) -> dt.datetime | None:
    expected = "a date and time in UTC written YYYY-MM-DDTHH:MM:SSZ"
    value = top.raw("updated")
    if value is None:
        top.missing("updated", expected)
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            top.expected("updated", expected, value)
            return None
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        top.expected("updated", expected, top.raw("updated"))
        return None
    return value.astimezone(ptime.UTC)


def _conference(top: Record) -> Conference | None:
    raw = top.raw("conference")
    if raw is None:
        top.missing("conference", "the conference's title, dates, place and status")
        return None
    record = top.child("conference", raw)
    if not record.is_mapping():
        return None
    record.check_keys(CONFERENCE_FIELDS)
    title = record.text("title")
    acronym = record.text("acronym")
    if acronym and not ACRONYM.match(acronym):
        record.expected(
            "acronym",
            "a short name of 4 or more lower-case letters, digits or underscores "
            "(it names the conference in schedule.json)",
            acronym,
        )
    timezone = _timezone(record)
    start_date = record.date("start_date")
    end_date = record.date("end_date")
    if start_date and end_date and end_date < start_date:
        record.expected(
            "end_date", f"a date on or after start_date ({start_date.isoformat()})", end_date
        )
    venue = _venue(record)
    attendance = record.choice("attendance", ATTENDANCE_MODES)
    stream_url = _url(record, "stream_url")
    rooms = tuple(r for item in record.items("rooms") if (r := _room(item)) is not None)
    check_unique(list(record.items("rooms")), "room")
    history = tuple(
        e
        for item in record.items("status", required=True, expected="a list of status entries")
        if (e := _status_entry(item)) is not None
    )
    if record.raw("status") == []:
        record.expected("status", "at least one status entry (the first plan)", [])
    sources = tuple(_urls(record, "sources"))
    organisers = tuple(record.text_list("organisers"))
    if start_date is None or end_date is None or not history:
        return None
    # With other problems the conference is still returned, for the checks of
    # the whole file; load_programme then returns no programme.
    return Conference(
        title=title,
        acronym=acronym,
        organisers=organisers,
        timezone=timezone,
        start_date=start_date,
        end_date=end_date,
        venue=venue,
        attendance=attendance,
        stream_url=stream_url,
        rooms=rooms,
        history=history,
        sources=sources,
    )


def _timezone(record: Record) -> str | None:
    name = record.text("timezone", expected="an IANA timezone name such as 'Asia/Seoul'")
    if name is None:
        return None
    if ptime.zone(name) is None:
        record.expected(
            "timezone",
            "an IANA timezone name such as 'Asia/Seoul'",
            name,
            did_you_mean(name, ptime.available_timezones()),
        )
        return None
    return name


def _venue(record: Record) -> Venue | None:
    raw = record.raw("venue")
    if raw is None:
        record.missing("venue", "the venue's city and country (name when known)")
        return None
    venue = record.child("venue", raw)
    if not venue.is_mapping():
        return None
    venue.check_keys(VENUE_FIELDS)
    return Venue(
        name=venue.text("name", required=False) or "",
        city=venue.text("city") or "",
        country=venue.text("country") or "",
    )


def _room(item: Record) -> Room | None:
    if not item.is_mapping():
        return None
    item.check_keys(ROOM_FIELDS)
    id = _id(item)
    name = item.text("name")
    kind = item.choice("kind", ROOM_KINDS)
    stream_url = _url(item, "stream_url")
    if id is None or name is None or kind is None:
        return None
    return Room(id, name, kind, stream_url)


def _status_entry(item: Record) -> StatusEntry | None:
    if not item.is_mapping():
        return None
    item.check_keys(STATUS_FIELDS)
    status = item.choice("status", STATUSES)
    recorded = item.date("recorded", required=False)
    planned = _partial_date(item, "planned")
    attendance = item.choice("attendance", ATTENDANCE_MODES, required=False) or ""
    note = item.text("note")
    source = _url(item, "source")
    if status is None or note is None:
        return None
    return StatusEntry(status, recorded, planned, attendance, note, source, item.line())


def _session(item: Record, index: int, tz: dt.tzinfo | None) -> Session | None:
    if not item.is_mapping():
        return None
    before = len(item.problems)
    item.check_keys(SESSION_FIELDS)
    id = _id(item)
    label = item.text("label", required=False) or ""
    title = item.text("title", required=False) or ""
    kind = item.choice("kind", SESSION_KINDS)
    day, start, end = _when(item, tz)
    room = item.text("room", required=False) or ""
    chair = item.text("chair", required=False) or ""
    abstract = item.text("abstract", required=False) or ""
    talks = tuple(t for talk in item.items("talks") if (t := _talk(talk)) is not None)
    history = tuple(c for change in item.items("history") if (c := _change(change)) is not None)
    if len(item.problems) > before or id is None or day is None:
        return None
    return Session(
        id, label, title, kind, day, start, end, room, chair, abstract, talks, history, index
    )


def _when(item: Record, tz: dt.tzinfo | None):
    """(day, start, end) of a session: a date alone, or a local start and end."""
    has_times = item.raw("start") is not None or item.raw("end") is not None
    if not has_times:
        day = item.date("date", required=False)
        if day is None and item.raw("date") is None:
            item.missing("date", "the session's date, or its start and end as 'YYYY-MM-DD HH:MM'")
        return day, None, None
    if item.raw("date") is not None:
        item.expected(
            "date",
            "either a date (time to be confirmed) or a start and end, not both",
            item.raw("date"),
        )
        return None, None, None
    start, end = _local(item, "start"), _local(item, "end")
    if start is None or end is None:
        return None, None, None
    sid = item.raw("id")
    if tz is not None:
        start_ok = _check_clock(item, "start", "starts", sid, start, tz)
        end_ok = _check_clock(item, "end", "ends", sid, end, tz)
        if not (start_ok and end_ok):
            return None, None, None
        return start.date(), ptime.localize(start, tz), ptime.localize(end, tz)
    return None, None, None


def _local(item: Record, key: str) -> dt.datetime | None:
    value = item.raw(key)
    if value is None:
        item.missing(key, LOCAL_TIME_EXPECTED)
        return None
    moment = parse_local(value)
    if moment is None:
        hint = ""
        if isinstance(value, dt.datetime):
            hint = "Write the time on the conference's clocks, without an offset"
        elif isinstance(value, int):
            hint = "Quote times: YAML reads 10:00 as a number"
        item.expected(key, LOCAL_TIME_EXPECTED, value, hint)
    return moment


def _check_clock(item, key, verb, sid, moment, tz) -> bool:
    kind = ptime.classify(moment, tz)
    if kind == ptime.VALID:
        return True
    name = getattr(tz, "key", str(tz))
    if kind == ptime.NONEXISTENT:
        message = (
            f"session '{sid}' {verb} at {local_text(moment)}, which does not exist in "
            f"{name} (the clocks skip it); expected a local time that exists"
        )
    else:
        message = (
            f"session '{sid}' {verb} at {local_text(moment)}, which happens twice in "
            f"{name} (the clocks go back over it); expected a local time that happens once"
        )
    item.problems.add(item.file, item.line(key), item.field(key), message)
    return False


def _talk(item: Record) -> Talk | None:
    if not item.is_mapping():
        return None
    item.check_keys(TALK_FIELDS)
    title = item.text("title", required=False) or ""
    speakers = tuple(item.text_list("speakers"))
    study = item.text("study", required=False) or ""
    abstract = item.text("abstract", required=False) or ""
    return Talk(title, speakers, study, abstract)


def _change(item: Record) -> Change | None:
    if not item.is_mapping():
        return None
    item.check_keys(CHANGE_FIELDS)
    recorded = item.date("recorded")
    change = item.choice("change", CHANGES)
    was = item.text("was", required=False) or ""
    note = item.text("note")
    if recorded is None or change is None or note is None:
        return None
    return Change(recorded, change, was, note, item.line())


def _person(item: Record) -> Person | None:
    if not item.is_mapping():
        return None
    item.check_keys(PERSON_FIELDS)
    id = _id(item)
    name = item.text("name")
    if id is None or name is None:
        return None
    return Person(
        id=id,
        name=name,
        role=item.text("role", required=False) or "",
        affiliation=item.text("affiliation", required=False) or "",
        bio=item.text("bio", required=False) or "",
        study=item.text("study", required=False) or "",
    )


def _id(item: Record) -> str | None:
    expected = "an id of lower-case letters, digits and single hyphens"
    value = item.text("id", expected=expected)
    if value is not None and not SLUG.match(value):
        item.expected("id", expected, value)
        return None
    return value


def _partial_date(item: Record, key: str) -> PartialDate | None:
    value = item.raw(key)
    if value is None:
        return None
    if isinstance(value, str) and (match := MONTH.match(value.strip())):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return PartialDate(year, month)
    elif not isinstance(value, str) or len(value.strip()) == 10:
        day = item.date(key)
        return PartialDate(day.year, day.month, day.day) if day else None
    item.expected(key, "a date written YYYY-MM-DD, or a month written YYYY-MM", value)
    return None


def _url(item: Record, key: str) -> str:
    value = item.text(key, required=False, expected="a web address starting https://")
    if value and not URL.match(value):
        item.expected(key, "a web address starting https://", value)
        return ""
    return value or ""


def _urls(item: Record, key: str) -> list[str]:
    urls = []
    for entry in item.items(key, expected="a list of web addresses starting https://"):
        if isinstance(entry.data, str) and URL.match(entry.data.strip()):
            urls.append(entry.data.strip())
        else:
            entry.expected(None, "a web address starting https://", entry.data)
    return urls


def check_unique(items: list[Record], noun: str) -> None:
    seen: dict[str, int] = {}
    for item in items:
        value = item.raw("id")
        if not isinstance(value, str):
            continue
        if value in seen:
            item.problems.add(
                item.file,
                item.line("id"),
                item.field("id"),
                f"the id '{value}' is used twice (first on line {seen[value]}); "
                f"expected each {noun} id once",
            )
        else:
            seen[value] = item.line("id")
