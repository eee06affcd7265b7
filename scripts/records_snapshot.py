"""Every record the extractors produce for a set of corpora, as one JSON line per file: a change that is meant to
be a pure refactor or speed-up must leave this output byte-identical.

    python scripts/records_snapshot.py write  /tmp/records.base.jsonl   # before the change
    python scripts/records_snapshot.py check  /tmp/records.base.jsonl   # after: lists the files that differ

Corpora: seeds/, ../shared/devset/reports, every file under tests/fixtures/, and the first 100 files of the
benchmark corpus when it exists (bench/make_corpus.py writes it to /tmp/devplan-bench/corpus).
"""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingestion.process import process_report  # noqa: E402

BENCH_CORPUS = Path("/tmp/devplan-bench/corpus")


def corpus_files() -> list[Path]:
    files = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_file())
    devset = ROOT.parent / "shared" / "devset" / "reports"
    if devset.is_dir():
        files += sorted(p for p in devset.iterdir() if p.is_file())
    files += sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*")
                    if p.is_file() and p.suffix.lower() not in (".csv", ".md", ".py", ".json") and p.name != "NOTES.md")
    if BENCH_CORPUS.is_dir():
        files += sorted(p for p in BENCH_CORPUS.iterdir() if p.is_file())[:100]
    return files


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def snapshot(path: Path) -> str:
    out = process_report(path.name, path.read_bytes())
    name = str(path.relative_to(ROOT.parent)) if path.is_relative_to(ROOT.parent) else str(path)
    return json.dumps({"file": name, "record": _plain(out)}, ensure_ascii=False,
                      sort_keys=True)


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "check"):
        print(__doc__)
        return 2
    mode, target = sys.argv[1], Path(sys.argv[2])
    lines = {}
    for p in corpus_files():
        line = snapshot(p)
        lines[json.loads(line)["file"]] = line
    if mode == "write":
        target.write_text("\n".join(lines.values()) + "\n", encoding="utf-8")
        print(f"{len(lines)} file(s) written to {target}")
        return 0
    base = {json.loads(line)["file"]: line for line in target.read_text(encoding="utf-8").splitlines() if line}
    differ = sorted(f for f in base.keys() | lines.keys() if base.get(f) != lines.get(f))
    for f in differ:
        print(f"differs: {f}")
    print(f"{len(lines)} file(s) checked, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
