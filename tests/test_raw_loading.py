"""The raw layer: idempotent loads, quarantine, duplicates, deletions, and keeping good facts."""
from pathlib import Path

import duckdb
import pytest

from ingestion.process import process_report
from warehouse.connection import connect
from warehouse.load import load_batch
from warehouse.refresh import refresh_reports

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("000_*.txt"))


def counts(wh: Path):
    con = duckdb.connect(str(wh), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0]
                for t in ("reports", "indicator_rows", "project_items", "investment_plans", "ingest_errors")}
    finally:
        con.close()


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    (d / "good.txt").write_bytes(SEED.read_bytes())
    return d


def test_loading_twice_gives_the_same_rows(folder, tmp_path):
    wh = tmp_path / "w.duckdb"
    first = refresh_reports(folder, wh, ["good.txt"])
    before = counts(wh)
    assert first.loaded == ["good.txt"] and before["reports"] == 1 and before["indicator_rows"] > 0
    second = refresh_reports(folder, wh, ["good.txt"])
    assert second.unchanged == ["good.txt"] and second.loaded == []
    assert counts(wh) == before


def test_reloading_replaces_rows_instead_of_adding(folder, tmp_path):
    wh = tmp_path / "w.duckdb"
    p = process_report("good.txt", SEED.read_bytes())
    con = connect(wh)
    load_batch(con, [p])
    load_batch(con, [process_report("good.txt", SEED.read_bytes())])
    con.close()
    c = counts(wh)
    assert c["reports"] == 1
    assert c["indicator_rows"] == len(p.extraction.indicators)
    assert c["investment_plans"] == len(p.extraction.investments) > 0


def test_bad_files_are_quarantined_and_good_ones_still_load(folder, tmp_path):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "memo.txt").write_text("会议纪要\n今天讨论了食堂菜单。\n", encoding="utf-8")
    wh = tmp_path / "w.duckdb"
    summary = refresh_reports(folder, wh, ["empty.txt", "good.txt", "junk.txt", "memo.txt"])
    assert summary.loaded == ["good.txt"]
    assert set(summary.rejected) == {"empty.txt", "junk.txt", "memo.txt"}
    con = duckdb.connect(str(wh), read_only=True)
    errors = dict(con.execute("select report_file, stage || ': ' || message from raw.ingest_errors").fetchall())
    con.close()
    assert "empty" in errors["empty.txt"]
    assert "binary" in errors["junk.txt"]
    assert "title" in errors["memo.txt"]


def test_a_broken_new_version_keeps_the_last_good_facts(folder, tmp_path):
    wh = tmp_path / "w.duckdb"
    refresh_reports(folder, wh, ["good.txt"])
    good = counts(wh)
    (folder / "good.txt").write_bytes(b"\x00\x01 not text")
    summary = refresh_reports(folder, wh, ["good.txt"])
    assert "good.txt" in summary.rejected
    after = counts(wh)
    assert after["indicator_rows"] == good["indicator_rows"] and after["ingest_errors"] == 1
    # fixing the file clears the error
    (folder / "good.txt").write_bytes(SEED.read_bytes() + b"\n")
    refresh_reports(folder, wh, ["good.txt"])
    assert counts(wh)["ingest_errors"] == 0


def test_same_content_under_a_second_name_is_loaded_once(folder, tmp_path):
    (folder / "copy.txt").write_bytes(SEED.read_bytes())
    wh = tmp_path / "w.duckdb"
    summary = refresh_reports(folder, wh, ["copy.txt", "good.txt"])
    assert summary.loaded == ["copy.txt"]
    assert summary.rejected["good.txt"].startswith("duplicate: same content as copy.txt")
    assert counts(wh)["reports"] == 1


def test_a_deleted_file_leaves_the_raw_layer_and_is_recorded(folder, tmp_path):
    wh = tmp_path / "w.duckdb"
    refresh_reports(folder, wh, ["good.txt"])
    (folder / "good.txt").unlink()
    summary = refresh_reports(folder, wh, ["good.txt"])
    assert summary.deleted == ["good.txt"]
    c = counts(wh)
    assert c["reports"] == 0 and c["indicator_rows"] == 0 and c["project_items"] == 0 and c["investment_plans"] == 0
    con = duckdb.connect(str(wh), read_only=True)
    events = [e for (e,) in con.execute("select event from raw.report_events where report_file = 'good.txt' order by event_at").fetchall()]
    con.close()
    assert events == ["loaded", "deleted"]


def test_long_extractions_report_progress(tmp_path, caplog):
    folder = tmp_path / "many"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    names = []
    for i in range(40):
        (folder / f"r{i:02d}.txt").write_text(text + f"\n（{i}）\n", encoding="utf-8")
        names.append(f"r{i:02d}.txt")
    with caplog.at_level("INFO", logger="devplan.loading"):
        summary = refresh_reports(folder, tmp_path / "w.duckdb", names, workers=2)
    assert len(summary.loaded) == 40
    progress = [r.getMessage() for r in caplog.records if r.getMessage().startswith("extracted ")]
    assert progress[-1] == "extracted 40/40 file(s) (100%)"
    assert 5 <= len(progress) <= 11
