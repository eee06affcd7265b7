"""One writer at a time: a second process waits, then fails naming the warehouse; a killed holder frees it."""
import subprocess
import sys

import pytest

from warehouse.lock import writer_lock

HOLD = r"""
import sys, time
from warehouse.lock import writer_lock
with writer_lock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_second_writer_times_out_naming_the_file_and_a_killed_holder_releases_it(tmp_path):
    wh = tmp_path / "w.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(wh)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(TimeoutError, match=str(wh)), writer_lock(wh, timeout_s=0.5):
            pass
    finally:
        holder.kill()
        holder.wait()
    with writer_lock(wh, timeout_s=5):  # the kernel released the dead process's lock
        pass
