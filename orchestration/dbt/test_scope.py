"""Which rows a build's dbt tests look at: the reports just loaded, or all of them.

An incremental refresh tests what changed: the generic tests of the models that declare `meta.test_scope` run
on what the refresh rewrote: `report_id`, the models incremental by report (the facts, int_project_names), on
the reports loaded since the marts were last completely built; `district`, the models incremental by district
(project matching), on the districts of the reports loaded or removed since then (the dbt macro
`default__get_where_subquery` in dbt_project/macros/report_test_scope.sql decides from the warehouse); every
other test runs as always. A run tagged `devplan/full_tests=true` (the daily schedule, `devplan build
--full-tests`) tests every row. Every check is executed in both cases, so the UI never shows a check as missing;
each scoped check's result says which rows it looked at (metadata `test_scope`).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dagster as dg

FULL_TESTS_TAG = "devplan/full_tests"
FULL_TESTS_ENV = "DEVPLAN_FULL_TESTS"  # what the dbt macro reads when it executes (never at parse time)

SCOPE_NEW = "reports loaded since the last complete build"
SCOPE_NEW_DISTRICTS = "districts of the reports loaded or removed since the last complete build"
_SCOPES = {"report_id": SCOPE_NEW, "district": SCOPE_NEW_DISTRICTS}  # meta.test_scope → what a refresh tests
SCOPE_ALL = "all reports"


def full_tests_requested(tags: Mapping[str, str]) -> bool:
    return str(tags.get(FULL_TESTS_TAG, "")).strip().lower() in ("true", "1", "yes")


def full_tests_tags() -> dict[str, str]:
    """The run tags that make the dbt asset test every row."""
    return {FULL_TESTS_TAG: "true"}


def scoped_tests(manifest: Mapping[str, Any]) -> dict[str, str]:
    """unique_id → the rows a refresh tests (SCOPE_NEW, SCOPE_NEW_DISTRICTS) of each generic test attached to a
    model that declares `meta.test_scope`."""
    nodes = manifest.get("nodes", {})
    scoped_models = {uid: _SCOPES.get(scope, SCOPE_NEW) for uid, n in nodes.items()
                     if n.get("resource_type") == "model"
                     and (scope := (n.get("config", {}).get("meta") or {}).get("test_scope"))}
    return {uid: scoped_models[n["attached_node"]] for uid, n in nodes.items()
            if n.get("resource_type") == "test" and n.get("attached_node") in scoped_models}


def with_scope(event, scoped: Mapping[str, str], full: bool):
    """A scoped test's check result with the rows it looked at; any other event unchanged."""
    if not isinstance(event, dg.AssetCheckResult):
        return event
    uid = event.metadata.get("unique_id")
    uid = getattr(uid, "value", uid)
    if uid not in scoped:
        return event
    return event.with_metadata({**event.metadata, "test_scope": SCOPE_ALL if full else scoped[uid]})
