"""When a programme session happens: its date, or its local start and end.

Times are written on the conference's clocks ('YYYY-MM-DD HH:MM'); a time
the clocks skip or pass twice in the conference's timezone is a problem.
"""

from __future__ import annotations

import datetime as dt
import re

from ..core.fields import Record
from . import time as ptime
from .time import local_text

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

LOCAL_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$")

LOCAL_TIME_EXPECTED = "a local date and time written 'YYYY-MM-DD HH:MM' (in quotes)"

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def session_when(item: Record, tz: dt.tzinfo | None):
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


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


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
