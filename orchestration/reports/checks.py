"""The raw asset's checks, which a user sees in the UI as WARN when a file is quarantined or read badly.

Everything judged here was computed by `ingestion` at extraction and stored with the facts: the parts of each
report and their problems (raw.report_parts) and the per-report quality figures (`metadata.quality`,
`ingestion.quality.report_quality`). No check reads the text back to re-run the extractors.
"""
from __future__ import annotations

import dagster as dg

from ingestion.quality import PARSED_SHARE_MIN

RAW_ASSET_KEY = dg.AssetKey(["raw", "reports"])

CHECK_SPECS = [
    dg.AssetCheckSpec("no_rejected_files", asset=RAW_ASSET_KEY,
                      description="Warns while any file in the reports folder is quarantined (raw.ingest_errors)."),
    dg.AssetCheckSpec(
        "every_part_read",
        asset=RAW_ASSET_KEY,
        description="Warns naming each report and part (a table caption with no rows read, a project heading "
                    "with no names, a row cut by the end of the file, …) that the extractors saw but could not "
                    "read fully (raw.report_parts.problem).",
    ),
    dg.AssetCheckSpec(
        "table_values_parsed",
        asset=RAW_ASSET_KEY,
        description=f"Warns when a report's table values are less than {PARSED_SHARE_MIN:.0%} numbers or known "
                    "qualitative forms (a sign of a mis-read column or layout).",
    ),
    dg.AssetCheckSpec(
        "stated_indicator_count",
        asset=RAW_ASSET_KEY,
        description="Warns when a report states how many indicators its plan has (e.g. 32项指标中) and no table "
                    "has that many.",
    ),
]


def report_figures(loaded: list[dict]) -> list[dict]:
    """Per loaded report (warehouse.queries.loaded_reports): values found, parsed share of table values, stated
    vs found indicator counts, parts with a problem."""
    out = []
    for r in loaded:
        q = r["quality"]
        out.append(dict(report=r["report"], district=r["district"], table_values=q.get("table_values", 0),
                        prose_values=q.get("prose_values", 0), projects=r["projects"],
                        parsed_share=q.get("parsed_share"), stated_count_ok=q.get("stated_count_ok"),
                        stated=q.get("stated", []), found=q.get("found_per_table", {}), problems=r["problems"]))
    return out


def figures_table(figures: list[dict]) -> dg.MetadataValue:
    """The per-report figures as a table the UI renders with typed columns."""
    schema = dg.TableSchema(columns=[
        dg.TableColumn("report", "string"), dg.TableColumn("district", "string"),
        dg.TableColumn("table_values", "int"), dg.TableColumn("parsed_share", "float"),
        dg.TableColumn("prose_values", "int"), dg.TableColumn("projects", "int"),
        dg.TableColumn("stated_count", "string"), dg.TableColumn("found_per_table", "string"),
        dg.TableColumn("parts_with_problems", "int"),
    ])
    records = [dg.TableRecord(dict(
        report=f["report"], district=f["district"] or "", table_values=f["table_values"],
        parsed_share=round(f["parsed_share"], 3) if f["parsed_share"] is not None else None,
        prose_values=f["prose_values"], projects=f["projects"],
        stated_count=", ".join(map(str, f["stated"])), found_per_table=", ".join(str(n) for n in f["found"].values()),
        parts_with_problems=len(f["problems"]),
    )) for f in figures]
    return dg.MetadataValue.table(records, schema=schema)


def _problems_table(problems: list[tuple]) -> dg.MetadataValue:
    return dg.MetadataValue.table(
        [dg.TableRecord(dict(report=f, kind=kind, part=title or "", line=line, problem=problem))
         for f, kind, title, line, problem in problems],
        schema=dg.TableSchema(columns=[dg.TableColumn("report", "string"), dg.TableColumn("kind", "string"),
                                       dg.TableColumn("part", "string"), dg.TableColumn("line", "int"),
                                       dg.TableColumn("problem", "string")]))


def check_results(errors: list[tuple], figures: list[dict], problems: list[tuple]) -> list[dg.AssetCheckResult]:
    """`problems`: (report_file, kind, title, source_line, problem) of the parts not read fully
    (warehouse.queries.part_problems)."""
    quarantined = dg.MetadataValue.table(
        [dg.TableRecord(dict(file=f, stage=stage, message=msg)) for f, stage, msg, *_ in errors],
        schema=dg.TableSchema(columns=[dg.TableColumn("file", "string"), dg.TableColumn("stage", "string"),
                                       dg.TableColumn("message", "string")]))
    low = [f for f in figures if f["parsed_share"] is not None and f["parsed_share"] < PARSED_SHARE_MIN]
    off = [f for f in figures if f["stated_count_ok"] is False]
    return [
        dg.AssetCheckResult(
            check_name="no_rejected_files", passed=not errors, severity=dg.AssetCheckSeverity.WARN,
            metadata={"open_errors": len(errors), "files": quarantined}),
        dg.AssetCheckResult(
            check_name="every_part_read", passed=not problems, severity=dg.AssetCheckSeverity.WARN,
            description="; ".join(f"{f}: {title or kind}: {problem}" for f, kind, title, _, problem in problems)[:2000]
                        or None,
            metadata={"parts_with_problems": len(problems),
                      "reports": ", ".join(sorted({p[0] for p in problems})) or "none",
                      "parts": _problems_table(problems)}),
        dg.AssetCheckResult(
            check_name="table_values_parsed", passed=not low, severity=dg.AssetCheckSeverity.WARN,
            metadata={"reports_checked": len(figures),
                      "below_threshold": ", ".join(f["report"] for f in low) or "none",
                      "per_report": figures_table(figures)}),
        dg.AssetCheckResult(
            check_name="stated_indicator_count", passed=not off, severity=dg.AssetCheckSeverity.WARN,
            metadata={"reports_stating_a_count": sum(f["stated_count_ok"] is not None for f in figures),
                      "mismatches": "; ".join(f"{f['report']}: stated {f['stated']}, found {list(f['found'].values())}"
                                              for f in off) or "none"}),
    ]
