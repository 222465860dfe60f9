"""View models of the programme pages: what the templates render.

Every label, link and time shown on the programme pages is decided here.
Times are always given in the conference's timezone, labelled as such, and
in UTC, so a page is complete and correct without JavaScript; the small
script in docs/assets/javascripts/ only adds the reader's own timezone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..core.urls import relative_url, study_uri
from . import time as ptime
from .gaps import day_gaps, session_gaps, venue_gap
from .labels import (
    date_label,
    date_range_label,
    day_offsets,
    session_offsets,
    times_view,
    weekday_label,
)
from .links import (
    CHANGES,
    PROGRAMME,
    PROGRAMME_ICS,
    SCHEDULE_JSON,
    SCHEDULE_XML,
    SPEAKERS,
    session_ics_uri,
    session_uri,
)
from .model import Programme, Session
from .vocabulary import (
    ATTENDANCE_LABELS,
    CHANGE_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    TO_BE_CONFIRMED,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The Material admonition each conference status is announced with.
BANNER_KINDS = {
    "scheduled": "info",
    "rescheduled": "info",
    "postponed": "warning",
    "moved-online": "warning",
    "cancelled": "danger",
    "held": "success",
}

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def programme_view(project) -> dict:
    """The programme overview: the conference's facts, then the sessions by day."""
    programme = project.programme
    here = PROGRAMME
    return {
        "conference": conference_facts(programme),
        "banner": banner_view(programme, here),
        "zone": zone_view(programme),
        "has_times": any(s.timed for s in programme.sessions),
        "days": [
            {
                "iso": day.isoformat(),
                "label": weekday_label(day),
                "offsets": day_offsets(programme, day),
                "timed": any(s.timed for s in programme.ordered(day)),
                "gaps": day_gaps(programme, programme.ordered(day)),
                "rows": [row_view(programme, s, here) for s in programme.ordered(day)],
            }
            for day in programme.conference.days
        ],
        "downloads": downloads_view(programme, here),
        "links": {
            "speakers": relative_url(SPEAKERS, here),
            "changes": relative_url(CHANGES, here),
        },
        "updated": _updated(programme),
    }


def session_view(project, session: Session) -> dict:
    """A session's page: when, where, who, what, and its own history."""
    programme = project.programme
    here = session_uri(session.id)
    chair = programme.person(session.chair) if session.chair else None
    return {
        "session": session,
        "name": session.page_name,
        "kind_label": KIND_LABELS[session.kind],
        "zone": zone_view(programme),
        "day_label": weekday_label(session.day),
        "row": row_view(programme, session, here),
        "offsets": session_offsets(session, programme.conference.tz),
        "room": _room_label(programme, session),
        "gaps": session_gaps(programme, session),
        "chair": _person_link(chair, here) if chair else None,
        "talks": [
            {
                "title": talk.title,
                "speakers": [
                    _person_link(programme.person(p), here)
                    for p in talk.speakers
                    if programme.person(p)
                ],
                "study": _study_link(project, talk.study, here) if talk.study else None,
                "abstract": talk.abstract,
                "cancelled": talk.cancelled,
            }
            for talk in session.talks
        ],
        "history": [_change_view(c) for c in session.history],
        "ics": relative_url(session_ics_uri(programme, session.id), here),
        "ics_name": session_ics_uri(programme, session.id).rsplit("/", 1)[-1],
        "links": {
            "programme": relative_url(PROGRAMME, here),
            "changes": relative_url(CHANGES, here),
        },
        "conference_title": programme.conference.title,
    }


def speakers_view(project) -> dict:
    """Everyone who speaks or chairs, in data order, with their sessions and studies."""
    programme = project.programme
    here = SPEAKERS
    people = []
    for person in programme.people:
        sessions = [
            {
                "name": s.page_name,
                "url": relative_url(session_uri(s.id), here),
                "role": _role(s, person.id),
                "cancelled": s.cancelled,
            }
            for s in programme.sessions_of(person.id)
        ]
        slugs = [person.study] if person.study else []
        for session in programme.sessions_of(person.id):
            for talk in session.talks:
                if person.id in talk.speakers and talk.study and talk.study not in slugs:
                    slugs.append(talk.study)
        people.append(
            {
                "person": person,
                "sessions": sessions,
                "studies": [_study_link(project, slug, here) for slug in slugs],
            }
        )
    return {
        "people": people,
        "links": {"programme": relative_url(PROGRAMME, here)},
    }


def changes_view(project) -> dict:
    """The record of changes: the conference's status history, then session changes."""
    programme = project.programme
    here = CHANGES
    conference = [
        {
            "status_label": STATUS_LABELS[entry.status],
            "recorded": entry.recorded,
            "recorded_label": date_label(entry.recorded),
            "planned_label": entry.planned.label() if entry.planned else "",
            "attendance_label": ATTENDANCE_LABELS.get(entry.attendance, ""),
            "note": entry.note,
            "source": entry.source,
            "source_site": _site_of(entry.source),
            "current": index == len(programme.conference.history) - 1,
        }
        for index, entry in enumerate(programme.conference.history)
    ]
    sessions = sorted(
        (
            {
                "recorded": change.recorded,
                "recorded_label": date_label(change.recorded),
                "session": session.page_name,
                "url": relative_url(session_uri(session.id), here),
                **_change_view(change),
            }
            for session in programme.sessions
            for change in session.history
        ),
        key=lambda c: c["recorded"],
        reverse=True,
    )
    return {
        "conference": conference,
        "sessions": sessions,
        "sources": programme.conference.sources,
        "updated": _updated(programme),
        "links": {"programme": relative_url(PROGRAMME, here)},
    }


def banner_view(programme: Programme, here: str) -> dict:
    """The conference status banner for the page `here` (home or programme)."""
    conference = programme.conference
    status = conference.status
    current = date_range_label(conference.start_date, conference.end_date)
    previous = [d.label() for d in conference.previous_dates]
    if status == "held":
        headline = f"Held on {current}" + (
            f", after it was planned for {' and then '.join(previous)}" if previous else ""
        )
    elif status == "rescheduled" and previous:
        headline = f"Rescheduled from {' and then '.join(previous)} to {current}"
    elif status == "postponed":
        headline = (
            f"Postponed from {previous[-1] if previous else current}; new date {TO_BE_CONFIRMED}"
        )
    elif status == "cancelled":
        headline = f"Cancelled (it was planned for {current})"
    elif status == "moved-online":
        headline = f"Moved online, {current}"
    else:
        headline = f"Scheduled for {current}"
    return {
        "status": status,
        "admonition": BANNER_KINDS[status],
        "status_label": STATUS_LABELS[status],
        "headline": headline,
        "attendance": conference.attendance,
        "attendance_label": ATTENDANCE_LABELS[conference.attendance],
        "note": conference.history[-1].note,
        "links": {
            "programme": relative_url(PROGRAMME, here),
            "changes": relative_url(CHANGES, here),
        },
        "on_programme": here == PROGRAMME,
    }


def study_presentations(project, study) -> dict:
    """Where the study `study` was presented at the conference, for its page."""
    programme = project.programme
    here = study_uri(study.slug)
    items = []
    if programme is not None:
        for session, talk in programme.talks_presenting(study.slug):
            presenters = [programme.person(p) for p in talk.speakers if programme.person(p)]
            items.append(
                {
                    "session": session.page_name,
                    "url": relative_url(session_uri(session.id), here),
                    "talk": talk.title or f"Title {TO_BE_CONFIRMED}",
                    "speakers": [p.name for p in presenters],
                    "day_label": weekday_label(session.day),
                    "cancelled": session.cancelled or talk.cancelled,
                }
            )
    return {
        "talks": items,
        "programme": relative_url(PROGRAMME, here) if programme is not None else "",
        "conference_title": programme.conference.title if programme is not None else "",
        "dates": (
            date_range_label(programme.conference.start_date, programme.conference.end_date)
            if programme is not None
            else ""
        ),
    }


def conference_facts(programme: Programme) -> dict:
    conference = programme.conference
    venue = conference.venue
    return {
        "title": conference.title,
        "dates": date_range_label(conference.start_date, conference.end_date),
        "place": ", ".join(p for p in (venue.city, venue.country) if p),
        "venue": venue.name,
        "venue_gap": venue_gap(programme),
        "attendance_label": ATTENDANCE_LABELS[conference.attendance],
        "online": conference.attendance in ("online", "mixed"),
        "stream_url": conference.stream_url,
        "status_label": STATUS_LABELS[conference.status],
        "organisers": conference.organisers,
        "timezone": conference.timezone,
    }


def zone_view(programme: Programme) -> dict:
    name = programme.conference.timezone
    return {"name": name, "city": ptime.city(name), "label": f"{ptime.city(name)} time"}


def row_view(programme: Programme, session: Session, here: str) -> dict:
    """One line of a times table: the session and its times in both zones."""
    return {
        "id": session.id,
        "name": session.page_name,
        "url": relative_url(session_uri(session.id), here),
        "kind": session.kind,
        "kind_label": KIND_LABELS[session.kind],
        "cancelled": session.cancelled,
        "room": _room_label(programme, session),
        "speakers": [
            programme.person(p).name
            for t in session.talks
            for p in t.speakers
            if programme.person(p)
        ],
        "day": session.day.isoformat(),
        "times": times_view(session, programme.conference.tz) if session.timed else None,
    }


def downloads_view(programme: Programme, here: str) -> dict:
    return {
        "ics": relative_url(PROGRAMME_ICS, here),
        "xml": relative_url(SCHEDULE_XML, here),
        "json": relative_url(SCHEDULE_JSON, here),
        "exported": sum(1 for s in programme.sessions if s.timed and not s.cancelled),
        # A cancelled session is not one whose times are unknown: it is not counted
        "total": sum(1 for s in programme.sessions if not s.cancelled),
    }


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _role(session: Session, person_id: str) -> str:
    """'Chair', 'Speaker', or 'Chair and speaker' for one who does both."""
    speaks = any(person_id in talk.speakers for talk in session.talks)
    if session.chair == person_id:
        return "Chair and speaker" if speaks else "Chair"
    return "Speaker"


def _room_label(programme: Programme, session: Session) -> str:
    room = programme.room(session.room) if session.room else None
    if room is None:
        return ""  # said once on the page: `gaps`
    return room.name + (" (online)" if room.kind == "online" else "")


def _site_of(url: str) -> str:
    """'http://www.ilo.ch/global/…' -> 'ilo.ch': a source link says where it leads."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _person_link(person, here: str) -> dict:
    return {
        "name": person.name,
        "detail": ", ".join(p for p in (person.role, person.affiliation) if p),
        "url": relative_url(SPEAKERS, here) + "#" + person.id,
    }


def _study_link(project, slug: str, here: str) -> dict:
    study = next((s for s in project.studies if s.slug == slug), None)
    return {
        "title": study.title if study else slug,
        "country": study.country.name if study else slug,
        "url": relative_url(study_uri(slug), here),
    }


def _change_view(change) -> dict:
    return {
        "change_label": CHANGE_LABELS[change.change],
        "change": change.change,
        "recorded_label": date_label(change.recorded),
        "was": change.was,
        "note": change.note,
    }


def _updated(programme: Programme) -> dict:
    moment = programme.updated
    return {"iso": moment.isoformat().replace("+00:00", "Z"), "label": date_label(moment.date())}
