"""How the site publishes studies that are not final (status draft or review).

One setting, `extra.drafts` in mkdocs.yml (set from the SITE_DRAFTS
environment variable), chooses the mode for a whole build:

- ``show``: drafts are built and listed, with their banner (previews);
- ``noindex``: the same, plus ``<meta name="robots" content="noindex">`` on
  each draft's page and no sitemap entry, so search engines leave them out
  (the public site while studies are drafts);
- ``exclude``: drafts are not built and not listed in the countries index or
  the comparison (a public site of final studies only).
"""

from __future__ import annotations

from ..core.urls import study_uri, translation_uri
from .studies import Study

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

MODES = ("show", "noindex", "exclude")
DEFAULT = "show"
ROBOTS = "noindex"

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def is_draft(study: Study) -> bool:
    """Draft and review studies are drafts; only final ones are not."""
    return not study.is_final


def published(studies: list[Study], mode: str) -> list[Study]:
    """The studies a build in `mode` publishes, in the given order."""
    if mode == "exclude":
        return [s for s in studies if not is_draft(s)]
    return list(studies)


def noindex_pages(studies: list[Study], mode: str) -> set[str]:
    """Source URIs of the pages that get a robots noindex in `mode`."""
    if mode != "noindex":
        return set()
    return {
        uri
        for s in studies
        if is_draft(s)
        for uri in [study_uri(s.slug)] + [translation_uri(s.slug, t.lang) for t in s.translations]
    }
