"""The Dagster UI in a real browser: `dagster dev` on a free local port, headless Chromium through Playwright.

Checks that the asset graph shows the raw asset and the dbt marts, launches a materialization of one report
partition from the asset page, waits for the run to succeed (GraphQL API), checks that the target-vs-actual mart
carries its chart, and saves screenshots (to a temporary folder, or to $DEVPLAN_SCREENSHOTS, e.g. docs/img). Skipped, with the reason, when Chromium or Playwright is
missing (`make browser` installs Chromium with apt; Playwright's own browser download is never used).
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, wait_unreaped

pytestmark = pytest.mark.e2e

CHROMIUM = os.environ.get("DEVPLAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# a small sample that reviews a year, so the target-vs-actual chart has actuals to draw (a plan-only report has none)
SEED = "001_75144584ef8d5438.txt"
# Screenshots go to a temporary folder so a test run never rewrites the committed images; to refresh the ones
# the README shows, run with DEVPLAN_SCREENSHOTS=docs/img.
IMG_DIR_ENV = "DEVPLAN_SCREENSHOTS"
# deadlines, not waits: a run launched from the UI queues behind the folder sensor's (one run at a time), and on a
# loaded machine (the suite runs on two workers) starting a run's process alone can take minutes
STARTUP_S, RUN_S = 300, 600

RUNS_QUERY = """{ runsOrError(limit: 20) { __typename ... on Runs { results { runId status
  tags { key value } } } } }"""
MART_QUERY = """{ assetOrError(assetKey: {path: ["marts", "mart_target_vs_actual"]}) { __typename
  ... on Asset { assetMaterializations(limit: 1) { metadataEntries { label } } } } }"""


def _requirements():
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"Chromium not found at {CHROMIUM}: run `make browser` (apt-get install chromium) "
                    "or set DEVPLAN_CHROMIUM to a Chromium binary")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the Playwright Python client is not installed: pip install -e '.[dev]'")
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(base: str, query: str) -> dict:
    req = urllib.request.Request(f"{base}/graphql", data=json.dumps({"query": query}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())["data"]


def _runs(base: str) -> list[dict]:
    return _graphql(base, RUNS_QUERY)["runsOrError"]["results"]


def _wait_until_loaded(base: str, proc: subprocess.Popen, log: Path) -> None:
    """The webserver answers and the code location has loaded (the asset graph has assets)."""
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"dagster dev exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            data = _graphql(base, "{ assetNodes { assetKey { path } } }")
            if any(n["assetKey"]["path"] == ["raw", "reports"] for n in data["assetNodes"]):
                return
        except OSError:
            pass
        time.sleep(1)
    pytest.fail(f"the Dagster UI did not load the definitions in {STARTUP_S}s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def dagster_dev(tmp_path, dbt_manifest):
    """`dagster dev -w workspace.yaml` on 127.0.0.1 with a temporary DAGSTER_HOME, reports folder and warehouse."""
    _requirements()
    import dagster as dg

    from orchestration.settings import prepare_dagster_home

    home = prepare_dagster_home(tmp_path / "dagster_home")
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEEDS / SEED, reports / SEED)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DEVPLAN_", "DAGSTER_"))}
    env.update(DAGSTER_HOME=str(home), DEVPLAN_REPORTS_DIR=str(reports),
               DEVPLAN_WAREHOUSE=str(tmp_path / "warehouse.duckdb"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}")  # dbt from the venv
    # the sensor adds partitions on its tick; add this one now so the UI can offer it at once
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.add_dynamic_partitions("reports", [SEED])
    port = _free_port()
    log = tmp_path / "dagster_dev.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "dagster", "dev", "-w", "workspace.yaml",
                                 "-h", "127.0.0.1", "-p", str(port)],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_loaded(base, proc, log)
        yield base, log
    finally:
        # the whole process group (webserver, daemon, code servers, run workers): a polite signal, then SIGKILL;
        # `dagster dev` is reaped last, so its pid is still the group's id when the group is killed
        for sig, grace in ((signal.SIGINT, 8), (signal.SIGKILL, 10)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                wait_unreaped(proc, timeout=grace)
        with contextlib.suppress(ProcessLookupError):  # children that outlived the parent
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def _dismiss_welcome(page, wait_ms: int = 8000) -> None:
    """The UI's first-visit "Join the Dagster community" dialog comes up a while after the page: close it."""
    skip = page.get_by_role("button", name="Skip")
    with contextlib.suppress(Exception):  # no dialog within the wait: nothing to close
        skip.wait_for(state="visible", timeout=wait_ms)
        skip.click()


def test_asset_graph_and_a_partition_materialized_from_the_ui(dagster_dev, tmp_path):
    base, log = dagster_dev
    sync_playwright = _requirements()
    IMG = Path(os.environ[IMG_DIR_ENV]).resolve() if os.environ.get(IMG_DIR_ENV) else tmp_path
    IMG.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1250})
            page.set_default_timeout(30_000)

            # 1. the asset graph: the raw asset and the dbt marts, groups expanded (⌥E)
            page.goto(f"{base}/asset-groups", wait_until="networkidle")
            page.get_by_text("Global asset lineage").wait_for()
            _dismiss_welcome(page)
            page.mouse.click(1100, 900)
            page.keyboard.press("Alt+e")
            page.get_by_text("fct_indicators", exact=True).first.wait_for()
            page.wait_for_timeout(1500)
            _dismiss_welcome(page, wait_ms=1000)
            html = page.content()
            for name in ("reports", "fct_indicators", "dim_reports", "dim_districts"):
                assert f">{name}<" in html, f"asset {name} not shown in the asset graph"
            page.screenshot(path=str(IMG / "dagster-asset-graph.png"))

            # 2. materialize one report partition from the asset page
            before = {r["runId"] for r in _runs(base)}
            page.goto(f"{base}/assets/raw/reports", wait_until="networkidle")
            _dismiss_welcome(page)
            page.get_by_role("button", name="Materialize").first.click()
            dialog = page.locator('[role="dialog"]')
            dialog.get_by_text("Launch runs to materialize raw / reports").wait_for()
            dialog.get_by_text("Select a partition or create one").click()
            page.get_by_text("Select all (1)").click()  # the one report partition
            page.keyboard.press("Escape")
            dialog.get_by_text("1 partition", exact=True).wait_for()
            dialog.get_by_role("button", name="Launch 1 run").click()

            # 3. wait for that run (not the sensor's) to succeed
            deadline, run = time.monotonic() + RUN_S, None
            while time.monotonic() < deadline:
                mine = [r for r in _runs(base) if r["runId"] not in before
                        and not any(t["key"] == "dagster/sensor_name" for t in r["tags"])]
                run = mine[0] if mine else None
                if run and run["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
                    break
                time.sleep(2)
            assert run is not None, "no run was launched from the UI"
            assert run["status"] == "SUCCESS", f"run {run['runId']} ended {run['status']}:\n{log.read_text()[-3000:]}"
            tags = {t["key"]: t["value"] for t in run["tags"]}
            assert SEED in json.dumps(tags), tags  # the run is for the chosen partition

            page.goto(f"{base}/runs/{run['runId']}", wait_until="networkidle")
            page.get_by_text("Success", exact=False).first.wait_for()
            page.wait_for_timeout(1500)
            page.screenshot(path=str(IMG / "dagster-run.png"))

            # 4. the marts, built by the folder sensor's run (the whole job: raw, then dbt), carry a row count, a
            #    preview and, on the target-vs-actual mart, the chart
            deadline, labels = time.monotonic() + RUN_S, set()
            while time.monotonic() < deadline:
                mat = _graphql(base, MART_QUERY)["assetOrError"]["assetMaterializations"]
                labels = {e["label"] for e in mat[0]["metadataEntries"]} if mat else set()
                if labels:
                    break
                time.sleep(2)
            assert {"dagster/row_count", "preview", "target_vs_actual_chart"} <= labels, labels
        finally:
            browser.close()
