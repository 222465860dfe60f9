"""BCP 47 language tags: validation and English display names."""

from __future__ import annotations

import langcodes
from babel import Locale

_ENGLISH = Locale("en")


def is_valid_tag(tag: object) -> bool:
    """True for a well-formed, registered BCP 47 tag such as 'ko' or 'zh-Hans'."""
    if not isinstance(tag, str) or "_" in tag or not tag:
        return False
    return langcodes.tag_is_valid(tag)


def language_name(tag: str) -> str:
    """'ko' -> 'Korean', 'zh-Hans' -> 'Simplified Chinese'; the tag when unknown."""
    key = tag.replace("-", "_")
    return _ENGLISH.languages.get(key) or _ENGLISH.languages.get(key.split("_")[0]) or tag
