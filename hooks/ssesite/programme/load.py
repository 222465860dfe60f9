"""Reading the programme, `data/programme.yml`, into a `model.Programme`.

`load_programme` reads it field by field, then `checks` checks the file as a
whole (overlaps, unknown ids, local times); every problem of both passes is
reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..core.fields import Record
from ..core.problems import Problems, did_you_mean
from ..core.reading import read_text
from ..core.schema import complete, read
from ..core.yamlsource import load_yaml
from . import time as ptime
from .checks import check_programme, check_unique
from .model import (
    Change,
    Conference,
    PartialDate,
    Person,
    Programme,
    Room,
    Session,
    StatusEntry,
    Talk,
    Venue,
)
from .when import session_when

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The acronym names the conference in schedule.json, whose schema allows
# only this shape (c3voc `Conference.acronym`).
ACRONYM = re.compile(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_programme(
    path: Path, file: str, study_slugs: list[str], problems: Problems
) -> Programme | None:
    """Read and check the programme; None when it has any problem."""
    if not path.exists() and not path.is_symlink():
        problems.add(file, None, "", "expected the conference programme in this file, found none")
        return None
    before = len(problems)
    text = read_text(path, file, problems)
    if text is None:
        return None
    located = load_yaml(text, file, problems)
    if located is None:
        return None
    top = Record(located, file, problems)
    if not top.is_mapping():
        return None
    readers = {
        "updated": lambda top, key, values: _updated(top),
        "conference": lambda top, key, values: _conference(top),
        "sessions": lambda top, key, values: _sessions(top, values["conference"]),
        "people": lambda top, key, values: [
            p for item in top.items(key) if (p := _person(item)) is not None
        ],
    }
    values = read(top, Programme, readers)
    updated, conference = values["updated"], values["conference"]
    sessions, people = values["sessions"], values["people"]
    if conference is not None:
        # Checked even when some fields are wrong, so that every problem of
        # the file is reported in one run.
        programme = Programme(file, updated, conference, sessions, people)
        check_programme(programme, top, study_slugs)
    if len(problems) > before or conference is None or updated is None:
        return None
    return programme


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


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
    readers = {
        "acronym": _acronym,
        "timezone": lambda record, key, values: _timezone(record),
        "venue": lambda record, key, values: _venue(record),
        "rooms": _rooms,
        "status": _history,
    }
    values = read(record, Conference, readers)
    start_date, end_date = values["start_date"], values["end_date"]
    if start_date and end_date and end_date < start_date:
        record.expected(
            "end_date", f"a date on or after start_date ({start_date.isoformat()})", end_date
        )
    if start_date is None or end_date is None or not values["history"]:
        return None
    # With other problems the conference is still returned, for the checks of
    # the whole file; load_programme then returns no programme.
    for key in ("organisers", "sources"):
        values[key] = tuple(values[key])
    return Conference(**values)


def _sessions(top: Record, conference: Conference | None) -> list[Session]:
    tz = ptime.zone(conference.timezone) if conference and conference.timezone else None
    return [
        s
        for index, item in enumerate(top.items("sessions", required=True))
        if (s := _session(item, index, tz)) is not None
    ]


def _acronym(record: Record, key: str, values: dict) -> str | None:
    acronym = record.text(key)
    if acronym and not ACRONYM.match(acronym):
        record.expected(
            key,
            "a short name of 4 or more lower-case letters, digits or underscores "
            "(it names the conference in schedule.json)",
            acronym,
        )
    return acronym


def _rooms(record: Record, key: str, values: dict) -> tuple[Room, ...]:
    rooms = tuple(r for item in record.items(key) if (r := _room(item)) is not None)
    check_unique(list(record.items(key)), "room")
    return rooms


def _history(record: Record, key: str, values: dict) -> tuple[StatusEntry, ...]:
    history = tuple(
        e
        for item in record.items(key, required=True, expected="a list of status entries")
        if (e := _status_entry(item)) is not None
    )
    if record.raw(key) == []:
        record.expected(key, "at least one status entry (the first plan)", [])
    return history


def _timezone(record: Record) -> str | None:
    name = record.text("timezone", expected="an IANA timezone name such as 'Asia/Seoul'")
    if name is None:
        return None
    if ptime.zone(name) is None:
        expected = "an IANA timezone name such as 'Asia/Seoul'"
        zone = ptime.ABBREVIATIONS.get(name.upper())
        if zone is not None:
            record.problems.add(
                record.file,
                record.line("timezone"),
                record.field("timezone"),
                f"expected {expected}, found {name!r}, an abbreviation. Did you mean {zone!r}?",
            )
        else:
            record.expected(
                "timezone", expected, name, did_you_mean(name, ptime.available_timezones())
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
    values = read(venue, Venue)
    return Venue(**{key: value or "" for key, value in values.items()})


def _room(item: Record) -> Room | None:
    if not item.is_mapping():
        return None
    values = read(item, Room)
    return Room(**values) if complete(Room, values) else None


def _status_entry(item: Record) -> StatusEntry | None:
    if not item.is_mapping():
        return None
    values = read(item, StatusEntry, {"planned": _partial_date})
    return StatusEntry(**values, line=item.line()) if complete(StatusEntry, values) else None


def _session(item: Record, index: int, tz: dt.tzinfo | None) -> Session | None:
    if not item.is_mapping():
        return None
    before = len(item.problems)
    when: list = []

    def day(item: Record, key: str, values: dict):
        when.extend(session_when(item, tz))
        return when[0]

    readers = {
        "date": day,
        "start": lambda item, key, values: when[1],
        "end": lambda item, key, values: when[2],
        "talks": lambda item, key, values: tuple(
            t for talk in item.items(key) if (t := _talk(talk)) is not None
        ),
        "history": lambda item, key, values: tuple(
            c for change in item.items(key) if (c := _change(change)) is not None
        ),
    }
    values = read(item, Session, readers)
    if len(item.problems) > before or values["id"] is None or values["day"] is None:
        return None
    return Session(**values, index=index)


def _talk(item: Record) -> Talk | None:
    if not item.is_mapping():
        return None
    values = read(item, Talk, {"cancelled": lambda item, key, values: item.flag(key)})
    return Talk(**{**values, "speakers": tuple(values["speakers"])})


def _change(item: Record) -> Change | None:
    if not item.is_mapping():
        return None
    values = read(item, Change)
    return Change(**values, line=item.line()) if complete(Change, values) else None


def _person(item: Record) -> Person | None:
    if not item.is_mapping():
        return None
    values = read(item, Person)
    return Person(**values) if complete(Person, values) else None


def _partial_date(item: Record, key: str, values: dict) -> PartialDate | None:
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
