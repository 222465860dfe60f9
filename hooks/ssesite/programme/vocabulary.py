"""The programme's values: its closed vocabularies, how each reads on the site,
and dates known only to the month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

STATUSES = ("scheduled", "postponed", "rescheduled", "moved-online", "cancelled", "held")
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
    "held": "Held",
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
