"""Make a benchmark corpus: N reports derived from the samples in seeds/.

    python bench/make_corpus.py N OUTDIR

Each report keeps a sample's layout and file format but gets another district name, shifted years and
perturbed numbers, deterministically from its index, so every file has its own content hash and the same
command always writes the same corpus.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SYLLABLES = "安宝北昌城川东丰福港广海和河华江金锦康乐临龙隆南宁平浦桥清庆山寿顺泰通万文西祥新兴阳永渝云长中州"
_DISTRICT_IN_TITLE = re.compile(r"(重庆市)?([\u4e00-\u9fa5]{2,4}?)(区|县)(?=\d{4}年)")
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=年)")
_DECIMAL = re.compile(r"(?<![\d.])(\d{1,4})\.(\d{1,2})(?![\d.])")


def district_name(i: int) -> str:
    rng = random.Random(i)
    return "".join(rng.choice(_SYLLABLES) for _ in range(2)) + rng.choice("区县")


def derive(text: str, i: int) -> str:
    """Another district, years shifted by 0–3, decimals perturbed; layout untouched."""
    rng = random.Random(1000 + i)
    m = _DISTRICT_IN_TITLE.search(text[:3000])
    if m:
        text = text.replace(m.group(2) + m.group(3), district_name(i))
    shift = i % 4
    text = _YEAR.sub(lambda y: str(int(y.group(1)) - shift), text)
    text = _DECIMAL.sub(lambda d: f"{d.group(1)}.{(int(d.group(2)) + rng.randint(1, 9)) % 100:0{len(d.group(2))}d}", text)
    return text + f"\n（文件编号：{i:06d}）\n"


def make_corpus(n: int, out: Path, seeds: Path = ROOT / "seeds") -> list[Path]:
    samples = sorted(p for p in seeds.iterdir() if p.is_file() and not p.name.startswith("."))
    if not samples:
        raise SystemExit(f"no sample reports in {seeds}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        src = samples[i % len(samples)]
        dst = out / f"report_{i:05d}{src.suffix}"
        dst.write_text(derive(src.read_text(encoding="utf-8"), i), encoding="utf-8")
        written.append(dst)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("outdir", type=Path)
    a = ap.parse_args(argv)
    files = make_corpus(a.n, a.outdir)
    print(f"wrote {len(files)} reports to {a.outdir} ({sum(f.stat().st_size for f in files) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
