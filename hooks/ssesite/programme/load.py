"""Reading the programme, `data/programme.yml`, into a `model.Programme`.

`load_programme` reads it field by field, then `checks` checks the file as a
whole (overlaps, unknown ids, local times); every problem of both passes is
reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..core.fields import SLUG, Record
from ..core.problems import Problems, did_you_mean
from ..core.yamlsource import load_yaml
from . import time as ptime
from .checks import check_programme, check_unique
from .model import (
    ATTENDANCE_MODES,
    CHANGE_FIELDS,
    CHANGES,
    CONFERENCE_FIELDS,
    PERSON_FIELDS,
    ROOM_FIELDS,
    ROOM_KINDS,
    SESSION_FIELDS,
    SESSION_KINDS,
    STATUS_FIELDS,
    STATUSES,
    TALK_FIELDS,
    TOP_FIELDS,
    VENUE_FIELDS,
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
URL = re.compile(r"^https?://\S+$")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def load_programme(
    path: Path, file: str, study_slugs: list[str], problems: Problems, parse_yaml=load_yaml
) -> Programme | None:
    """Read and check the programme; None when it has any problem."""
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
    day, start, end = session_when(item, tz)
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
