"""The researcher guard on a study's front matter, and checks across studies.

A final study names its authors; no date is in the future (a typo, most
often the year); an ORCID iD's last character is its check digit (ISO 7064
MOD 11-2, as orcid.org computes it); a study folder may not take the address
of a generated page; two studies of one country in one phase are reported in
both files, each naming the other with its line.
"""

from __future__ import annotations

import datetime as dt

from ..core.fields import Record
from ..core.problems import Problems
from .studies import RESERVED_SLUGS, Study

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_front_matter(meta: Record, values: dict) -> None:
    """What the fields' own readers cannot see: a final study's authors, dates to come."""
    check_dates_not_in_future(meta, "written", "revised")
    if values["status"] == "final" and meta.raw("authors") == []:
        meta.expected("authors", "at least one author for a final study", [])


def check_dates_not_in_future(meta: Record, *keys: str) -> None:
    """A date after today is a typo (a day of grace for the time zones east of UTC)."""
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    for key in keys:
        value = meta.raw(key)
        day = value.date() if isinstance(value, dt.datetime) else value
        if isinstance(day, dt.date) and day > tomorrow:
            meta.expected(key, "a date that is not in the future", day.isoformat())


def orcid_check_digit(digits: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 15 digits of an ORCID iD."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def check_orcid_digit(item: Record, key: str, orcid: str) -> None:
    """Report an ORCID iD (already well formed) whose check digit is wrong."""
    digit = orcid_check_digit(orcid[:-1].replace("-", ""))
    if digit != orcid[-1]:
        item.problems.add(
            item.file,
            item.line(key),
            item.field(key),
            "expected an ORCID iD whose last character is its check digit, found "
            f"{orcid!r} (the check digit should be {digit}; look for a typo)",
        )


def reserved_slug(name: str, rel: str, problems: Problems) -> bool:
    """True (with the problem) when a study folder's name is a generated page's address."""
    if name not in RESERVED_SLUGS:
        return False
    problems.add(
        rel,
        None,
        "",
        f"expected a folder name that is not {name!r}, whose address countries/{name}/ is "
        f"the site's {RESERVED_SLUGS[name]}; name the folder after the country",
    )
    return True


def check_unique_countries(studies: list[Study], problems: Problems) -> None:
    """Two studies of one country in one phase: reported in each, naming the other."""
    groups: dict[tuple[str, int], list[Study]] = {}
    for study in studies:
        groups.setdefault((study.country.code, study.phase), []).append(study)
    for group in groups.values():
        for study in group if len(group) > 1 else ():
            others = ", ".join(f"{o.source}:{o.country_line}" for o in group if o is not study)
            problems.add(
                study.source,
                study.country_line,
                "country",
                f"expected one study per country and phase, found '{study.country.code}' "
                f"({study.country.name}) in phase {study.phase}, also used by {others}",
            )
