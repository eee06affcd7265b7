"""Decide what a build must do, from the folder and the warehouse (the CLI's equivalent of the sensor cursor)."""
from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion.folder import FolderChanges
from ingestion.process import EXTRACTOR_VERSION

from .warehouse import writer_lock


def _read(warehouse: Path, sql: str):
    if not warehouse.exists():
        return None
    with writer_lock(warehouse):
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            return con.execute(sql).fetchall()
        except duckdb.CatalogException:
            return None
        finally:
            con.close()


def warehouse_state(warehouse: Path) -> dict[str, str]:
    """report_file → sha256 of what is loaded; a file extracted by another extractor version counts as changed."""
    rows = _read(warehouse, "select report_file, sha256, metadata ->> 'extractor_version' from raw.reports") or []
    return {f: (sha if ver == EXTRACTOR_VERSION else "") for f, sha, ver in rows}


def marts_are_current(warehouse: Path) -> bool:
    """True when the last raw change was followed by a complete dbt build and serving copy (raw.build_state:
    a build killed anywhere after its load leaves them apart), dim_reports reflects exactly the raw layer's
    report versions, and the serving copy exists."""
    from .serving import serving_path

    if not serving_path(warehouse).exists():
        return False
    state = _read(warehouse, "select raw_changed_at, marts_built_at from raw.build_state")
    if not state:
        return False
    changed, built = state[0]
    if built is None or (changed is not None and built < changed):
        return False
    rows = _read(
        warehouse,
        """select (select count(*) from (
                 select report_id, ingested_at from raw.reports
                 except select report_id, ingested_at from marts.dim_reports) )
             + (select count(*) from (
                 select report_id, ingested_at from marts.dim_reports
                 except select report_id, ingested_at from raw.reports))""",
    )
    return rows is not None and rows[0][0] == 0


def register_work(instance, partitions_name: str, changes: FolderChanges) -> list[str]:
    """Register the files that need work as partitions of a fresh instance, in name order, and return them:
    one run over that key range processes exactly them."""
    keys = sorted(set(changes.to_load) | set(changes.deleted))
    if keys:
        instance.add_dynamic_partitions(partitions_name, keys)
    return keys
