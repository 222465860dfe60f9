"""Translations: of a study, and of a hand-written page of docs/, each beside its original.

A study's translation is `studies/<slug>/index.<lang>.md`; a docs page's is
`docs/<page>.<lang>.md` beside `docs/<page>.md` (`docs/about.id.md`). Both
are read and checked here, the same way. A translation has front matter of
its own: the translated `title` and `summary` (a docs page: `description`,
optional), `translation_of: {revised: DATE}` (the revision of the original
it was made from: a study's or a docs page's `revised`),
optional `reviewed: true` once a native speaker has reviewed it, and for a
study optionally the original's `framework:` data unchanged (the data is the
original's; a translation never has other data). Its body is the translated
text, or, for a study, empty when only the title and summary are translated.

A translation that records an older revision than the original's is still
published; its page says that the original is newer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.fields import Record, read_markdown
from ..core.languages import is_valid_tag
from ..core.problems import Problems, one_of
from .studytext import check_study_text

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
ORIGINAL_LANGUAGE = "en"
"""The language of the pages of docs/ (mkdocs.yml, theme.language)."""
STUDY_FIELDS = ("title", "summary", "translation_of", "reviewed", "framework")
PAGE_FIELDS = ("title", "description", "translation_of", "reviewed")
FILE_NAME = re.compile(r"^index\.(?P<lang>[A-Za-z0-9-]+)\.md$")
# A docs page's translation: <page>.<tag>.md, a tag being a language subtag
# and optional subtags ('id', 'zh-Hans'). Other names with dots are pages.
PAGE_FILE_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$")
PAGE_REVISED = "the date of the page's last revision, YYYY-MM-DD (its translations record it)"

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Original:
    """What a translation is checked against: the page it translates."""

    source: str
    """Path of the original's file relative to the project root."""
    languages: tuple[str, ...]
    """The languages the original is written in (the first is its language)."""
    revised: dt.date | None
    """The original's revision (the `revised` date of a study or a docs page)."""
    revised_field: str
    fields: tuple[str, ...] = STUDY_FIELDS
    """The fields of a translation's front matter (STUDY_FIELDS or PAGE_FIELDS)."""
    framework: object = None
    """A study's parsed framework data, which its translations may repeat unchanged."""
    framework_of: Callable[[Record], object] | None = None
    """Parses a translation's `framework:` as the original's was parsed."""

    @property
    def is_study(self) -> bool:
        return self.fields == STUDY_FIELDS

    @property
    def summary_field(self) -> str:
        return "summary" if self.is_study else "description"

    @property
    def noun(self) -> str:
        return "study" if self.is_study else "page"


@dataclass(frozen=True)
class Translation:
    lang: str
    """BCP 47 tag, one of LANGUAGES."""
    source: str
    """Path of the file relative to the project root."""
    title: str
    summary: str
    of_revision: dt.date
    """The original's revision this translation was made from."""
    reviewed: bool
    body: str = ""
    body_line: int = 1
    addresses: tuple = ()
    """Every link and image address of a study translation's text (`core.mdscan.Address`)."""
    assets: tuple = ()
    """Files of the study's folder that a study translation's text links or shows."""

    @property
    def interface(self) -> str:
        """Material's interface language for the page."""
        return LANGUAGES[self.lang]

    @property
    def is_full(self) -> bool:
        """True when the text is translated, not only the title and summary."""
        return bool(self.body.strip())


@dataclass(frozen=True)
class TranslatedPage:
    """A hand-written page of docs/ that has translations."""

    uri: str
    """Its path in docs/ ('about.md'), as MkDocs names it."""
    source: str
    """Path of its file relative to the project root."""
    revised: dt.date
    translations: list[Translation] = field(default_factory=list)

    def translation(self, lang: str) -> Translation | None:
        return next((t for t in self.translations if t.lang == lang), None)

    def translation_uri(self, translation: Translation) -> str:
        """The docs path of `translation`'s file ('about.id.md')."""
        return self.uri[: -len(".md")] + f".{translation.lang}.md"


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def is_translation(path: Path) -> bool:
    """Whether a file of a study folder is one of its translations."""
    return FILE_NAME.match(path.name) is not None


def load_translations(
    root: Path,
    folder: Path,
    original: Original,
    problems: Problems,
) -> list[Translation]:
    """Read every `index.<lang>.md` in a study folder, sorted by language tag."""
    translations = []
    for path in sorted(folder.iterdir()):
        match = FILE_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        translation = _load(root, path, match["lang"], "index", original, problems)
        if translation is not None:
            translations.append(translation)
    return translations


def load_page_translations(root: Path, docs_dir: Path, problems: Problems) -> list[TranslatedPage]:
    """Every page of `docs_dir` that has translations (`<page>.<lang>.md`), sorted by path."""
    found: dict[Path, list[tuple[Path, str]]] = {}
    if not docs_dir.is_dir():
        return []
    for path in sorted(docs_dir.rglob("*.md")):
        match = PAGE_FILE_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        original = path.with_name(match["stem"] + ".md")
        if original.is_file():
            found.setdefault(original, []).append((path, match["lang"]))
        elif match["lang"] in LANGUAGES:
            problems.add(
                path.relative_to(root).as_posix(),
                None,
                "",
                f"expected the page it translates, {original.name}, beside it; found no such file",
            )
    pages = []
    for path, files in found.items():
        page = _load_translated_page(root, docs_dir, path, files, problems)
        if page is not None:
            pages.append(page)
    return pages


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _load_translated_page(root, docs_dir, path, files, problems) -> TranslatedPage | None:
    file = path.relative_to(root).as_posix()
    front = read_markdown(path, file, problems, "title and revised, as it has translations", root)
    if front is None:
        return None
    revised = front.meta.date("revised", required=False)
    if front.meta.raw("revised") is None:
        front.meta.missing("revised", PAGE_REVISED)
    if revised is None:
        return None
    original = Original(file, (ORIGINAL_LANGUAGE,), revised, "revised", PAGE_FIELDS)
    stem = path.name[: -len(".md")]
    translations = [
        _load(root, translation, lang, stem, original, problems) for translation, lang in files
    ]
    return TranslatedPage(
        uri=path.relative_to(docs_dir).as_posix(),
        source=file,
        revised=revised,
        translations=[t for t in translations if t is not None],
    )


def _load(root, path, lang, stem, original: Original, problems) -> Translation | None:
    file = path.relative_to(root).as_posix()
    before = len(problems)
    if not is_valid_tag(lang) or lang not in LANGUAGES:
        problems.add(
            file,
            None,
            "",
            f"expected a file name {stem}.<language>.md with a language the site has "
            f"interface strings for ({one_of(sorted(set(LANGUAGES) - {'en'}))}), found "
            f"{lang!r}",
        )
        return None
    if lang in original.languages:
        problems.add(
            file,
            None,
            "",
            f"expected a language the {original.noun} is not written in (it is in "
            f"{', '.join(original.languages)}), found {lang!r}",
        )
        return None
    summary = original.summary_field
    fields = "title, summary, translation_of" if original.is_study else "title, translation_of"
    front = read_markdown(path, file, problems, fields, root)
    if front is None:
        return None
    meta = front.meta
    meta.check_keys(original.fields)
    title = meta.text("title")
    summary_text = meta.text(summary, required=original.is_study)
    revised = _revision(meta, original)
    reviewed = meta.raw("reviewed")
    if reviewed is not None and not isinstance(reviewed, bool):
        meta.expected("reviewed", "true or false (has a native speaker reviewed it?)", reviewed)
    if (
        original.framework_of is not None
        and meta.raw("framework") is not None
        and original.framework_of(meta) != original.framework
    ):
        meta.expected(
            "framework",
            "the framework data of the original, unchanged (or no framework field)",
            "different data",
        )
    # A study translation's text is checked like the study's (a docs page's is
    # read with the other pages of docs/); it may be empty
    studied = None
    if original.is_study:
        studied = check_study_text(
            front.body, front.body_line, file, path.parent, root, False, problems, True
        )
    if len(problems) > before:
        return None
    return Translation(
        lang=lang,
        source=file,
        title=title,
        summary=summary_text or "",
        of_revision=revised,
        reviewed=bool(reviewed),
        body=front.body,
        body_line=front.body_line,
        addresses=tuple(studied.scan.addresses) if studied else (),
        assets=tuple(studied.assets) if studied else (),
    )


def _revision(meta: Record, original: Original) -> dt.date | None:
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
    if revised and original.revised and revised > original.revised:
        of.expected(
            "revised",
            f"a date on or before the original's {original.revised_field} "
            f"({original.revised.isoformat()})",
            revised.isoformat(),
        )
        return None
    return revised
