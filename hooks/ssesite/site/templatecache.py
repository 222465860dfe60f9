"""Compiled Jinja templates kept from one build to the next, beside the content cache.

A build in a new process (`make site`, CI, every build `make bench` times)
compiled every template of MkDocs' theme and of the generated pages again:
about 0.35 s of CPU at N = 300, the same for every build. The compiled code
is kept in the user's cache folder under the same protection as the loaded
content (`contentcache`: never in the checkout; an HMAC made with a key only
the user can read). Compiled code is code: an entry not written with that
key is never read.

The entry's key covers where the project is, mkdocs.yml (the theme and its
settings decide how the theme's templates compile), this package's code and
the libraries' versions (Jinja's included). Jinja itself compares each
template's source with the checksum stored with its code, so an edited
template is compiled again; the entry is then written anew.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..core.render import CompiledTemplates
from . import contentcache

PREFIX = "templates-"
KINDS = ("theme", "pages")
"""MkDocs' theme environment, and the generated pages' (`core.render.environment`)."""


class TemplateStore:
    """The compiled templates of one project in the user's cache."""

    def __init__(self, root: Path, environ: Mapping[str, str] = os.environ):
        self.cache = None
        self.key = ""
        if contentcache.enabled(environ):
            self.cache = contentcache.ContentCache(root, environ, prefix=PREFIX)
            digest = self.cache.code_digest()
            try:
                digest.update((root / "mkdocs.yml").read_bytes())
            except OSError:
                self.cache = None  # no configuration to key on: nothing kept
            self.key = digest.hexdigest()

    def fill(self, compiled: dict[str, CompiledTemplates]) -> None:
        """Add the stored code to the caches of `compiled` that hold none yet."""
        empty = [kind for kind in KINDS if not compiled[kind].code()]
        stored = self.cache.get(self.key) if self.cache is not None and empty else None
        for kind in empty:
            code = stored.get(kind) if isinstance(stored, dict) else None
            if code:
                compiled[kind].add(code)

    def keep(self, compiled: dict[str, CompiledTemplates]) -> None:
        """Store the compiled code when this build compiled something new."""
        if self.cache is None or not any(compiled[kind].compiled_new for kind in KINDS):
            return
        self.cache.put(self.key, {kind: compiled[kind].code() for kind in KINDS})
        for kind in KINDS:
            compiled[kind].compiled_new = False
