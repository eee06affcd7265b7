"""The serving copy of a small warehouse made here (no dbt): what BI tools find in `serving.duckdb` after a
publish (the marts, row for row, and nothing of the other layers), that a reader of the old copy keeps its
snapshot, and that a copy which lost a mart is never published."""
import duckdb
import pytest

from warehouse.serving import ServingCopyError, publish_serving_copy, serving_path


def _warehouse(path, facts: int = 3):
    """raw → staging view → marts: a table, and a view reading staging (as a dbt view model would)."""
    con = duckdb.connect(str(path))
    con.execute("create schema raw; create schema staging; create schema marts")
    con.execute("create table raw.reports (report_id varchar, text varchar)")
    con.execute("insert into raw.reports select 'r' || i, repeat('正文', 50) from range(?) t(i)", [facts])
    con.execute("create view staging.stg_reports as select report_id from raw.reports")
    con.execute("create table marts.fct_facts as select report_id, length(text) as n from raw.reports")
    con.execute("create view marts.v_reports as select report_id from staging.stg_reports")
    con.close()
    return path


def _rows(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_copy_holds_the_marts_row_for_row_and_no_other_layer(tmp_path):
    wh = _warehouse(tmp_path / "warehouse.duckdb")
    counts = publish_serving_copy(wh)
    assert counts == {"marts.fct_facts": 3, "marts.v_reports": 3}
    serving = serving_path(wh)
    assert _rows(serving, "select * from marts.fct_facts order by 1") == _rows(wh, "select * from marts.fct_facts order by 1")
    # the view read a layer that is not served: in the copy it is a table with its rows
    assert _rows(serving, "select table_type from information_schema.tables where table_name = 'v_reports'") == [("BASE TABLE",)]
    assert _rows(serving, "select * from marts.v_reports order by 1") == [("r0",), ("r1",), ("r2",)]
    assert _rows(serving, "select schema_name from duckdb_schemas() where not internal order by 1") == [("marts",)]
    assert _rows(serving, "select table_schema || '.' || table_name from information_schema.tables order by 1") == [
        ("main.snapshot",), ("marts.fct_facts",), ("marts.v_reports",)]
    (published_at, source, tables), = _rows(serving, "select * from snapshot")
    assert source == str(wh) and tables == 2 and published_at is not None
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("serving")) == ["serving.duckdb"]
    # the warehouse itself is untouched, and records that its marts are finished
    assert _rows(wh, "select count(*) from raw.reports") == [(3,)]
    assert _rows(wh, "select marts_built_at is not null from raw.build_state") == [(True,)]


def test_a_reader_of_the_old_copy_keeps_its_snapshot_and_a_new_one_sees_the_new(tmp_path):
    wh = _warehouse(tmp_path / "warehouse.duckdb")
    publish_serving_copy(wh)
    old = duckdb.connect(str(serving_path(wh)), read_only=True)
    try:
        con = duckdb.connect(str(wh))
        con.execute("insert into marts.fct_facts values ('r9', 1)")
        con.close()
        assert publish_serving_copy(wh)["marts.fct_facts"] == 4  # not blocked by the reader
        assert old.execute("select count(*) from marts.fct_facts").fetchone() == (3,)
    finally:
        old.close()
    assert _rows(serving_path(wh), "select count(*) from marts.fct_facts") == [(4,)]


def test_a_copy_that_lost_a_mart_is_not_published_and_the_previous_copy_stays(tmp_path):
    wh = _warehouse(tmp_path / "warehouse.duckdb")
    publish_serving_copy(wh)
    inode = serving_path(wh).stat().st_ino
    built = _rows(wh, "select marts_built_at from raw.build_state")
    con = duckdb.connect(str(wh))
    # a mart whose column type lives in the raw schema: dropping that schema from the copy drops the mart too
    con.execute("create type raw.mood as enum ('up', 'down')")
    con.execute("create table marts.moods (m raw.mood)")
    con.execute("insert into marts.moods values ('up')")
    con.close()
    with pytest.raises(ServingCopyError, match="does not match its marts"):
        publish_serving_copy(wh)
    assert serving_path(wh).stat().st_ino == inode
    assert _rows(serving_path(wh), "select count(*) from marts.fct_facts") == [(3,)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("serving")) == ["serving.duckdb"]
    # the failed publish does not record the marts as finished (only the first publish did)
    assert _rows(wh, "select marts_built_at from raw.build_state") == built


def test_two_warehouses_in_one_folder_each_publish_their_own_copy(tmp_path):
    """A second warehouse beside the default one (a trial build, another corpus) gets its own copy: a build of
    one never replaces what BI tools read for the other."""
    main = _warehouse(tmp_path / "warehouse.duckdb", facts=3)
    trial = _warehouse(tmp_path / "trial.duckdb", facts=5)
    publish_serving_copy(main)
    publish_serving_copy(trial)
    assert serving_path(main) == tmp_path / "serving.duckdb"  # the documented path of the default warehouse
    assert serving_path(trial) != serving_path(main)
    assert _rows(serving_path(main), "select count(*), min(source) from marts.fct_facts, snapshot") == [(3, str(main))]
    assert _rows(serving_path(trial), "select count(*), min(source) from marts.fct_facts, snapshot") == [(5, str(trial))]
    publish_serving_copy(trial)  # publishing one again leaves the other as it was
    assert _rows(serving_path(main), "select count(*) from marts.fct_facts") == [(3,)]


@pytest.mark.parametrize("name", ["serving.duckdb", "trial.serving.duckdb"])
def test_a_warehouse_named_like_a_serving_copy_is_refused(tmp_path, name):
    from warehouse.connection import WarehouseError, check_writable

    with pytest.raises(WarehouseError, match="named like a serving copy"):
        check_writable(tmp_path / name)
