"""The same facts whatever the container: every sample report converted to .docx (real tables), .html (`<table>`,
site chrome, GBK/GB2312 declarations), GBK/UTF-16/UTF-8-BOM+CRLF text and .pdf gives the facts of the original
(line numbers aside where the container's text has other lines), and a folder of mixed formats builds the same
marts as the originals."""
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from ingestion.document import squash
from ingestion.process import process_report
from ingestion.records import as_rows

from .conftest import SEEDS, run_devplan
from .format_writers import write_docx, write_html, write_pdf, write_text

pytestmark = pytest.mark.e2e

SEED_FILES = sorted(SEEDS.glob("*.txt"))

WRITERS = {
    # format: (extension, writer, same text line for line as the original?)
    "docx": (".docx", write_docx, True),
    "html": (".html", lambda t: write_html(t), False),
    "html-gbk": (".html", lambda t: write_html(t, charset="gbk"), False),
    "htm-gb2312-http-equiv": (".htm", lambda t: write_html(t, charset="gb2312", meta="http-equiv"), False),
    "txt-gbk": (".txt", lambda t: write_text(t, "gbk"), True),
    "txt-gb18030": (".txt", lambda t: write_text(t, "gb18030"), True),
    "txt-utf16-bom": (".txt", lambda t: write_text(t, "utf-16"), True),
    "txt-utf8-bom-crlf": (".txt", lambda t: write_text(t, "utf-8-bom-crlf"), True),
}


@cache
def original(seed: Path):
    p = process_report(seed.name, seed.read_bytes())
    assert p.ok, p.error
    return p


def facts(p, keep_line: bool) -> tuple[Counter, Counter]:
    def rows(records):
        out = []
        for r in as_rows(records):
            if not keep_line:
                r.pop("source_line")
            out.append(tuple(sorted((k, repr(v)) for k, v in r.items())))
        return Counter(out)

    return rows(p.extraction.indicators), rows(p.extraction.projects)


def assert_traceable(p) -> None:
    """Every fact's source_line points at the line (or the wrapped cell lines after it) that prints it."""
    lines = p.text.split("\n")

    def near(no: int, span: int) -> str:
        return squash("".join(re.sub(r"\[bookmark:[^\]]*\]", "", x) for x in lines[no - 1: no - 1 + span]))

    for r in p.extraction.indicators:
        if r.source == "table":
            assert squash(r.value_raw) in near(r.source_line, 3), (r.source_line, r.value_raw)
        else:
            number = re.search(r"\d+(\.\d+)?", r.value_raw)
            assert number is None or number.group(0) in near(r.source_line, 1), (r.source_line, r.value_raw)
    for r in p.extraction.projects:
        assert squash(r.project_name)[:2] in near(r.source_line, 1), (r.source_line, r.project_name)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_format_gives_the_facts_of_the_original(seed, fmt):
    suffix, writer, same_lines = WRITERS[fmt]
    base = original(seed)
    converted = process_report(seed.stem + suffix, writer(seed.read_text(encoding="utf-8")))
    assert converted.ok, converted.error
    assert converted.extraction.meta.district == base.extraction.meta.district
    assert (converted.extraction.meta.review_year, converted.extraction.meta.plan_year) == \
        (base.extraction.meta.review_year, base.extraction.meta.plan_year)
    ind, proj = facts(converted, keep_line=same_lines)
    base_ind, base_proj = facts(base, keep_line=same_lines)
    assert ind == base_ind, (sum((ind - base_ind).values()), sum((base_ind - ind).values()))
    assert proj == base_proj, (sum((proj - base_proj).values()), sum((base_proj - proj).values()))
    if same_lines:
        assert [x.rstrip() for x in converted.text.split("\n")] == [x.rstrip() for x in base.text.split("\n")]
    assert_traceable(converted)


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_a_text_layer_pdf_gives_the_table_facts_and_most_project_mentions(seed):
    """A PDF has no paragraphs, only printed lines: they are rebuilt from positions. Every indicator must come
    through; inside a one-cell 专栏 box a paragraph whose last line happens to fill the box can run into the next
    one, so project mentions are held to a high share rather than to identity."""
    text = seed.read_text(encoding="utf-8")
    converted = process_report(seed.stem + ".pdf", write_pdf(text))
    assert converted.ok, converted.error
    # reportlab's built-in Chinese font cannot print U+00B7 (·): compare with the text as printed
    base = process_report(seed.name, text.replace("·", "").encode("utf-8"))
    ind, proj = facts(converted, keep_line=False)
    base_ind, base_proj = facts(base, keep_line=False)
    assert ind == base_ind, (sum((ind - base_ind).values()), sum((base_ind - ind).values()))
    same = sum((proj & base_proj).values())
    assert same >= 0.8 * sum(base_proj.values()) and same >= 0.8 * sum(proj.values()), (same, sum(base_proj.values()))
    assert_traceable(converted)


def test_a_folder_of_mixed_formats_builds_the_marts_of_the_originals(tmp_path, seeds_warehouse, query):
    """docx, html (GBK page with chrome) and GBK text of different seeds, through Dagster and dbt."""
    folder = tmp_path / "reports"
    folder.mkdir()
    conversions = {
        SEED_FILES[0]: (".docx", write_docx),
        SEED_FILES[1]: (".html", lambda t: write_html(t, charset="gbk")),
        SEED_FILES[2]: (".txt", lambda t: write_text(t, "gbk")),
        SEED_FILES[3]: (".htm", lambda t: write_html(t, charset="gb2312", meta="http-equiv")),
    }
    for seed, (suffix, writer) in conversions.items():
        (folder / (seed.stem + suffix)).write_bytes(writer(seed.read_text(encoding="utf-8")))
    wh = tmp_path / "warehouse.duckdb"
    proc = run_devplan("build", "--reports", str(folder), "--warehouse", str(wh))
    assert proc.returncode == 0, proc.stdout + proc.stderr

    def per_report(warehouse, sql):
        return {f[:3]: rest for f, *rest in query(warehouse, sql)}

    stems = {s.name[:3] for s in conversions}
    for sql in (
        "select report_file, district, doc_type, review_year, plan_year from marts.dim_reports",
        "select report_file, count(*), count(distinct indicator_name), sum(value_num) from marts.fct_indicators group by 1",
        "select report_file, count(*), count(distinct project_name) from marts.fct_projects group by 1",
    ):
        got = per_report(wh, sql)
        expected = {k: v for k, v in per_report(seeds_warehouse, sql).items() if k in stems}
        assert got == expected, sql
    files = {f for (f,) in query(wh, "select report_file from marts.dim_reports")}
    assert files == {s.stem + suffix for s, (suffix, _) in conversions.items()}
