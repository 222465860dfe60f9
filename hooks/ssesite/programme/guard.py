"""The organiser guard: a published change to the programme must be recorded in its history.

Readers' calendars update a session only when its `SEQUENCE` grows, and
`SEQUENCE` is the length of the session's `history`. A session that moves,
is renamed or loses a talk without a new history entry would stay wrong in
every calendar that imported it; a session deleted instead of cancelled
would stay there for good. So `make check` (and the build) compare
`data/programme.yml` with the last commit and, on a pull request
(`GITHUB_BASE_REF`), with the branch it goes into, and refuse such changes
with the line of the session. The conference's dates follow the same rule
with `conference.status`.

This depends on git and the environment, not only on the files, so it runs
on every load (it is never cached); without git or a previous version it
checks nothing.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path

from ..core.problems import Problems
from ..core.reading import read_text
from ..core.yamlsource import Located, load_yaml

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

FILE = "data/programme.yml"
WHEN = ("date", "start", "end")
TALK_FIELDS = (("title", "the title"), ("speakers", "the speakers"), ("study", "the study"))
STALE = "so readers' calendars would not update"
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d")

# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def check_programme_history(
    root: Path, problems: Problems, environ: Mapping[str, str] = os.environ
) -> None:
    """Compare the programme with its previous versions; report unrecorded changes."""
    path = root / FILE
    if not path.is_file() or path.is_symlink():
        return
    text = read_text(path, FILE, Problems())
    if text is None:
        return  # its own problems are reported by the programme's loader
    current = None
    reported: set[str] = set()
    base = environ.get("GITHUB_BASE_REF", "").strip()
    versions = (
        [(f"origin/{base}", f"the branch this pull request goes into ({base})")] if base else []
    )
    versions.append(("HEAD", "the last commit"))
    for revision, label in versions:
        old_text = _git_show(root, revision)
        if old_text is None or old_text == text:
            continue  # no such version, or the same text: nothing changed since
        if current is None:  # parsed only when there is something to compare
            current = load_yaml(text, FILE, Problems())
            if current is None or not isinstance(current.data, dict):
                return  # its own problems are reported by the programme's loader
        old = load_yaml(old_text, FILE, Problems())
        if old is not None and isinstance(old.data, dict):
            compare(old.data, current, label, problems, reported)


def compare(old: dict, current: Located, since: str, problems: Problems, reported: set) -> None:
    """Report what changed between `old` and `current` without a new history entry."""
    new = current.data
    _compare_conference(old, current, since, problems, reported)
    new_sessions = _by_id(new.get("sessions"))
    for id, old_session in _by_id(old.get("sessions")).items():
        if id in reported:
            continue
        found = new_sessions.get(id)
        if found is None:
            reported.add(id)
            problems.add(
                FILE,
                current.line(("sessions",)),
                "sessions",
                f"session '{id}' is in {since} but no longer in this file; expected it kept, "
                "with a history entry (change: cancelled), so that readers' calendars show it "
                "as cancelled",
            )
            continue
        index, session = found
        if len(_list(session.get("history"))) > len(_list(old_session[1].get("history"))):
            continue  # recorded
        message = _unrecorded(old_session[1], session, id, since)
        if message:
            reported.add(id)
            path = ("sessions", index)
            problems.add(FILE, current.line(path), f"sessions[{index}]", message)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _unrecorded(old: dict, new: dict, id: str, since: str) -> str:
    """The message for a change of `old` into `new` that needs a history entry, or ''."""
    tail = f"found none, {STALE}"
    if any(_text(old.get(k)) != _text(new.get(k)) for k in WHEN):
        return (
            f"session '{id}' moved from {_when(old)} to {_when(new)} since {since}; expected a "
            f"new entry in its history (change: moved), {tail}"
        )
    if _title(old) != _title(new):
        return (
            f"session '{id}' was retitled from {_title(old)!r} to {_title(new)!r} since {since}; "
            f"expected a new entry in its history (change: retitled), {tail}"
        )
    changes = [
        f"{key}: the {key} changed"
        for key in ("room", "chair")
        if _text(old.get(key)) != _text(new.get(key))
    ]
    changes += _talk_changes(_list(old.get("talks")), _list(new.get("talks")))
    if not changes:
        return ""
    return (
        f"session '{id}' changed since {since} ({'; '.join(changes)}); expected a new entry "
        f"in its history, {tail}"
    )


def _talk_changes(old: list, new: list) -> list[str]:
    changes = []
    for index in range(max(len(old), len(new))):
        if index >= len(new):
            changes.append(
                f"talks[{index}]: removed; to cancel one talk, keep it with cancelled: true"
            )
            continue
        if index >= len(old):
            changes.append(f"talks[{index}]: added")
            continue
        before, after = _mapping(old[index]), _mapping(new[index])
        for key, what in (*TALK_FIELDS, ("cancelled", "whether it is cancelled")):
            if _text(before.get(key)) != _text(after.get(key)):
                changes.append(f"talks[{index}]: {what} changed")
    return changes


def _compare_conference(old: dict, current: Located, since, problems, reported) -> None:
    before, after = _mapping(old.get("conference")), _mapping(current.data.get("conference"))
    dates = [_text(before.get(k)) for k in ("start_date", "end_date")]
    now = [_text(after.get(k)) for k in ("start_date", "end_date")]
    if dates == now or "conference" in reported:
        return
    if len(_list(after.get("status"))) > len(_list(before.get("status"))):
        return
    reported.add("conference")
    problems.add(
        FILE,
        current.line(("conference", "start_date")),
        "conference.start_date",
        f"the conference's dates changed from {_range(dates)} to {_range(now)} since {since}; "
        f"expected a new entry in conference.status recording it, found none, {STALE}",
    )


def _git_show(root: Path, revision: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "show", f"{revision}:{FILE}"],
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    try:
        return result.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _by_id(sessions) -> dict[str, tuple[int, dict]]:
    found = {}
    for index, session in enumerate(_list(sessions)):
        if isinstance(session, dict) and isinstance(session.get("id"), str):
            found.setdefault(session["id"], (index, session))
    return found


def _when(session: dict) -> str:
    if session.get("start") is None:
        return f"{_text(session.get('date'))} (time to be confirmed)"
    start, end = _text(session.get("start")), _text(session.get("end"))
    if start[:10] == end[:10]:
        return f"{start}–{end[11:]}"
    return f"{start} – {end}"


def _title(session: dict) -> str:
    parts = [_text(session.get("label")), _text(session.get("title"))]
    return ": ".join(p for p in parts if p)


def _range(dates: list[str]) -> str:
    return dates[0] if dates[0] == dates[1] else f"{dates[0]} to {dates[1]}"


def _text(value) -> str:
    """A value as it reads (times 'YYYY-MM-DD HH:MM', whatever YAML made of them)."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return (
            value.isoformat(sep=" ", timespec="minutes") if hasattr(value, "hour") else str(value)
        )
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value)
    text = str(value).strip()
    return text.replace("T", " ", 1) if DATE_TIME.match(text) else text


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}
