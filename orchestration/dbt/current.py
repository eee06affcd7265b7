"""Which dbt nodes a refresh need not run again: the views and seeds, when the warehouse holds them as the
current code creates them.

A view holds a query, not rows: created once, it shows whatever its inputs hold now. A seed holds a CSV's rows.
So when every view and seed of the warehouse was created from the dbt code as it is now, creating them again
in a refresh that only loaded or removed reports changes nothing, yet each is a dbt node (~40–75 ms of dbt's own
overhead here, far more than its SQL). `devplan build` leaves them out of an incremental run:

- **What the code is**: `code_fingerprint()`, a sha256 over every file of the dbt project that can change how a
  view or seed is created (`dbt_project.yml`, `profiles.yml`, everything under `models/`, `macros/` and
  `seeds/`) and the installed dbt-core and dbt-duckdb versions. Coarse on purpose: any change to the project
  rebuilds every view and seed once.
- **What the warehouse was built from**: the dbt asset records the fingerprint in `raw.build_state`
  (`views_built_from`) after a dbt build that created every view and seed, keeps it after one that
  created some from the same code (an incremental refresh: the others were left out as created from it), and
  clears it after any other build of views, or a failed one (`views_selected`).
- **The decision** (`refresh_selection`): not a full-tests run, the recorded fingerprint equals the current one,
  and every view and seed relation exists in the warehouse. Then the run's asset selection leaves out the seeds
  and the views that do not read a raw source (the staging views stay: through them the dbt step comes after the
  raw step in the run, as Dagster orders a run by the selected assets' dependencies), with the tests of what
  holds the same rows as when it was tested (the seeds, and views of seeds alone). The tests of a left-out view
  of the reports stay in the run: they read the rows just loaded. Everything else runs as always, and the
  lineage in the UI is the same asset graph; a left-out view keeps its last materialization.

The daily schedule, `--full-tests` and every run the UI launches build everything, as before.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import dagster as dg

_CODE_FILES = ("dbt_project.yml", "profiles.yml", "packages.yml", "dependencies.yml")
_CODE_DIRS = ("models", "macros", "seeds")
_PACKAGES = ("dbt-core", "dbt-duckdb")


def code_fingerprint(project_dir: Path) -> str:
    """sha256 of the dbt code views and seeds are created from (paths and contents) and of dbt's versions."""
    project_dir = Path(project_dir)
    h = hashlib.sha256()
    for package in _PACKAGES:
        try:
            h.update(f"{package}=={version(package)}\n".encode())
        except PackageNotFoundError:
            h.update(f"{package} missing\n".encode())
    files = [project_dir / f for f in _CODE_FILES if (project_dir / f).is_file()]
    for d in _CODE_DIRS:
        files += sorted(p for p in (project_dir / d).rglob("*") if p.is_file())
    for path in files:
        data = path.read_bytes()
        h.update(f"{path.relative_to(project_dir).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def _rebuilt_nodes(manifest: Mapping[str, Any]) -> dict[str, dict]:
    """unique_id → node of every view model and seed: what an incremental refresh can leave as it is."""
    return {uid: n for uid, n in manifest.get("nodes", {}).items()
            if n.get("resource_type") == "seed"
            or (n.get("resource_type") == "model" and n.get("config", {}).get("materialized") == "view")}


def _relation(node: Mapping[str, Any]) -> str:
    return f"{node['schema']}.{node.get('alias') or node['name']}"


def _manifest_and_translator(dbt_assets_def: dg.AssetsDefinition):
    from dagster_dbt.asset_utils import get_manifest_and_translator_from_dbt_assets

    manifest, translator, _ = get_manifest_and_translator_from_dbt_assets([dbt_assets_def])
    return manifest, translator


def view_and_seed_keys(dbt_assets_def: dg.AssetsDefinition) -> set[dg.AssetKey]:
    manifest, translator = _manifest_and_translator(dbt_assets_def)
    return {translator.get_asset_key(n) for n in _rebuilt_nodes(manifest).values()}


def dbt_assets_of(defs: dg.Definitions) -> dg.AssetsDefinition:
    """The definitions' @dbt_assets (the one assets definition carrying dagster-dbt's manifest)."""
    from dagster_dbt.asset_utils import DAGSTER_DBT_MANIFEST_METADATA_KEY

    (found,) = [a for a in defs.assets if isinstance(a, dg.AssetsDefinition)
                and any(DAGSTER_DBT_MANIFEST_METADATA_KEY in m for m in a.metadata_by_key.values())]
    return found


def refresh_selection(defs: dg.Definitions, views_built_from: str | None, relations: Iterable[str],
                      project_dir: Path) -> tuple[set[dg.AssetKey], set[dg.AssetCheckKey], set[dg.AssetKey]] | None:
    """(assets, checks, left out) of an incremental refresh that leaves the current views and seeds as they
    are; None when they must be built (never recorded, other code, or a relation missing)."""
    if not views_built_from or views_built_from != code_fingerprint(project_dir):
        return None
    manifest, translator = _manifest_and_translator(dbt_assets_of(defs))
    nodes = _rebuilt_nodes(manifest)
    held = set(relations)
    if not nodes or any(_relation(n) not in held for n in nodes.values()):
        return None
    # A view that reads a raw source stays: it is how the run's dbt step comes after the raw step that loads the
    # reports (a run leaves out the assets between, and with them their ordering).
    left = {uid: n for uid, n in nodes.items() if not any(p.startswith("source.") for p in _parents(n))}
    # A left-out node that reads only left-out nodes (a seed, a view of a seed) holds the rows its tests passed on
    # when it was built: they are left out too. The others' tests read the rows just loaded and stay.
    unchanged: set[str] = set()
    while grown := {uid for uid, n in left.items() if uid not in unchanged and set(_parents(n)) <= unchanged}:
        unchanged |= grown
    left_out = {translator.get_asset_key(n) for n in left.values()}
    untested = {translator.get_asset_key(left[uid]) for uid in unchanged}
    graph = defs.resolve_asset_graph()
    assets = set(graph.get_all_asset_keys()) - left_out
    checks = {c for c in graph.asset_check_keys if c.asset_key not in untested}
    return assets, checks, left_out


def _parents(node: Mapping[str, Any]) -> list[str]:
    return node.get("depends_on", {}).get("nodes", [])


def views_selected(context: dg.AssetExecutionContext) -> str:
    """How many of the dbt views and seeds the dbt step's selection holds: 'all', 'some' or 'none'. After a
    successful build the record (`raw.build_state.views_built_from`) becomes the code's fingerprint for 'all',
    stays for 'some' only if it names that code already (an incremental refresh left the others out because it
    does), and is left alone for 'none'; after a failed one it is cleared unless 'none'."""
    views = view_and_seed_keys(context.assets_def)
    selected = set(context.selected_asset_keys)
    if views <= selected:
        return "all"
    return "some" if views & selected else "none"
