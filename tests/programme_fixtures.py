"""Programme data for tests: a timed programme, and helpers to load variants.

The people and titles here are test fixtures, not site content.
"""

from __future__ import annotations

from pathlib import Path

from ssesite.core.problems import Problems
from ssesite.programme.load import load_programme

STUDY_SLUGS = ["china", "indonesia", "japan", "korea", "malaysia", "philippines"]
FILE = "data/programme.yml"

# Seoul is UTC+09:00: the 08:00 session starts on the previous day in UTC,
# and the 23:30 session crosses midnight on the conference's clocks.
TIMED = """\
updated: 2020-09-20T00:00:00Z
conference:
  title: Test conference
  acronym: test2020
  organisers: [Test organiser]
  timezone: Asia/Seoul
  start_date: 2020-09-22
  end_date: 2020-09-23
  venue:
    city: Seoul
    country: Republic of Korea
  attendance: mixed
  stream_url: https://example.org/live
  rooms:
    - id: hall
      name: Main hall
      kind: in-person
    - id: stream
      name: Online stream
      kind: online
  status:
    - status: scheduled
      planned: 2020-07
      note: First plan.
    - status: postponed
      recorded: 2020-05-01
      note: Postponed.
    - status: rescheduled
      recorded: 2020-08-26
      planned: 2020-09-22
      attendance: mixed
      note: New date.
sessions:
  - id: early
    title: Early session
    kind: opening
    start: "2020-09-22 08:00"
    end: "2020-09-22 09:30"
    room: hall
    chair: ana
    abstract: An early start.
    talks:
      - title: A talk
        speakers: [bo]
        study: korea
  - id: evening
    title: Evening session
    kind: roundtable
    start: "2020-09-22 23:30"
    end: "2020-09-23 00:30"
    room: stream
    talks:
      - title: Late talk
        speakers: [ana]
    history:
      - recorded: 2020-09-01
        change: moved
        was: "2020-09-22 18:00 to 19:00"
        note: Moved to suit the Americas.
      - recorded: 2020-09-10
        change: retitled
        note: New title.
  - id: dropped
    title: Dropped session
    kind: paper-session
    start: "2020-09-23 10:00"
    end: "2020-09-23 11:00"
    room: hall
    history:
      - recorded: 2020-09-15
        change: cancelled
        note: Speaker unavailable.
  - id: later
    label: Session 4
    kind: session
    date: 2020-09-23
people:
  - id: ana
    name: Ana Example
    affiliation: Example University
    study: japan
  - id: bo
    name: Bo Example
"""


def load(text: str, tmp_path: Path):
    """Load programme `text`; return (programme or None, problem strings)."""
    path = tmp_path / "programme.yml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    programme = load_programme(path, FILE, STUDY_SLUGS, problems)
    return programme, [str(p) for p in problems.sorted()]


def line_of(text: str, snippet: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line of `text` containing `snippet`."""
    found = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if snippet in line:
            found += 1
            if found == occurrence:
                return number
    raise AssertionError(f"{snippet!r} not in text")
