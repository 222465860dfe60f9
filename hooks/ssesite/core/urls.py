"""Where generated pages live and how pages link to each other.

MkDocs is configured with directory URLs: `countries/korea/index.md` is
served at `countries/korea/`, `framework.md` at `framework/`. Links inside
HTML blocks are not rewritten by MkDocs, so they are computed here,
relative to the page that holds them, which keeps the site browsable from
any sub-path and from the file system.
"""

from __future__ import annotations

import functools
import posixpath

COUNTRIES_INDEX = "countries/index.md"
COMPARISON = "countries/compare.md"
FRAMEWORK = "framework.md"


def study_uri(slug: str) -> str:
    """Source URI of a study's generated page."""
    return f"countries/{slug}/index.md"


def translation_uri(slug: str, lang: str) -> str:
    """Source URI of a study translation's page: served at countries/<slug>/<lang>/."""
    return f"countries/{slug}/{lang}.md"


def translated_page_url(original_uri: str, lang: str) -> str:
    """Where the translation of page `original_uri` into `lang` is served.

    Under its original's address, as a study's: 'about.md' -> 'about/id/',
    'index.md' -> 'id/'. Its file stays beside the original (`about.id.md`),
    so its links are written as the original's are.
    """
    return f"{page_url(original_uri)}{lang}/"


def study_asset_uri(slug: str, relative: str) -> str:
    """Source URI of a file published beside a study page (an image, say)."""
    return f"countries/{slug}/{relative}"


def page_url(src_uri: str) -> str:
    """'countries/korea/index.md' -> 'countries/korea/'; 'index.md' -> ''."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_path(target: str, from_file: str) -> str:
    """The path of file `target` as written in file `from_file` (both from one root).

    For links in Markdown sources, which MkDocs then checks and turns into
    page addresses: 'countries/korea/index.md' from 'about.md' is
    'countries/korea/index.md', from 'countries/japan/index.md' '../korea/index.md'.
    """
    return posixpath.relpath(target, posixpath.dirname(from_file) or ".")


def relative_url(target_src: str, from_src: str) -> str:
    """URL of page `target_src` as written in page `from_src` (both source URIs)."""
    return link(page_url(target_src), page_url(from_src))


# The same few hundred pages are linked from thousands of places.
@functools.lru_cache(maxsize=4096)
def link(target_url: str, from_url: str) -> str:
    """The address of `target_url` written in a page served at `from_url`.

    The one computation of a relative URL in the package. Both are
    site-relative page addresses as MkDocs gives them ('countries/korea/',
    'glossary/', '' for the home page; or 'glossary.html' without directory
    URLs).
    """
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath(target_url or ".", base or ".")
    if (not target_url or target_url.endswith("/")) and rel != ".":
        rel += "/"
    return "./" if rel == "." else rel
