"""Labels of dates and times on the programme's pages.

Times are given in the conference's timezone, labelled as such, and in UTC;
day markers ('+1 day') show when a time falls on another date there.
"""

from __future__ import annotations

import datetime as dt

from . import time as ptime
from .model import Programme, Session

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def times_view(session: Session, tz: dt.tzinfo) -> dict:
    """Start and end in the conference zone and in UTC, with day markers."""
    return {
        "start_iso": ptime.iso(session.start),
        "end_iso": ptime.iso(session.end),
        "local": _range(session.start, session.end, tz, session.day),
        "utc": _range(session.start, session.end, ptime.UTC, session.day),
        "offset": ptime.offset_label(session.start),
    }


def weekday_label(day: dt.date) -> str:
    """'Tuesday 22 September 2020'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def shift_label(days: int) -> str:
    """'+1 day', '−2 days' (a real minus sign), '' for the same day."""
    if days == 0:
        return ""
    sign = "+" if days > 0 else "\u2212"
    return f"{sign}{abs(days)} day{'s' if abs(days) != 1 else ''}"


def date_label(day: dt.date | None) -> str:
    if day is None:
        return "Date not documented"
    return f"{day.day} {day:%B %Y}"


def date_range_label(start: dt.date, end: dt.date) -> str:
    """'22 September 2020', '22–23 September 2020', '30 September – 1 October 2020'."""
    if start == end:
        return date_label(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_label(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {date_label(end)}"
    return f"{date_label(start)} – {date_label(end)}"


def day_offsets(programme: Programme, day: dt.date) -> str:
    tz = programme.conference.tz
    offsets = []
    moments = [s.start for s in programme.ordered(day) if s.timed]
    moments += [s.end for s in programme.ordered(day) if s.timed]
    if not moments:
        noon = ptime.localize(dt.datetime.combine(day, dt.time(12, 0)), tz)
        moments = [noon]
    for moment in sorted(moments, key=lambda m: m.astimezone(ptime.UTC)):
        label = ptime.offset_label(moment)
        if label not in offsets:
            offsets.append(label)
    return " / ".join(offsets)


def session_offsets(session: Session, tz: dt.tzinfo) -> str:
    if not session.timed:
        noon = ptime.localize(dt.datetime.combine(session.day, dt.time(12, 0)), tz)
        return ptime.offset_label(noon)
    labels = [ptime.offset_label(session.start), ptime.offset_label(session.end)]
    return " / ".join(dict.fromkeys(labels))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _range(start: dt.datetime, end: dt.datetime, tz: dt.tzinfo, day: dt.date) -> dict:
    begin, finish = ptime.in_zone(start, tz), ptime.in_zone(end, tz)
    return {
        "start": f"{begin:%H:%M}",
        "end": f"{finish:%H:%M}",
        "start_shift": shift_label((begin.date() - day).days),
        "end_shift": shift_label((finish.date() - day).days),
    }
