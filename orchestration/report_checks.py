"""Per-report extraction figures for the raw asset's checks and metadata (read from the raw tables)."""
from __future__ import annotations

from ingestion.quality import TableValue, parsed_share, stated_count_matches

PARSED_SHARE_MIN = 0.95


def report_figures(con, report_ids: list[str]) -> list[dict]:
    """One dict per loaded report: rows found, parsed share of table values, stated vs found indicator counts."""
    out = []
    for report_id, text, district in con.execute(
        "select report_id, text, metadata ->> 'district' from raw.reports "
        "where report_id in (select unnest(?::varchar[])) order by report_id", [report_ids]
    ).fetchall():
        values = [TableValue(*r) for r in con.execute(
            "select table_title, seq, indicator_name, measure, value_raw, value_num from raw.indicator_rows "
            "where report_id = ? and source = 'table'", [report_id]).fetchall()]
        n_prose = con.execute("select count(*) from raw.indicator_rows where report_id = ? and source = 'prose'", [report_id]).fetchone()[0]
        n_proj = con.execute("select count(*) from raw.project_items where report_id = ?", [report_id]).fetchone()[0]
        matches, detail = stated_count_matches(text, values)
        out.append(dict(report=report_id, district=district, table_values=len(values), prose_values=n_prose,
                        projects=n_proj, parsed_share=parsed_share(values), stated_count_ok=matches,
                        stated=detail["stated"], found=detail["tables"]))
    return out


def figures_markdown(figures: list[dict]) -> str:
    lines = ["| report | district | table values | parsed | prose values | projects | stated count | found per table |",
             "|---|---|---|---|---|---|---|---|"]
    for f in figures:
        share = "–" if f["parsed_share"] is None else f"{f['parsed_share']:.0%}"
        stated = ", ".join(map(str, f["stated"])) or "–"
        found = ", ".join(str(n) for n in f["found"].values()) or "–"
        lines.append(f"| {f['report']} | {f['district']} | {f['table_values']} | {share} | {f['prose_values']} | "
                     f"{f['projects']} | {stated} | {found} |")
    return "\n".join(lines)
