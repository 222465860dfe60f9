"""schema.org JSON-LD for the conference and its sessions.

The conference is an Event whose eventStatus follows its status history. It
was postponed and then given a new date, so it is EventRescheduled with
`previousStartDate` (Google's rule: previousStartDate only with
EventRescheduled, which this module guarantees by construction), and hybrid,
so MixedEventAttendanceMode with both a Place and a VirtualLocation. Sessions
are Events linked to it by superEvent/subEvent.
"""

from __future__ import annotations

import json

from .. import time as ptime
from ..links import PROGRAMME, link, session_uri
from ..model import Programme, Session

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
    "moved-online": "EventMovedOnline",
    "cancelled": "EventCancelled",
    "held": "EventScheduled",
}
ATTENDANCE_MODE = {
    "in-person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def conference_jsonld(programme: Programme, site_url: str | None, here: str) -> dict:
    """The conference with every session as a subEvent, for the page `here`."""
    data = {"@context": "https://schema.org", **_conference(programme, site_url, here)}
    data["subEvent"] = [
        _session(programme, s, site_url, here, with_super=False) for s in programme.ordered()
    ]
    return data


def session_jsonld(programme: Programme, session: Session, site_url: str | None) -> dict:
    """One session, with the conference as its superEvent."""
    here = session_uri(session.id)
    data = {"@context": "https://schema.org"}
    data.update(_session(programme, session, site_url, here, with_super=True))
    return data


def script_text(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> element: '<', '>', '&' escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _conference(programme: Programme, site_url, here: str) -> dict:
    conference = programme.conference
    url = link(site_url, PROGRAMME, here)
    data = {
        "@type": "Event",
        "@id": url + "#conference",
        "name": conference.title,
        "url": url,
        "startDate": conference.start_date.isoformat(),
        "endDate": conference.end_date.isoformat(),
        "eventStatus": SCHEMA + _event_status(conference),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[conference.attendance],
        "location": _locations(programme),
    }
    previous = [d.iso() for d in conference.previous_dates]
    if conference.status in ("rescheduled", "held") and previous:
        data["previousStartDate"] = previous[0] if len(previous) == 1 else previous
    if conference.organisers:
        data["organizer"] = [{"@type": "Organization", "name": n} for n in conference.organisers]
    return data


def _event_status(conference) -> str:
    """schema.org has no 'held': a held conference that was rescheduled says so."""
    if conference.status == "held" and conference.previous_dates:
        return EVENT_STATUS["rescheduled"]
    return EVENT_STATUS[conference.status]


def _session(programme: Programme, session: Session, site_url, here: str, with_super) -> dict:
    url = link(site_url, session_uri(session.id), here)
    if session.timed:
        start, end = ptime.iso(session.start), ptime.iso(session.end)
    else:
        start = end = session.day.isoformat()
    data = {
        "@type": "Event",
        "@id": url + "#session",
        "name": session.name,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + ("EventCancelled" if session.cancelled else "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[programme.conference.attendance],
        "location": _locations(programme),
    }
    if session.abstract:
        data["description"] = session.abstract
    performers = [programme.person(p) for t in session.talks for p in t.speakers]
    if performers:
        data["performer"] = [_person(p) for p in dict.fromkeys(performers)]
    conference_url = link(site_url, PROGRAMME, here)
    data["superEvent"] = (
        {
            "@type": "Event",
            "@id": conference_url + "#conference",
            "name": programme.conference.title,
            "url": conference_url,
        }
        if with_super
        else {"@id": conference_url + "#conference"}
    )
    return data


def _locations(programme: Programme) -> list[dict] | dict:
    conference = programme.conference
    venue = conference.venue
    place = {
        "@type": "Place",
        "name": venue.name or venue.city,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": venue.city,
            "addressCountry": venue.country,
        },
    }
    virtual: dict = {"@type": "VirtualLocation", "name": "Online"}
    if conference.stream_url:
        virtual["url"] = conference.stream_url
    if conference.attendance == "in-person":
        return place
    if conference.attendance == "online":
        return virtual
    return [place, virtual]


def _person(person) -> dict:
    data = {"@type": "Person", "name": person.name}
    if person.role:
        data["jobTitle"] = person.role
    if person.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": person.affiliation}
    return data
