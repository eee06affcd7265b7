"""What changed: one plan of the new, changed, deleted and unchanged report files.

The folder is the source of truth. A plan compares what is in the folder now (each file hashed once, by
`ingestion.folder.scan_folder`) with a known state, name → sha256:

- for `devplan build`, what the warehouse holds (`warehouse_state`; a report extracted by another extractor
  version counts as changed, so a new extractor re-reads every file);
- for the folder sensor, what it already requested (its cursor), because a sensor must not open the warehouse
  while a run writes it.

The loader asks the same question of an open connection (`known_reports`, `is_current`), and `raw.build_state`
says whether the marts were finished after the last raw change (`marts_are_current`), so a build killed
anywhere converges on the next one.
"""
from __future__ import annotations

from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from ingestion.folder import FileState, diff_folder, scan_folder
from ingestion.version import EXTRACTOR_VERSION  # not ingestion.process: no rules imported to plan

from .lock import writer_lock

_LOADED_SQL = "select report_file, sha256, metadata ->> 'extractor_version' from raw.reports"


@dataclass(frozen=True)
class DbtState:
    """What the warehouse holds of dbt's relations, for a refresh to decide which need no rebuilding:
    the code fingerprint its views and seeds were last all created from (`raw.build_state.views_built_from`,
    None if never recorded) and every relation outside `raw` (`schema.name`)."""

    views_built_from: str | None
    relations: frozenset[str]


@dataclass(frozen=True)
class Plan:
    new: list[str]
    changed: list[str]
    deleted: list[str]
    unchanged: list[str]
    current: dict[str, FileState] = field(default_factory=dict)  # what is in the folder now, hashed
    marts_current: bool = False  # `marts_are_current` at planning time (plan_refresh only)
    dbt: DbtState | None = None  # what the warehouse holds of dbt's own relations (plan_refresh only)

    @property
    def to_load(self) -> list[str]:
        return sorted(self.new + self.changed)

    @property
    def keys(self) -> list[str]:
        """Every file a refresh must touch (load or remove), in name order: the partitions of one run."""
        return sorted(self.to_load + self.deleted)

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.deleted)

    def version(self, name: str, known: Mapping[str, str]) -> str:
        """The content a request for `name` is about (its sha256, or `deleted:<old sha>`), for run keys."""
        return self.current[name].sha256 if name in self.current else f"deleted:{known.get(name, '')}"

    def describe(self) -> str:
        return (f"{len(self.current)} file(s): {len(self.new)} new, {len(self.changed)} changed, "
                f"{len(self.deleted)} deleted, {len(self.unchanged)} unchanged")


def plan(current: Mapping[str, FileState], known: Mapping[str, str]) -> Plan:
    """Compare the folder's files with a known name → sha256 state."""
    hashes = {name: s.sha256 for name, s in current.items()}
    changes = diff_folder(hashes, dict(known))
    todo = set(changes.new) | set(changes.changed)
    return Plan(new=changes.new, changed=changes.changed, deleted=changes.deleted,
                unchanged=sorted(n for n in hashes if n not in todo), current=dict(current))


def plan_folder(folder: Path, known: Mapping[str, str]) -> Plan:
    """Scan the folder (hashing each file once) and compare it with `known`."""
    return plan(scan_folder(Path(folder)), known)


def plan_refresh(folder: Path, warehouse: Path) -> Plan:
    """What a build of `warehouse` from `folder` must load or remove, and whether its marts are current
    (one read of the warehouse for both)."""
    with _reading(warehouse) as con:
        known, marts_current, dbt = _known(con), _marts_current(con, warehouse), _dbt_state(con)
    return replace(plan_folder(folder, known), marts_current=marts_current, dbt=dbt)


def _dbt_state(con) -> DbtState:
    try:  # a warehouse from before the column (it is added at the next writable connect) has recorded nothing
        built = _rows(con, "select views_built_from from raw.build_state")
    except duckdb.BinderException:
        built = None
    relations = _rows(con, "select table_schema || '.' || table_name from information_schema.tables "
                           "where table_catalog = current_database() and table_schema <> 'raw'")
    return DbtState(views_built_from=built[0][0] if built else None,
                    relations=frozenset(r for (r,) in relations or []))


def known_reports(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """report_file → sha256 of what the raw layer holds ('' when another extractor version read it)."""
    return {f: (sha if ver == EXTRACTOR_VERSION else "") for f, sha, ver in con.execute(_LOADED_SQL).fetchall()}


def is_current(known: Mapping[str, str], report_file: str, sha256: str) -> bool:
    """Whether this content of the file is loaded, by this extractor version."""
    return bool(sha256) and known.get(report_file) == sha256


@contextmanager
def _reading(warehouse: Path):
    """A read-only connection under the writer lock; None when there is no warehouse yet."""
    if not Path(warehouse).exists():
        yield None
        return
    with writer_lock(warehouse):
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            yield con
        finally:
            con.close()


def _rows(con, sql: str):
    """Rows of a query; None when a table it reads does not exist (yet)."""
    if con is None:
        return None
    try:
        return con.execute(sql).fetchall()
    except duckdb.CatalogException:
        return None


def _known(con) -> dict[str, str]:
    return {f: (sha if ver == EXTRACTOR_VERSION else "") for f, sha, ver in _rows(con, _LOADED_SQL) or []}


def warehouse_state(warehouse: Path) -> dict[str, str]:
    """`known_reports` of a warehouse file (empty when it does not exist yet)."""
    with _reading(warehouse) as con:
        return _known(con)


_MARTS_MATCH_RAW_SQL = """
select (select count(*) from (
          select report_id, ingested_at from raw.reports
          except select report_id, ingested_at from marts.dim_reports))
     + (select count(*) from (
          select report_id, ingested_at from marts.dim_reports
          except select report_id, ingested_at from raw.reports))"""


def _marts_current(con, warehouse: Path) -> bool:
    from .serving import serving_path

    if con is None or not serving_path(warehouse).exists():
        return False
    state = _rows(con, "select raw_changed_at, marts_built_at from raw.build_state")
    if not state:
        return False
    changed, built = state[0]
    if built is None or (changed is not None and built < changed):
        return False
    rows = _rows(con, _MARTS_MATCH_RAW_SQL)
    return rows is not None and rows[0][0] == 0


def marts_are_current(warehouse: Path) -> bool:
    """True when the last raw change was followed by a complete dbt build and serving copy (raw.build_state:
    a build killed anywhere after its load leaves them apart), dim_reports reflects exactly the raw layer's
    report versions, and the serving copy exists."""
    with _reading(warehouse) as con:
        return _marts_current(con, warehouse)
