"""Target vs actual is incremental by district (int_target_vs_actual, followed by mart_target_vs_actual), and
what it builds is what a full build builds.

Through `devplan build` on a small folder: two sample reports and one bench-derived one (three districts), then
a report of a new district and a second report of an existing district, each in a build of its own. Every row of
the two relations is marked before a build (a suffix on target_actual_id, in both, so that the mart still
equals its source): a row still marked afterwards was not written again. Then a build that removes the two
reports, run on a warehouse left half-done (a district's rows missing, another's version and values wrong, an
older copy in the mart, rows missing from it), gives exactly the rows of a cold build of the first three reports; a
changed direction in the indicator_codes seed recomputes every district; a reloaded report rewrites its own
district; and a `--full-refresh` of the two models gives exactly the rows the incremental builds left.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from bench.make_corpus import district_name

from .conftest import build_ok, copy_build, copy_of_base, derived_report, query_rows, seed_file, shared_district_indices

pytestmark = pytest.mark.e2e

INT = "intermediate.int_target_vs_actual"
MART = "marts.mart_target_vs_actual"
# the versions of INT each district of the mart was copied from (macro delete_districts_not_copied)
RECORD = "intermediate.mart_target_vs_actual__copied_versions"
RELATIONS = (INT, MART)
MARK = "#kept"


def _rows(warehouse: Path, relation: str, without: tuple[str, ...] = ()) -> list[tuple]:
    """The rows of a relation, sorted, without the columns named."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        columns = [c for (c,) in con.execute(
            "select column_name from information_schema.columns where table_schema || '.' || table_name = ? "
            "order by ordinal_position", [relation]).fetchall() if c not in without]
        rows = con.execute(f"select {', '.join(columns)} from {relation}").fetchall()
    finally:
        con.close()
    return sorted(rows, key=repr)


def _assert_mart_is_its_source(warehouse: Path) -> None:
    assert _rows(warehouse, MART) == _rows(warehouse, INT, without=("district_version",))
    assert _rows(warehouse, RECORD) == sorted(
        query_rows(warehouse, f"select distinct district, district_version from {INT}"), key=repr)


def _mark(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse))
    try:
        for relation in RELATIONS:
            con.execute(f"update {relation} set target_actual_id = target_actual_id || ?", [MARK])
    finally:
        con.close()


def _unmark(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse))
    try:
        for relation in RELATIONS:
            con.execute(f"update {relation} set target_actual_id = replace(target_actual_id, ?, '')", [MARK])
    finally:
        con.close()


def _marked(warehouse: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """relation → district → (rows, rows still marked)."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for relation in RELATIONS:
        rows = query_rows(warehouse, f"select district, count(*), count(*) filter (where ends_with(target_actual_id, ?)) "
                                     f"from {relation} group by district", [MARK])
        out[relation] = {d: (n, marked) for d, n, marked in rows}
    return out


def _districts(warehouse: Path) -> set[str]:
    return {d for (d,) in query_rows(warehouse, f"select distinct district from {MART}")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """`base`: two sample reports and a derived one (three districts; the base test_incremental_projects grows
    too); `new_district`: a derived report of a fourth district; `same_district`: a sample report of the district
    of a base one (002 and 000 are both 大渡口区)."""
    src = tmp_path_factory.mktemp("tva_corpus")
    i, _ = shared_district_indices()
    k = next(k for k in range(2, 1000) if district_name(k) != district_name(i))
    return {
        "base": [seed_file("000_"), seed_file("001_"), derived_report(src, "000_", i)],
        "new_district": (derived_report(src, "000_", k), district_name(k)),
        "same_district": seed_file("002_"),
    }


@pytest.fixture(scope="module")
def cold_base(tmp_path_factory, corpus, incremental_base) -> Path:
    """The cold build of the base files (the session's, conftest.incremental_base), copied."""
    return copy_of_base(incremental_base, corpus["base"], tmp_path_factory.mktemp("tva_cold_base"))


@pytest.fixture(scope="module")
def grown(tmp_path_factory, corpus, cold_base):
    """A copy of the cold base warehouse, then one build per added report, every row marked before each."""
    tmp = tmp_path_factory.mktemp("tva_grown")
    folder = tmp / "reports"
    folder.mkdir()
    for f in corpus["base"]:
        shutil.copy(f, folder / f.name)
    warehouse = copy_build(cold_base.parent, tmp)  # the warehouse, its serving copy and its dbt target folder
    new_file, new_district = corpus["new_district"]
    same_file = corpus["same_district"]
    (same_district,) = query_rows(cold_base, "select district from marts.dim_reports where report_file like '000_%'")[0]
    assert new_district not in _districts(cold_base) and same_district in _districts(cold_base)
    steps = []
    for f, district in ((new_file, new_district), (same_file, same_district)):
        _mark(warehouse)
        before = _marked(warehouse)
        shutil.copy(f, folder / f.name)
        build_ok(folder, warehouse)
        steps.append((f.name, district, before, _marked(warehouse)))
        _unmark(warehouse)
        _assert_mart_is_its_source(warehouse)
    return folder, warehouse, steps


def test_a_new_report_rewrites_the_target_vs_actual_rows_of_its_district_only(grown):
    _, _, steps = grown
    (new_report, new_district, before_new, after_new), (same_report, same_district, before_same, after_same) = steps
    for relation in RELATIONS:
        # a report of a new district: every row held before is still there and still marked
        assert new_district not in before_new[relation]
        assert {d: v for d, v in after_new[relation].items() if d != new_district} == before_new[relation], \
            f"{new_report} rewrote other districts' rows of {relation}"
        n, marked = after_new[relation][new_district]
        assert n and marked == 0, (new_report, relation)
        # a second report of a district: that district's rows are all written again, no other district's
        assert {d: v for d, v in after_same[relation].items() if d != same_district} == \
            {d: v for d, v in before_same[relation].items() if d != same_district}, \
            f"{same_report} rewrote other districts' rows of {relation}"
        n_before, marked_before = before_same[relation][same_district]
        n, marked = after_same[relation][same_district]
        assert n_before == marked_before and n and marked == 0, (same_report, relation)


def test_a_half_built_state_is_repaired_and_a_district_that_left_is_deleted(grown, corpus, cold_base):
    """What a build killed between the model and the mart leaves behind, in two districts the build has no other
    reason to touch: one district's rows missing from the intermediate model, and in the mart an older copy of them
    (other values, an older version in the record); the other's held under an older version with wrong values, and
    missing from the mart. Removing the two added reports then gives exactly the cold build of the base reports
    (their loads are the cold build's own, so even the versions are equal)."""
    folder, warehouse, steps = grown
    # the two districts the removal does not touch (the third one loses a report, the fourth all of its own)
    a, b = sorted(_districts(cold_base) - {district for _, district, _, _ in steps})
    con = duckdb.connect(str(warehouse))
    try:
        con.execute(f"delete from {INT} where district = ?", [a])
        con.execute(f"update {INT} set district_version = 'older', met_computed = not met_computed, "
                    "target_value_raw = 'wrong' where district = ?", [b])
        con.execute(f"update {MART} set met_reported = null, unit = 'wrong' where district = ?", [a])
        con.execute(f"update {RECORD} set district_version = 'older' where district = ?", [a])
        con.execute(f"delete from {MART} where district = ?", [b])
    finally:
        con.close()
    for f in (corpus["new_district"][0], corpus["same_district"]):
        (folder / f.name).unlink()
    build_ok(folder, warehouse)
    assert _rows(warehouse, INT) == _rows(cold_base, INT)
    assert _rows(warehouse, MART) == _rows(cold_base, MART)
    assert _rows(warehouse, RECORD) == _rows(cold_base, RECORD)
    assert corpus["new_district"][1] not in _districts(warehouse)


def test_a_changed_direction_in_the_indicator_codes_seed_recomputes_every_district(grown, corpus):
    """The seed's table is edited in place: what a changed seed file gives once dbt has loaded it (the version
    reads the table). The build leaves the seed as it is (its code is unchanged, orchestration/dbt/current.py)
    and loads one report, so a run happens."""
    folder, warehouse, _ = grown
    before = {r[0]: r[1:] for r in query_rows(warehouse, f"""
        select target_actual_id, district, target_comparator, target_value_num, actual_value_num, met_computed
        from {MART} where indicator_code in (select indicator_code from staging.indicator_codes)""")}
    con = duckdb.connect(str(warehouse))
    try:
        con.execute("update staging.indicator_codes set direction = "
                    "case direction when 'higher' then 'lower' when 'lower' then 'higher' end")
    finally:
        con.close()
    _mark(warehouse)
    shutil.copy(corpus["new_district"][0], folder / corpus["new_district"][0].name)
    build_ok(folder, warehouse)
    marked = _marked(warehouse)
    _unmark(warehouse)
    for relation in RELATIONS:
        assert all(m == 0 for _, m in marked[relation].values()), f"{relation} kept rows of the old seed: {marked}"
    _assert_mart_is_its_source(warehouse)
    after = {r[0]: r[1] for r in query_rows(warehouse, f"select target_actual_id, met_computed from {MART}")}
    # an `eq` target reads "at least" where higher is better and "at most" where lower is: with every direction
    # turned round, each verdict on an actual that differs from its target flips
    flipped = {tid: v for tid, v in before.items()
               if v[1] == "eq" and None not in (v[2], v[3]) and v[2] != v[3]}
    assert len({v[0] for v in flipped.values()}) >= 2, "verdicts of several districts read the direction"
    assert {tid: after[tid] for tid in flipped} == {tid: not v[4] for tid, v in flipped.items()}
    # verdicts that do not read the direction stay
    assert all(after[tid] == v[4] for tid, v in before.items() if v[1] in ("ge", "gt", "le", "lt"))


def test_a_reloaded_report_rewrites_the_rows_of_its_district_only(grown, corpus):
    """A report whose file changed is loaded again (a new ingested_at): its district is built again, even when its
    values come out the same, and no other district is."""
    folder, warehouse, _ = grown
    reloaded = folder / corpus["base"][2].name
    (district,) = query_rows(warehouse, "select district from marts.dim_reports where report_file = ?",
                             [reloaded.name])[0]
    _mark(warehouse)
    before = _marked(warehouse)
    reloaded.write_text(reloaded.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build_ok(folder, warehouse)
    after = _marked(warehouse)
    _unmark(warehouse)
    for relation in RELATIONS:
        assert {d: v for d, v in after[relation].items() if d != district} == \
            {d: v for d, v in before[relation].items() if d != district}, relation
        assert after[relation][district] == (before[relation][district][0], 0), relation
    _assert_mart_is_its_source(warehouse)


def test_a_full_refresh_gives_the_rows_of_the_incremental_builds(grown, tmp_path):
    """After every step above, `dbt run --full-refresh` of the two models (on a copy) rebuilds the same rows, with
    the same versions."""
    from orchestration.dbt.project import dbt_executable
    from orchestration.settings import DBT_PROJECT_DIR

    _, warehouse, _ = grown
    copy = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse, copy)
    proc = subprocess.run(
        [dbt_executable(), "run", "--full-refresh", "--select", "int_target_vs_actual", "mart_target_vs_actual",
         "--target-path", str(tmp_path / "target"), "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR)],
        cwd=DBT_PROJECT_DIR, env=dict(os.environ, DEVPLAN_WAREHOUSE=str(copy)), capture_output=True, text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    for relation in (*RELATIONS, RECORD):
        incremental = _rows(warehouse, relation)
        assert incremental and _rows(copy, relation) == incremental, relation
