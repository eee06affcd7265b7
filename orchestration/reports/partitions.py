"""One partition per report file in the reports folder (the key is the file name), and runs over a range."""
from __future__ import annotations

from collections.abc import Sequence

import dagster as dg

report_partitions = dg.DynamicPartitionsDefinition(name="reports")

# Dagster's run tags for a run over a partition key range (what the UI's "launch as one run" backfill sets);
# a run with them materializes the whole range in one step, so one refresh of many files is one dbt build.
RANGE_START_TAG = "dagster/asset_partition_range_start"
RANGE_END_TAG = "dagster/asset_partition_range_end"


def full_range_tags(keys: Sequence[str]) -> dict[str, str]:
    """Tags for one run from the first to the last of `keys` (in partition order)."""
    return {RANGE_START_TAG: keys[0], RANGE_END_TAG: keys[-1]}


def register_work(instance: dg.DagsterInstance, partitions_name: str, changes) -> list[str]:
    """Register the files a plan must load or remove as partitions, in name order, and return them: one run
    over that key range on a fresh instance processes exactly them."""
    keys = sorted(set(changes.to_load) | set(changes.deleted))
    if keys:
        instance.add_dynamic_partitions(partitions_name, keys)
    return keys
