"""An incremental refresh rewrites only the new report's fact rows and tests only those; a full-tests run (the
daily schedule's tag) tests every row. The models a refresh rebuilds district by district (project matching,
target vs actual) have their tests run on the districts of the reports loaded or removed.

Runs the refresh job in-process, as `devplan build` does: a fresh in-memory Dagster instance per run, the work
registered as partitions, one run over their key range.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.dbt.test_scope import SCOPE_ALL, SCOPE_NEW, SCOPE_NEW_DISTRICTS, full_tests_tags
from orchestration.reports.partitions import full_range_tags, report_partitions

from .conftest import SEEDS, query_rows

FACTS = ("fct_indicators", "fct_projects", "fct_investment_plans")
# incremental by district (macros/stale_districts.sql, target_vs_actual_version.sql): tested on the districts of
# the reports loaded or removed
BY_DISTRICT = ("int_project_name_pairs", "int_project_mention_keys", "int_projects", "int_project_milestones",
               "dim_projects", "fct_project_milestones", "int_target_vs_actual", "mart_target_vs_actual")


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
def all_but_last(tmp_path_factory, dbt_manifest) -> Path:
    """The folder of one refresh of every sample report but the last (reports/ and the warehouse with what is
    built beside it), which the fixtures below copy: each plants its own defects."""
    tmp = tmp_path_factory.mktemp("all_but_last")
    folder = tmp / "reports"
    folder.mkdir()
    for name in sorted(p.name for p in SEEDS.iterdir() if p.is_file())[:-1]:
        shutil.copy(SEEDS / name, folder / name)
    result = refresh(folder, tmp / "warehouse.duckdb", sorted(p.name for p in folder.iterdir()))
    assert result.success
    return tmp


def _copy_with_the_last_added(built: Path, tmp: Path):
    """A copy of `all_but_last` in `tmp`, and its folder with the last sample added: (folder, warehouse, the files
    loaded, the file added)."""
    shutil.copytree(built, tmp, dirs_exist_ok=True)
    files = sorted(p.name for p in SEEDS.iterdir() if p.is_file())
    first, new = files[:-1], files[-1]
    assert sorted(p.name for p in (tmp / "reports").iterdir()) == first
    shutil.copy(SEEDS / new, tmp / "reports" / new)
    return tmp / "reports", tmp / "warehouse.duckdb", first, new


@pytest.fixture(scope="module")
def built(tmp_path_factory, all_but_last):
    """A warehouse of all sample reports but the last, and the folder with the last one added."""
    return _copy_with_the_last_added(all_but_last, tmp_path_factory.mktemp("incremental"))


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


def checks_of(result: dg.ExecuteInProcessResult, models) -> dict[tuple[str, str], dg.AssetCheckEvaluation]:
    return {(e.asset_key.path[-1], e.check_name): e for e in result.get_asset_check_evaluations()
            if e.asset_key.path[-1] in models}


def district_of(warehouse: Path, report_file: str) -> str:
    return query_rows(warehouse, "select district from marts.dim_reports where report_file = ?", [report_file])[0][0]


@pytest.fixture(scope="module")
def projects_built(tmp_path_factory, all_but_last):
    """A warehouse of every sample report but the last (000 and 002 share a district, 001 has one of its own), and
    the folder with the last one added; defects planted where the refresh of the last one does not reach: a
    project of 001's district named null in dim_projects, a name key of 001's report null in int_project_names."""
    folder, warehouse, first, new = _copy_with_the_last_added(all_but_last, tmp_path_factory.mktemp("incremental_projects"))
    alone = next(f for f in first if f.startswith("001_"))
    district = district_of(warehouse, alone)
    assert district not in {district_of(warehouse, f) for f in first if f != alone}
    con = duckdb.connect(str(warehouse))
    con.execute("update marts.dim_projects set project_name = null "
                "where project_key = (select min(project_key) from marts.dim_projects where district = ?)", [district])
    con.execute("update intermediate.int_project_names set match_key = null "
                "where project_mention_id = (select min(project_mention_id) from intermediate.int_project_names "
                "where report_file = ?)", [alone])
    con.close()
    return folder, warehouse, first, new


def test_a_refresh_tests_the_project_rows_of_the_districts_it_rebuilt(projects_built):
    folder, warehouse, _, new = projects_built
    result = refresh(folder, warehouse, [new])
    assert result.success  # the planted defects are outside what the refresh rewrote: not tested
    checks = checks_of(result, BY_DISTRICT + ("int_project_names",))
    assert checks[("dim_projects", "column_values_dim_projects")].passed
    assert checks[("int_project_names", "column_values_int_project_names")].passed
    scopes = {k[0]: e.metadata["test_scope"].value for k, e in checks.items() if "test_scope" in e.metadata}
    assert scopes == {**dict.fromkeys(BY_DISTRICT, SCOPE_NEW_DISTRICTS), "int_project_names": SCOPE_NEW}
    assert query_rows(warehouse, "select count(*) from marts.dim_projects where district = ?",
                      [district_of(warehouse, new)])[0][0] > 0


def test_a_full_tests_run_tests_every_project_row(projects_built):
    folder, warehouse, _, new = projects_built
    result = refresh(folder, warehouse, [new], tags=full_tests_tags())
    assert not result.success
    checks = checks_of(result, ("int_project_names",))
    failed = checks[("int_project_names", "column_values_int_project_names")]
    assert not failed.passed and failed.metadata["test_scope"].value == SCOPE_ALL
    # dbt builds nothing downstream of a failed test: with the name key repaired, the projects are tested
    con = duckdb.connect(str(warehouse))
    con.execute("update intermediate.int_project_names set match_key = 'repaired' where match_key is null")
    con.close()
    result = refresh(folder, warehouse, [new], tags=full_tests_tags())
    assert not result.success
    checks = checks_of(result, BY_DISTRICT)
    assert not checks[("dim_projects", "column_values_dim_projects")].passed
    assert {e.metadata["test_scope"].value for e in checks.values() if "test_scope" in e.metadata} == {SCOPE_ALL}


def test_removing_a_report_tests_the_rows_of_its_district(projects_built):
    """The district of a report removed is rebuilt from its other reports, and those rows are tested: here they
    carry a defect of the names of the district's other report (000), which the rebuild brings into dim_projects."""
    folder, warehouse, first, _ = projects_built
    gone, kept = next(f for f in first if f.startswith("002_")), next(f for f in first if f.startswith("000_"))
    district = district_of(warehouse, gone)
    assert district_of(warehouse, kept) == district
    con = duckdb.connect(str(warehouse))
    con.execute("update marts.dim_projects set project_name = 'repaired' where project_name is null")
    con.execute("update intermediate.int_project_names set project_name = null where report_file = ?", [kept])
    con.close()
    (folder / gone).unlink()
    result = refresh(folder, warehouse, [gone])
    assert not result.success
    checks = checks_of(result, BY_DISTRICT)
    failed = checks[("dim_projects", "column_values_dim_projects")]
    assert not failed.passed and failed.metadata["test_scope"].value == SCOPE_NEW_DISTRICTS
    # what failed is the district's rebuilt rows: every project of it is named by 000's names alone
    n, unnamed = query_rows(warehouse, "select count(*), count(*) filter (where project_name is null) "
                                       "from marts.dim_projects where district = ?", [district])[0]
    assert n and unnamed == n
