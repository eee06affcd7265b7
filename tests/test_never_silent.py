"""Never silent: a part of a report the extractors saw but could not read is stored with the facts
(raw.report_parts), fails the raw asset's `every_part_read` check at WARN naming the report and the part, and is
a `!` line of `devplan build`, whose exit code stays 0 (a warning, not a rejection)."""
from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from ingestion.process import process_report
from orchestration.reports.checks import check_results, report_figures
from warehouse.connection import read_only
from warehouse.queries import loaded_reports, part_problems
from warehouse.refresh import refresh_reports

from .conftest import ROOT, SEEDS, query_rows, run_devplan

# an indicator table's caption over lines in a layout no table recogniser reads (arrows between the cells)
UNREAD = ROOT / "tests" / "fixtures" / "never_silent" / "unread_indicator_table.txt"


def _folder(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def test_the_extraction_names_the_table_it_could_not_read():
    rec = process_report(UNREAD.name, UNREAD.read_bytes())
    assert rec.ok
    (part,) = rec.problems
    assert part.kind == "indicator_table" and part.title.startswith("表1") and part.title.endswith("主要指标")
    assert part.facts_read == 0 and part.problem
    assert UNREAD.read_text(encoding="utf-8").split("\n")[part.source_line - 1].startswith("表1")


def test_the_part_is_stored_with_the_facts_and_warns_in_the_raw_check(tmp_path):
    folder = _folder(tmp_path, UNREAD, next(SEEDS.glob("000_*.txt")))
    wh = tmp_path / "w.duckdb"
    summary = refresh_reports(folder, wh, sorted(p.name for p in folder.iterdir()))
    assert sorted(summary.loaded) == sorted(p.name for p in folder.iterdir()) and not summary.rejected
    assert [name for name in summary.problems] == [UNREAD.name]
    stored = query_rows(wh, "select r.report_file, p.kind, p.title, p.facts_read, p.problem is not null "
                            "from raw.report_parts p join raw.reports r using (report_id) where p.problem is not null")
    assert [(f, kind, facts, flagged) for f, kind, _, facts, flagged in stored] == [
        (UNREAD.name, "indicator_table", 0, True)]
    # parts read fine are stored too (the seed's tables), so a zero is never mistaken for "nothing there"
    assert query_rows(wh, "select count(*) > 0 from raw.report_parts where problem is null and facts_read > 0") == [
        (True,)]

    with read_only(wh) as con:
        problems = part_problems(con)
        figures = report_figures(loaded_reports(con, summary.loaded))
    results = {r.check_name: r for r in check_results([], figures, problems)}
    check = results["every_part_read"]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["reports"].value == UNREAD.name
    (row,) = check.metadata["parts"].value.records
    assert row.data["report"] == UNREAD.name and row.data["part"] == stored[0][2]
    assert results["no_rejected_files"].passed


@pytest.mark.e2e
def test_devplan_build_prints_a_line_per_part_not_read_and_exits_0(tmp_path, dbt_manifest):
    folder = _folder(tmp_path, UNREAD, next(SEEDS.glob("001_*.txt")))
    proc = run_devplan("build", "--reports", str(folder), "--warehouse", str(tmp_path / "w.duckdb"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    warnings = [line.strip() for line in proc.stdout.splitlines() if line.strip().startswith("! ")]
    assert len(warnings) == 1, proc.stdout
    file, part, problem = warnings[0][2:].split(": ", 2)
    assert file == UNREAD.name and part.startswith("表1") and part.endswith("主要指标") and problem
    # the same warning on a build with nothing new (it lasts as long as the report does)
    again = run_devplan("build", "--reports", str(folder), "--warehouse", str(tmp_path / "w.duckdb"))
    assert again.returncode == 0 and "nothing new" in again.stdout
    assert [line.strip() for line in again.stdout.splitlines() if line.strip().startswith("! ")] == warnings
