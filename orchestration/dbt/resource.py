"""The dbt CLI resource, without two start-up costs a devplan refresh pays for nothing.

`DbtCliResource.cli` asks the dbt executable for its version (`dbt --version`, a second dbt process: ~2 s CPU on
this machine) and builds a dbt adapter inside the Dagster process (imports dbt, loads the profile and dbt's macros:
~1.7 s CPU). The adapter serves only `fetch_row_counts()` / `fetch_column_metadata()`, which devplan does not use
(the marts' row counts and schemas come from orchestration/dbt/metadata.py after the build, and Dagster's notes
warn that the row-count queries wait on DuckDB's lock). The version is that of the dbt-core package installed
beside this interpreter, which is the executable devplan runs (project.dbt_executable); any other executable is
still asked. Measured in docs/benchmarks.md ("Incremental refresh").

While `devplan build` keeps a warm dbt (orchestration/dbt/zygote.py), `cli` runs the `devplan-dbt` launcher in
place of the venv's dbt: the same arguments, log stream and exit code, without dbt's ~2 s of imports. Any other
configured executable, and every run without a zygote (the UI's, the schedule's), runs dbt as configured.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import cached_property
from importlib.metadata import version as package_version
from pathlib import Path

from dagster_dbt import DbtCliResource
from packaging import version

from .launcher import real_dbt, warm_launcher


class DevplanDbtCliResource(DbtCliResource):
    @cached_property
    def _cli_version(self) -> version.Version:
        if Path(self.dbt_executable).parent == Path(sys.executable).parent:
            return version.parse(package_version("dbt-core"))
        return super()._cli_version

    def cli(self, args: Sequence[str], **kwargs):
        launcher = warm_launcher()
        if launcher and self.dbt_executable != launcher and Path(self.dbt_executable) == Path(real_dbt()):
            return self.model_copy(update={"dbt_executable": launcher}).cli(args, **kwargs)
        return super().cli(args, **kwargs)

    def _initialize_dbt_core_adapter(self, args: Sequence[str]):
        return None  # no in-process adapter: only fetch_row_counts / fetch_column_metadata would use it
