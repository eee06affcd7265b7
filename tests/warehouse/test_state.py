"""One plan of what changed: new, changed, deleted and unchanged files, each file hashed once."""
import shutil
from pathlib import Path

import pytest

import ingestion.folder
from ingestion.process import process_report
from warehouse.connection import connect
from warehouse.load import load_batch
from warehouse.state import plan_folder, plan_refresh, warehouse_state

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.fixture
def hash_calls(monkeypatch):
    calls = []
    real = ingestion.folder.sha256_bytes

    def counting(data: bytes) -> str:
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(ingestion.folder, "sha256_bytes", counting)
    return calls


def test_plan_against_a_known_state(tmp_path, hash_calls):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, seed in zip(("a.txt", "b.txt", "c.txt"), SEEDS, strict=False):
        shutil.copy(seed, folder / name)
    first = plan_folder(folder, {})
    assert (first.new, first.changed, first.deleted, first.unchanged) == (["a.txt", "b.txt", "c.txt"], [], [], [])
    assert len(hash_calls) == 3

    known = {n: s.sha256 for n, s in first.current.items()}
    (folder / "b.txt").write_bytes((folder / "b.txt").read_bytes() + "\n（补充）\n".encode())
    (folder / "c.txt").unlink()
    shutil.copy(SEEDS[3], folder / "d.txt")
    hash_calls.clear()
    second = plan_folder(folder, known)
    assert second.new == ["d.txt"] and second.changed == ["b.txt"] and second.deleted == ["c.txt"]
    assert second.unchanged == ["a.txt"]
    assert second.keys == ["b.txt", "c.txt", "d.txt"] and second.to_load == ["b.txt", "d.txt"]
    assert len(hash_calls) == 3  # a, b, d: each file in the folder once
    assert second.version("c.txt", known) == f"deleted:{known['c.txt']}"


def test_plan_against_the_warehouse_and_an_older_extractor(tmp_path, hash_calls, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "a.txt")
    shutil.copy(SEEDS[1], folder / "b.txt")
    wh = tmp_path / "w.duckdb"
    assert plan_refresh(folder, wh).new == ["a.txt", "b.txt"]  # no warehouse yet: everything is new

    con = connect(wh)
    load_batch(con, [process_report(n, (folder / n).read_bytes()) for n in ("a.txt", "b.txt")])
    con.close()
    hash_calls.clear()
    current = plan_refresh(folder, wh)
    assert current.empty and current.unchanged == ["a.txt", "b.txt"]
    assert len(hash_calls) == 2

    # a new extractor version re-reads every file
    monkeypatch.setattr("warehouse.state.EXTRACTOR_VERSION", "9.9.9")
    assert set(warehouse_state(wh).values()) == {""}
    assert plan_refresh(folder, wh).changed == ["a.txt", "b.txt"]


def test_what_a_dbt_build_leaves_of_the_views_record(tmp_path):
    """A build of every view and seed records its code; one of some of them (an incremental refresh left the others
    out because they are that code's) keeps a record of the same code and clears one of other code; a failed build
    clears it. The plan reads what is left."""
    from warehouse.load import record_views_built

    folder, wh = tmp_path / "reports", tmp_path / "w.duckdb"
    folder.mkdir()

    def after(fingerprint: str | None, every: bool = True) -> str | None:
        con = connect(wh)
        try:
            record_views_built(con, fingerprint, every=every)
        finally:
            con.close()
        return plan_refresh(folder, wh).dbt.views_built_from

    assert after("code-a", every=False) is None  # nothing was recorded: still nothing
    assert after("code-a") == "code-a"
    assert after("code-a", every=False) == "code-a"
    assert after("code-b", every=False) is None
    assert after("code-b") == "code-b"
    assert after(None) is None
