"""Where the programme's pages and files live, and their stable identifiers.

Identifiers (calendar UIDs, schedule GUIDs) are derived from the ids in the
data only, never from titles, times or the site's address, so they survive
every edit that calendars and schedule apps must treat as an update.

Addresses: the exports need absolute URLs, which exist only when `site_url`
is set (the deployment sets it). Without it, calendars get no URL property,
schedule.xml no url element, schedule.json a `urn:uuid:` identifier where
its schema requires a URI, and the JSON-LD relative references, which JSON-LD
resolves against the page.
"""

from __future__ import annotations

import uuid

from ..core.urls import page_url, relative_url
from .model import Programme, Session

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

PROGRAMME = "programme/index.md"
SPEAKERS = "programme/speakers/index.md"
CHANGES = "programme/changes/index.md"
PROGRAMME_ICS = "programme/programme.ics"
SCHEDULE_XML = "programme/schedule.xml"
SCHEDULE_JSON = "programme/schedule.json"

# The namespace of every uuid5 of this site's programmes. Never change it:
# every calendar entry and schedule GUID already published depends on it.
NAMESPACE = uuid.UUID("6f1d7c52-3f0e-5b8a-9a57-2f0b6c1e9d40")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def session_uri(session_id: str) -> str:
    """Source URI of a session's page."""
    return f"programme/sessions/{session_id}/index.md"


def session_ics_uri(programme: Programme, session_id: str) -> str:
    """The session's calendar file, beside its page, named for a downloads folder."""
    return f"programme/sessions/{session_id}/{programme.conference.acronym}-{session_id}.ics"


def guid(programme: Programme, kind: str, id: str = "") -> uuid.UUID:
    """A stable UUID for the conference, a session, a person or a room."""
    name = f"{programme.conference.acronym}/{kind}" + (f"/{id}" if id else "")
    return uuid.uuid5(NAMESPACE, name)


def session_guid(programme: Programme, session: Session) -> uuid.UUID:
    return guid(programme, "session", session.id)


def conference_guid(programme: Programme) -> uuid.UUID:
    return guid(programme, "conference")


def numeric_id(value: uuid.UUID) -> int:
    """A positive integer for formats that still require one (frab `id`)."""
    return int(value.hex[:7], 16) + 1


def absolute(site_url: str | None, src_uri: str) -> str:
    """The absolute URL of a page or file, or '' when the site has no address."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/" + page_url(src_uri)


def link(site_url: str | None, target_src: str, from_src: str) -> str:
    """Absolute URL when the site has an address, else relative to `from_src`."""
    return absolute(site_url, target_src) or relative_url(target_src, from_src)
