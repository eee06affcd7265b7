"""Refresh the raw layer for a set of report files: read, extract (`ingestion.batch`), load in one transaction.

Shared by the Dagster raw asset and nothing else, so the CLI, the sensor's runs and the daily schedule all
load through the same code. Unchanged files (same sha256, same extractor version) are skipped without being
extracted again; files that left the folder are removed.

Each file is hashed once per refresh: a caller that planned the refresh (`state.plan_refresh`, as `devplan
build` does) passes the plan's hashes (`known_sha256`), which decide what is unchanged (such a file is not even
read) and travel with the bytes to the records. Without them the bytes read here are hashed once. A file that
changes between the plan and the load keeps the plan's hash for the new content; the next plan sees a different
hash and loads it again, so the warehouse converges.

The load is a build's peak of memory: the workers send each report back packed (`ingestion.packed`: its text
and records pickled as rows, a third of their size as objects), the whole batch waits for its transaction in
that form, and the load takes it a chunk at a time (`load.CHUNK_REPORTS`). No file's bytes are kept once it is
extracted.
"""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Mapping
from pathlib import Path

from ingestion.batch import DEFAULT_TIME_LIMIT_S, PARALLEL_THRESHOLD, Ahead, process_batch
from ingestion.errors import Rejection
from ingestion.folder import sha256_bytes
from ingestion.packed import PackedReport
from ingestion.process import ProcessedReport

from .connection import connect
from .load import LoadSummary, load_batch
from .lock import writer_lock
from .state import is_current, known_reports

MAX_REPORT_BYTES = int(float(os.environ.get("DEVPLAN_MAX_REPORT_MB", "15")) * 1024 * 1024)


def _positive_setting(name: str, cast):
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    try:
        number = cast(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise ValueError(f"${name} must be a positive number, not {value!r}")
    return number


def extract_time_limit_s() -> float:
    """Per-file extraction limit in seconds ($DEVPLAN_EXTRACT_TIMEOUT_S); a file past it is quarantined."""
    return _positive_setting("DEVPLAN_EXTRACT_TIMEOUT_S", float) or DEFAULT_TIME_LIMIT_S


def extract_workers() -> int | None:
    """Extraction worker processes ($DEVPLAN_WORKERS, set by `devplan build --workers`); None: one per CPU."""
    return _positive_setting("DEVPLAN_WORKERS", int)


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _read_one(path: Path, sha256: str | None) -> tuple[bytes | None, ProcessedReport | None]:
    """The file's bytes, or an already-rejected record when it cannot or should not be read."""
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        rec = ProcessedReport(report_file=path.name, sha256=sha256 or _sha256_file(path), size=size)
        rec.error = Rejection("read", f"file is {size / 1e6:.1f} MB, over the {MAX_REPORT_BYTES / 1e6:.0f} MB limit for a report")
        return None, rec
    try:
        return path.read_bytes(), None
    except OSError as exc:
        rec = ProcessedReport(report_file=path.name, sha256="", size=size)
        rec.error = Rejection("read", f"cannot read the file: {exc.strerror or exc}")
        return None, rec


def _plain_name(name: str) -> bool:
    """A bare file name (`a..b.txt` is one; `../x`, `sub/x`, `.`, `..` are not)."""
    return bool(name) and name not in (".", "..") and "/" not in name and "\0" not in name


log = logging.getLogger("devplan.loading")


def refresh_reports(folder: Path, warehouse: Path, report_files: list[str], workers: int | None = None,
                    known_sha256: Mapping[str, str] | None = None) -> LoadSummary:
    """Load (or remove) `report_files` of `folder` into the raw layer of `warehouse`; `known_sha256` are the
    hashes a plan already computed (name → sha256)."""
    folder = Path(folder)
    known_sha256 = known_sha256 or {}
    with writer_lock(warehouse):
        con = connect(warehouse)
        try:
            known = known_reports(con)
            quarantined = {f for (f,) in con.execute("select report_file from raw.ingest_errors").fetchall()}
            todo: list[tuple[str, bytes | None, str]] = []
            ready: list[ProcessedReport | PackedReport] = []
            deleted: list[str] = []
            unchanged: list[str] = []
            extracting = _ahead_keys(folder)
            for name in report_files:
                if not _plain_name(name):  # a partition key naming something outside the folder: never read
                    log.warning(f"ignored {name!r}: not a file name directly in {folder}")
                    continue
                path = folder / name
                if path.is_symlink() or not path.is_file():
                    if name in known or name in quarantined:  # the folder is the source of truth
                        deleted.append(name)
                    continue
                planned = known_sha256.get(name)
                if planned and is_current(known, name, planned):
                    unchanged.append(name)
                    continue
                if planned and (name, planned) in extracting:
                    todo.append((name, None, planned))  # its result comes from the extraction ahead: not read again
                    continue
                data, rejected = _read_one(path, planned)
                if rejected is not None:
                    ready.append(rejected)
                    continue
                sha = planned or sha256_bytes(data)
                if is_current(known, name, sha):
                    unchanged.append(name)
                    continue
                todo.append((name, data, sha))
            if unchanged:
                log.info(f"{len(unchanged)} file(s) unchanged since they were loaded: skipped")
            ready.extend(_process_all(folder, todo, workers))
            del todo  # the files' bytes: not needed by the load
            summary = load_batch(con, ready, deleted)
            summary.unchanged = unchanged
            log.info(f"loaded {len(summary.loaded)} report(s): {summary.indicator_rows} indicator values, "
                     f"{summary.project_rows} project mentions")
            for name in summary.deleted:
                log.info(f"removed {name}: no longer in {folder}")
            if summary.problems:  # named by the raw asset's every_part_read check and the build's summary
                log.warning(f"{sum(map(len, summary.problems.values()))} part(s) of {len(summary.problems)} "
                            "report(s) not read fully (raw.report_parts)")
            for name, msg in summary.rejected.items():
                log.warning(f"rejected {name}: {msg}")
            return summary
        finally:
            con.close()


def _process_all(folder: Path, todo: list[tuple[str, bytes | None, str]],
                 workers: int | None) -> list[ProcessedReport | PackedReport]:
    """Extract in worker processes; a file that crashes or outlasts the time limit is quarantined alone. Files
    extracted ahead (`extract_ahead`) with the same name and hash are taken from there (`todo` holds no bytes for
    them; one that got no result ahead is read now)."""
    ahead = _take_ahead(folder)
    rest, rejected = [], {}
    for name, data, sha in todo:
        if (name, sha) in ahead:
            continue
        if data is None:
            data, rejected[name] = _read_one(folder / name, sha)
            if data is None:
                continue
        rest.append((name, data, sha))
    taken = sum((name, sha) in ahead for name, _, sha in todo)
    if taken:
        log.info(f"{taken} file(s) extracted while the run started")
    if rest:
        log.info(f"extracting {len(rest)} file(s) ({sum(len(item[1]) for item in rest) / 1e6:.1f} MB)")
    extracted = iter(process_batch(rest, workers=workers if workers is not None else extract_workers(),
                                   time_limit_s=extract_time_limit_s(), progress=_progress, packed=True))
    del rest  # the bytes of the files read here (the caller drops its own)
    return [ahead[(name, sha)] if (name, sha) in ahead else rejected[name] if rejected.get(name) else next(extracted)
            for name, _, sha in todo]


_AHEAD: dict[Path, Ahead] = {}  # reports folder → the extraction `extract_ahead` started for it


def extract_ahead(folder: Path, sha256: Mapping[str, str]) -> None:
    """Start extracting these files of `folder` (name → sha256, as a plan hashed them) in the background, now.

    `devplan build` calls it before it imports Dagster, so the workers extract while the run is prepared on the
    other core. The raw asset's refresh then takes the result of every file it reads with the same name and hash
    (the content decides, so a result is never used for another version of a file) and extracts the others
    itself; a refresh without a matching extraction ahead (the UI's, the sensor's) extracts everything, through
    the same `process_batch` isolation either way."""
    folder = Path(folder).resolve()
    items = []
    for name, sha in sorted(sha256.items()):
        path = folder / name
        if not _plain_name(name) or path.is_symlink() or not path.is_file():
            continue
        data, rejected = _read_one(path, sha)
        if rejected is None:  # a file that cannot be read is rejected by the refresh itself
            items.append((name, data, sha))
    if items:
        log.info(f"extracting {len(items)} file(s) ({sum(len(i[1]) for i in items) / 1e6:.1f} MB) while the run starts")
        _AHEAD[folder] = Ahead(items, workers=extract_workers(), time_limit_s=extract_time_limit_s(),
                               progress=_progress, packed=True)


def _ahead_keys(folder: Path) -> set[tuple[str, str]]:
    """(name, sha256) of every file being extracted ahead for `folder`, without waiting for it."""
    ahead = _AHEAD.get(Path(folder).resolve())
    return {(item[0], item[2]) for item in ahead.items} if ahead is not None else set()


def _take_ahead(folder: Path) -> dict[tuple[str, str], ProcessedReport | PackedReport]:
    """(name, sha256) → result of what was extracted ahead for `folder` (waiting for it to finish), once."""
    ahead = _AHEAD.pop(Path(folder).resolve(), None)
    if ahead is None:
        return {}
    return {(name, sha): rec for (name, _, sha), rec in zip(ahead.items, ahead.results()) if rec is not None}


PROGRESS_STEPS = 10  # progress lines per long extraction (readable in a log as well as on a terminal)


def _progress(done: int, total: int) -> None:
    """Log extraction progress at every tenth of a long batch."""
    if total >= PARALLEL_THRESHOLD * 5 and (done == total or done % max(1, total // PROGRESS_STEPS) == 0):
        log.info(f"extracted {done}/{total} file(s) ({done / total:.0%})")
