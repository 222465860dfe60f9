"""Property-based tests of timezone conversion across midnight and DST changes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st
from ssesite.programme import time as ptime
from ssesite.programme.labels import shift_label, times_view

# Zones with DST in both hemispheres, half-hour and 45-minute offsets, a
# zone that changed its offset at midnight, the date line, and no DST at all.
ZONES = [
    "Asia/Seoul",
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/St_Johns",
    "America/Santiago",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "UTC",
]

zones = st.sampled_from(ZONES).map(ZoneInfo)
local_times = st.datetimes(
    min_value=dt.datetime(2019, 1, 1), max_value=dt.datetime(2022, 12, 31)
).map(lambda d: d.replace(second=0, microsecond=0))
minutes = st.integers(min_value=1, max_value=24 * 60)


@given(local_times, zones)
def test_classify_agrees_with_a_round_trip_through_utc(local, tz):
    kind = ptime.classify(local, tz)
    back = [
        local.replace(tzinfo=tz, fold=fold).astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None)
        for fold in (0, 1)
    ]
    if kind == ptime.VALID:
        assert ptime.in_zone(ptime.to_utc(local, tz), tz).replace(tzinfo=None) == local
    elif kind == ptime.NONEXISTENT:
        assert local not in back  # no instant shows this time on the clocks
    else:
        assert back == [local, local]
        assert (
            local.replace(tzinfo=tz, fold=0).utcoffset()
            != local.replace(tzinfo=tz, fold=1).utcoffset()
        )


@given(local_times, zones, zones)
def test_conversion_between_zones_keeps_the_instant(local, source, target):
    if ptime.classify(local, source) != ptime.VALID:
        return
    instant = ptime.to_utc(local, source)
    seen = ptime.in_zone(instant, target)
    # Same instant. (Not `==`: PEP 495 makes inter-zone == false for a local
    # time that occurs twice, such as 01:30 on a night the clocks go back.)
    assert seen.timestamp() == instant.timestamp()
    assert seen.utcoffset() == target.utcoffset(seen.replace(tzinfo=None))


@given(local_times, zones, zones)
@example(dt.datetime(2019, 1, 1, 0, 0), ZoneInfo("Pacific/Chatham"), ZoneInfo("Pacific/Pago_Pago"))
def test_day_shift_is_the_calendar_day_difference_and_at_most_two(local, source, target):
    if ptime.classify(local, source) != ptime.VALID:
        return
    instant = ptime.to_utc(local, source)
    shift = ptime.day_shift(instant, local.date(), target)
    assert shift == (ptime.in_zone(instant, target).date() - local.date()).days
    # Offsets lie between UTC-12 and UTC+14, 26 hours apart: two calendar days
    # at most (midnight at UTC+13:45 on Chatham is 23:15 two days earlier at
    # UTC-11 in Pago Pago).
    assert shift in (-2, -1, 0, 1, 2)
    labels = {-2: "\u22122 days", -1: "\u22121 day", 0: "", 1: "+1 day", 2: "+2 days"}
    assert shift_label(shift) == labels[shift]


@settings(max_examples=300)
@given(local_times, minutes, zones)
# Found by hypothesis: the end falls in the half-hour Lord Howe repeats.
@example(dt.datetime(2019, 4, 6, 22, 0), 210, ZoneInfo("Australia/Lord_Howe"))
def test_times_view_across_midnight_and_dst(local, duration, tz):
    start_local = local
    end_local = ptime.in_zone(ptime.to_utc(local, tz) + dt.timedelta(minutes=duration), tz)
    if ptime.classify(start_local, tz) != ptime.VALID:
        return
    start = ptime.localize(start_local, tz)
    end = end_local

    class Session:  # the fields times_view reads
        pass

    session = Session()
    session.start, session.end, session.day = start, end, start_local.date()
    view = times_view(session, tz)
    # The conference zone: the start is on the conference day, the end is marked
    # when it falls on the next day(s).
    assert view["local"]["start"] == f"{start_local:%H:%M}"
    assert view["local"]["start_shift"] == ""
    end_days = (end.date() - start_local.date()).days
    assert view["local"]["end_shift"] == shift_label(end_days)
    # UTC: the same instants, marked against the conference day.
    utc_start, utc_end = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
    assert view["utc"]["start"] == f"{utc_start:%H:%M}"
    assert view["utc"]["end"] == f"{utc_end:%H:%M}"
    assert view["utc"]["start_shift"] == shift_label((utc_start.date() - start_local.date()).days)
    # ISO strings carry offsets and round-trip to the same instants.
    # Compared as instants: see test_conversion_between_zones_keeps_the_instant.
    assert dt.datetime.fromisoformat(view["start_iso"]).timestamp() == start.timestamp()
    assert dt.datetime.fromisoformat(view["end_iso"]).timestamp() == end.timestamp()
    # Elapsed time is real time, whatever the clocks did in between.
    assert (utc_end - utc_start) == dt.timedelta(minutes=duration)


def test_known_dst_edges():
    berlin = ZoneInfo("Europe/Berlin")
    assert ptime.classify(dt.datetime(2021, 3, 28, 2, 30), berlin) == ptime.NONEXISTENT
    assert ptime.classify(dt.datetime(2021, 10, 31, 2, 30), berlin) == ptime.AMBIGUOUS
    assert ptime.classify(dt.datetime(2021, 10, 31, 3, 30), berlin) == ptime.VALID
    # Santiago moved its clocks at midnight: 00:00 did not exist that day.
    santiago = ZoneInfo("America/Santiago")
    assert ptime.classify(dt.datetime(2021, 9, 5, 0, 0), santiago) == ptime.NONEXISTENT
    seoul = ZoneInfo("Asia/Seoul")
    start = ptime.localize(dt.datetime(2020, 9, 22, 8, 0), seoul)
    assert ptime.offset_label(start) == "UTC+09:00"
    assert ptime.day_shift(start, dt.date(2020, 9, 22), dt.UTC) == -1
    assert ptime.offset_label(start.astimezone(ZoneInfo("America/St_Johns"))) == "UTC\u221202:30"
    assert ptime.city("America/Argentina/Buenos_Aires") == "Buenos Aires"
