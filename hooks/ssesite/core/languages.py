"""BCP 47 language tags: validation, English display names, the language of a script."""

from __future__ import annotations

import functools
import unicodedata

# A script that names its language, by the first word of the Unicode
# character names; Han alone does not (Chinese or Japanese), so it gets an
# undetermined language written in Han: browsers and screen readers then pick
# the right font and voice instead of reading it as English.
SCRIPT_LANGUAGES = {
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "THAI": "th",
    "LAO": "lo",
    "KHMER": "km",
    "MYANMAR": "my",
    "CJK": "und-Hani",
    "DEVANAGARI": "und-Deva",
    "ARABIC": "und-Arab",
    "CYRILLIC": "und-Cyrl",
    "BENGALI": "und-Beng",
}

# langcodes and babel load large tables on import. They are imported when
# first used, so that a build whose content comes from the cache, and whose
# pages are made in worker processes, never loads them in the build process.


def is_valid_tag(tag: object) -> bool:
    """True for a well-formed, registered BCP 47 tag such as 'ko' or 'zh-Hans'."""
    if not isinstance(tag, str) or "_" in tag or not tag:
        return False
    import langcodes

    return langcodes.tag_is_valid(tag)


def language_name(tag: str) -> str:
    """'ko' -> 'Korean', 'zh-Hans' -> 'Simplified Chinese'; the tag when unknown."""
    key = tag.replace("-", "_")
    names = _english_names()
    return names.get(key) or names.get(key.split("_")[0]) or tag


@functools.cache
def _english_names():
    from babel import Locale

    return Locale("en").languages


def script_lang(text: object) -> str:
    """The language tag of text written mostly in a non-Latin script, else ''.

    Kana anywhere makes it Japanese (Japanese mixes kana and Han).
    """
    if not isinstance(text, str) or text.isascii():
        return ""
    counts: dict[str, int] = {}
    letters = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        script = unicodedata.name(char, "").split(" ")[0]
        if script in SCRIPT_LANGUAGES:
            counts[script] = counts.get(script, 0) + 1
    if "HIRAGANA" in counts or "KATAKANA" in counts:
        return "ja"
    if not counts or sum(counts.values()) * 2 < letters:
        return ""
    return SCRIPT_LANGUAGES[max(counts, key=counts.get)]
