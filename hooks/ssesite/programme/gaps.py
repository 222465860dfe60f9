"""What the programme data does not document, said once per page.

A conference archive whose details are unknown collapses them: a session
without a title is "Session 1", a day without times has no time columns,
and one sentence says what is not documented, instead of "to be confirmed"
in every cell. These functions write that sentence from the data.
"""

from __future__ import annotations

from ..core.wording import join_names
from .model import Programme, Session

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def day_gaps(programme: Programme, sessions: list[Session]) -> str:
    """'Not documented yet: the titles of sessions 1, 2 and 3, the times and the rooms.'"""
    missing = []
    untitled = [s for s in sessions if not s.title]
    if untitled and len(untitled) == len(sessions):
        missing.append("the session titles")
    elif untitled:
        missing.append(f"the titles of {join_names([s.page_name for s in untitled])}")
    untimed = [s for s in sessions if not s.timed]
    if untimed and len(untimed) == len(sessions):
        missing.append("the times")
    elif untimed:
        missing.append(f"the times of {join_names([s.page_name for s in untimed])}")
    if not any(s.room and programme.room(s.room) for s in sessions):
        missing.append("the rooms")
    return _sentence(missing)


def session_gaps(programme: Programme, session: Session) -> str:
    """'Not documented yet: its title, time, room, chair, abstract and talks.'"""
    missing = []
    if not session.title:
        missing.append("title")
    if not session.timed:
        missing.append("time")
    if not (session.room and programme.room(session.room)):
        missing.append("room")
    if not session.chair:
        missing.append("chair")
    if not session.abstract:
        missing.append("abstract")
    if not session.talks:
        missing.append("talks and speakers")
    return f"Not documented yet: its {join_names(missing)}." if missing else ""


def venue_gap(programme: Programme) -> str:
    """'The building is not documented.' while the venue's name is not known."""
    return "" if programme.conference.venue.name else "The building is not documented."


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _sentence(missing: list[str]) -> str:
    return f"Not documented yet: {join_names(missing)}." if missing else ""
