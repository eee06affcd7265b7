"""Project matching is incremental by district, and what it builds is what a cold build builds.

Through `devplan build` on a small folder: sample reports and bench-derived ones, with two districts of two
reports each (the two 大渡口区 samples; two derived reports given one district name), so that matching across
reports is exercised. A warehouse built cold from N−2 reports and then given the two others in two incremental
builds holds, in all 9 marts, exactly the rows of a cold build of the N reports; after both files are deleted
again, exactly the rows of the cold build of the N−2. Between the two, a build that adds a report rewrites the
project rows of its own district only, and a district left behind by a build that stopped half-way (an old
version, a missing district, a mart holding an older copy of its source) is rebuilt by the next one. After every
build, each project mart's record of the versions it copied is its source's versions.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from .conftest import (
    ROOT,
    build_ok,
    copy_build,
    copy_of_base,
    derived_report,
    query_rows,
    seed_file,
    shared_district_indices,
)

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import district_name  # noqa: E402

pytestmark = pytest.mark.e2e

MARTS = ("dim_districts", "dim_indicators", "dim_projects", "dim_reports", "fct_indicators", "fct_investment_plans",
         "fct_project_milestones", "fct_projects", "mart_target_vs_actual")
# the models incremental by district
BY_DISTRICT = ("int_project_name_pairs", "int_project_mention_keys", "int_projects", "int_project_milestones")
# columns that say when a row was loaded, not what it holds (a district's version is made of its load times)
LOAD_TIME = {"ingested_at", "district_version"}
# the project marts, their source, and the record of the source versions each district was copied from
COPIES = {"dim_projects": "int_projects", "fct_project_milestones": "int_project_milestones"}


def _rows(warehouse: Path, relation: str) -> list[tuple]:
    """The rows of a relation, sorted, without its load times (two builds load at different times)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        columns = [c for (c,) in con.execute(
            "select column_name from information_schema.columns where table_schema || '.' || table_name = ? "
            "order by ordinal_position", [relation]).fetchall() if c not in LOAD_TIME]
        select = ", ".join(f'"{c}"' for c in columns)
        rows = con.execute(f"select {select} from {relation}").fetchall()
    finally:
        con.close()
    # lists (name_variants) as tuples, so that rows can be compared as sets
    return sorted((tuple(tuple(v) if isinstance(v, list) else v for v in r) for r in rows), key=repr)


def _assert_copies_recorded(warehouse: Path) -> None:
    """Each project mart's record holds, for every district of its source, the version the source holds."""
    for mart, source in COPIES.items():
        recorded = query_rows(warehouse, f"select district, district_version from intermediate.{mart}__copied_versions "
                                         "order by district")
        held = query_rows(warehouse, f"select district, any_value(district_version) from intermediate.{source} "
                                     "group by district order by district")
        assert recorded == held and held, mart


def _assert_same_marts(built: Path, cold: Path) -> None:
    for mart in MARTS:
        got, want = _rows(built, f"marts.{mart}"), _rows(cold, f"marts.{mart}")
        assert want, f"marts.{mart} is empty in the cold build"
        missing = [r for r in want if r not in set(got)]
        extra = [r for r in got if r not in set(want)]
        assert got == want, f"marts.{mart}: {len(missing)} rows missing, {len(extra)} extra, e.g. {(missing + extra)[:2]}"


# A mark planted in every row of the districts a build must not touch, in a column that neither a district's
# version nor its projects depend on, nor a data test (the audit score, the stage rank's offset, counts, lines):
# a row still marked after the build was not rewritten. DuckDB's rowids cannot tell: a checkpoint compacts the
# rows left between deleted ones.
MARKS = {
    "intermediate.int_project_name_pairs": ("dice", 10),
    "intermediate.int_project_mention_keys": ("stage_rank", 100),
    "intermediate.int_projects": ("n_mentions", 1_000_000),
    "marts.dim_projects": ("n_mentions", 1_000_000),
    "intermediate.int_project_milestones": ("source_line", 1_000_000),
    "marts.fct_project_milestones": ("source_line", 1_000_000),
}


def _mark(warehouse: Path, district: str, sign: int) -> None:
    con = duckdb.connect(str(warehouse))
    try:
        for relation, (column, offset) in MARKS.items():
            con.execute(f"update {relation} set {column} = {column} + ? where district <> ?", [sign * offset, district])
    finally:
        con.close()


def _marked(warehouse: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """relation → district → (rows, rows marked)."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for relation, (column, offset) in MARKS.items():
        rows = query_rows(warehouse, f"select district, count(*), count(*) filter (where {column} >= ?) "
                                     f"from {relation} group by district", [offset / 2])
        out[relation] = {d: (n, marked) for d, n, marked in rows}
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The report files: `base` (N−2) and the two added later, each sharing a district with a base report."""
    src = tmp_path_factory.mktemp("project_corpus")
    i, j = shared_district_indices()
    files = {
        "base": [seed_file("000_"), seed_file("001_"), derived_report(src, "000_", i)],
        # 002 shares 大渡口区 with 000; report j shares report i's district
        "added": [seed_file("002_"), derived_report(src, "002_", j)],
    }
    return files, district_name(i)


@pytest.fixture(scope="module")
def cold_base(tmp_path_factory, corpus, incremental_base) -> Path:
    """The cold build of the base files (the session's, conftest.incremental_base), copied."""
    files, _ = corpus
    return copy_of_base(incremental_base, files["base"], tmp_path_factory.mktemp("cold_base"))


@pytest.fixture(scope="module")
def cold_all(tmp_path_factory, corpus, dbt_manifest) -> Path:
    files, _ = corpus
    folder = tmp_path_factory.mktemp("cold_all") / "reports"
    folder.mkdir()
    for f in files["base"] + files["added"]:
        shutil.copy(f, folder / f.name)
    warehouse = folder.parent / "warehouse.duckdb"
    build_ok(folder, warehouse)
    return warehouse


@pytest.fixture(scope="module")
def grown(tmp_path_factory, corpus, cold_base):
    """A copy of the cold N−2 warehouse, then one incremental build per added report."""
    files, shared = corpus
    tmp = tmp_path_factory.mktemp("grown")
    folder = tmp / "reports"
    folder.mkdir()
    for f in files["base"]:
        shutil.copy(f, folder / f.name)
    warehouse = copy_build(cold_base.parent, tmp)  # the warehouse, its serving copy and its dbt target folder
    steps = []
    for f, district in zip(files["added"], ("大渡口区", shared), strict=True):
        _mark(warehouse, district, +1)
        before = _marked(warehouse)
        shutil.copy(f, folder / f.name)
        build_ok(folder, warehouse)
        _assert_copies_recorded(warehouse)
        steps.append((f.name, district, before, _marked(warehouse)))
        _mark(warehouse, district, -1)
    return folder, warehouse, steps, shared


def test_a_new_report_rewrites_the_project_rows_of_its_district_only(grown):
    _, _, steps, _ = grown
    for report, district, before, after in steps:
        for relation in MARKS:
            others = {d: n for d, (n, _) in before[relation].items() if d != district}
            assert others and all(marked == n for d, (n, marked) in before[relation].items() if d != district)
            # every row of the other districts is still there and still marked: none was written again
            assert {d: v for d, v in after[relation].items() if d != district} == \
                {d: (n, n) for d, n in others.items()}, f"{report} rewrote other districts' rows of {relation}"
            # the district of the new report was built again
            n, marked = after[relation][district]
            assert n and marked == 0, (report, relation)


def test_incremental_builds_give_the_marts_of_a_cold_build(grown, cold_all):
    _, warehouse, _, shared = grown
    _assert_same_marts(warehouse, cold_all)
    # matching across reports happened: a project of each shared district is named in both of its reports
    for district in ("大渡口区", shared):
        assert query_rows(warehouse, "select max(n_reports) from marts.dim_projects where district = ?",
                          [district])[0][0] == 2, district


def test_deleting_the_added_reports_gives_the_marts_of_the_cold_build_without_them(grown, corpus, cold_base):
    """Also what a build killed between two models leaves behind, in a district the deletion does not touch:
    its pairs deleted but not scored again, its mention keys rebuilt but not its projects (an older version
    held), its milestones deleted but not inserted again, dim_projects holding the copy of an older version of
    int_projects (its record says so); and fct_project_milestones without its record of the versions copied (a
    warehouse from before the records), its rows of that district altered. The next build repairs it from the data
    alone and writes the record again."""
    folder, warehouse, _, shared = grown
    files, _ = corpus
    (untouched,) = query_rows(warehouse, "select district from marts.dim_reports where report_file like '001_%'")[0]
    con = duckdb.connect(str(warehouse))
    try:
        con.execute("delete from intermediate.int_project_name_pairs where district = ?", [untouched])
        con.execute("update intermediate.int_projects set district_version = 'older', n_mentions = 0 "
                    "where district = ?", [untouched])
        con.execute("delete from intermediate.int_project_milestones where district = ?", [untouched])
        con.execute("update intermediate.dim_projects__copied_versions set district_version = 'older' "
                    "where district = ?", [untouched])
        con.execute("update marts.dim_projects set n_mentions = 0 where district = ?", [untouched])
        con.execute("drop table intermediate.fct_project_milestones__copied_versions")
        con.execute("update marts.fct_project_milestones set n_mentions = 0 where district = ?", [untouched])
    finally:
        con.close()
    for f in files["added"]:
        (folder / f.name).unlink()
    build_ok(folder, warehouse)
    _assert_same_marts(warehouse, cold_base)
    _assert_copies_recorded(warehouse)
    for model in BY_DISTRICT:
        assert _rows(warehouse, f"intermediate.{model}") == _rows(cold_base, f"intermediate.{model}"), model
    assert query_rows(warehouse, "select max(n_reports) from marts.dim_projects where district = ?",
                      [shared])[0][0] == 1
