"""An incremental `devplan build` leaves out the dbt views and seeds the warehouse holds as the current dbt code
creates them (orchestration/dbt/current.py), and builds them whenever that is not known.

The code is named by `code_fingerprint`: it changes with any model, macro, seed or project file, not with what
dbt writes itself. Through `devplan build` into a $DAGSTER_HOME (its run history says what each build materialized
and tested, as the UI shows it), on one small folder and one warehouse: a cold build, two incremental ones, a
`--full-tests` one, and after the dbt code changed, a build, one whose dbt step fails and the one after it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from orchestration.dbt.current import code_fingerprint

from .conftest import ROOT, SEEDS, copy_build, query_rows

DBT_PROJECT = ROOT / "dbt_project"
FACTS = ("fct_indicators", "fct_projects")


# ---- what names the dbt code ---------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the dbt project without what dbt writes (target/, logs/)."""
    copy = tmp_path / "dbt_project"
    shutil.copytree(DBT_PROJECT, copy, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    return copy


def _append(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


CODE_EDITS = {
    "a model's SQL": ("models/intermediate/int_indicator_values.sql", "\n-- edited\n"),
    "a new model": ("models/marts/mart_new.sql", "select 1 as one\n"),
    "a model's YAML": ("models/marts/fct_projects.yml", "\n# edited\n"),
    "a macro": ("macros/column_values.sql", "\n{# edited #}\n"),
    "a seed's rows": ("seeds/indicator_codes.csv", "zz_new_code,新指标,%\n"),
    "dbt_project.yml": ("dbt_project.yml", "\n# edited\n"),
}


@pytest.mark.parametrize("edit", CODE_EDITS, ids=list(CODE_EDITS))
def test_the_fingerprint_changes_with_the_dbt_code(project, edit):
    before = code_fingerprint(project)
    assert code_fingerprint(project) == before  # the same files, the same fingerprint
    path, text = CODE_EDITS[edit]
    _append(project / path, text)
    assert code_fingerprint(project) != before


def test_the_fingerprint_does_not_change_with_what_dbt_writes(project):
    before = code_fingerprint(project)
    _append(project / "target" / "manifest.json", "{}")
    _append(project / "target" / "run" / "devplan" / "models" / "x.sql", "select 1")
    _append(project / "logs" / "dbt.log", "a line\n")
    assert code_fingerprint(project) == before


def test_a_file_moved_is_another_fingerprint(project):
    """The same bytes under another name are other code (a model's name is its relation's)."""
    before = code_fingerprint(project)
    src = project / "models" / "intermediate" / "int_indicator_values.sql"
    src.rename(src.with_name("int_indicator_values_renamed.sql"))
    assert code_fingerprint(project) != before


# ---- what a build builds -------------------------------------------------------------------------------------

# `devplan build` with the dbt code edited: the fingerprint both the build's plan and the dbt step take is another
# one (as after editing a model; the real project is shared by every test, so it is not edited itself)
EDITED_CODE = r"""
import sys
import orchestration.dbt.assets as assets
import orchestration.dbt.current as current
real = current.code_fingerprint
current.code_fingerprint = assets.code_fingerprint = lambda project_dir: real(project_dir) + ":edited"
from cli.main import main
sys.exit(main(sys.argv[1:]))
"""


@dataclass
class Build:
    returncode: int
    output: str
    status: dg.DagsterRunStatus
    run_id: str
    materialized: set[dg.AssetKey]
    checked: set[dg.AssetCheckKey]


@dataclass
class Project:
    """From the prepared manifest: the views and seeds, those that read a raw source (the staging views), those
    that read seeds alone, and every check the definitions hold."""
    views_and_seeds: set[dg.AssetKey]
    seeds: set[dg.AssetKey]
    read_raw: set[dg.AssetKey]
    of_seeds_alone: set[dg.AssetKey]
    checks: set[dg.AssetCheckKey]


def _project(manifest_path: Path, folder: Path, warehouse: Path) -> Project:
    from orchestration.definitions import build_definitions

    nodes = json.loads(manifest_path.read_text())["nodes"]

    def key(node: dict) -> dg.AssetKey:
        return dg.AssetKey([node["schema"], node.get("alias") or node["name"]])

    views = {uid: n for uid, n in nodes.items() if n["resource_type"] == "seed"
             or (n["resource_type"] == "model" and n["config"]["materialized"] == "view")}
    seeds = {uid for uid, n in views.items() if n["resource_type"] == "seed"}
    seed_only = set(seeds)
    while grown := {uid for uid, n in views.items()
                    if uid not in seed_only and set(_parents(n)) <= seed_only}:
        seed_only |= grown
    graph = build_definitions(folder, warehouse).resolve_asset_graph()
    project = Project(
        views_and_seeds={key(n) for n in views.values()},
        seeds={key(views[uid]) for uid in seeds},
        read_raw={key(n) for n in views.values() if any(p.startswith("source.") for p in _parents(n))},
        of_seeds_alone={key(views[uid]) for uid in seed_only},
        checks=set(graph.asset_check_keys),
    )
    assert project.views_and_seeds <= set(graph.get_all_asset_keys())
    assert project.seeds and project.read_raw and project.views_and_seeds - project.read_raw - project.seeds
    return project


@dataclass
class History:
    builds: dict[str, Build]  # step → its build
    facts: dict[str, dict[str, dict[str, int]]]  # step → report file → fact table → rows after that step
    names: list[str]  # the sample reports, in the order they are added
    latest_run: dict[dg.AssetKey, str]  # view or seed → the run of its latest materialization, after "add another"
    project: Project


def _devplan_build(folder: Path, warehouse: Path, home: Path, *args: str, edited: bool = False):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEVPLAN_", "DAGSTER_HOME"))}
    env["DAGSTER_HOME"] = str(home)
    argv = ["build", "--reports", str(folder), "--warehouse", str(warehouse), *args]
    cmd = [sys.executable, "-c", EDITED_CODE, *argv] if edited else [sys.executable, "-m", "cli", *argv]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def _facts(warehouse: Path, report_file: str) -> dict[str, int]:
    return {t: query_rows(warehouse, f"select count(*) from marts.{t} where report_file = ?", [report_file])[0][0]
            for t in FACTS}


@pytest.fixture(scope="module")
def history(tmp_path_factory, dbt_manifest, two_samples_build):
    """One warehouse through the builds the tests look at, in order; each build's run as $DAGSTER_HOME records
    it, and what the marts held after it. The first, cold, build of two samples is the session's
    (conftest.two_samples_build: its warehouse and $DAGSTER_HOME are copied, the builds after it go on from them)."""
    tmp = tmp_path_factory.mktemp("current_views")
    folder, home = tmp / "reports", tmp / "dagster_home"
    warehouse = copy_build(two_samples_build, tmp, "reports", "dagster_home")
    samples = sorted(p for p in SEEDS.iterdir() if p.is_file())
    assert len(samples) >= 5
    assert sorted(p.name for p in folder.iterdir()) == [p.name for p in samples[:2]]
    names = [p.name for p in samples]

    steps: list[tuple[str, subprocess.CompletedProcess]] = []
    facts: dict[str, dict[str, dict[str, int]]] = {}

    def build(step: str, *args: str, edited: bool = False) -> None:
        steps.append((step, _devplan_build(folder, warehouse, home, *args, edited=edited)))
        facts[step] = {name: _facts(warehouse, name) for name in names}

    cold = json.loads((two_samples_build / "build.json").read_text())
    steps.append(("cold", subprocess.CompletedProcess([], cold["returncode"], cold["stdout"], cold["stderr"])))
    facts["cold"] = {name: _facts(warehouse, name) for name in names}
    shutil.copy(samples[2], folder / samples[2].name)
    build("add one")
    shutil.copy(samples[3], folder / samples[3].name)
    build("add another")
    project = _project(dbt_manifest, folder, warehouse)
    with dg.DagsterInstance.from_config(str(home)) as instance:  # what the UI shows of the views and seeds now
        latest = {k: instance.get_latest_materialization_event(k).run_id for k in project.views_and_seeds}
    build("full tests", "--full-tests")
    (folder / names[2]).unlink()
    build("code edited", edited=True)
    # a stage no staging test accepts, in a report already loaded: the dbt step of the next build fails
    (report, item, stage), = query_rows(warehouse, "select report_id, item_no, stage from raw.project_items "
                                                   "join raw.reports using (report_id) where report_file = ? "
                                                   "order by item_no limit 1", [names[0]])
    plant = "update raw.project_items set stage = ? where report_id = ? and item_no = ? returning 1"
    _execute(warehouse, plant, ["not_a_stage", report, item])
    shutil.copy(samples[4], folder / samples[4].name)
    build("dbt fails", edited=True)
    _execute(warehouse, plant, [stage, report, item])
    build("after the failure", edited=True)

    with dg.DagsterInstance.from_config(str(home)) as instance:
        runs = list(reversed(instance.get_runs()))  # oldest first
        assert len(runs) == len(steps), [s for s, _ in steps]
        builds = {}
        for (step, proc), run in zip(steps, runs, strict=True):
            materialized = {e.dagster_event.asset_key for e in instance.all_logs(
                run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION)}
            checked = {e.dagster_event.event_specific_data.asset_check_key for e in instance.all_logs(
                run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION)}
            builds[step] = Build(proc.returncode, proc.stdout[-3000:] + proc.stderr[-3000:], run.status,
                                 run.run_id, materialized, checked)
    return History(builds, facts, names, latest, project)


def _execute(warehouse: Path, sql: str, params: list) -> None:
    import duckdb

    con = duckdb.connect(str(warehouse))
    try:
        assert con.execute(sql, params).fetchall(), sql  # a row was changed
    finally:
        con.close()


def _ok(build: Build) -> None:
    assert build.returncode == 0 and build.status == dg.DagsterRunStatus.SUCCESS, build.output


def _builds_every_view_and_seed(history: History, step: str) -> None:
    build = history.builds[step]
    missing = history.project.views_and_seeds - build.materialized
    assert not missing, f"{step}: not built {sorted(k.to_user_string() for k in missing)}"


def _leaves_out_the_views_and_seeds(history: History, step: str) -> None:
    """The seeds and the views that read no raw source are left out, with the tests of what reads seeds alone;
    the staging views (the run's order: dbt after the raw step), the marts and every other test run."""
    build, project = history.builds[step], history.project
    assert build.materialized & project.views_and_seeds == project.read_raw, step
    assert {k for k in build.materialized if k.path[0] == "marts"}, step
    assert not {c for c in build.checked if c.asset_key in project.of_seeds_alone}, step
    others = {c for c in project.checks if c.asset_key not in project.of_seeds_alone}
    assert others <= build.checked, f"{step}: not run {sorted(str(c) for c in others - build.checked)}"


e2e = pytest.mark.e2e  # the tests of the builds; the fingerprint tests above build nothing


@e2e
def test_a_cold_build_builds_every_view_seed_and_test(history):
    _ok(history.builds["cold"])
    _builds_every_view_and_seed(history, "cold")
    assert history.project.checks <= history.builds["cold"].checked


@e2e
def test_an_incremental_build_leaves_them_out_and_still_loads_the_new_report_into_the_marts(history):
    for step, added in (("add one", history.names[2]), ("add another", history.names[3])):
        _ok(history.builds[step])
        _leaves_out_the_views_and_seeds(history, step)
        before = list(history.builds).index(step) - 1
        assert not any(history.facts[list(history.builds)[before]][added].values()), step
        assert all(history.facts[step][added].values()), f"{step}: {history.facts[step][added]}"


@e2e
def test_full_tests_builds_every_view_seed_and_test_even_when_they_are_current(history):
    build = history.builds["full tests"]
    _ok(build)
    _builds_every_view_and_seed(history, "full tests")
    # nothing new to load: the raw asset does not run, every dbt test does (the seeds' too)
    assert {c for c in history.project.checks if c.asset_key.path[0] != "raw"} <= build.checked


@e2e
def test_a_view_left_out_keeps_its_latest_materialization(history):
    """The UI's lineage: a view or seed an incremental build left out shows the build that last created it."""
    left_out = history.project.views_and_seeds - history.project.read_raw
    assert {history.latest_run[k] for k in left_out} == {history.builds["cold"].run_id}


@e2e
def test_after_the_dbt_code_changed_the_next_build_builds_them_and_the_one_after_leaves_them_out(history):
    _ok(history.builds["code edited"])
    _builds_every_view_and_seed(history, "code edited")
    assert not any(history.facts["code edited"][history.names[2]].values())  # the removal went through
    # the next build, with the same edited code, leaves them out again (its dbt step fails: the test below)
    failed, project = history.builds["dbt fails"], history.project
    assert failed.materialized & project.views_and_seeds == project.read_raw


@e2e
def test_after_a_failed_dbt_build_the_next_one_builds_them(history):
    failed = history.builds["dbt fails"]
    assert failed.returncode == 1 and failed.status == dg.DagsterRunStatus.FAILURE, failed.output
    assert failed.materialized & history.project.views_and_seeds  # the failed dbt step had created views
    after = history.builds["after the failure"]  # nothing new to load, the marts not complete: dbt alone
    _ok(after)
    _builds_every_view_and_seed(history, "after the failure")
    assert all(history.facts["after the failure"][history.names[4]].values())


def _parents(node: dict) -> list[str]:
    return node.get("depends_on", {}).get("nodes", [])
