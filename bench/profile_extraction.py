"""cProfile of the pure ingestion library: ingestion.process.process_report over the first N files of a folder.

    python bench/profile_extraction.py /tmp/c1000 [N=50] [TOP=25]

Prints the throughput and the top functions by cumulative and by own (tottime) time: the hot spots to hand to the
extraction owner.
"""
from __future__ import annotations

import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingestion.process import process_report  # noqa: E402


def main() -> None:
    folder = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    files = sorted(p for p in folder.iterdir() if p.is_file())[:n]
    blobs = [(p.name, p.read_bytes()) for p in files]
    size = sum(len(b) for _, b in blobs)
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for name, data in blobs:
        process_report(name, data)
    prof.disable()
    dt = time.perf_counter() - t0
    print(f"{len(blobs)} files, {size / 1e6:.2f} MB in {dt:.2f} s under cProfile "
          f"({size / 1e6 / dt:.2f} MB/s, profiler overhead included)")
    for key in ("cumulative", "tottime"):
        s = io.StringIO()
        pstats.Stats(prof, stream=s).strip_dirs().sort_stats(key).print_stats(top)
        print(f"--- top {top} by {key} ---")
        print(s.getvalue().split("\n", 6)[-1] if False else s.getvalue())


if __name__ == "__main__":
    main()
