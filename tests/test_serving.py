"""The serving copy: BI tools read `serving.duckdb` while builds write the warehouse.

A reader process holds the serving copy open read-only during a second build: the build is not blocked, the
reader keeps seeing the complete old snapshot, and a fresh connection afterwards sees the new one. The
folder's files have odd names (spaces, quotes, unicode, `..`, a leading dash, SQL): they load end to end.
"""
import json
import shutil
import subprocess
import sys
import time

import duckdb
import pytest

from bench.make_corpus import derive

from .conftest import SEEDS, run_devplan
from .test_reliability import ODD_NAMES

pytestmark = pytest.mark.e2e

READER = r"""
import duckdb, json, sys, time
con = duckdb.connect(sys.argv[1], read_only=True)
def look():
    return [con.execute("select count(*) from marts.dim_reports").fetchone()[0],
            con.execute("select count(*) from marts.fct_indicators").fetchone()[0],
            str(con.execute("select published_at from snapshot").fetchone()[0])]
print(json.dumps(look()), flush=True)
sys.stdin.readline()            # hold the file open until told
print(json.dumps(look()), flush=True)
"""


def _look(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [con.execute("select count(*) from marts.dim_reports").fetchone()[0],
                con.execute("select count(*) from marts.fct_indicators").fetchone()[0],
                str(con.execute("select published_at from snapshot").fetchone()[0])]
    finally:
        con.close()


def test_a_reader_of_the_serving_copy_never_blocks_a_build_nor_sees_a_half_state(tmp_path, dbt_manifest):
    reports = tmp_path / "reports"
    reports.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i, name in enumerate(ODD_NAMES[:5]):
        (reports / name).write_bytes(seeds[i].read_bytes())
    wh = tmp_path / "wh" / "warehouse.duckdb"
    first = run_devplan("build", "--reports", str(reports), "--warehouse", str(wh))
    assert first.returncode == 0, first.stdout + first.stderr
    serving = wh.with_name("serving.duckdb")
    assert f"serving copy for BI tools (read-only): {serving}" in first.stdout
    # the odd names went through Dagster partitions, dbt and the serving copy unchanged
    con = duckdb.connect(str(serving), read_only=True)
    assert sorted(f for (f,) in con.execute("select report_file from marts.dim_reports").fetchall()) == sorted(ODD_NAMES[:5])
    con.close()

    reader = subprocess.Popen([sys.executable, "-c", READER, str(serving)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        before = json.loads(reader.stdout.readline())
        assert before[0] == 5 and before[1] > 0
        for i, name in enumerate(ODD_NAMES[5:]):  # more reports with odd names, then build while the reader holds the copy
            (reports / name).write_text(derive(seeds[i].read_text(encoding="utf-8"), 50 + i), encoding="utf-8")
        t0 = time.monotonic()
        second = run_devplan("build", "--reports", str(reports), "--warehouse", str(wh))
        assert second.returncode == 0, second.stdout + second.stderr
        assert time.monotonic() - t0 < 300
        reader.stdin.write("\n")
        reader.stdin.flush()
        during = json.loads(reader.stdout.readline())
        assert during == before  # the old snapshot, complete, for as long as it is held open
    finally:
        reader.kill()
        reader.wait()
    after = _look(serving)
    assert after[0] == len(ODD_NAMES) and after[1] > before[1] and after[2] > before[2]
    # the copy equals the warehouse's marts
    con = duckdb.connect(str(wh), read_only=True)
    assert [con.execute("select count(*) from marts.dim_reports").fetchone()[0],
            con.execute("select count(*) from marts.fct_indicators").fetchone()[0]] == after[:2]
    con.close()
    assert not serving.with_name("serving.duckdb.tmp").exists()


def test_publishing_is_a_rename_of_a_complete_file(tmp_path, seeds_warehouse):
    """Publishing from an existing warehouse writes the copy aside and renames it; a copy open for reading
    is not affected."""
    from warehouse.serving import publish_serving_copy, serving_path

    wh = tmp_path / "warehouse.duckdb"
    shutil.copy(seeds_warehouse, wh)
    counts = publish_serving_copy(wh)
    assert counts["marts.dim_reports"] == 5 and counts["marts.fct_indicators"] > 0
    old = duckdb.connect(str(serving_path(wh)), read_only=True)
    inode = serving_path(wh).stat().st_ino
    publish_serving_copy(wh)
    assert serving_path(wh).stat().st_ino != inode  # a new file, renamed into place
    assert old.execute("select count(*) from marts.dim_reports").fetchone()[0] == 5
    old.close()
