"""Background tasks: the same results with or without worker processes."""

from __future__ import annotations

import importlib
import os
import signal
import sys
import threading
from pathlib import Path

import pytest
from ssesite.core.background import can_fork, worker_count

LINUX = sys.platform.startswith("linux")
needs_fork = pytest.mark.skipif(not LINUX, reason="workers fork on Linux only")


# Tasks are module-level functions of (context, *args), as in the build.


def current():
    """The module as a build imports it now (hooks/pipeline.py imports the
    domain package afresh for every build, and a pool of an older import runs
    its tasks in the build process)."""
    return importlib.import_module("ssesite.core.background")


def greet(context: dict, name: str) -> str:
    return f"{context['greeting']}, {name}"


def fail(context: dict, message: str) -> str:
    raise KeyError(message)


def echo(context: dict, data: bytes) -> bytes:
    return data


def whoami(context: dict) -> int:
    return os.getpid()


def die(context: dict) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class Unpicklable(Exception):
    def __init__(self, handle):
        super().__init__("cannot travel")
        self.handle = handle

    def __reduce__(self):
        raise TypeError("not picklable")


def fail_unpicklably(context: dict) -> None:
    raise Unpicklable(object())


@pytest.fixture(params=[0, 1, 2], ids=["in-process", "one-worker", "two-workers"])
def background(request):
    if request.param and not LINUX:
        pytest.skip("workers fork on Linux only")
    tasks = current().Background({"greeting": "Hello"}, request.param)
    yield tasks
    tasks.close()


def test_results_come_back_for_each_task(background):
    pending = [background.submit(greet, f"reader {n}") for n in range(200)]
    # Asked for out of order, as the build does
    assert pending[150].result() == "Hello, reader 150"
    assert [p.result() for p in pending] == [f"Hello, reader {n}" for n in range(200)]


def test_a_task_error_is_raised_where_the_result_is_asked_for(background):
    pending = background.submit(fail, "no such term")
    after = background.submit(greet, "still working")
    with pytest.raises(KeyError, match="no such term") as error:
        pending.result()
    # A worker's traceback does not reach the build: the error says which task
    assert error.value.__notes__ == ["(in the build's task test_background.fail('no such term',))"]
    assert after.result() == "Hello, still working"


def test_large_results_and_arguments_do_not_block(background):
    # Far more than a pipe holds, in both directions, before any is read
    blobs = [bytes([n]) * 3_000_000 for n in range(6)]
    pending = [background.submit(echo, blob) for blob in blobs]
    assert [p.result() for p in reversed(pending)] == list(reversed(blobs))


def test_results_that_share_a_read_or_straddle_two_arrive_whole(background):
    # Under the size that goes through a file: several fill one read of the
    # pipe, and most are cut in two by where a read ends
    sizes = [150_000 + 3_919 * n for n in range(24)]
    assert max(sizes) < current().SPILL_SIZE
    blobs = [bytes([n]) * size for n, size in enumerate(sizes)]
    pending = [background.submit(echo, blob) for blob in blobs]
    assert [p.result() for p in pending] == blobs


@needs_fork
def test_workers_are_other_processes_and_are_stopped():
    tasks = current().Background({}, 2)
    pids = {tasks.submit(whoami).result() for _ in range(20)}
    assert os.getpid() not in pids
    tasks.close()
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_without_workers_a_task_runs_when_its_result_is_needed():
    tasks = current().Background({"greeting": "Hi"}, 0)
    pending = tasks.submit(whoami)
    assert pending.result() == os.getpid()


@needs_fork
def test_a_worker_that_dies_fails_its_tasks_with_a_clear_error():
    tasks = current().Background({}, 1)
    try:
        doomed = tasks.submit(die)
        with pytest.raises(
            current().WorkerError, match=r"background worker \d+ stopped before finishing"
        ):
            doomed.result()
    finally:
        tasks.close()


@needs_fork
def test_an_error_that_cannot_be_sent_back_is_described():
    tasks = current().Background({}, 1)
    try:
        with pytest.raises(current().WorkerError, match="Unpicklable: cannot travel"):
            tasks.submit(fail_unpicklably).result()
    finally:
        tasks.close()


@needs_fork
def test_closing_with_unfinished_work_does_not_wait_for_it():
    tasks = current().Background({"greeting": "Hello"}, 1)
    for _ in range(50):
        tasks.submit(echo, b"x" * 1_000_000)
    tasks.close()  # returns: the worker is stopped, its results dropped


@needs_fork
def test_worker_count_follows_the_setting():
    # Browser tests run last (conftest.py), so no other thread runs here
    assert threading.active_count() == 1 and can_fork()
    assert worker_count({"SSESITE_WORKERS": "0"}) == 0
    assert worker_count({"SSESITE_WORKERS": "3"}) == 3
    assert 0 <= worker_count({}) <= 3


def test_no_workers_in_a_process_that_runs_threads():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        assert worker_count({"SSESITE_WORKERS": "2"}) == 0
    finally:
        stop.set()
        thread.join()


def test_a_wrong_worker_setting_says_what_is_expected():
    with pytest.raises(ValueError) as error:
        worker_count({"SSESITE_WORKERS": "many"})
    assert str(error.value) == (
        "SSESITE_WORKERS: expected a whole number of worker processes from 0 (none) to 32, "
        "found 'many'"
    )


@needs_fork
def test_large_results_travel_through_files_that_are_removed():
    tasks = current().Background({}, 1)
    blob = b"y" * 2_000_000
    assert tasks.submit(echo, blob).result() == blob
    folder = Path(tasks._spill_folder)
    assert folder.is_dir() and list(folder.iterdir()) == []  # read, then deleted
    tasks.submit(echo, blob)  # never asked for
    tasks.close()
    assert not folder.exists()


@needs_fork
def test_a_task_that_cannot_be_sent_runs_in_the_build_process():
    def local(context: dict) -> int:  # not importable by name: cannot be pickled
        return os.getpid()

    tasks = current().Background({}, 1)
    try:
        assert tasks.submit(local).result() == os.getpid()
        assert tasks._pool is None  # nothing was forked for it
    finally:
        tasks.close()


@needs_fork
def test_a_pool_of_a_module_imported_before_the_current_one_runs_its_tasks_here():
    # Its workers' results would name classes of the module imported since
    stale = current()
    del sys.modules["ssesite.core.background"]
    assert current() is not stale
    tasks = stale.Background({}, 1)
    try:
        assert tasks.submit(whoami).result() == os.getpid()
        assert tasks._pool is None
    finally:
        tasks.close()
