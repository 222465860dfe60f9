"""The programme's downloadable files, one module per format.

`FORMATS` is the one registry of whole-programme files that the site's page
registry (`site.pages`) iterates: name -> where the file is published and the
function making its bytes. Add a format by adding a module and a line here.
Per-session calendars (`ics.session_ics`) and the JSON-LD inside pages
(`jsonld`) are made per session and per page by `site.pages`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..links import PROGRAMME_ICS, SCHEDULE_JSON, SCHEDULE_XML
from ..model import Programme
from . import c3voc, frab, ics

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    """A file made from the whole programme: published at `uri`, made by `make`."""

    uri: str
    make: Callable[[Programme, str], bytes]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def schedule_json_bytes(programme: Programme, site_url: str) -> bytes:
    """c3voc schedule.json, as the bytes of the published file."""
    return c3voc.schedule_json(programme, site_url).encode("utf-8")


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FORMATS = {
    "ics": Format(PROGRAMME_ICS, ics.programme_ics),
    "xml": Format(SCHEDULE_XML, frab.schedule_xml),
    "json": Format(SCHEDULE_JSON, schedule_json_bytes),
}
