"""Extract a batch of files so that one bad file never takes the others down.

`process_batch` is the only way the loader extracts files, for one file or for thousands: it decides how many
worker processes to use (one below PARALLEL_THRESHOLD files, up to `workers` above) and the results are the same
either way, in input order. Every file is extracted in a worker process, never in the caller, because a file that
crashes the interpreter (a segfault in a C extension, `os._exit`, the kernel's OOM killer) or makes an extractor
run away must cost only that file:

- a worker that dies while it holds a file quarantines that file (stage `extract`, "extraction crashed …"), and a
  fresh worker takes its place for the rest of the batch;
- a file still running after `time_limit_s` is stopped (its worker is killed and replaced) and quarantined with
  "took longer than N s".

A small pool is kept here instead of `concurrent.futures.ProcessPoolExecutor` because that pool cannot say which
file a dead worker held (it breaks for every pending future) nor when a file actually started (queued calls count
as running). Here each worker gets one file at a time over its own pipe, so a crash or a timeout is always
attributed to the right file. Results come back as plain data (`ProcessedReport` with a `Rejection`), so nothing
fails to unpickle in the caller. With `packed=True` a report that extracted well comes back as a `PackedReport`
(its text and records still pickled, as rows): a caller that holds a whole batch before it loads it holds a
third of the memory, and takes the reports a chunk at a time (`warehouse.load`).

`Ahead` runs the same pool in the background, so a caller can extract while it prepares something else.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from .errors import Rejection
from .folder import sha256_bytes
from .packed import PackedReport
from .process import ProcessedReport, process_report

PARALLEL_THRESHOLD = 8  # below this many files one worker is enough: more would start up for little gain
DEFAULT_TIME_LIMIT_S = 120.0  # per file; the slowest real report (15 MB, the size limit) takes a few seconds

Item = tuple[str, bytes] | tuple[str, bytes, str]  # (report file name, its bytes[, its sha256 when known])
Progress = Callable[[int, int], None]  # (files done, files in the batch)
Processor = Callable[[str, bytes], ProcessedReport]
Result = ProcessedReport | PackedReport

# fork keeps a worker's start-up to milliseconds and lets a processor defined anywhere (a test's) reach it
_CONTEXT = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def process_batch(items: Sequence[Item], workers: int | None = None, time_limit_s: float | None = None,
                  progress: Progress | None = None, process: Processor | None = None,
                  packed: bool = False) -> list[Result]:
    """Extract every (name, bytes[, sha256]) item; one ProcessedReport per item, in input order, whatever happened
    (a `PackedReport` for each one that extracted well, when `packed`).

    `workers` defaults to the number of CPUs; `time_limit_s` to DEFAULT_TIME_LIMIT_S per file. `process` is the
    function a worker applies to each file, `process_report` unless given (tests pass or patch in one that
    crashes or hangs on purpose; the workers are forked, so they run it)."""
    items = list(items)
    if not items:
        return []
    return _Pool(_pool_size(len(items), workers), _limit(time_limit_s), process or process_report,
                 packed=packed).run(items, progress)


def _pool_size(n_items: int, workers: int | None) -> int:
    workers = max(1, workers or os.cpu_count() or 1)
    return 1 if n_items < PARALLEL_THRESHOLD else min(workers, n_items)


def _limit(time_limit_s: float | None) -> float:
    return DEFAULT_TIME_LIMIT_S if time_limit_s is None else float(time_limit_s)


class Ahead:
    """A batch extracted in the background from now on, while the caller does other work (`devplan build` imports
    Dagster and creates its run meanwhile, which leaves a core idle for seconds).

    The same pool and the same isolation as `process_batch`, with one difference: its workers are all forked
    here, in the caller's thread, and a worker that dies or is stopped is not replaced (a fork from the
    background thread while the caller imports modules could leave the new worker with an import lock nobody
    will release). The file it held is quarantined as in `process_batch`; the files no worker was left for
    are returned as None by `results()`, for the caller to extract itself."""

    def __init__(self, items: Sequence[Item], workers: int | None = None, time_limit_s: float | None = None,
                 progress: Progress | None = None, process: Processor | None = None, packed: bool = False):
        self.items = list(items)
        self._results: list[Result | None] = [None] * len(self.items)
        self._pool = _Pool(_pool_size(len(self.items), workers), _limit(time_limit_s), process or process_report,
                           replace=False, packed=packed)
        self._frozen = _freeze_heap()
        self._pool.workers = [self._pool._start() for _ in range(self._pool.size)] if self.items else []
        self._thread = threading.Thread(target=self._run, args=(progress,), name="devplan-extract-ahead", daemon=True)
        self._thread.start()

    def _run(self, progress: Progress | None) -> None:
        try:
            if self.items:
                self._results = self._pool.run(self.items, progress)
        except Exception:  # the caller extracts whatever has no result
            self._pool._close()
        finally:
            # the bytes are no longer needed (a file without a result is read again by the caller): the load that
            # follows is the build's peak of memory, and a cold build's files are tens of MB
            self.items = [(item[0], b"", *item[2:]) for item in self.items]
            if self._frozen:
                gc.unfreeze()

    def results(self) -> list[Result | None]:
        """Wait for the batch; one result per item in input order, None where the caller must extract it."""
        self._thread.join()
        return self._results


# Files a worker holds at once: the one it extracts and the next, already in its inbox, so it never waits for this
# process to collect a result and send more (on a busy machine that wait was a tenth of a batch). The first file a
# worker holds is always the one it is extracting: results come back in the order the files were sent.
DEPTH = 2


@dataclass
class _Worker:
    process: mp.Process
    conn: Connection
    held: deque[int] = field(default_factory=deque)  # the files it holds, in order; the first is being extracted
    started: float = 0.0  # when the first of `held` started, as seen from here


@dataclass
class _Pool:
    size: int
    time_limit_s: float
    process: Processor
    replace: bool = True  # a fresh worker for one that died or was stopped (not in `Ahead`)
    packed: bool = False  # workers send a report that extracted well as a `PackedReport`
    workers: list[_Worker] = field(default_factory=list)

    def run(self, items: list[Item], progress: Progress | None) -> list[Result]:
        results: list[Result | None] = [None] * len(items)
        todo = deque(range(len(items)))
        done = 0

        def finish(i: int, rec: Result) -> None:
            nonlocal done
            results[i] = rec
            done += 1
            if progress is not None:
                progress(done, len(items))

        def fail(w: _Worker, message: str) -> None:
            """`w` is gone while extracting its first file: that file is quarantined, the others go back."""
            i = w.held.popleft()
            todo.extendleft(reversed(w.held))  # never started: not their fault
            w.held.clear()
            finish(i, _rejected(items[i], "extract", message))
            self._replace(w)

        frozen = _freeze_heap()
        try:
            if not self.workers:
                self.workers = [self._start() for _ in range(self.size)]
            while done < len(items) and self.workers:
                for w in list(self.workers):
                    while todo and len(w.held) < DEPTH:
                        i = todo.popleft()
                        if not self._dispatch(w, i, items[i]):
                            todo.appendleft(i)  # the file never reached the worker: not its fault
                            if not w.held:
                                self._replace(w)
                            break  # a worker that holds files and died is found below
                busy = [w for w in self.workers if w.held]
                if not busy:
                    continue
                timeout = max(0.0, min(w.started + self.time_limit_s for w in busy) - time.monotonic())
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
                for w in busy:
                    if w.conn in ready:
                        try:
                            rec = w.conn.recv()
                        except (EOFError, OSError):  # died while holding its first file
                            fail(w, _crash_message(self._reap(w)))
                            continue
                        finish(w.held.popleft(), rec)
                        w.started = time.monotonic()  # it went on to the next file at once
                    elif w.process.sentinel in ready:
                        fail(w, _crash_message(self._reap(w)))
                    elif time.monotonic() - w.started >= self.time_limit_s:
                        self._kill(w)
                        fail(w, f"extraction took longer than {self.time_limit_s:g} s and was stopped "
                                "(the per-file limit, DEVPLAN_EXTRACT_TIMEOUT_S)")
        finally:
            self._close()
            if frozen:
                gc.unfreeze()
        return results  # type: ignore[return-value]

    def _start(self) -> _Worker:
        parent, child = _CONTEXT.Pipe(duplex=True)
        proc = _CONTEXT.Process(target=_serve, args=(child, self.process, os.getpid(), self.packed),
                                name="devplan-extract", daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _dispatch(self, w: _Worker, i: int, item: Item) -> bool:
        if not w.process.is_alive():
            return False
        try:
            w.conn.send(item)  # the worker's inbox thread takes it at once, even while it extracts
        except (OSError, EOFError):
            return False
        if not w.held:
            w.started = time.monotonic()
        w.held.append(i)
        return True

    def _replace(self, w: _Worker) -> None:
        self._kill(w)
        if self.replace:
            self.workers[self.workers.index(w)] = self._start()
        else:
            self.workers.remove(w)

    @staticmethod
    def _reap(w: _Worker) -> int | None:
        w.process.join(timeout=5)
        return w.process.exitcode

    @staticmethod
    def _kill(w: _Worker) -> None:
        if w.process.is_alive():
            w.process.kill()
        w.process.join(timeout=5)
        w.conn.close()

    def _close(self) -> None:
        for w in self.workers:
            if not w.held and w.process.is_alive():
                try:
                    w.conn.send(None)  # finish cleanly
                except OSError:
                    pass
        for w in self.workers:
            w.process.join(timeout=2)
            self._kill(w)
        self.workers = []


def _freeze_heap() -> bool:
    """Move the caller's objects out of the garbage collector's reach for the batch (`gc.freeze`): workers are
    forked from a process holding Dagster and the run's files, and every full collection in a worker (and here,
    while results arrive) would walk, and copy-on-write, that whole heap. Returns whether it froze (it does not
    when someone else already did, so their freeze is theirs to undo)."""
    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def _rejected(item: Item, stage: str, message: str) -> ProcessedReport:
    name, data, *known = item
    return ProcessedReport(report_file=name, sha256=known[0] if known else sha256_bytes(data), size=len(data),
                           error=Rejection(stage, message))


def _crash_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"was killed by signal {-exitcode}"
    elif exitcode is None:
        how = "stopped answering"
    else:
        how = f"exited with code {exitcode}"
    return (f"extraction crashed: the worker process {how} while extracting this file "
            "(the file was left out; the rest of the batch went on)")


def _serve(conn: Connection, process: Processor, parent_pid: int, packed: bool = False) -> None:
    """A worker: extract one file after another, in the order they arrive, until told to stop; it never outlives
    the caller. A thread takes the files off the pipe as they come (the caller sends the next one while this one
    is extracted, and a large file would otherwise block it until the pipe is read). `packed`: a report that
    extracted well is sent as a `PackedReport`."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle: it stops the workers
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(conn, inbox), name="devplan-inbox", daemon=True).start()
    while True:
        item = inbox.get()
        if item is None:
            return
        try:
            rec = process(*item)
        except Exception as exc:  # a processor that raises (the library's never does) still answers for its file
            rec = _rejected(item, "extract", f"extraction crashed: {type(exc).__name__}: {exc}")
        try:
            conn.send(PackedReport.of(rec) if packed and rec.ok and rec.extraction is not None else rec)
        except (OSError, EOFError):
            return
        except Exception as exc:  # a result that cannot be sent back
            conn.send(_rejected(item, "extract", f"extraction result could not be returned: {type(exc).__name__}: {exc}"))


def _receive(conn: Connection, inbox: queue.SimpleQueue) -> None:
    """The worker's inbox: every message from the caller, then None when the pipe closes or says stop."""
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            item = None
        inbox.put(item)
        if item is None:
            return


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to kill this worker when the caller dies (even by SIGKILL), so no worker is left running."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the caller died before prctl took effect
        os._exit(1)
