"""What counts as the folder's content, and how changes are detected."""
import os

from ingestion.folder import diff_folder, report_files, scan_folder


def test_only_regular_files_directly_inside_count(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("secret", encoding="utf-8")
    os.symlink(outside, tmp_path / "link.txt")
    assert [p.name for p in report_files(tmp_path)] == ["a.txt"]


def test_scan_hashes_content(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"abc")
    state = scan_folder(tmp_path)["a.txt"]
    assert state.size == 3
    assert state.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_diff_new_changed_deleted_unchanged():
    known = {"a": "1", "b": "2", "c": "3"}
    current = {"a": "1", "b": "20", "d": "4"}
    changes = diff_folder(current, known)
    assert changes.new == ["d"]
    assert changes.changed == ["b"]
    assert changes.deleted == ["c"]
    assert changes.to_load == ["b", "d"]
    assert diff_folder(known, known).empty


def test_every_format_the_extractors_read_is_a_report_of_the_folder(tmp_path):
    """A report saved in any container of the genre corpus (Markdown from a PDF converter included) is loaded,
    never skipped unseen because of its extension."""
    from pathlib import Path

    genre = Path(__file__).resolve().parents[1] / "fixtures" / "genre" / "reports"
    suffixes = {p.suffix.lower() for p in genre.iterdir() if p.is_file()}
    assert {".md", ".docx", ".pdf", ".html", ".txt"} <= suffixes
    for suffix in sorted(suffixes) + [".markdown", ".htm"]:
        (tmp_path / f"report{suffix}").write_bytes(b"x")
    (tmp_path / "photo.png").write_bytes(b"x")
    assert sorted(p.name for p in report_files(tmp_path)) == sorted(
        f"report{s}" for s in sorted(suffixes) + [".markdown", ".htm"])
