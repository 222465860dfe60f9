"""How a reference says what is not known, once, and shows its address.

Reference lists name every source with what is known of it. Two unknowns
are said by convention rather than in each entry, as reference styles do:

- a title written for this site because the original one is not known is
  shown in square brackets ("[Kick-off meeting in Yogyakarta]"); the
  bibliography page says once what the brackets mean;
- an unknown date is the label's "n.d." already.

So a note's sentences that only say so ("Descriptive title; the original
headline is to be confirmed", "Date of the page to be confirmed") are left
out of the entry; every other sentence of the note stays as written.

Addresses are shown decoded ("…/사회적기업" rather than "…/%EC%82%AC…"),
while the link itself keeps the address exactly as the source gives it.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

DESCRIBED = re.compile(r"^\s*descriptive title\b", re.I)
"""A note's sentence that says the title was written for this site."""
UNKNOWN_DATE = re.compile(r"^\s*(the )?date( of [\w ]+)? (is )?to be confirmed\s*$", re.I)
"""A note's sentence that only says the date is not known."""
SENTENCE = re.compile(r"(?<=\.)\s+")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def clean_note(note: str) -> tuple[str, bool]:
    """(the note without its 'descriptive title' and 'date unknown' sentences,
    whether the title is descriptive)."""
    kept, described = [], False
    for sentence in SENTENCE.split(note.strip()):
        if DESCRIBED.match(sentence):
            described = True
        elif sentence and not UNKNOWN_DATE.match(sentence.rstrip(".")):
            kept.append(sentence)
    return " ".join(kept), described


def display_url(url: str) -> str:
    """The address as readers should read it: percent-escapes decoded.

    Escapes that would change how the address reads (spaces, the separators
    of its parts) stay encoded, and so does anything that is not UTF-8.
    """
    try:
        decoded = unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url
    if any(c.isspace() or (ord(c) < 32) for c in decoded):
        return url
    for reserved in ("%2F", "%3F", "%23", "%26", "%3D", "%25"):
        if reserved in url.upper():
            return url
    return decoded
