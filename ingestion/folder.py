"""What is in the reports folder, and what changed since a known state.

The folder is the source of truth. The sensor (against its cursor) and `devplan build` (against the
warehouse) both decide what to process with `diff_folder`, so they take the same incremental path.
Only regular files directly inside the folder count: no subfolders, no hidden files, no links out of it.
A file is a report by its extension: the formats that are read (REPORT_SUFFIXES) and the document formats a
person may drop in expecting them to be read (REJECTED_SUFFIXES: they are listed so that they are rejected with
a message saying what to save them as, rather than ignored). Anything else (images, archives, notes) and
Office lock files (`~$…`) are not reports and are left alone.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

REPORT_SUFFIXES = {".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".shtml", ".xhtml", ".pdf"}
REJECTED_SUFFIXES = {".doc", ".wps", ".rtf", ".odt", ".ofd", ".mht", ".mhtml", ".xls", ".xlsx", ".et"}


def is_report_name(name: str) -> bool:
    """Whether a file of this name is processed (read, or rejected with a reason) as a report."""
    if name.startswith((".", "~$")):
        return False
    return Path(name).suffix.lower() in REPORT_SUFFIXES | REJECTED_SUFFIXES


@dataclass(frozen=True)
class FileState:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class FolderChanges:
    new: list[str]
    changed: list[str]
    deleted: list[str]

    @property
    def to_load(self) -> list[str]:
        return sorted(self.new + self.changed)

    @property
    def empty(self) -> bool:
        return not (self.new or self.changed or self.deleted)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def report_files(folder: Path) -> list[Path]:
    """Report files (see `is_report_name`) that are regular files directly inside `folder` (links are not
    followed), sorted by name."""
    out = []
    with os.scandir(folder) as it:
        for entry in it:
            if not is_report_name(entry.name) or entry.is_symlink() or not entry.is_file(follow_symlinks=False):
                continue
            out.append(Path(entry.path))
    return sorted(out, key=lambda p: p.name)


def linked_reports(folder: Path) -> list[str]:
    """Names of report files in `folder` that are symbolic links: `report_files` leaves them out (a link may lead
    out of the folder, and its target may change without the folder changing), so a build says it skipped them."""
    with os.scandir(folder) as it:
        return sorted(e.name for e in it if is_report_name(e.name) and e.is_symlink())


def scan_folder(folder: Path) -> dict[str, FileState]:
    states = {}
    for path in report_files(folder):
        data = path.read_bytes()
        states[path.name] = FileState(path.name, sha256_bytes(data), len(data))
    return states


def diff_folder(current: dict[str, str], known: dict[str, str]) -> FolderChanges:
    """Compare name → sha256 maps: files to load (new or different content) and files gone."""
    new = sorted(n for n in current if n not in known)
    changed = sorted(n for n in current if n in known and current[n] != known[n])
    deleted = sorted(n for n in known if n not in current)
    return FolderChanges(new=new, changed=changed, deleted=deleted)
