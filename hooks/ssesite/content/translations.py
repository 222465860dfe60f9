"""Translations of a study: `studies/<slug>/index.<lang>.md` beside the original.

A translation has front matter of its own: the translated `title` and
`summary`, `translation_of: {revised: DATE}` (the original's `last_revised`
it was made from), optional `reviewed: true` once a native speaker has
reviewed it, and optionally the original's `framework:` data unchanged (the
data is the original's; a translation never has other data). Its body is the
translated text, or empty when only the title and summary are translated.

A translation that records an older revision than the original's
`last_revised` is still published; its page says that the original is newer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.fields import Record
from ..core.languages import is_valid_tag
from ..core.problems import Problems, one_of
from ..core.yamlsource import load_yaml, split_front_matter

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The languages a page can be in: BCP 47 tag -> Material's interface language
# (its partials/languages/<name>.html). The site's own strings for each are in
# overrides/partials/sse/strings.html.
LANGUAGES = {
    "en": "en",
    "id": "id",
    "ms": "ms",
    "fil": "tl",
    "zh-Hans": "zh",
    "ja": "ja",
    "ko": "ko",
}
FIELDS = ("title", "summary", "translation_of", "reviewed", "framework")
FILE_NAME = re.compile(r"^index\.(?P<lang>[A-Za-z0-9-]+)\.md$")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Translation:
    lang: str
    """BCP 47 tag, one of LANGUAGES."""
    source: str
    """Path of the file relative to the project root."""
    title: str
    summary: str
    of_revision: dt.date
    """The original's `last_revised` this translation was made from."""
    reviewed: bool
    body: str = ""
    body_line: int = 1

    @property
    def interface(self) -> str:
        """Material's interface language for the page."""
        return LANGUAGES[self.lang]

    @property
    def is_full(self) -> bool:
        """True when the text is translated, not only the title and summary."""
        return bool(self.body.strip())


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def is_translation(path: Path) -> bool:
    return FILE_NAME.match(path.name) is not None


def load_translations(
    root: Path,
    folder: Path,
    original: dict,
    framework_of: Callable[[Record], dict],
    problems: Problems,
) -> list[Translation]:
    """Read every `index.<lang>.md` in a study folder, sorted by language tag.

    `original` has the original's `languages`, `last_revised` and parsed
    framework `data`; `framework_of` parses a translation's `framework:` the
    same way.
    """
    translations = []
    for path in sorted(folder.iterdir()):
        match = FILE_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        translation = _load(root, path, match["lang"], original, framework_of, problems)
        if translation is not None:
            translations.append(translation)
    return translations


def _load(root, path, lang, original, framework_of, problems) -> Translation | None:
    file = path.relative_to(root).as_posix()
    before = len(problems)
    if not is_valid_tag(lang) or lang not in LANGUAGES:
        problems.add(
            file,
            None,
            "",
            "expected a file name index.<language>.md with a language the site has "
            f"interface strings for ({one_of(sorted(set(LANGUAGES) - {'en'}))}), found "
            f"{lang!r}",
        )
        return None
    if lang in original["languages"]:
        problems.add(
            file,
            None,
            "",
            f"expected a language the study is not written in (it is in "
            f"{', '.join(original['languages'])}), found {lang!r}",
        )
        return None
    front, body, body_line = split_front_matter(path.read_text(encoding="utf-8"))
    if front is None:
        problems.add(
            file,
            1,
            "",
            "expected front matter (title, summary, translation_of) at the top of the "
            "file, found none",
        )
        return None
    located = load_yaml(front, file, problems, line_offset=1)
    if located is None:
        return None
    meta = Record(located, file, problems)
    if not meta.is_mapping("front matter made of 'field: value' lines"):
        return None
    meta.check_keys(FIELDS)
    title = meta.text("title")
    summary = meta.text("summary")
    revised = _revision(meta, original["last_revised"])
    reviewed = meta.raw("reviewed")
    if reviewed is not None and not isinstance(reviewed, bool):
        meta.expected("reviewed", "true or false (has a native speaker reviewed it?)", reviewed)
    if meta.raw("framework") is not None and framework_of(meta) != original["framework"]:
        meta.expected(
            "framework",
            "the framework data of the original, unchanged (or no framework field)",
            "different data",
        )
    if len(problems) > before:
        return None
    return Translation(
        lang=lang,
        source=file,
        title=title,
        summary=summary,
        of_revision=revised,
        reviewed=bool(reviewed),
        body=body,
        body_line=body_line,
    )


def _revision(meta: Record, last_revised: dt.date) -> dt.date | None:
    expected = "the revision of the original it translates, as {revised: YYYY-MM-DD}"
    value = meta.raw("translation_of")
    if value is None:
        meta.missing("translation_of", expected)
        return None
    of = meta.child("translation_of", value)
    if not of.is_mapping(expected):
        return None
    of.check_keys(["revised"])
    revised = of.date("revised")
    if revised and last_revised and revised > last_revised:
        of.expected(
            "revised",
            f"a date on or before the original's last_revised ({last_revised.isoformat()})",
            revised.isoformat(),
        )
        return None
    return revised
