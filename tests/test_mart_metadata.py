"""The marts' metadata a user reads in the Dagster UI: recorded with a build into $DAGSTER_HOME (row count,
column schema, preview, the target-vs-actual chart), and a chart that stays readable with many districts."""
from __future__ import annotations

import json
import re

import pytest

from .conftest import SEEDS, copy_build


@pytest.mark.e2e  # one `devplan build` of two sample reports (the session's, conftest.two_samples_build)
def test_a_build_into_dagster_home_records_the_marts_row_counts_previews_and_chart(tmp_path, two_samples_build,
                                                                                  monkeypatch):
    import dagster as dg

    copy_build(two_samples_build, tmp_path, "reports", "dagster_home")
    folder, home = tmp_path / "reports", tmp_path / "dagster_home"
    assert sorted(p.name for p in folder.iterdir()) == [f.name for f in sorted(SEEDS.glob("*.txt"))[:2]]
    proc = json.loads((two_samples_build / "build.json").read_text())
    assert proc["returncode"] == 0, proc["stdout"] + proc["stderr"]

    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with dg.DagsterInstance.get() as instance:
        def metadata(*path):
            event = instance.get_latest_materialization_event(dg.AssetKey(list(path)))
            assert event is not None, path
            return event.asset_materialization.metadata

        reports = metadata("marts", "dim_reports")
        assert reports["dagster/row_count"].value == 2
        columns = [c.name for c in reports["dagster/column_schema"].schema.columns]
        assert "report_id" in columns and "district" in columns
        assert {r.data["report_file"] for r in reports["preview"].records} == {f.name for f in folder.iterdir()}
        tva = metadata("marts", "mart_target_vs_actual")
        assert tva["targets_met"].value + tva["targets_missed"].value > 0
        assert "base64," in tva["target_vs_actual_chart"].value
        shown, total = re.match(r"(\d+) of (\d+) district", tva["target_vs_actual_chart_districts"].value).groups()
        assert shown == total != "0"  # two reports: every district they name is drawn


def test_the_chart_shows_the_districts_with_the_most_values_and_says_how_many_of_how_many(tmp_path):
    import duckdb

    from orchestration.dbt.metadata import CHART_DISTRICTS, mart_metadata

    wh = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(wh))
    con.execute("create schema marts")
    con.execute("""create table marts.mart_target_vs_actual (district varchar, period_year integer,
                   indicator_code varchar, indicator_name varchar, target_value_num double,
                   actual_value_num double, met_computed boolean)""")
    districts = CHART_DISTRICTS + 8
    # district d{i} has i + 1 years of GDP growth: the ones with the highest numbers have the most values
    con.execute("""insert into marts.mart_target_vs_actual
                   select 'd' || lpad(i::varchar, 2, '0'), 2000 + y, 'gdp_growth', 'GDP', 6.0, 5.0 + y, y > 0
                   from range(?) t(i), range(20) u(y) where y <= i""", [districts])
    meta = mart_metadata(con, wh, ["marts.mart_target_vs_actual"])
    con.close()
    tva = meta["marts.mart_target_vs_actual"]
    assert tva["target_vs_actual_chart_districts"].value == (
        f"{CHART_DISTRICTS} of {districts} district(s): those with the most headline values")
    assert tva["target_vs_actual_png"].value.endswith(".png")
    from orchestration.dbt.metadata import chart_districts
    from warehouse.queries import chart_rows

    con = duckdb.connect(str(wh), read_only=True)
    rows, shown, total = chart_districts(chart_rows(con))
    con.close()
    assert (shown, total) == (CHART_DISTRICTS, districts)
    assert {r["district"] for r in rows} == {f"d{i:02d}" for i in range(districts - CHART_DISTRICTS, districts)}
