"""Files a user's download folder holds besides clean reports, made from the samples (shared by the batch tests).

Every kind of rejection the project knows has a maker here, so a test can mix them into a folder large enough
for the parallel path: junk (empty, whitespace, random bytes, a PNG named .txt, a text that is no report, a
legacy .doc, a damaged .docx and PDF), good reports in every text encoding a user meets, a truncated report and
a report of nearly the size limit.
"""
from __future__ import annotations

import ctypes
import faulthandler
import os
import random
import signal
import time
from pathlib import Path

from bench.make_corpus import derive
from ingestion.process import process_report

from .conftest import SEEDS

SAMPLES = sorted(SEEDS.glob("*.txt"))

# (file name, how the sample's text becomes bytes): the five text encodings of issue 10
ENCODINGS = {
    "gb18030.txt": lambda t: t.encode("gb18030"),
    "utf16.txt": lambda t: t.encode("utf-16"),
    "utf8_bom.txt": lambda t: t.encode("utf-8-sig"),
    "crlf.txt": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "gbk.txt": lambda t: t.encode("gbk"),
}


def good_reports() -> dict[str, bytes]:
    """The five samples, each in another encoding."""
    return {f"good_{name}": enc(src.read_text(encoding="utf-8")) for src, (name, enc) in zip(SAMPLES, ENCODINGS.items())}


def junk_files(seed: int = 0) -> dict[str, bytes]:
    """The five junk files of issue 10, each rejected with its own message."""
    rng = random.Random(seed)
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\r\n   \n" * 20,
        "random_bytes.txt": bytes(rng.randrange(256) for _ in range(4096)),
        "scan.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2048)),
        "minutes.txt": ("区政府常务会议纪要\n\n会议听取了关于城市绿化工作的汇报，研究了下一步工作。\n"
                        "会议要求，各部门要加强协作，抓好落实。\n").encode() * 3,
    }


def container_junk(seed: int = 0) -> dict[str, bytes]:
    """Rejections of the containers: a legacy Word file, a .docx and a PDF that are damaged."""
    rng = random.Random(seed)
    return {
        "legacy.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.randrange(256) for _ in range(2048)),
        "damaged.docx": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2048)),
        "damaged.pdf": b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2048)),
    }


def derived_text(i: int) -> str:
    """A report of its own (another district, shifted years) in a sample's layout."""
    return derive(SAMPLES[i % len(SAMPLES)].read_text(encoding="utf-8"), i)


def truncated_report(i: int = 5) -> tuple[bytes, int]:
    """A derived report cut inside row 5 of its first indicator table (3 of its cells are in the file):
    (bytes, the line the file ends on). Rows 1–4 are complete."""
    lines = derived_text(i).split("\n")
    cut = next(n for n, line in enumerate(lines) if line == "\t5") + 3
    return "\n".join(lines[:cut]).encode("utf-8"), cut


PADDING = ["附录：本报告所用名词的解释与说明，供代表审议时参阅，不另行印发。",
           "注：各项工作的具体安排以有关部门正式印发的文件为准。",
           "说明：本附录收录历次审议中代表提出的意见和建议的办理情况。"]


def large_report(size: int = 14_900_000, i: int = 2) -> bytes:
    """A derived report followed by an appendix of prose without figures, `size` bytes (±100) in all."""
    head = (derived_text(i) + "\n").encode("utf-8")
    lines, n = [], len(head)
    while n < size - 100:
        line = (PADDING[len(lines) % len(PADDING)] + "\n").encode("utf-8")
        lines.append(line)
        n += len(line)
    return head + b"".join(lines)


def write_folder(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def faulty(name: str, data: bytes, sha256: str | None = None):
    """A stand-in for `process_report` (same arguments) that crashes or hangs on files named for it (the batch tests' hook)."""
    if name.startswith("segfault"):
        faulthandler.disable()  # pytest's traceback dump would only add noise
        ctypes.string_at(0)  # SIGSEGV in C
    if name.startswith("exit"):
        os._exit(7)
    if name.startswith("killed"):
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer does
    if name.startswith("memory"):
        raise MemoryError("cannot allocate")
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("spin"):
        while True:  # a runaway loop that never sleeps
            pass
    return process_report(name, data, sha256)
