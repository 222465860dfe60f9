"""Hosts that are never a source: quizzes, petitions, document sharing, flipbooks.

The sourcing policy (data/README.md, "Which sources") asks for the text
itself: an official database or gazette, the publisher's page, a DOI. The
sites below only hold copies or opinions of uncertain origin, so a source's
address on them is refused wherever a source is given: bibliography entries
(`citations.bibliography`), glossary definitions (`glossary.load`) and the
programme's sources (`core.schema.Url(source=True)`).

This is the one list. A host matches itself and its subdomains
(`scribd.com` also refuses `id.scribd.com`); a flipbook is recognised by its
path as well, since universities publish them on their own hosts.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

NON_SOURCE_HOSTS: dict[str, tuple[str, ...]] = {
    "a quiz or homework site": (
        "quizgecko.com",
        "quizlet.com",
        "quizizz.com",
        "coursehero.com",
        "studocu.com",
        "brainly.com",
        "brainly.co.id",
        "brainly.ph",
        "chegg.com",
        "studylib.net",
    ),
    "a petition site": (
        "change.org",
        "avaaz.org",
        "ipetitions.com",
        "petitions.net",
        "thepetitionsite.com",
        "gopetition.com",
    ),
    "a document-sharing site": (
        "scribd.com",
        "slideshare.net",
        "lawsdocbox.com",
        "docplayer.net",
        "docplayer.info",
        "docslib.org",
        "pdfcoffee.com",
        "dokumen.tips",
        "dokumen.pub",
        "vdocuments.mx",
        "vdocuments.net",
        "fdocuments.in",
        "fdocuments.net",
        "pdfslide.net",
        "slidelegend.com",
        "123dok.com",
        "readkong.com",
        "adoc.pub",
        "doczz.net",
        "documents.pub",
        "academia.edu",
    ),
    "a flipbook": (
        "yumpu.com",
        "issuu.com",
        "calameo.com",
        "fliphtml5.com",
        "anyflip.com",
        "flipsnack.com",
        "pubhtml5.com",
        "flipbuilder.com",
    ),
}

FLIPBOOK_PATHS = ("/flipbook/", "/flipbooks/")
"""Path segments of flipbooks published on any host (a university's, say)."""

POLICY = 'see "Which sources" in data/README.md'

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def non_source(url: str) -> str:
    """What kind of non-source `url` is on ('a petition site (change.org)'), or ''."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    for kind, hosts in NON_SOURCE_HOSTS.items():
        for known in hosts:
            if host == known or host.endswith("." + known):
                return f"{kind} ({known})"
    path = parts.path.lower()
    if any(marker in path for marker in FLIPBOOK_PATHS):
        return f"a flipbook ({host})"
    return ""


def expected_source(kind: str) -> str:
    """The 'expected …' of a problem about an address on a non-source host."""
    return f"the address of the source itself, not of {kind}: {POLICY}"
