"""The test harness's own process handling: a test that kills a build's process group must never reach anyone
else's (pids are reused; see `wait_unreaped`)."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import wait_unreaped

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def test_a_process_waited_for_without_reaping_keeps_its_pid_and_group_id_until_reaped():
    proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.exit(3)"], start_new_session=True)
    assert wait_unreaped(proc, timeout=60) == 3
    assert _state(proc.pid) == "Z"  # ended, and its number still taken: no other process can have it
    os.killpg(proc.pid, signal.SIGKILL)  # its group still exists (no ProcessLookupError) and is its own
    assert proc.wait(timeout=10) == 3


def test_a_killed_process_gives_the_signal_and_a_slow_one_times_out():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            wait_unreaped(proc, timeout=0.2)
        assert _state(proc.pid) != "Z"
        os.killpg(proc.pid, signal.SIGKILL)
        assert wait_unreaped(proc, timeout=30) == -signal.SIGKILL
    finally:
        proc.kill()  # Popen never signals a process it has reaped
        proc.wait(timeout=10)
