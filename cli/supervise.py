"""Running `devplan build` so that its child processes (dbt, extraction workers) never outlive it."""
from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from .errors import EXIT_FATAL


def run_supervised(work: Callable[[], int]) -> int:
    """Run `work()` in a child process whose own children (dbt, extraction workers) never outlive this process.

    Killing only the CLI's pid (SIGTERM, SIGINT, even SIGKILL) used to leave its dbt subprocess writing the
    warehouse, and the next build was refused. So on Linux the pid the user sees supervises: it forks the build
    early (one thread, nothing started yet) and returns its exit code. On SIGTERM or SIGINT it kills the whole
    tree below it at once (Dagster would only forward an interrupt to dbt at its next checkpoint). As a child
    subreaper it also gets back, and kills, whatever a build that was itself killed left running. If it is
    SIGKILLed, the kernel sends the build SIGUSR1 (`PR_SET_PDEATHSIG`, which fires however the parent dies), and
    the build kills its descendants and exits. Extraction workers also die with their parent on their own
    (`ingestion.batch`). A build stopped this way leaves the warehouse as a `kill -9` does, and the next build
    finishes the job (tests/test_crash_safety.py).
    """
    if not sys.platform.startswith("linux"):
        return work()
    sys.stdout.flush()
    sys.stderr.flush()
    supervisor = os.getpid()
    _prctl(_PR_SET_CHILD_SUBREAPER, 1)  # what the build leaves behind, if it is killed itself, comes back here
    pid = os.fork()
    if pid == 0:  # the build
        code = EXIT_FATAL
        try:
            signal.signal(signal.SIGUSR1, _stop_build)
            _parent_death_signal(signal.SIGUSR1)
            if os.getppid() != supervisor:  # the supervisor died before prctl took effect
                _stop_build(signal.SIGUSR1, None)
            code = work()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else EXIT_FATAL
        except BaseException:
            traceback.print_exc()
        finally:
            kill_descendants(os.getpid())  # nothing the build started may outlive it
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    stopped: list[int] = []

    def stop(signum, frame):
        stopped.append(signum)
        kill_descendants(supervisor)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)
    _, status = os.waitpid(pid, 0)  # retried by Python after the handler ran
    kill_descendants(supervisor)  # orphans of a build that was killed (by the OOM killer, say) came back here
    if stopped:
        print(f"interrupted ({signal.Signals(stopped[0]).name}): the build, its dbt and extraction processes were "
              "stopped; the next `devplan build` finishes the job", file=sys.stderr, flush=True)
        return EXIT_FATAL
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        print(f"error: the build process was killed by {signal.Signals(-code).name}", file=sys.stderr)
        return EXIT_FATAL
    return code


def _stop_build(signum, frame) -> None:
    """The supervisor died: end every descendant (they may be writing the warehouse), then exit at once."""
    kill_descendants(os.getpid())
    os._exit(EXIT_FATAL)


def kill_descendants(pid: int) -> list[int]:
    """SIGKILL every process below `pid` (the whole tree is read first: a killed parent's children move to init)."""
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], list(tree.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(tree.get(child, []))
    for child in found:
        _signal(child, signal.SIGKILL)
    return found


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


_PR_SET_PDEATHSIG, _PR_SET_CHILD_SUBREAPER = 1, 36


def _prctl(option: int, value: int) -> None:
    import ctypes

    if ctypes.CDLL(None, use_errno=True).prctl(option, value) != 0:
        raise OSError(ctypes.get_errno(), f"prctl({option}, {value}) failed")


def _parent_death_signal(signum: int) -> None:
    _prctl(_PR_SET_PDEATHSIG, int(signum))
