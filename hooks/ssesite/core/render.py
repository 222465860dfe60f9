"""Rendering generated pages from the Jinja templates in overrides/content/.

Generated pages are Markdown (so MkDocs builds their table of contents and
search entries) whose data-bearing parts are HTML blocks. The environment
auto-escapes everything: data fields are never HTML. The `md` filter escapes
a value for use in Markdown text such as a heading.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import OrderedDict
from pathlib import Path

import jinja2
from markupsafe import Markup

from .languages import script_lang

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Characters that are Markdown, HTML or citation syntax, as numeric character
# references: Markdown leaves references alone and the browser shows the
# character, so a data field can never become markup.
MARKDOWN_ENTITIES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|<>~^=:@$&\"'"}

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def environment(templates_dir: Path) -> jinja2.Environment:
    """A Jinja environment over `templates_dir` with the project's filters (HTML-safe)."""
    env = _environment(templates_dir, autoescape=True)
    env.filters["md"] = markdown_text
    env.filters["long_date"] = long_date
    env.filters["yaml_string"] = yaml_string
    env.filters["script_lang"] = script_lang
    return env


def text_environment(templates_dir: Path) -> jinja2.Environment:
    """For templates that write YAML and Markdown files, not pages: no HTML escaping."""
    env = _environment(templates_dir, autoescape=False)
    env.filters["yaml_string"] = yaml_scalar
    return env


def render(env: jinja2.Environment, template: str, **context) -> str:
    return env.get_template(template).render(**context)


def markdown_text(value: object) -> Markup:
    """Escape `value` for Markdown text: HTML-escaped, Markdown syntax inert."""
    text = " ".join(str(value).split())
    return Markup("".join(MARKDOWN_ENTITIES.get(c, c) for c in text))


def long_date(value: dt.date) -> str:
    """2020-09-22 -> '22 September 2020' (the ILO's house style)."""
    return f"{value.day} {value:%B %Y}"


def yaml_scalar(value: object) -> Markup:
    """A double-quoted YAML scalar on one line (JSON strings are valid YAML)."""
    return Markup(json.dumps(" ".join(str(value).split()), ensure_ascii=False))


def yaml_string(value: object) -> Markup:
    """A front-matter value for a generated page: a YAML scalar of HTML-escaped text.

    Material's templates print `page.meta.title` and `page.meta.description`
    without escaping (its Jinja environment does not auto-escape), so the text
    is escaped here, once.
    """
    return yaml_scalar(html.escape(" ".join(str(value).split()), quote=True))


def _environment(templates_dir: Path, *, autoescape: bool) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates kept in memory, the most recently used `limit` of them.

    A build makes new Jinja environments (MkDocs' theme, the generated pages),
    and each compiles every template again: a third of a rebuild under
    `mkdocs serve`. An environment given this cache compiles only templates
    that no earlier environment with the same cache compiled, or whose source
    changed since (Jinja compares checksums). One cache per kind of
    environment: code compiled with one environment's settings (autoescaping,
    filters) must not run in another.
    """

    def __init__(self, limit: int = 512):
        self.limit = limit
        self._code: OrderedDict[str, bytes] = OrderedDict()
        self.compiled_new = False
        """Whether a template was compiled since the code was last `added`."""

    def code(self) -> dict[str, bytes]:
        """Every compiled template kept: bucket key -> Jinja's bytecode string."""
        return dict(self._code)

    def add(self, code: dict[str, bytes]) -> None:
        """Keep code compiled elsewhere (by an earlier build: `site.templatecache`)."""
        for key, value in code.items():
            self._code.setdefault(key, value)
        self.compiled_new = False

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            self._code.move_to_end(bucket.key)
            bucket.bytecode_from_string(code)  # ignored if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled_new = True
        self._code[bucket.key] = bucket.bytecode_to_string()
        self._code.move_to_end(bucket.key)
        while len(self._code) > self.limit:
            self._code.popitem(last=False)
