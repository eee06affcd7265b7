"""devplan benchmark: extraction throughput, cold build, one new report, a no-change refresh, peak RSS.

    .venv/bin/python bench/run.py [--n 1000] [--work /tmp/devplan-bench] [--write docs/benchmarks.md]

Everything after the extraction figure goes through the interface users run, `devplan build --reports DIR
--warehouse PATH`, as a subprocess (so Python start-up, the Dagster job, the dbt process and the warehouse lock
are all in the wall time). The corpus comes from bench/make_corpus.py (deterministic: the same command always
writes the same files). Peak RSS is the largest resident set of any one process of a step (os.wait4 over the
`devplan` process and everything it waited for: the extraction workers and dbt).

Steps:
  1. extraction: ingestion.process.process_report over every corpus file, in this process (one core);
  2. cold build of N reports into an empty warehouse;
  3. a refresh of that warehouse with nothing changed;
  4. one new report (corpus file N) added to the N-report warehouse;
  5. the same report added to a 10-report warehouse (built first, untimed: that build also brings the dbt
     manifest up to date, paid once per code change); ratio of 4 to 5.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEVPLAN = Path(sys.executable).with_name("devplan")

GOALS = {
    "extraction_mb_s_core": 10.0,
    "cold_s": 30.0,
    "add_one_big_s": 10.0,
    "add_ratio": 1.2,
    "nochange_s": 8.0,
    "peak_rss_gb": 1.5,
}


def corpus(n: int, out: Path) -> list[Path]:
    """Files 0..n-1 of make_corpus (reused when already there)."""
    from bench.make_corpus import make_corpus

    files = sorted(p for p in out.iterdir() if p.is_file()) if out.is_dir() else []
    if len(files) < n:
        shutil.rmtree(out, ignore_errors=True)
        files = make_corpus(n, out)
    return sorted(files)[:n]


def devplan_build(reports: Path, warehouse: Path, log: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (GB) and exit code of one `devplan build`."""
    cmd = [str(DEVPLAN), "build", "--reports", str(reports), "--warehouse", str(warehouse)]
    with log.open("a") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_gb = usage.ru_maxrss * 1024 / 1e9  # ru_maxrss is in KiB on Linux
    if proc.returncode not in (0, 3):
        raise SystemExit(f"devplan build failed ({proc.returncode}); see {log}")
    return wall, rss_gb, proc.returncode


def extraction(files: list[Path]) -> dict:
    from ingestion.process import process_report

    blobs = [(p.name, p.read_bytes()) for p in files]
    size = sum(len(b) for _, b in blobs)
    t0 = time.perf_counter()
    for name, data in blobs:
        process_report(name, data)
    dt = time.perf_counter() - t0
    return {"files": len(blobs), "mb": size / 1e6, "s": dt, "mb_s": size / 1e6 / dt, "reports_s": len(blobs) / dt}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="reports in the big warehouse (default 1000)")
    ap.add_argument("--small", type=int, default=10, help="reports in the small warehouse (default 10)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/devplan-bench"), help="scratch folder")
    ap.add_argument("--extract-files", type=int, default=0, help="files for the extraction figure (default: all)")
    ap.add_argument("--write", type=Path, default=None, help="also write the figures as markdown to this file")
    a = ap.parse_args(argv)

    cores = os.cpu_count() or 1
    work = a.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    log = work / "builds.log"
    log.write_text("")
    all_files = corpus(a.n + 1, work / "corpus")
    base, new_file = all_files[: a.n], all_files[a.n]
    print(f"machine: {cores} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"corpus: {a.n} + 1 reports from bench/make_corpus.py in {work / 'corpus'}")

    ex = extraction(base[: a.extract_files] if a.extract_files else base)
    print(f"extraction (1 core): {ex['files']} files, {ex['mb']:.1f} MB in {ex['s']:.1f} s = "
          f"{ex['mb_s']:.2f} MB/s, {ex['reports_s']:.1f} reports/s per core")

    def folder(name: str, files: list[Path]) -> Path:
        d = work / name
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
        for f in files:
            os.link(f, d / f.name) if f.stat().st_dev == d.stat().st_dev else shutil.copy2(f, d / f.name)
        return d

    def fresh_warehouse(name: str) -> Path:
        d = work / name
        shutil.rmtree(d, ignore_errors=True)
        return d / "warehouse.duckdb"

    rss = []
    # the small warehouse first: it also brings the dbt manifest up to date, which is paid once per code change
    small = folder("reports_small", base[: a.small])
    wh_small = fresh_warehouse("wh_small")
    _, r, _ = devplan_build(small, wh_small, log)
    rss.append(r)
    big = folder("reports_big", base)
    wh_big = fresh_warehouse("wh_big")
    cold, r, _ = devplan_build(big, wh_big, log)
    rss.append(r)
    print(f"cold build, {a.n} reports: {cold:.1f} s ({a.n / cold:.1f} reports/s), peak RSS {r:.2f} GB")

    nochange, r, _ = devplan_build(big, wh_big, log)
    rss.append(r)
    print(f"refresh with nothing changed, {a.n} reports: {nochange:.1f} s")

    shutil.copy2(new_file, big / new_file.name)
    add_big, r, _ = devplan_build(big, wh_big, log)
    rss.append(r)
    print(f"one new report into the {a.n}-report warehouse: {add_big:.1f} s")

    shutil.copy2(new_file, small / new_file.name)
    add_small, r, _ = devplan_build(small, wh_small, log)
    rss.append(r)
    ratio = add_big / add_small
    print(f"one new report into the {a.small}-report warehouse: {add_small:.1f} s; ratio {a.n}/{a.small} = {ratio:.2f}")
    peak = max(rss)
    print(f"peak RSS of any step: {peak:.2f} GB")

    rows = [
        ("extraction, pure library, per core", f"{ex['mb_s']:.2f} MB/s, {ex['reports_s']:.1f} reports/s",
         f">= {GOALS['extraction_mb_s_core']:.0f} MB/s", ex["mb_s"] >= GOALS["extraction_mb_s_core"]),
        (f"cold build, {a.n} reports ({sum(f.stat().st_size for f in base) / 1e6:.0f} MB)",
         f"{cold:.1f} s ({a.n / cold:.1f} reports/s)", f"<= {GOALS['cold_s']:.0f} s", cold <= GOALS["cold_s"]),
        (f"one new report into {a.n} reports", f"{add_big:.1f} s", f"<= {GOALS['add_one_big_s']:.0f} s",
         add_big <= GOALS["add_one_big_s"]),
        (f"one new report into {a.small} reports", f"{add_small:.1f} s", "", None),
        (f"ratio {a.n} / {a.small}", f"{ratio:.2f}", f"<= {GOALS['add_ratio']}", ratio <= GOALS["add_ratio"]),
        (f"refresh with nothing changed ({a.n} reports)", f"{nochange:.1f} s", f"<= {GOALS['nochange_s']:.0f} s",
         nochange <= GOALS["nochange_s"]),
        ("peak RSS (largest process of any step)", f"{peak:.2f} GB", f"<= {GOALS['peak_rss_gb']} GB",
         peak <= GOALS["peak_rss_gb"]),
    ]
    table = ["| figure | measured | goal | met |", "|---|---|---|---|"]
    for name, val, goal, ok in rows:
        table.append(f"| {name} | {val} | {goal} | {'' if ok is None else ('yes' if ok else '**no**')} |")
    md = "\n".join(table)
    print(md)
    if a.write:
        a.write.write_text(
            f"<!-- written by bench/run.py on {time.strftime('%Y-%m-%d %H:%M')} -->\n"
            f"Machine: {cores} cores ({platform.processor() or platform.machine()}), Python {platform.python_version()}.\n\n"
            f"Command: `{' '.join(['.venv/bin/python', 'bench/run.py'] + (argv if argv is not None else sys.argv[1:]))}`\n\n"
            + md + "\n"
        )
    print(f"build logs: {log}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
