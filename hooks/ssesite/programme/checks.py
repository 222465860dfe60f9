"""Checks of the programme as a whole, after each field has been read.

Each check reports with the file, the line, the dotted field and the id of
the session concerned, so an organiser can go straight to the right line:
unknown and duplicate ids, sessions outside the conference dates, ends not
after starts, overlaps in a room or for a person, and histories out of order.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from ..core.fields import Record
from ..core.problems import did_you_mean, one_of
from ..core.yamlsource import format_path
from .links import numeric_id, session_guid
from .model import Programme, Session
from .time import local_text

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_programme(programme: Programme, top: Record, study_slugs: list[str]) -> None:
    """Record every problem of `programme` as a whole in `top.problems`."""
    sessions = list(top.items("sessions"))
    people = list(top.items("people"))
    check_unique(sessions, "session")
    check_unique(people, "person")
    records = {s.id: sessions[s.index] for s in programme.sessions}

    _check_conference(programme, top)
    for session in programme.sessions:
        record = records[session.id]
        _check_dates(programme, session, record)
        _check_references(programme, session, record, study_slugs)
        _check_history(session, record)
    _check_numeric_ids(programme, records)
    _check_room_overlaps(programme, records)
    _check_person_overlaps(programme, records)
    person_records = {item.raw("id"): item for item in people}
    for person in programme.people:
        if person.study and person.study not in study_slugs:
            item = person_records[person.id]
            _unknown_study(item, "study", f"person '{person.id}'", person.study, study_slugs)


def overlap(a: Session, b: Session) -> bool:
    """Whether two timed sessions share any moment (touching ends do not)."""
    return a.timed and b.timed and a.start < b.end and b.start < a.end


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


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _check_conference(programme: Programme, top: Record) -> None:
    conference = programme.conference
    record = top.child("conference", top.raw("conference"))
    entries = list(record.items("status"))
    previous = None
    for entry, item in zip(conference.history, entries, strict=False):
        if entry.recorded is None:
            continue
        if previous is not None and entry.recorded < previous:
            _out_of_order(item, "", entry.recorded, previous)
        previous = entry.recorded
    last, last_item = conference.history[-1], entries[len(conference.history) - 1]
    planned = last.planned.as_date() if last.planned else None
    if planned is not None and planned != conference.start_date:
        last_item.expected(
            "planned",
            f"the conference's start_date ({conference.start_date.isoformat()}), "
            "since this is the current status",
            planned.isoformat(),
        )
    latest = max((e.recorded for e in conference.history if e.recorded), default=None)
    for session in programme.sessions:
        for change in session.history:
            latest = max(latest or change.recorded, change.recorded)
    if latest and programme.updated and programme.updated.date() < latest:
        top.expected(
            "updated",
            f"a time on or after the latest recorded change ({latest.isoformat()})",
            programme.updated.isoformat().replace("+00:00", "Z"),
        )


def _check_dates(programme: Programme, session: Session, record: Record) -> None:
    conference = programme.conference
    key = "start" if session.timed else "date"
    if not conference.start_date <= session.day <= conference.end_date:
        dates = _dates(conference)
        _session_problem(
            record,
            key,
            f"session '{session.id}' is on {session.day.isoformat()}; "
            f"expected a day of the conference ({dates})",
        )
    if session.timed and session.end <= session.start:
        _session_problem(
            record,
            "end",
            f"session '{session.id}' ends at {local_text(session.end)}; "
            f"expected an end after its start ({local_text(session.start)})",
        )
    elif session.timed and conference.start_date <= session.day <= conference.end_date:
        # Ending after midnight is fine; two days after the conference is a typo
        last = conference.end_date + dt.timedelta(days=1)
        if session.end.date() > last:
            _session_problem(
                record,
                "end",
                f"session '{session.id}' ends on {session.end.date().isoformat()}; "
                f"expected an end within the conference's dates ({_dates(conference)})",
            )


def _check_references(
    programme: Programme, session: Session, record: Record, study_slugs: list[str]
) -> None:
    people = [p.id for p in programme.people]
    rooms = [r.id for r in programme.conference.rooms]
    subject = f"session '{session.id}'"
    if session.chair and session.chair not in people:
        _unknown(record, "chair", subject, "the id of a person in people", session.chair, people)
    if session.room and session.room not in rooms:
        expected = (
            f"the id of a room in conference.rooms ({one_of(rooms)})"
            if rooms
            else "the id of a room in conference.rooms (there are none yet)"
        )
        _unknown(record, "room", subject, expected, session.room, rooms)
    for talk, item in zip(session.talks, _mappings(list(record.items("talks"))), strict=False):
        speakers = list(item.items("speakers"))
        for speaker, speaker_item in zip(talk.speakers, speakers, strict=False):
            if speaker not in people:
                _unknown(
                    speaker_item, None, subject, "the id of a person in people", speaker, people
                )
        if talk.study and talk.study not in study_slugs:
            _unknown_study(item, "study", subject, talk.study, study_slugs)


def _check_history(session: Session, record: Record) -> None:
    pairs = list(zip(session.history, list(record.items("history")), strict=False))
    for (before, _), (after, item) in pairwise(pairs):
        if after.recorded < before.recorded:
            _out_of_order(item, f"session '{session.id}': ", after.recorded, before.recorded)


def _check_numeric_ids(programme: Programme, records: dict[str, Record]) -> None:
    # schedule.xml still needs a unique number per event, derived from the id;
    # two ids giving the same number are astronomically unlikely, but checked.
    if not programme.conference.acronym:
        return
    seen: dict[int, str] = {}
    for session in programme.sessions:
        number = numeric_id(session_guid(programme, session))
        if number in seen and seen[number] != session.id:
            _session_problem(
                records[session.id],
                "id",
                f"session '{session.id}' gets the same schedule number as session "
                f"'{seen[number]}'; expected another id",
            )
        seen[number] = session.id


def _check_room_overlaps(programme: Programme, records: dict[str, Record]) -> None:
    for a, b in _overlapping_pairs(programme):
        if a.room and a.room == b.room:
            _session_problem(
                records[b.id],
                "room",
                f"session '{b.id}' ({_span(b)}) overlaps session '{a.id}' ({_span(a)}) "
                f"in room '{a.room}'; expected one session at a time in a room",
            )


def _check_person_overlaps(programme: Programme, records: dict[str, Record]) -> None:
    for a, b in _overlapping_pairs(programme):
        for person in b.people:
            if person in a.people:
                path = _person_path(b, person)
                record = records[b.id]
                line = record.located.line((*record.path, *path))
                record.problems.add(
                    record.file,
                    line,
                    format_path((*record.path, *path)),
                    f"person '{person}' is in session '{a.id}' ({_span(a)}) and in session "
                    f"'{b.id}' ({_span(b)}) at the same time; expected one session at a time",
                )


def _overlapping_pairs(programme: Programme) -> list[tuple[Session, Session]]:
    """Pairs of sessions that are not cancelled and overlap, each in programme order.

    Swept in order of start, so that a programme of hundreds of sessions is
    not checked pair by pair.
    """
    ordered = programme.ordered()
    position = {id(session): index for index, session in enumerate(ordered)}
    timed = sorted((s for s in ordered if s.timed and not s.cancelled), key=lambda s: s.start)
    pairs = []
    for index, a in enumerate(timed):
        for b in timed[index + 1 :]:
            if b.start >= a.end:
                break  # the sessions after b start later still
            if overlap(a, b):
                pairs.append((a, b) if position[id(a)] < position[id(b)] else (b, a))
    return pairs


def _person_path(session: Session, person: str) -> tuple:
    """Where `person` is named in `session`: its chair, or a talk's speakers item."""
    if session.chair == person:
        return ("chair",)
    for index, talk in enumerate(session.talks):
        if person in talk.speakers:
            return ("talks", index, "speakers", talk.speakers.index(person))
    return ()


def _dates(conference) -> str:
    start, end = conference.start_date.isoformat(), conference.end_date.isoformat()
    return start if start == end else f"{start} to {end}"


def _session_problem(record: Record, key: str, message: str) -> None:
    record.problems.add(record.file, record.line(key), record.field(key), message)


def _unknown(record: Record, key, subject: str, expected: str, found: str, choices) -> None:
    hint = did_you_mean(found, choices)
    message = f"{subject}: expected {expected}, found {found!r}" + (f". {hint}" if hint else "")
    record.problems.add(record.file, record.line(key), record.field(key), message)


def _unknown_study(record: Record, key: str, subject: str, found: str, slugs: list[str]) -> None:
    _unknown(record, key, subject, f"the slug of a country study ({one_of(slugs)})", found, slugs)


def _out_of_order(item: Record, subject: str, recorded: dt.date, previous: dt.date) -> None:
    item.problems.add(
        item.file,
        item.line("recorded"),
        item.field("recorded"),
        f"{subject}this history entry was recorded on {recorded.isoformat()}, before the "
        f"entry above it ({previous.isoformat()}); expected entries from oldest to newest",
    )


def _span(session: Session) -> str:
    return f"{local_text(session.start)}–{session.end:%H:%M}"


def _mappings(items: list[Record]) -> list[Record]:
    # The models skip items that are not mappings; keep the records aligned.
    return [item for item in items if isinstance(item.data, dict)]
