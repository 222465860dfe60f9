"""Programme journey in a browser: switch timezone, open a session, download its calendar.

Runs on the project with the timed test programme of tests/programme_fixtures.py
(the real programme has no documented times yet). Expected times are computed
here with zoneinfo, independently of the page's own script.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import build_site, copy_project
from programme_fixtures import TIMED

from .conftest import _QuietHandler

SEOUL = ZoneInfo("Asia/Seoul")
READER = "America/Los_Angeles"
SESSIONS = {  # id: (start, end) on the conference's clocks, as in TIMED
    "early": ("2020-09-22 08:00", "2020-09-22 09:30"),
    "evening": ("2020-09-22 23:30", "2020-09-23 00:30"),
}


def expected(start: str, end: str, zone: str) -> str:
    """'16:00 −1 day–17:30': local times, with the day offset from the conference day."""
    begin = dt.datetime.fromisoformat(start).replace(tzinfo=SEOUL)
    finish = dt.datetime.fromisoformat(end).replace(tzinfo=SEOUL)
    local_begin = begin.astimezone(ZoneInfo(zone))
    local_end = finish.astimezone(ZoneInfo(zone))
    days = (local_begin.date() - begin.date()).days
    unit = "day" if abs(days) == 1 else "days"
    marker = f" {'+' if days > 0 else '−'}{abs(days)} {unit}" if days else ""
    return f"{local_begin:%H:%M}{marker}–{local_end:%H:%M}"


@pytest.fixture(scope="module")
def timed_url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("timed-browser") / "project")
    (project / "data" / "programme.yml").write_text(TIMED, encoding="utf-8")
    site = build_site(project, project / "site")
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_switch_timezone_open_session_and_download_its_calendar(chromium, timed_url, tmp_path):
    context = chromium.new_context(timezone_id=READER, accept_downloads=True)
    page = context.new_page()
    page.goto(timed_url + "programme/")
    header = page.locator("table.sse-programme thead th").first
    assert header.inner_text().startswith("Seoul time (Asia/Seoul")
    assert page.locator("#session-early .sse-col-time").inner_text() == "08:00–09:30"

    page.get_by_label("your time zone").check()
    assert re.fullmatch(r"Your time \(America/Los_Angeles, UTC−0[78]:00\)", header.inner_text())
    for session, (start, end) in SESSIONS.items():
        shown = page.locator(f"#session-{session} .sse-col-time").inner_text()
        assert shown == expected(start, end, READER)

    page.locator("#session-early a.sse-session-link").click()
    page.wait_for_url(re.compile(r"/programme/sessions/early/$"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("calendar", re.I)).first.click()
    path = Path(download_info.value.path())
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Early session"
    start = event["DTSTART"].dt
    assert start == dt.datetime(2020, 9, 22, 8, 0, tzinfo=SEOUL)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Seoul"
    context.close()


def test_timezone_switch_by_keyboard(chromium, timed_url):
    context = chromium.new_context(timezone_id="Asia/Kolkata")
    page = context.new_page()
    page.goto(timed_url + "programme/")
    radio = page.get_by_label("your time zone")
    radio.focus()
    page.keyboard.press("Space")
    start, end = SESSIONS["early"]
    assert page.locator("#session-early .sse-col-time").inner_text() == expected(
        start, end, "Asia/Kolkata"
    )
    context.close()


def test_the_choice_is_remembered_and_can_go_back_to_seoul_time(chromium, timed_url):
    context = chromium.new_context(timezone_id="America/New_York")
    page = context.new_page()
    page.goto(timed_url + "programme/")
    switch = page.locator("[data-sse-tz-switch]")
    switch.wait_for(state="visible")
    assert "America/New_York" in switch.inner_text()
    page.get_by_label("your time zone").check()
    early = page.locator("#session-early .sse-col-time")
    start, end = SESSIONS["early"]
    assert early.inner_text() == expected(start, end, "America/New_York")
    assert "Showing your time zone, America/New_York" in switch.inner_text()
    page.reload()
    switch.wait_for(state="visible")
    assert early.inner_text() == expected(start, end, "America/New_York")
    page.get_by_label("Seoul time").check()
    assert early.inner_text() == "08:00–09:30"
    context.close()
