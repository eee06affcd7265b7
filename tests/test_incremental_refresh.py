"""An incremental refresh rewrites only the new report's fact rows and tests only those; a full-tests run (the
daily schedule's tag) tests every row.

Runs the refresh job in-process, as `devplan build` does: a fresh in-memory Dagster instance per run, the work
registered as partitions, one run over their key range.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.dbt.test_scope import SCOPE_ALL, SCOPE_NEW, full_tests_tags
from orchestration.reports.partitions import full_range_tags, report_partitions

from .conftest import SEEDS, query_rows

FACTS = ("fct_indicators", "fct_projects", "fct_investment_plans")


def refresh(folder: Path, warehouse: Path, keys: list[str], tags: dict | None = None) -> dg.ExecuteInProcessResult:
    from orchestration.definitions import build_definitions

    job = build_definitions(folder, warehouse).resolve_job_def("refresh_reports")
    with dg.DagsterInstance.ephemeral() as instance:
        instance.add_dynamic_partitions(report_partitions.name, keys)
        return job.execute_in_process(instance=instance, tags={**full_range_tags(keys), **(tags or {})},
                                      raise_on_error=False)


def fingerprints(warehouse: Path, table: str) -> dict[str, set[tuple]]:
    """report_file → its rows as (rowid, hash of the row): a row deleted and inserted again gets a new rowid."""
    out: dict[str, set[tuple]] = {}
    for report_file, rowid, h in query_rows(warehouse, f"select report_file, rowid, hash(t) from marts.{table} t"):
        out.setdefault(report_file, set()).add((rowid, h))
    return out


def fact_checks(result: dg.ExecuteInProcessResult) -> dict[tuple[str, str], dg.AssetCheckEvaluation]:
    return {(e.asset_key.path[-1], e.check_name): e for e in result.get_asset_check_evaluations()
            if e.asset_key.path[-1] in FACTS}


@pytest.fixture(scope="module")
def built(tmp_path_factory, dbt_manifest):
    """A warehouse of all sample reports but the last, and the folder with the last one added."""
    tmp = tmp_path_factory.mktemp("incremental")
    files = sorted(p.name for p in SEEDS.iterdir() if p.is_file())
    first, new = files[:-1], files[-1]
    folder = tmp / "reports"
    folder.mkdir()
    for name in first:
        shutil.copy(SEEDS / name, folder / name)
    warehouse = tmp / "warehouse.duckdb"
    result = refresh(folder, warehouse, first)
    assert result.success
    shutil.copy(SEEDS / new, folder / new)
    return folder, warehouse, first, new


def test_adding_a_report_rewrites_only_its_rows_and_tests_only_them(built):
    folder, warehouse, first, new = built
    before = {t: fingerprints(warehouse, t) for t in FACTS}
    old_file = next(f for f in first if f in before["fct_projects"])
    # A defect planted in a report that is not reloaded: the incremental run must neither rewrite nor test it.
    con = duckdb.connect(str(warehouse))
    con.execute("update marts.fct_projects set project_name = null where report_file = ? and rowid = "
                "(select min(rowid) from marts.fct_projects where report_file = ?)", [old_file, old_file])
    con.close()
    before["fct_projects"] = fingerprints(warehouse, "fct_projects")

    result = refresh(folder, warehouse, [new])
    assert result.success

    after = {t: fingerprints(warehouse, t) for t in FACTS}
    for table in FACTS:
        assert {f: rows for f, rows in after[table].items() if f != new} == before[table], table
    assert new in after["fct_indicators"] and new in after["fct_projects"]

    checks = fact_checks(result)
    planted = checks[("fct_projects", "column_values_fct_projects")]
    assert planted.passed and planted.metadata["test_scope"].value == SCOPE_NEW
    # warn-severity tests (uncoded names, coded share) report what the seed lacks; no error-severity test fails
    errors = [k for k, e in checks.items() if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    assert errors == []
    assert {e.metadata["test_scope"].value for e in checks.values() if "test_scope" in e.metadata} == {SCOPE_NEW}
    # every check of the dbt asset was executed (none missing, so none shown as failed or skipped)
    dbt_assets = result.job_def.asset_layer.asset_graph
    expected = {k for k in dbt_assets.asset_check_keys if k.asset_key.path[0] != "raw"}
    assert expected <= {e.asset_check_key for e in result.get_asset_check_evaluations()}


def test_a_full_tests_run_tests_every_row(built):
    folder, warehouse, first, new = built
    # after the incremental test: the planted null is still in fct_projects, outside the last loaded report
    assert query_rows(warehouse, "select count(*) from marts.fct_projects where project_name is null")[0][0] == 1

    result = refresh(folder, warehouse, [new], tags=full_tests_tags())

    checks = fact_checks(result)
    assert not checks[("fct_projects", "column_values_fct_projects")].passed
    assert {e.metadata["test_scope"].value for e in checks.values() if "test_scope" in e.metadata} == {SCOPE_ALL}
    assert not result.success  # an error-severity test failed: the build says so
