"""Which rows a build's dbt tests look at: the reports just loaded, or all of them.

An incremental refresh tests what changed: the generic tests of the models that declare `meta.test_scope` (the
incremental facts) run on the reports loaded since the marts were last completely built (the dbt macro
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
SCOPE_ALL = "all reports"


def full_tests_requested(tags: Mapping[str, str]) -> bool:
    return str(tags.get(FULL_TESTS_TAG, "")).strip().lower() in ("true", "1", "yes")


def full_tests_tags() -> dict[str, str]:
    """The run tags that make the dbt asset test every row."""
    return {FULL_TESTS_TAG: "true"}


def scoped_tests(manifest: Mapping[str, Any]) -> set[str]:
    """unique_ids of the generic tests attached to a model that declares `meta.test_scope`."""
    nodes = manifest.get("nodes", {})
    scoped_models = {uid for uid, n in nodes.items()
                     if n.get("resource_type") == "model" and (n.get("config", {}).get("meta") or {}).get("test_scope")}
    return {uid for uid, n in nodes.items()
            if n.get("resource_type") == "test" and n.get("attached_node") in scoped_models}


def with_scope(event, scoped: set[str], full: bool):
    """A scoped test's check result with the rows it looked at; any other event unchanged."""
    if not isinstance(event, dg.AssetCheckResult):
        return event
    uid = event.metadata.get("unique_id")
    uid = getattr(uid, "value", uid)
    if uid not in scoped:
        return event
    return event.with_metadata({**event.metadata, "test_scope": SCOPE_ALL if full else SCOPE_NEW})
