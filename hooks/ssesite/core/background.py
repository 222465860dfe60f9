"""Work done beside the build, in worker processes when the machine has cores to spare.

MkDocs converts and writes pages one after another in a single process. What
this project adds to a build — rendering the generated pages, the calendar
and schedule exports, marking glossary terms — depends only on content that
is loaded and checked before the first page, so it can run at the same time
as MkDocs' own work. Workers are forked from the build process once the
content is loaded, so they start with it in memory and nothing but small
task arguments and results cross between processes.

Tasks and results travel through plain pipes, read and written only when
the build process hands over a task or asks for a result. (A pool with
helper threads, like `concurrent.futures`, makes those threads compete with
the build for Python's interpreter lock, which cost more than the workers
saved.)

Results are the same bytes with or without workers. Without workers (one
core, no `fork` on this system, a process that already runs threads, as
`mkdocs serve` does, or `SSESITE_WORKERS=0`) each task runs in the build
process when its result is first needed.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import shutil
import signal
import struct
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping
from typing import Any

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

ENV_VAR = "SSESITE_WORKERS"
MAX_WORKERS = 3
"""More workers than this do not pay: the build process stays the bottleneck."""

MAX_REQUEST = 32
"""The most workers SSESITE_WORKERS may ask for."""

PIPE_SIZE = 1 << 20
"""Pipe buffer asked for (Linux allows up to 1 MiB by default), so that a
worker can run well ahead of the build without waiting to hand over results."""

SPILL_SIZE = 1 << 18
"""A result larger than this goes through a file, so that a worker never
waits for the build to read a pipe before it starts its next task."""

_HEADER = struct.Struct("!Q")

# -----------------------------------------------------------------------------
# Classes
# -----------------------------------------------------------------------------


class WorkerError(RuntimeError):
    """A worker process stopped, or its result could not be sent back."""


class _Spilled:
    """A result left in a file of the Background's folder."""

    def __init__(self, path: str):
        self.path = path


class Pending:
    """The result of one task: made in a worker or, without one, on first request."""

    def __init__(self, owner: Background, task_id: int, task: Callable[[], Any] | None = None):
        self._owner = owner
        self._id = task_id
        self._task = task
        self._done = False
        self._value: Any = None

    def result(self) -> Any:
        """The task's return value; an exception the task raised is raised here."""
        if not self._done:
            if self._task is not None:
                self._value = self._task()
            else:
                self._value = self._owner._take(self._id)
            self._done = True
            self._task = None
        return self._value


class Background:
    """Runs `function(context, *args)` tasks for one build.

    `context` is shared with every task: forked workers inherit it as it is
    when the first task is submitted. Tasks are module-level functions, so
    that only their names and arguments are sent to a worker.
    """

    def __init__(self, context: Any, workers: int):
        self.context = context
        self.workers = workers
        self._next_id = 0
        self._pool: list[_Worker] | None = None
        self._spill_folder: str | None = None
        self._owner_of: dict[int, _Worker] = {}
        self._results: dict[int, tuple[bool, Any]] = {}

    def submit(self, function: Callable[..., Any], *args: Any) -> Pending:
        self._next_id += 1
        task_id = self._next_id
        in_process = Pending(self, task_id, task=lambda: _call(function, self.context, args))
        if self.workers == 0 or not _current_module():
            return in_process
        try:
            frame = _frame((task_id, function, args))
        except (pickle.PicklingError, TypeError, AttributeError):
            # Only what pickles can travel (a function pickles by its module's
            # name, and a module imported twice has two of it): run it here.
            return in_process
        if self._pool is None:
            # What the workers start with lives as long as the build: the cycle
            # collector skips it, here and in them (no copies of its pages)
            gc.freeze()
            self._spill_folder = tempfile.mkdtemp(prefix="ssesite-results-")
            self._pool = []
            for _ in range(self.workers):
                worker = _Worker.fork(self.context, self._spill_folder, others=self._pool)
                self._pool.append(worker)
        worker = min(self._pool, key=lambda w: w.outstanding)
        self._owner_of[task_id] = worker
        worker.outstanding += 1
        worker.outbox += frame
        self._pump(wait=False)
        return Pending(self, task_id)

    def close(self) -> None:
        """Stop the workers (tasks not yet done are dropped)."""
        if self._pool is not None:
            gc.unfreeze()
        for worker in self._pool or ():
            worker.stop()
        self._pool = None
        if self._spill_folder is not None:
            shutil.rmtree(self._spill_folder, ignore_errors=True)
            self._spill_folder = None
        self._owner_of.clear()
        self._results.clear()

    # -- talking to workers ---------------------------------------------------

    def _take(self, task_id: int) -> Any:
        while task_id not in self._results:
            if task_id not in self._owner_of:
                raise WorkerError(f"task {task_id} is not running in any worker")
            self._pump(wait=True)
        ok, value = self._results.pop(task_id)
        self._owner_of.pop(task_id, None)
        if not ok:
            raise value
        return value

    def _pump(self, *, wait: bool) -> None:
        """Hand over queued tasks and take in results, as far as the pipes allow.

        Tasks wait in memory rather than in a full pipe, so the build never
        stops to wait for a busy worker unless it needs one of its results.
        """
        live = [w for w in self._pool or () if w.alive]
        if wait and not live:
            raise WorkerError("no background worker is left to finish the build's tasks")
        readers = [w.results for w in live]
        writers = [w.tasks for w in live if w.outbox]
        readable, writable, _ = select.select(readers, writers, [], None if wait else 0)
        for worker in live:
            if worker.tasks in writable:
                worker.send()
            if worker.results in readable and worker.alive:
                for task_id, ok, value in worker.receive():
                    worker.outstanding -= 1
                    if isinstance(value, _Spilled):
                        ok, value = _unspill(value)
                    self._results[task_id] = (ok, value)
            if not worker.alive:
                self._fail_tasks_of(worker)

    def _fail_tasks_of(self, worker: _Worker) -> None:
        for task_id, owner in self._owner_of.items():
            if owner is worker and task_id not in self._results:
                error = WorkerError(f"background worker {worker.pid} stopped before finishing")
                self._results[task_id] = (False, error)


class _Worker:
    """One forked worker process and the two pipes to it."""

    def __init__(self, pid: int, tasks: int, results: int):
        self.pid = pid
        self.tasks = tasks
        self.results = results
        self.alive = True
        self.outstanding = 0
        self.outbox = bytearray()
        """Tasks not yet written to the pipe."""
        self._buffer = bytearray()

    @classmethod
    def fork(cls, context: Any, spill_folder: str, others: list[_Worker]) -> _Worker:
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        for fd in (task_write, result_write):
            _widen(fd)
        pid = os.fork()
        if pid == 0:  # the worker
            # Keep no end of another worker's pipes open, so that each
            # worker sees its own end of input when the build closes it.
            for fd in [task_write, result_read] + [f for w in others for f in (w.tasks, w.results)]:
                os.close(fd)
            _serve(context, task_read, result_write, spill_folder)  # never returns
        os.close(task_read)
        os.close(result_write)
        os.set_blocking(task_write, False)
        return cls(pid, task_write, result_read)

    def send(self) -> None:
        """Write as much of the queued tasks as the pipe takes now."""
        try:
            written = os.write(self.tasks, self.outbox)
        except BlockingIOError:
            return
        except BrokenPipeError:
            self.alive = False
            return
        del self.outbox[:written]

    def receive(self) -> list[tuple[int, bool, Any]]:
        """The results that have arrived (call when the pipe is readable)."""
        chunk = os.read(self.results, PIPE_SIZE)
        if not chunk:
            self.alive = False
            return []
        self._buffer += chunk
        # Read the whole messages in place and drop them at once (not one by one)
        messages, start, length = [], 0, len(self._buffer)
        with memoryview(self._buffer) as view:
            while length - start >= _HEADER.size:
                (size,) = _HEADER.unpack_from(view, start)
                end = start + _HEADER.size + size
                if length < end:
                    break
                messages.append(pickle.loads(view[start + _HEADER.size : end]))
                start = end
        del self._buffer[:start]
        return messages

    def stop(self) -> None:
        for fd in (self.tasks, self.results):
            try:
                os.close(fd)
            except OSError:
                pass
        # With its pipes closed the worker ends by itself once its current
        # task is done; a build that failed does not wait for that.
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        self.alive = False


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def worker_count(environ: Mapping[str, str] = os.environ) -> int:
    """How many worker processes a build should use here (0: none)."""
    wanted = environ.get(ENV_VAR, "").strip()
    if wanted:
        count = int(wanted) if wanted.isascii() and wanted.isdigit() else -1
        if not 0 <= count <= MAX_REQUEST:
            # A large number would fork thousands of processes (and select() fails at 1,000)
            raise ValueError(
                f"{ENV_VAR}: expected a whole number of worker processes from 0 (none) to "
                f"{MAX_REQUEST}, found {wanted!r}"
            )
        return count if can_fork() else 0
    if not can_fork():
        return 0
    return max(0, min(available_cores() - 1, MAX_WORKERS))


def can_fork() -> bool:
    """Whether workers may be forked from this process now."""
    # Forking a process that runs other threads (the `mkdocs serve` web
    # server, for one) can deadlock the child; macOS libraries may run threads
    # of their own, so only Linux forks.
    return sys.platform.startswith("linux") and threading.active_count() == 1


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _current_module() -> bool:
    """Whether this module is the one imported now: a worker pickles its
    results' wrappers (`_Spilled`, `WorkerError`) by this module's name, and a
    build imports the domain package afresh."""
    return getattr(sys.modules.get(__name__), "_Spilled", None) is _Spilled


def _frame(message: Any) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _widen(fd: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
    except (ImportError, AttributeError, OSError):
        pass  # the default size works, with more waiting


def _serve(context: Any, tasks: int, results: int, spill_folder: str) -> None:
    """The worker's life: run tasks until the build closes the pipe."""
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        with os.fdopen(tasks, "rb") as source, os.fdopen(results, "wb") as sink:
            while header := source.read(_HEADER.size):
                (size,) = _HEADER.unpack(header)
                task_id, function, args = pickle.loads(source.read(size))
                try:
                    data = _frame((task_id, True, _call(function, context, args)))
                except BaseException as error:  # sent back, raised in the build
                    data = _frame((task_id, False, _sendable(error)))
                if len(data) > SPILL_SIZE:
                    data = _spill(task_id, data, spill_folder)
                sink.write(data)
                sink.flush()
    except BaseException:
        code = 1
    finally:
        # Never return into the build's code, nor run its exit handlers.
        os._exit(code)


def _call(function: Callable[..., Any], context: Any, args: tuple) -> Any:
    try:
        return function(context, *args)
    except Exception as error:
        # Say which task failed: a worker's traceback does not reach the build.
        error.add_note(
            f"(in the build's task {function.__module__}.{function.__name__}{_brief(args)})"
        )
        raise


def _brief(args: tuple) -> str:
    text = repr(args)
    return text if len(text) <= 120 else text[:117] + "..."


def _spill(task_id: int, data: bytes, folder: str) -> bytes:
    """Write a framed reply to a file; return the frame that points at it."""
    fd, path = tempfile.mkstemp(dir=folder)
    with os.fdopen(fd, "wb") as handle:
        handle.write(memoryview(data)[_HEADER.size :])
    return _frame((task_id, True, _Spilled(path)))


def _unspill(spilled: _Spilled) -> tuple[bool, Any]:
    with open(spilled.path, "rb") as handle:
        _, ok, value = pickle.load(handle)
    os.unlink(spilled.path)
    return ok, value


def _sendable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return WorkerError(f"{type(error).__name__}: {error}")
