"""Property-based fuzzing of the pure library: whatever bytes a file holds, `process_report` answers.

Random bytes, truncations and byte or line mutations of the samples (seeds/) and of the layout fixtures
(tests/fixtures/variants/), in the encodings and containers users have. For every input `process_report` must
return (never raise, never run away: each example has a deadline and the module a hard stop) and a failure must
be a clear rejection: a `Rejection` with a known stage and a message, never the loader's safety net for an
extractor bug ("extraction failed: <exception>").

Bounded by the `devplan-fuzz` hypothesis profile (deterministic, a few seconds); `DEVPLAN_FUZZ_PROFILE=
devplan-fuzz-deep` runs many more random examples when hunting for bugs.
"""
from __future__ import annotations

import faulthandler
import os
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingestion.errors import Rejection
from ingestion.process import ProcessedReport, process_report

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "variants").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SAMPLES]
STAGES = {"read", "decode", "metadata", "extract"}
HARD_STOP_S = 120  # the whole module, even if an example got stuck in C code

settings.register_profile(
    "devplan-fuzz", max_examples=25, deadline=timedelta(seconds=10), derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("devplan-fuzz-deep", parent=settings.get_profile("devplan-fuzz"), max_examples=1000,
                          derandomize=False)
FUZZ = settings.get_profile(os.environ.get("DEVPLAN_FUZZ_PROFILE", "devplan-fuzz"))


@pytest.fixture(autouse=True, scope="module")
def hard_stop():
    """A runaway example must fail the run, not hang it: dump the stacks and exit after HARD_STOP_S."""
    faulthandler.dump_traceback_later(HARD_STOP_S, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def assert_answered(p: ProcessedReport, name: str, data: bytes) -> None:
    assert (p.report_file, p.size) == (name, len(data))
    if p.ok:
        assert p.text is not None and p.extraction is not None
        return
    assert isinstance(p.error, Rejection), p.error
    assert p.error.stage in STAGES and p.error.message.strip(), p.error
    assert not p.error.message.startswith("extraction failed:"), f"an extractor raised on {name}: {p.error}"


ENCODE = {
    "utf-8": lambda t: t.encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-8-sig crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8-sig"),
}
samples = st.sampled_from(range(len(TEXTS)))
encodings = st.sampled_from(sorted(ENCODE))
suffixes = st.sampled_from([".txt", ".txt", ".html", ".docx", ".pdf", ".doc", ""])


@settings(FUZZ, max_examples=100)
@given(data=st.binary(max_size=4096), suffix=suffixes)
def test_random_bytes(data, suffix):
    name = "random" + suffix
    assert_answered(process_report(name, data), name, data)


@settings(FUZZ)
@given(i=samples, enc=encodings, cut=st.floats(0, 1))
def test_truncated_reports(i, enc, cut):
    full = ENCODE[enc](TEXTS[i])
    data = full[: int(len(full) * cut)]  # anywhere, also inside a multi-byte character
    assert_answered(process_report(SAMPLES[i].name, data), SAMPLES[i].name, data)


@settings(FUZZ)
@given(i=samples, enc=encodings, edits=st.lists(
    st.tuples(st.sampled_from(["flip", "insert", "delete"]), st.floats(0, 1), st.binary(min_size=1, max_size=8)),
    min_size=1, max_size=20))
def test_byte_mutations(i, enc, edits):
    data = bytearray(ENCODE[enc](TEXTS[i]))
    for op, where, chunk in edits:
        at = int(where * (len(data) - 1)) if data else 0
        if op == "flip" and data:
            data[at] ^= chunk[0] or 0xFF
        elif op == "insert":
            data[at:at] = chunk
        elif op == "delete":
            del data[at: at + len(chunk)]
    data = bytes(data)
    assert_answered(process_report(SAMPLES[i].name, data), SAMPLES[i].name, data)


GENRE_LINES = ["表1：主要指标", "续表", "\t序号", "\t", "\t\t\t", "专栏1：重点项目", "一、", "（一）", "附件1",
               "地区生产总值增长6%", "目标\t完成", "单位：亿元", "）", "（", "——", "%", "亿元"]


@settings(FUZZ)
@given(i=samples, edits=st.lists(
    st.tuples(st.sampled_from(["delete", "duplicate", "swap", "cut", "insert", "genre"]), st.floats(0, 1),
              st.floats(0, 1), st.text(max_size=30)),
    min_size=1, max_size=30))
def test_line_mutations(i, edits):
    lines = TEXTS[i].split("\n")
    for op, a, b, text in edits:
        if not lines:
            break
        x, y = int(a * (len(lines) - 1)), int(b * (len(lines) - 1))
        if op == "delete":
            del lines[x]
        elif op == "duplicate":
            lines.insert(x, lines[y])
        elif op == "swap":
            lines[x], lines[y] = lines[y], lines[x]
        elif op == "cut":
            lines[x] = lines[x][: int(b * len(lines[x]))]
        elif op == "insert":
            lines.insert(x, text)
        else:
            lines.insert(x, GENRE_LINES[y % len(GENRE_LINES)] + text)
    data = "\n".join(lines).encode("utf-8")
    assert_answered(process_report(SAMPLES[i].name, data), SAMPLES[i].name, data)
