"""`devplan-dbt`: a `dbt` command that runs in a process forked from a warm dbt (orchestration/dbt/zygote.py).

dagster-dbt runs dbt as `[dbt_executable, *args]` on a pipe and reads its JSON log lines and exit code. Started
cold, dbt spends ~2 s importing itself before it reads the project; `devplan build` pays that on the core Dagster's
own start-up leaves idle by starting a zygote that imports dbt ahead and forks one process per invocation. This
launcher stands in for the executable: it hands its arguments, working directory, environment and stdin/stdout/
stderr to the zygote, which forks a dbt on those very descriptors; the launcher forwards the signals it gets
(dagster-dbt's SIGINT on cancel, a SIGTERM) to that process and exits as it did. To dagster-dbt it is dbt.

Whenever the zygote cannot serve (none named, `DEVPLAN_DBT_WARM=0`, a stale socket, a zygote that dies before it
forks) the launcher becomes the venv's `dbt` (`os.execv`), so it is never worse than running dbt itself.
It imports only the standard library: its own start-up is on the path it shortens.
"""
from __future__ import annotations

import marshal
import os
import signal
import socket
import struct
import sys
import time

SOCKET_ENV = "DEVPLAN_DBT_ZYGOTE"  # the socket of the zygote serving this process tree (set by `devplan build`)
SWITCH_ENV = "DEVPLAN_DBT_WARM"  # "0": no zygote is started or used; dbt starts cold, as before
LAUNCHER_NAME = "devplan-dbt"  # the console script ([project.scripts]) beside the venv's python and dbt

LENGTH = struct.Struct("!I")  # the request's byte length, sent with the three descriptors; then the request
REPLY = struct.Struct("!cq")  # b"P" + the forked dbt's pid, then b"S" + its exit code (negative: killed by signal)
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)


def real_dbt() -> str:
    """The venv's own dbt console script: what runs when no zygote does, and the argv[0] a forked dbt sees."""
    return os.path.join(os.path.dirname(sys.executable), "dbt")


def warm_launcher() -> str | None:
    """This launcher's path, when a zygote is named by the environment and its socket exists; else None."""
    path = os.environ.get(SOCKET_ENV)
    if not path or os.environ.get(SWITCH_ENV) == "0" or not os.path.exists(path):
        return None
    launcher = os.path.join(os.path.dirname(sys.executable), LAUNCHER_NAME)
    return launcher if os.access(launcher, os.X_OK) else None


def recv_exact(sock: socket.socket, n: int) -> bytes:
    """n bytes from a stream socket, or fewer if it closes first."""
    chunks, got = [], 0
    while got < n:
        chunk = sock.recv(n - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _std_fds() -> list[int]:
    """Descriptors 0, 1, 2 to hand over; a closed one is handed over as /dev/null (as a child of ours would see it
    closed, dbt would fail on it either way; /dev/null keeps the hand-over itself from failing)."""
    fds = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
            fds.append(fd)
        except OSError:
            fds.append(os.open(os.devnull, os.O_RDWR))
    return fds


def _request(args: list[str]) -> bytes:
    umask = os.umask(0)
    os.umask(umask)
    ignored = [s for s in FORWARDED if signal.getsignal(s) == signal.SIG_IGN]
    return marshal.dumps((os.fsencode(real_dbt()), [os.fsencode(a) for a in args], os.getcwdb(),
                          dict(os.environb), umask, [int(s) for s in ignored]))


class _Forwarder:
    """Signals that arrive before the zygote has named the dbt process are kept and sent once it has."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self.pending: list[int] = []

    def __call__(self, signum, frame) -> None:
        if self.pid is None:
            self.pending.append(signum)
        else:
            self._send(signum)

    def started(self, pid: int) -> None:
        self.pid = pid
        for signum in self.pending:
            self._send(signum)
        self.pending.clear()

    def _send(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:  # it has just exited: its status is on its way
            pass


def _exit_as(code: int) -> int:
    """Exit like the dbt process did: with its code, or killed by the same signal."""
    if code >= 0:
        return code
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
    return 128 - code  # not reached for a signal that terminates


def run_in_zygote(path: str, args: list[str]) -> int | None:
    """dbt's exit code for `args` run by the zygote at `path`, or None if no dbt process was started there."""
    forward = _Forwarder()
    payload = _request(args)  # before the forwarders: it records which signals this process ignores
    previous = {s: signal.signal(s, forward) for s in FORWARDED if signal.getsignal(s) != signal.SIG_IGN}
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(path)
            socket.send_fds(sock, [LENGTH.pack(len(payload))], _std_fds())
            sock.sendall(payload)
            reply = recv_exact(sock, REPLY.size)
        except OSError:
            sock.close()
            return None
        if len(reply) < REPLY.size:  # the zygote went away before it forked
            sock.close()
            return None
        kind, pid = REPLY.unpack(reply)
        forward.started(pid)
        try:
            reply = recv_exact(sock, REPLY.size)
        except OSError:
            reply = b""
        sock.close()
        if len(reply) == REPLY.size:
            return _exit_as(REPLY.unpack(reply)[1])
        print(f"{LAUNCHER_NAME}: the dbt zygote exited while dbt (pid {pid}) ran; its exit status is lost",
              file=sys.stderr)
        while _alive(pid):
            time.sleep(0.05)
        return 1
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if forward.pid is None:  # no dbt was started to receive them: they are this process's again
            for signum in forward.pending:
                os.kill(os.getpid(), signum)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main() -> int:
    args = sys.argv[1:]
    path = os.environ.get(SOCKET_ENV)
    if path and os.environ.get(SWITCH_ENV) != "0":
        code = run_in_zygote(path, args)
        if code is not None:
            return code
    dbt = real_dbt()
    os.execv(dbt, [dbt, *args])


if __name__ == "__main__":
    sys.exit(main())
