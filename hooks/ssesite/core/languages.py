"""BCP 47 language tags: validation and English display names."""

from __future__ import annotations

import functools

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
