"""Local times of the conference: timezone lookup, DST gaps and folds, offsets.

Organisers write times as they appear on the venue's clock ("2020-09-22
10:00" in Asia/Seoul). Such a wall-clock time may not exist (skipped when
clocks go forward) or may exist twice (when they go back); both are errors
in a programme, because a reader's calendar would have to guess. Everything
here is plain `zoneinfo`, so it is tested without MkDocs.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import cache

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

UTC = dt.UTC

# What a wall-clock time is in a timezone.
VALID = "valid"
NONEXISTENT = "nonexistent"
AMBIGUOUS = "ambiguous"

# Abbreviations an organiser may write for the zones of the project's
# countries; none is an IANA name, and a spelling hint would mislead
# ('KST' is not 'MST'). CST is China Standard Time here.
ABBREVIATIONS = {
    "KST": "Asia/Seoul",
    "JST": "Asia/Tokyo",
    "CST": "Asia/Shanghai",
    "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore",
    "MYT": "Asia/Kuala_Lumpur",
    "PHT": "Asia/Manila",
    "PHST": "Asia/Manila",
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
    "ICT": "Asia/Bangkok",
    "IST": "Asia/Kolkata",
}

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


@cache
def available_timezones() -> tuple[str, ...]:
    """Every IANA timezone name known to this machine (tzdata), sorted."""
    return tuple(sorted(zoneinfo.available_timezones()))


def zone(name: str) -> zoneinfo.ZoneInfo | None:
    """The timezone called `name`, or None when there is no such IANA zone."""
    if name not in available_timezones():
        return None
    return zoneinfo.ZoneInfo(name)


def classify(local: dt.datetime, tz: dt.tzinfo) -> str:
    """Whether the naive wall-clock time `local` is valid, nonexistent or ambiguous in `tz`."""
    early = local.replace(tzinfo=tz, fold=0)
    late = local.replace(tzinfo=tz, fold=1)
    if early.utcoffset() == late.utcoffset():
        return VALID
    # In a gap both readings are invented and neither survives a round trip
    # through UTC; in a fold both readings are real and both survive.
    if _wall(early, tz) != local:
        return NONEXISTENT
    return AMBIGUOUS


def localize(local: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """The aware time of wall-clock `local` in `tz` (call `classify` first)."""
    return local.replace(tzinfo=tz, fold=0)


def to_utc(local: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """The UTC instant of wall-clock `local` in `tz`."""
    return localize(local, tz).astimezone(UTC)


def in_zone(instant: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """The aware instant `instant` as seen on the clocks of `tz`."""
    return instant.astimezone(tz)


def day_shift(instant: dt.datetime, reference_day: dt.date, tz: dt.tzinfo) -> int:
    """Days between the date of `instant` in `tz` and `reference_day` (-1, 0, +1...)."""
    return (in_zone(instant, tz).date() - reference_day).days


def offset_label(moment: dt.datetime) -> str:
    """'UTC+09:00', 'UTC−03:30', 'UTC' for an aware time (a real minus sign)."""
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def iso(moment: dt.datetime) -> str:
    """ISO 8601 with seconds and an explicit offset ('+00:00', never 'Z')."""
    return moment.isoformat(timespec="seconds")


def city(tz_name: str) -> str:
    """'Asia/Seoul' -> 'Seoul'; 'America/Argentina/Buenos_Aires' -> 'Buenos Aires'."""
    return tz_name.rsplit("/", 1)[-1].replace("_", " ")


def local_text(moment: dt.datetime) -> str:
    """'2020-09-22 10:00': how the data file writes a local time."""
    return moment.strftime("%Y-%m-%d %H:%M")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _wall(moment: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    return moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
