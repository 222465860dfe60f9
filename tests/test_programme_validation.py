"""Every programme problem is reported with file, line, field, session id: exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from programme_fixtures import FILE, TIMED, line_of, load
from ssesite.cli import check
from ssesite.site.project import load_project

ROOT = Path(__file__).resolve().parent.parent


def problem(text: str, snippet: str, field: str, message: str, occurrence: int = 1) -> str:
    return f"{FILE}:{line_of(text, snippet, occurrence)}: {field}: {message}"


def test_the_real_programme_is_valid():
    project = load_project(ROOT)
    assert [str(p) for p in project.problems.sorted()] == []
    programme = project.programme
    assert programme.conference.timezone == "Asia/Seoul"
    assert programme.conference.status == "held"
    assert programme.conference.attendance == "mixed"
    assert [s.id for s in programme.ordered()] == ["opening", "session-1", "session-2", "session-3"]
    # Only documented facts: no session has invented times, titles or chairs.
    assert not any(s.timed or s.chair or s.room for s in programme.sessions)
    assert [s.name for s in programme.sessions][1:] == [
        f"Session {n} (title to be confirmed)" for n in (1, 2, 3)
    ]
    assert [p.name for p in programme.people] == ["Vic Van Vuuren", "Insun Kim", "Honglim Ruy"]


def test_the_timed_fixture_is_valid(tmp_path):
    programme, problems = load(TIMED, tmp_path)
    assert problems == []
    assert [s.id for s in programme.ordered()] == ["early", "evening", "dropped", "later"]
    evening = programme.session("evening")
    assert evening.sequence == 2 and not evening.cancelled
    assert programme.session("dropped").cancelled


def test_end_not_after_start(tmp_path):
    text = TIMED.replace('end: "2020-09-23 00:30"', 'end: "2020-09-22 23:00"')
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            'end: "2020-09-22 23:00"',
            "sessions[1].end",
            "session 'evening' ends at 2020-09-22 23:00; "
            "expected an end after its start (2020-09-22 23:30)",
        )
    ]


def test_session_outside_the_conference_dates(tmp_path):
    text = TIMED.replace(
        "kind: session\n    date: 2020-09-23", "kind: session\n    date: 2020-09-24"
    )
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "    date: 2020-09-24",
            "sessions[3].date",
            "session 'later' is on 2020-09-24; "
            "expected a day of the conference (2020-09-22 to 2020-09-23)",
        )
    ]


def test_one_person_in_two_overlapping_sessions(tmp_path):
    text = TIMED.replace('start: "2020-09-22 23:30"', 'start: "2020-09-22 09:00"').replace(
        'end: "2020-09-23 00:30"', 'end: "2020-09-22 10:00"'
    )
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "speakers: [ana]",
            "sessions[1].talks[0].speakers[0]",
            "person 'ana' is in session 'early' (2020-09-22 08:00–09:30) and in session "
            "'evening' (2020-09-22 09:00–10:00) at the same time; expected one session at a time",
        )
    ]


def test_overlaps_are_found_past_sessions_in_between(tmp_path):
    # Checked in order of start: a long session overlaps a later one even
    # when another session starts between them.
    text = (
        TIMED.replace('end: "2020-09-22 09:30"', 'end: "2020-09-22 12:00"')
        .replace('start: "2020-09-22 23:30"', 'start: "2020-09-22 10:00"')
        .replace('end: "2020-09-23 00:30"', 'end: "2020-09-22 11:00"')
        .replace('start: "2020-09-23 10:00"', 'start: "2020-09-22 08:30"')
        .replace('end: "2020-09-23 11:00"', 'end: "2020-09-22 09:00"')
        .replace("    room: hall\n    history:", "    room: stream\n    history:")
        .replace("change: cancelled", "change: other")
    )
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "speakers: [ana]",
            "sessions[1].talks[0].speakers[0]",
            "person 'ana' is in session 'early' (2020-09-22 08:00–12:00) and in session "
            "'evening' (2020-09-22 10:00–11:00) at the same time; expected one session at a time",
        )
    ]


def test_two_sessions_overlapping_in_one_room(tmp_path):
    text = TIMED.replace('start: "2020-09-23 10:00"', 'start: "2020-09-22 09:00"').replace(
        'end: "2020-09-23 11:00"', 'end: "2020-09-22 10:00"'
    )
    # A cancelled session frees its room.
    assert load(text, tmp_path)[1] == []
    text = text.replace("change: cancelled", "change: other")
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "room: hall",
            "sessions[2].room",
            "session 'dropped' (2020-09-22 09:00–10:00) overlaps session 'early' "
            "(2020-09-22 08:00–09:30) in room 'hall'; expected one session at a time in a room",
            occurrence=2,
        )
    ]


def test_unknown_person_ids(tmp_path):
    text = TIMED.replace("chair: ana", "chair: anna").replace("speakers: [bo]", "speakers: [boo]")
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "chair: anna",
            "sessions[0].chair",
            "session 'early': expected the id of a person in people, found 'anna'. "
            "Did you mean 'ana'?",
        ),
        problem(
            text,
            "speakers: [boo]",
            "sessions[0].talks[0].speakers[0]",
            "session 'early': expected the id of a person in people, found 'boo'. "
            "Did you mean 'bo'?",
        ),
    ]


def test_unknown_study_ids(tmp_path):
    text = TIMED.replace("study: korea", "study: korae").replace("study: japan", "study: nippon")
    slugs = "'china', 'indonesia', 'japan', 'korea', 'malaysia', 'philippines'"
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "study: korae",
            "sessions[0].talks[0].study",
            f"session 'early': expected the slug of a country study (one of {slugs}), "
            "found 'korae'. Did you mean 'korea'?",
        ),
        problem(
            text,
            "study: nippon",
            "people[0].study",
            f"person 'ana': expected the slug of a country study (one of {slugs}), found 'nippon'",
        ),
    ]


def test_unknown_room_id(tmp_path):
    text = TIMED.replace("room: stream", "room: streem")
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "room: streem",
            "sessions[1].room",
            "session 'evening': expected the id of a room in conference.rooms "
            "(one of 'hall', 'stream'), found 'streem'. Did you mean 'stream'?",
        )
    ]


def test_duplicate_ids(tmp_path):
    text = TIMED.replace("id: later", "id: early").replace("id: bo\n", "id: ana\n")
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "id: early",
            "sessions[3].id",
            f"the id 'early' is used twice (first on line {line_of(text, 'id: early')}); "
            "expected each session id once",
            occurrence=2,
        ),
        problem(
            text,
            "id: ana",
            "people[1].id",
            f"the id 'ana' is used twice (first on line {line_of(text, 'id: ana')}); "
            "expected each person id once",
            occurrence=2,
        ),
    ]


def test_unknown_timezone(tmp_path):
    text = TIMED.replace("timezone: Asia/Seoul", "timezone: Asia/Seol")
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "timezone: Asia/Seol",
            "conference.timezone",
            "expected an IANA timezone name such as 'Asia/Seoul', found 'Asia/Seol'. "
            "Did you mean 'Asia/Seoul'?",
        )
    ]


def berlin(start: str, end: str, day: str) -> str:
    return (
        TIMED.replace("timezone: Asia/Seoul", "timezone: Europe/Berlin")
        .replace("start_date: 2020-09-22", f"start_date: {day}")
        .replace("end_date: 2020-09-23", f"end_date: {day}")
        .replace("planned: 2020-09-22", f"planned: {day}")
        .split("sessions:")[0]
        + f"""sessions:
  - id: night
    kind: other
    start: "{start}"
    end: "{end}"
"""
    )


def test_nonexistent_local_time_in_the_dst_gap(tmp_path):
    text = berlin("2021-03-28 02:30", "2021-03-28 04:00", "2021-03-28")
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            'start: "2021-03-28 02:30"',
            "sessions[0].start",
            "session 'night' starts at 2021-03-28 02:30, which does not exist in "
            "Europe/Berlin (the clocks skip it); expected a local time that exists",
        )
    ]


def test_ambiguous_local_time_in_the_dst_fold(tmp_path):
    text = berlin("2021-10-31 01:00", "2021-10-31 02:30", "2021-10-31")
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            'end: "2021-10-31 02:30"',
            "sessions[0].end",
            "session 'night' ends at 2021-10-31 02:30, which happens twice in "
            "Europe/Berlin (the clocks go back over it); expected a local time that happens once",
        )
    ]


def test_a_session_across_the_dst_change_is_valid_and_timed_in_real_hours(tmp_path):
    text = berlin("2021-10-31 01:00", "2021-10-31 04:00", "2021-10-31")
    programme, problems = load(text, tmp_path)
    assert problems == []
    night = programme.session("night")
    assert (night.end - night.start).total_seconds() == 3 * 3600  # wall-clock difference
    assert night.end.astimezone().timestamp() - night.start.timestamp() == 4 * 3600


def test_history_entries_out_of_order(tmp_path):
    text = TIMED.replace("recorded: 2020-09-10", "recorded: 2020-08-01").replace(
        "recorded: 2020-08-26", "recorded: 2020-04-01"
    )
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "recorded: 2020-04-01",
            "conference.status[2].recorded",
            "this history entry was recorded on 2020-04-01, before the entry above it "
            "(2020-05-01); expected entries from oldest to newest",
        ),
        problem(
            text,
            "recorded: 2020-08-01",
            "sessions[1].history[1].recorded",
            "session 'evening': this history entry was recorded on 2020-08-01, before the "
            "entry above it (2020-09-01); expected entries from oldest to newest",
        ),
    ]


def test_updated_before_a_recorded_change(tmp_path):
    text = TIMED.replace("updated: 2020-09-20T00:00:00Z", "updated: 2020-09-12T00:00:00Z")
    assert load(text, tmp_path)[1] == [
        problem(
            text,
            "updated:",
            "updated",
            "expected a time on or after the latest recorded change (2020-09-15), "
            "found '2020-09-12T00:00:00Z'",
        )
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            'start: "2020-09-22 08:00"',
            "start: 10:00",
            "sessions[0].start",
            "expected a local date and time written 'YYYY-MM-DD HH:MM' (in quotes), "
            'found 10:00, which YAML reads as the number 600; put it in quotes: "10:00"',
        ),
        (
            "kind: roundtable",
            "kind: round-table",
            "sessions[1].kind",
            "expected one of 'opening', 'keynote', 'session', 'paper-session', 'panel', "
            "'roundtable', 'break', 'closing', 'other', found 'round-table'. "
            "Did you mean 'roundtable'?",
        ),
        (
            "acronym: test2020",
            "acronym: T-2020",
            "conference.acronym",
            "expected a short name of 4 or more lower-case letters, digits or underscores "
            "(it names the conference in schedule.json), found 'T-2020'",
        ),
    ],
)
def test_field_problems(tmp_path, old, new, field, message):
    text = TIMED.replace(old, new)
    assert load(text, tmp_path)[1] == [problem(text, new, field, message)]


def test_all_problems_at_once_and_make_check_reports_them(project, capsys):
    path = project / "data" / "programme.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("timezone: Asia/Seoul", "timezone: Asia/Seol").replace(
        "speakers: [insun-kim]", "speakers: [insun-kin]"
    )
    path.write_text(text, encoding="utf-8")
    assert check.main([str(project)]) == 1
    out = capsys.readouterr().out
    assert "data/programme.yml\n" in out
    assert (
        f"  line {line_of(text, 'timezone: Asia/Seol')}: conference.timezone: expected an IANA "
        "timezone name such as 'Asia/Seoul', found 'Asia/Seol'. Did you mean 'Asia/Seoul'?"
    ) in out
    assert (
        f"  line {line_of(text, 'insun-kin]')}: sessions[0].talks[1].speakers[0]: session "
        "'opening': expected the id of a person in people, found 'insun-kin'. "
        "Did you mean 'insun-kim'?"
    ) in out
    assert "2 problems in 1 file." in out
