"""End to end: `devplan build` on the sample corpus through Dagster and dbt, and the incremental path."""
import json
import re
from pathlib import Path

import pytest

from ingestion.document import squash

from .conftest import SEEDS, copy_build, copy_seeds_build, run_devplan

pytestmark = pytest.mark.e2e

EXPECTED_REPORTS = {
    # stem prefix: (district, doc_type, review_year, plan_year)
    "000": ("大渡口区", "review_and_plan", 2021, 2022),
    "001": ("綦江区", "review_and_plan", 2021, 2022),
    "002": ("大渡口区", "review_and_plan", 2023, 2024),
    "003": ("长寿区", "review_and_plan", 2021, 2022),
    "004": ("渝北区", "plan", None, 2020),
}


def test_every_seed_is_in_dim_reports_with_its_metadata(seeds_warehouse, query):
    rows = query(seeds_warehouse, "select report_file, district, doc_type, review_year, plan_year, city from marts.dim_reports order by 1")
    assert [r[0] for r in rows] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for f, district, doc_type, ry, py, city in rows:
        assert (district, doc_type, ry, py) == EXPECTED_REPORTS[f[:3]], f
        assert city == "重庆市"


def test_reports_with_tables_and_lists_have_facts(seeds_warehouse, query):
    counts = dict(query(seeds_warehouse, """
        select r.report_file[1:3],
               (select count(*) from marts.fct_indicators i where i.report_id = r.report_id and i.source = 'table')
        from marts.dim_reports r"""))
    for stem in ("000", "001", "002", "003"):
        assert counts[stem] > 20, stem
    projects = dict(query(seeds_warehouse, "select report_file[1:3], count(*) from marts.fct_projects group by 1"))
    for stem in ("000", "001", "002", "003"):
        assert projects.get(stem, 0) > 50, stem


def test_known_facts_of_the_2021_dadukou_review(seeds_warehouse, query):
    rows = query(seeds_warehouse, """
        select measure, value_raw, value_num, comparator, achieved, unit, attribute, period_year
        from marts.fct_indicators
        where report_file like '000_%' and source = 'table' and indicator_name = '地区生产总值增速' and period_year = 2021
        order by measure""")
    assert rows == [("actual", "8以上", 8.0, "ge", True, "%", "预期性", 2021), ("target", "6", 6.0, "eq", None, "%", "预期性", 2021)]
    proj = query(seeds_warehouse, """
        select stage, stage_raw, period_year, is_plan from marts.fct_projects
        where report_file like '000_%' and project_name = '陶家隧道' and list_title like '专栏1%'""")
    assert proj == [("started", "开工重点项目", 2021, False)]


def test_every_fact_traces_back_to_its_line(seeds_warehouse, query):
    texts = dict(query(seeds_warehouse, "select report_id, text from raw.reports"))
    lines = {k: v.split("\n") for k, v in texts.items()}

    def near(report_id, line_no, span=3):
        return squash("".join(re.sub(r"\[bookmark:[^\]]*\]", "", x) for x in lines[report_id][line_no - 1: line_no - 1 + span]))

    for report_id, line_no, value_raw, source in query(seeds_warehouse, "select report_id, source_line, value_raw, source from marts.fct_indicators"):
        if source == "table":
            assert squash(value_raw) in near(report_id, line_no), (report_id, line_no, value_raw)
        else:
            number = re.search(r"\d+(\.\d+)?", value_raw)
            assert number is None or number.group(0) in near(report_id, line_no, 1), (report_id, line_no, value_raw)
    for report_id, line_no, name in query(seeds_warehouse, "select report_id, source_line, project_name from marts.fct_projects"):
        # names are printed on their line (a shared head noun may be completed from the same line)
        assert squash(name)[:2] in near(report_id, line_no, 1), (report_id, line_no, name)


def test_a_second_build_with_nothing_new_does_nothing(seeds_warehouse):
    proc = run_devplan("build", "--reports", str(SEEDS), "--warehouse", str(seeds_warehouse))
    assert proc.returncode == 0, proc.stderr
    assert "0 new, 0 changed, 0 deleted" in proc.stdout
    assert "nothing new" in proc.stdout


def _derived_report(src: Path, dst: Path) -> None:
    """A new report of the genre: another district, another year, other numbers."""
    text = src.read_text(encoding="utf-8").replace("大渡口区", "九龙坡区").replace("2021年", "2019年").replace("2022年", "2020年")
    dst.write_text(text.replace("8以上", "7以上"), encoding="utf-8")


def test_incremental_lifecycle_new_unchanged_deleted_and_rejected(reports_copy, tmp_path, query, seeds_build):
    # the warehouse a first build of the copied folder leaves (its files and contents are those of seeds/)
    wh = copy_seeds_build(seeds_build, tmp_path, "w.duckdb")
    before = query(wh, "select report_id, ingested_at, count(*) from marts.fct_indicators group by all order by 1")

    _derived_report(next(reports_copy.glob("000_*.txt")), reports_copy / "new report（九龙坡）.txt")
    proc = run_devplan("build", "--reports", str(reports_copy), "--warehouse", str(wh))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 new, 0 changed, 0 deleted, 5 unchanged" in proc.stdout
    assert "extracting 1 file(s)" in proc.stdout
    # the other reports' facts were not rewritten
    after = query(wh, "select report_id, ingested_at, count(*) from marts.fct_indicators group by all order by 1")
    assert [r for r in after if r[0] != "new report（九龙坡）.txt"] == before
    new = query(wh, "select district, review_year, plan_year from marts.dim_reports where report_file = 'new report（九龙坡）.txt'")
    assert new == [("九龙坡区", 2019, 2020)]
    assert query(wh, """select value_raw from marts.fct_indicators where report_file = 'new report（九龙坡）.txt'
                        and indicator_name = '地区生产总值增速' and measure = 'actual' and source = 'table'""") == [("7以上",)]

    (reports_copy / "new report（九龙坡）.txt").unlink()
    (reports_copy / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    proc = run_devplan("build", "--reports", str(reports_copy), "--warehouse", str(wh))
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "scan.txt" in proc.stdout and "binary" in proc.stdout
    assert query(wh, "select count(*) from marts.fct_indicators where report_file = 'new report（九龙坡）.txt'") == [(0,)]
    assert query(wh, "select count(*) from marts.dim_reports") == [(5,)]
    assert query(wh, "select report_id, ingested_at, count(*) from marts.fct_indicators group by all order by 1") == before


def test_cli_reports_a_missing_folder_clearly(tmp_path):
    proc = run_devplan("build", "--reports", str(tmp_path / "missing"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert proc.returncode == 1
    assert "does not exist" in proc.stderr


def test_with_dagster_home_the_runs_are_in_the_ui_history_and_full_tests_is_tagged(tmp_path, two_samples_build,
                                                                                 monkeypatch):
    """A build of two samples into $DAGSTER_HOME (the session's, conftest.two_samples_build: copied with its
    home), then one with --full-tests after a file was deleted."""
    import dagster as dg

    wh = copy_build(two_samples_build, tmp_path, "reports", "dagster_home")
    folder, home = tmp_path / "reports", tmp_path / "dagster_home"
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    assert sorted(p.name for p in folder.iterdir()) == [f.name for f in seeds]
    assert json.loads((two_samples_build / "build.json").read_text())["returncode"] == 0
    env = {"DAGSTER_HOME": str(home)}
    (folder / seeds[0].name).unlink()
    proc = run_devplan("build", "--reports", str(folder), "--warehouse", str(wh), "--full-tests", env_extra=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr

    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()  # newest first
        assert [r.status for r in runs] == [dg.DagsterRunStatus.SUCCESS] * 2
        assert runs[0].tags.get("devplan/full_tests") == "true" and "devplan/full_tests" not in runs[1].tags
        # every file in the folder is a partition; the deleted file's partition is gone
        assert instance.get_dynamic_partitions("reports") == [seeds[1].name]


def test_an_empty_folder_builds_an_empty_warehouse_and_says_why(tmp_path, dbt_manifest, query):
    """A new warehouse from a folder with no report file (here: only links to one) gets the raw tables and empty
    marts, not a dbt error about a missing schema; the output names the skipped links and the empty folder."""
    reports = tmp_path / "reports"
    reports.mkdir()
    seed = sorted(SEEDS.iterdir())[0]
    (reports / seed.name).symlink_to(seed)
    warehouse = tmp_path / "wh" / "warehouse.duckdb"
    proc = run_devplan("build", "--reports", str(reports), "--warehouse", str(warehouse))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert seed.name in proc.stdout  # the skipped link is named
    assert query(warehouse, "select count(*) from marts.fct_indicators") == [(0,)]
    assert query(warehouse, "select count(*) from raw.reports") == [(0,)]
