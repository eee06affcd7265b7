"""A warm dbt: a process that imports dbt while `devplan build` imports Dagster, and forks one dbt per invocation.

A cold `dbt build` spends ~2 s importing dbt, its adapter and DuckDB before it reads the project, and Dagster's
own start-up (~3 s) leaves the second core idle meanwhile. `warm_dbt()` starts `python -m
orchestration.dbt.zygote serve SOCKET` when the build begins; it imports what `dbt build` imports before reading
the project (no threads, no connection, no project read) and the JSON schemas dbt validates its configuration
against, then waits on a Unix socket in a private directory.
The launcher (orchestration/dbt/launcher.py, the `devplan-dbt` script the dbt resource runs while a zygote is
named) sends argv, cwd, environment and its stdin/stdout/stderr; the zygote forks, and the child takes those
descriptors, environment and directory and runs dbt's console-script entry point as `.venv/bin/dbt` would, so it
parses, logs and exits exactly as a cold dbt. Its exit status goes back to the launcher.

The zygote lives only as long as the block (and never longer than its parent: it also ends when its stdin closes
or its parent changes), leaves no socket behind, and `DEVPLAN_DBT_WARM=0` turns the whole thing off.
"""
from __future__ import annotations

import contextlib
import gc
import marshal
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import types
from dataclasses import dataclass

from .launcher import LAUNCHER_NAME, LENGTH, REPLY, SOCKET_ENV, SWITCH_ENV, recv_exact

# What `dbt build` on a dbt-duckdb project imports beyond dbt.cli.main before and while it runs nodes (measured
# from sys.modules at the end of a build). Imports only: nothing here opens a file of the project or a database.
WARM_MODULES = (
    "dbt.cli.main", "dbt.adapters.duckdb", "dbt.adapters.duckdb.impl", "dbt.adapters.duckdb.connections",
    "dbt.adapters.sql", "dbt.task.build", "dbt.compilation", "dbt.parser.sql", "dbt.graph.thread_pool",
    "dbt_common.clients.agate_helper", "multiprocessing.dummy", "duckdb", "sqlparse",
)
# The JSON schemas dbt validates the project, profile, selectors and flags against: built from the classes alone
# (`dbtClassMixin.json_schema` is cached per class), ~0.5 s CPU of every cold dbt start before it parses.
WARM_SCHEMAS = (
    "dbt.contracts.project:ProjectFlags", "dbt.contracts.project:Project", "dbt.contracts.project:ProfileConfig",
    "dbt.contracts.project:PackageConfig", "dbt.contracts.project:Configuration",
    "dbt.contracts.selection:SelectorFile", "dbt.adapters.duckdb.credentials:DuckDBCredentials",
)
STOP_TIMEOUT_S = 5.0  # a dbt still running when the zygote stops gets SIGTERM, then this long to exit
PARENT_POLL_S = 1.0  # how often the zygote checks that the process that started it is still there
_kept: list = []  # the zygote's own __main__ module, still running when a forked child replaces it


def dbt_entry_point():
    """The callable the `dbt` console script calls (`dbt.cli.main:cli` in dbt-core 1.11), read from dbt-core's
    own entry points so the zygote runs what `.venv/bin/dbt` runs."""
    from importlib.metadata import entry_points

    (entry,) = entry_points(group="console_scripts", name="dbt")
    return entry.load()


def warm_up() -> None:
    import importlib

    for name in WARM_MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    for name in WARM_SCHEMAS:
        module, cls = name.split(":")
        with contextlib.suppress(ImportError, AttributeError):
            getattr(importlib.import_module(module), cls).json_schema()


@dataclass
class Request:
    """One dbt invocation as the launcher sent it, applied in the forked child by `enter`."""

    fds: list[int]
    argv0: bytes
    args: list[bytes]
    cwd: bytes
    env: dict[bytes, bytes]
    umask: int
    ignored: list[int]  # signals the launcher inherited as ignored: a dbt it started would ignore them too

    def enter(self) -> None:
        """Become the launcher's dbt: its stdin/stdout/stderr, directory, umask, environment, ignored signals
        and argv."""
        for signum in self.ignored:
            signal.signal(signum, signal.SIG_IGN)
        for target, fd in enumerate(self.fds):
            os.dup2(fd, target)
        for fd in set(self.fds) - {0, 1, 2}:
            os.close(fd)
        os.chdir(self.cwd)
        os.umask(self.umask)
        os.environb.clear()
        os.environb.update(self.env)
        time.tzset()
        sys.argv = [os.fsdecode(self.argv0), *map(os.fsdecode, self.args)]
        # a console script's __main__ (click names the program after it: "Usage: dbt build ..."), not this module's
        script = types.ModuleType("__main__")
        script.__file__, script.__spec__ = sys.argv[0], None
        _kept.append(sys.modules["__main__"])
        sys.modules["__main__"] = script


class Zygote:
    def __init__(self, path: str) -> None:
        self.pid = os.getpid()
        self.path = path
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)  # bound before the imports: a launcher that comes early waits in the backlog
        self.listener.listen(16)
        self.sessions: dict[int, socket.socket] = {}  # forked dbt pid → its launcher's connection
        self.stopping = False

    def serve(self) -> Request | None:
        """Serve until stopped (returns None) or, in a forked child, return that child's request."""
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_r, False)
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        signal.signal(signal.SIGTERM, self._stop)
        parent = os.getppid()
        self._private = [wake_r, wake_w]
        while not self.stopping and os.getppid() == parent:
            ready, _, _ = select.select([self.listener, 0, wake_r], [], [], PARENT_POLL_S)
            if 0 in ready and not os.read(0, 4096):
                break  # the parent closed our stdin (or died)
            if wake_r in ready:
                with contextlib.suppress(BlockingIOError):
                    while os.read(wake_r, 512):
                        pass
            self._reap()
            if self.listener in ready and not self.stopping:
                request = self._accept()
                if request is not None:
                    return request
        self._finish_sessions()
        return None

    def _stop(self, signum, frame) -> None:
        self.stopping = True

    def _accept(self) -> Request | None:
        conn, _ = self.listener.accept()
        fds: list[int] = []
        try:
            conn.settimeout(5.0)  # a client that connects and sends nothing must not hold up the zygote
            head, fds, _, _ = socket.recv_fds(conn, LENGTH.size, 3)
            head += recv_exact(conn, LENGTH.size - len(head)) if head else b""
            (length,) = LENGTH.unpack(head)
            argv0, args, cwd, env, umask, ignored = marshal.loads(recv_exact(conn, length))
            if len(fds) != 3:
                raise ValueError("expected stdin, stdout and stderr")
            conn.settimeout(None)
        except (OSError, ValueError, EOFError, TypeError, struct.error):
            for fd in fds:
                os.close(fd)
            conn.close()
            return None
        go_r, go_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(go_w)
            self._become_child(conn)
            ok = os.read(go_r, 1) == b"g"  # the zygote has told the launcher our pid: it can forward signals
            os.close(go_r)
            if not ok:
                os._exit(1)
            return Request(fds, argv0, args, cwd, env, umask, ignored)
        os.close(go_r)
        for fd in fds:
            os.close(fd)
        try:
            conn.sendall(REPLY.pack(b"P", pid))
            os.write(go_w, b"g")
            self.sessions[pid] = conn
        except OSError:  # the launcher went away: the child exits without running dbt
            conn.close()
        finally:
            os.close(go_w)
        return None

    def _become_child(self, conn: socket.socket) -> None:
        """Drop everything of the zygote's in a freshly forked child."""
        self.pid = -1  # close() is a no-op from here on: the socket file is the zygote's
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGCHLD, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # as in any Python process: KeyboardInterrupt
        for fd in self._private:
            os.close(fd)
        for other in self.sessions.values():
            other.close()
        self.sessions.clear()
        conn.close()
        self.listener.close()

    def _reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.sessions.pop(pid, None)
            if conn is not None:
                with contextlib.suppress(OSError):
                    conn.sendall(REPLY.pack(b"S", os.waitstatus_to_exitcode(status)))
                conn.close()

    def _finish_sessions(self) -> None:
        """A dbt still running when the zygote stops is asked to end, and its launcher told how it ended."""
        for pid in self.sessions:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while self.sessions and time.monotonic() < deadline:
            self._reap()
            time.sleep(0.02)
        for pid in list(self.sessions):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        while self.sessions:
            self._reap()
            time.sleep(0.02)

    def close(self) -> None:
        if self.pid != os.getpid():
            return
        self.listener.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)


def serve_main(path: str) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is the build's (and dbt's) to handle
    zygote = Zygote(path)
    try:
        warm_up()
        entry = dbt_entry_point()
        gc.freeze()  # what is loaded now is never collected: a child's collections skip it and leave its pages shared
        request = zygote.serve()
    finally:
        zygote.close()
    if request is None:  # stopped: nothing to finalise but dbt's modules, which would take longer than the rest
        sys.stderr.flush()
        os._exit(0)
    request.enter()  # from here this process is the launcher's dbt, run as the console script runs it
    sys.argv[0] = sys.argv[0].removesuffix(".exe")
    return entry()


@contextlib.contextmanager
def warm_dbt():
    """While the block runs, dbt invocations through the dbt resource are forked from a zygote started now.
    Yields the socket path, or None when `DEVPLAN_DBT_WARM=0` or the launcher script is not installed."""
    launcher = os.path.join(os.path.dirname(sys.executable), LAUNCHER_NAME)
    if os.environ.get(SWITCH_ENV) == "0" or not os.access(launcher, os.X_OK):
        yield None
        return
    home = tempfile.mkdtemp(prefix="devplan-dbt-")
    path = os.path.join(home, "zygote.sock")
    proc = subprocess.Popen([sys.executable, "-P", "-m", __name__, "serve", path], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    previous = os.environ.get(SOCKET_ENV)
    os.environ[SOCKET_ENV] = path
    try:
        yield path
    finally:
        if previous is None:
            os.environ.pop(SOCKET_ENV, None)
        else:
            os.environ[SOCKET_ENV] = previous
        _stop(proc)
        shutil.rmtree(home, ignore_errors=True)


def _stop(proc: subprocess.Popen) -> None:
    with contextlib.suppress(OSError):
        proc.stdin.close()
    with contextlib.suppress(ProcessLookupError):
        proc.terminate()
    try:
        proc.wait(timeout=STOP_TIMEOUT_S + 2)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


if __name__ == "__main__":
    if sys.argv[1:2] != ["serve"] or len(sys.argv) != 3:
        print("usage: python -m orchestration.dbt.zygote serve SOCKET", file=sys.stderr)
        sys.exit(2)
    sys.exit(serve_main(sys.argv[2]))
