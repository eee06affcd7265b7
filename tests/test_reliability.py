"""Reliability of the raw layer: version history, truncated reports, odd file names, fatal errors."""
import os
from pathlib import Path

import pytest

from warehouse.refresh import refresh_reports

from .conftest import SEEDS, query_rows, run_devplan

SEED = next(SEEDS.glob("000_*.txt"))


rows = query_rows


def test_a_replaced_or_deleted_version_is_kept_in_report_versions(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.txt").write_bytes(SEED.read_bytes())
    wh = tmp_path / "w.duckdb"
    refresh_reports(folder, wh, ["r.txt"])
    (first_sha, first_at), = rows(wh, "select sha256, ingested_at from raw.reports")
    assert rows(wh, "select count(*) from raw.report_versions") == [(0,)]

    (folder / "r.txt").write_bytes(SEED.read_bytes() + "\n（修订）\n".encode())
    refresh_reports(folder, wh, ["r.txt"])
    (second_sha,), = rows(wh, "select sha256 from raw.reports")
    assert second_sha != first_sha
    old = rows(wh, "select report_file, sha256, size, metadata ->> 'district', ingested_at, replaced_at, change "
                   "from raw.report_versions")
    assert len(old) == 1
    f, sha, size, district, ingested_at, replaced_at, change = old[0]
    assert (f, sha, size, district, ingested_at, change) == ("r.txt", first_sha, SEED.stat().st_size, "大渡口区", first_at, "replaced")
    assert replaced_at > ingested_at
    # the facts are the new version's only
    assert rows(wh, "select count(*) from raw.reports") == [(1,)]

    (folder / "r.txt").unlink()
    refresh_reports(folder, wh, ["r.txt"])
    assert rows(wh, "select sha256, change from raw.report_versions order by replaced_at") == [
        (first_sha, "replaced"), (second_sha, "deleted")]
    assert rows(wh, "select count(*) from raw.reports") == [(0,)]


def _truncated_seed(tmp_path: Path) -> tuple[Path, int]:
    """Seed 000 cut inside a row of its indicator table 表1 (the row of seq 5 has 3 of its 7 cells)."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    cut = next(i for i in range(len(lines)) if lines[i] == "\t5") + 3
    path = tmp_path / "reports" / "cut.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines[:cut]), encoding="utf-8")  # ends mid-row, no newline
    return path, cut


def test_a_truncated_report_keeps_the_complete_rows_and_says_what_is_missing(tmp_path):
    path, cut = _truncated_seed(tmp_path)
    wh = tmp_path / "w.duckdb"
    summary = refresh_reports(path.parent, wh, ["cut.txt"])
    assert summary.loaded == ["cut.txt"] and not summary.rejected
    (detail,), = rows(wh, "select detail from raw.report_events where event = 'incomplete'")
    assert detail.startswith(f"table 表1 ends mid-row at line {cut}: its last row has 3 of 7 cells"), detail
    assert summary.incomplete == {"cut.txt": [detail]}
    # the finding is stored with the facts, as the part ingestion left out
    assert rows(wh, "select kind, problem from raw.report_parts where kind = 'incomplete_row'") == [
        ("incomplete_row", detail)]
    # rows 1–4 of the table loaded (target and actual), nothing of the cut row
    seqs = sorted({s for (s,) in rows(wh, "select seq from raw.indicator_rows where source = 'table'")}, key=int)
    assert seqs == ["1", "2", "3", "4"]
    assert rows(wh, "select count(*) from raw.indicator_rows where source_line >= ?", [cut - 2]) == [(0,)]


def test_complete_reports_are_not_reported_incomplete():
    from ingestion.process import process_report

    fixtures = sorted(SEEDS.glob("*.txt")) + sorted((SEEDS.parent / "tests" / "fixtures" / "variants").glob("*.txt"))
    for f in fixtures:
        assert process_report(f.name, f.read_bytes()).incomplete == [], f.name


ODD_NAMES = [
    "with space 报告.txt", "quote's \"double\".txt", "a..b.txt", "-leading-dash.txt", "semi;colon$(x)`y`.txt",
    "Ünïcödé 重庆（大渡口）.txt", "percent%s_{}[].txt", "drop table raw.reports; --.txt",
]


def test_odd_file_names_load_safely_and_nothing_outside_the_folder_is_read(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i, name in enumerate(ODD_NAMES):
        # distinct content per name (the same content twice is a duplicate)
        (folder / name).write_text(texts[i % len(texts)] + f"\n（副本{i}）\n", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(SEED.read_bytes())
    (folder / "link.txt").symlink_to(outside)
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_bytes(SEED.read_bytes())

    from ingestion.folder import scan_folder

    names = sorted(scan_folder(folder))
    assert names == sorted(ODD_NAMES)  # no link, no subfolder
    wh = tmp_path / "w.duckdb"
    summary = refresh_reports(folder, wh, names + ["link.txt", "../outside.txt"])
    assert sorted(summary.loaded) == sorted(ODD_NAMES) and not summary.rejected
    assert sorted(f for (f,) in rows(wh, "select report_file from raw.reports")) == sorted(ODD_NAMES)
    assert rows(wh, "select count(*) from raw.reports where report_file in ('link.txt', '../outside.txt')") == [(0,)]


def test_a_directory_as_warehouse_is_a_fatal_error_with_one_clear_line(tmp_path):
    wh = tmp_path / "w.duckdb"
    wh.mkdir()
    proc = run_devplan("build", "--reports", str(SEEDS), "--warehouse", str(wh))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"error: warehouse path {wh} is a directory, not a DuckDB file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_warehouse_folder_is_a_fatal_error(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        proc = run_devplan("build", "--reports", str(SEEDS), "--warehouse", str(ro / "w.duckdb"))
    finally:
        ro.chmod(0o755)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"error: cannot write the warehouse: no write permission on {ro}"]


def test_a_warehouse_under_a_file_is_a_fatal_error(tmp_path):
    (tmp_path / "file").write_text("x")
    proc = run_devplan("build", "--reports", str(SEEDS), "--warehouse", str(tmp_path / "file" / "w.duckdb"))
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and "is not a directory" in proc.stderr
