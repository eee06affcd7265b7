"""What a user reads on a mart's page in the Dagster UI: row count, a Markdown preview of its first rows and,
on `marts/mart_target_vs_actual`, a target-vs-actual chart of each district's headline indicators.

Read from the warehouse after `dbt build` (read-only, inside the writer lock the dbt step already holds), so it
costs a handful of small queries per build. The chart is a Vega-Lite spec (the data inline, rendered by any
Vega-Lite viewer) and, when matplotlib is installed, a PNG written beside the warehouse.
"""
from __future__ import annotations

import logging
from pathlib import Path

import duckdb

log = logging.getLogger("devplan.previews")

PREVIEW_ROWS = 5
PREVIEW_COLUMNS = 8
CELL_CHARS = 30

# the indicators a reader looks at first, in display order (canonical codes of dbt_project/seeds/indicator_codes)
HEADLINE_INDICATORS = {
    "gdp_growth": "GDP growth %",
    "retail_sales_growth": "Retail sales growth %",
    "fixed_asset_investment_growth": "Fixed-asset investment growth %",
    "budget_revenue_growth": "Budget revenue growth %",
    "income_per_capita_growth": "Disposable income growth %",
}

CHART_SQL = """
select district, period_year, indicator_code, indicator_name, measure, value
from (
    select district, period_year, indicator_code, indicator_name,
           target_value_num as target, actual_value_num as actual
    from marts.mart_target_vs_actual
    where indicator_code in (select unnest(?::varchar[])) and actual_value_num is not null
)
unpivot (value for measure in (target, actual))
where value is not null
order by district, indicator_code, period_year, measure desc
"""


def _cell(v) -> str:
    s = "" if v is None else str(v)
    s = s.replace("|", "\\|").replace("\n", " ")
    return s if len(s) <= CELL_CHARS else s[: CELL_CHARS - 1] + "…"


def markdown_preview(con: duckdb.DuckDBPyConnection, table: str, rows: int = PREVIEW_ROWS) -> str:
    """The first rows of a table as a Markdown table (the first few columns, long values cut)."""
    cur = con.execute(f"select * from {table} limit {int(rows)}")
    columns = [d[0] for d in cur.description]
    data = cur.fetchall()
    shown = columns[:PREVIEW_COLUMNS]
    lines = ["| " + " | ".join(shown) + " |", "|" + "---|" * len(shown)]
    lines += ["| " + " | ".join(_cell(v) for v in row[: len(shown)]) + " |" for row in data]
    if len(columns) > len(shown):
        lines.append(f"\n{len(columns) - len(shown)} more column(s): {', '.join(columns[len(shown):])}")
    return "\n".join(lines)


def chart_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    cur = con.execute(CHART_SQL, [list(HEADLINE_INDICATORS)])
    names = [d[0] for d in cur.description]
    out = [dict(zip(names, r)) for r in cur.fetchall()]
    for r in out:
        r["indicator"] = HEADLINE_INDICATORS[r["indicator_code"]]
    return out


def vega_lite_spec(rows: list[dict]) -> dict:
    """Target vs actual per year, one panel per district × headline indicator (Vega-Lite v5)."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Target vs actual: headline indicators by district",
        "data": {"values": [{k: r[k] for k in ("district", "period_year", "indicator", "measure", "value")} for r in rows]},
        "facet": {"row": {"field": "district", "type": "nominal"},
                  "column": {"field": "indicator", "type": "nominal", "sort": list(HEADLINE_INDICATORS.values())}},
        "spec": {
            "width": 120, "height": 90,
            "mark": "bar",
            "encoding": {
                "x": {"field": "period_year", "type": "ordinal", "title": "year"},
                "xOffset": {"field": "measure", "sort": ["target", "actual"]},
                "y": {"field": "value", "type": "quantitative", "title": "%"},
                "color": {"field": "measure", "type": "nominal", "sort": ["target", "actual"],
                          "scale": {"range": ["#9ecae1", "#08519c"]}},
                "tooltip": [{"field": f} for f in ("district", "period_year", "indicator", "measure", "value")],
            },
        },
        "resolve": {"scale": {"y": "independent"}},
    }


def render_chart_png(rows: list[dict], path: Path) -> Path | None:
    """The same chart as a PNG (matplotlib; None when it is not installed or there is nothing to draw)."""
    if not rows:
        return None
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib import font_manager
    except ImportError:
        return None
    # district names are Chinese: use a CJK font when the machine has one
    cjk = [f.name for f in font_manager.fontManager.ttflist
           if any(s in f.name for s in ("WenQuanYi", "Noto Sans CJK", "Noto Serif CJK", "Source Han", "SimHei", "AR PL"))]
    if cjk:
        plt.rcParams["font.sans-serif"] = [cjk[0], "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False
    districts = sorted({r["district"] for r in rows})
    indicators = [name for name in HEADLINE_INDICATORS.values() if any(r["indicator"] == name for r in rows)]
    fig, axes = plt.subplots(len(districts), len(indicators), figsize=(2.6 * len(indicators), 1.9 * len(districts)),
                             squeeze=False, sharex=False)
    colors = {"target": "#9ecae1", "actual": "#08519c"}
    for i, district in enumerate(districts):
        for j, indicator in enumerate(indicators):
            ax = axes[i][j]
            cell = [r for r in rows if r["district"] == district and r["indicator"] == indicator]
            years = sorted({r["period_year"] for r in cell})
            for k, measure in enumerate(("target", "actual")):
                xs = [years.index(r["period_year"]) + (k - 0.5) * 0.38 for r in cell if r["measure"] == measure]
                ys = [r["value"] for r in cell if r["measure"] == measure]
                ax.bar(xs, ys, width=0.38, color=colors[measure], label=measure)
            ax.set_xticks(range(len(years)), [str(y) for y in years], fontsize=8)
            ax.set_xlim(-0.7, max(len(years), 2) - 0.3)
            ax.tick_params(axis="y", labelsize=7)
            ax.axhline(0, color="#888", linewidth=0.5)
            if i == 0:
                ax.set_title(indicator, fontsize=9)
            if j == 0:
                ax.set_ylabel(district, fontsize=10)
            if not cell:
                ax.text(0.5, 0.5, "no data", ha="center", va="center", fontsize=8, color="#888", transform=ax.transAxes)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend([h for h in handles[:2]], ["target", "actual"], loc="upper right", ncol=2, fontsize=9)
    fig.suptitle("Target vs actual: headline indicators by district (marts.mart_target_vs_actual)", fontsize=11, x=0.01, ha="left")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def chart_path(warehouse: Path) -> Path:
    return Path(warehouse).parent / "charts" / "target_vs_actual.png"


def mart_metadata(warehouse: Path, tables: list[str], png: bool = True) -> dict[str, dict]:
    """schema.table → Dagster metadata (row count, Markdown preview; the chart on the target-vs-actual mart)."""
    import dagster as dg

    out: dict[str, dict] = {}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        existing = {f"{s}.{t}" for s, t in con.execute(
            "select table_schema, table_name from information_schema.tables").fetchall()}
        for table in tables:
            if table not in existing:
                continue
            n = con.execute(f"select count(*) from {table}").fetchone()[0]
            out[table] = {"dagster/row_count": dg.MetadataValue.int(n),
                          "preview": dg.MetadataValue.md(markdown_preview(con, table))}
        if "marts.mart_target_vs_actual" in out:
            rows = chart_rows(con)
            meta = out["marts.mart_target_vs_actual"]
            meta["target_vs_actual_chart"] = dg.MetadataValue.json(vega_lite_spec(rows))
            missed = con.execute(
                "select count(*) filter (where met_computed), count(*) filter (where not met_computed) "
                "from marts.mart_target_vs_actual").fetchone()
            meta["targets_met"] = dg.MetadataValue.int(missed[0])
            meta["targets_missed"] = dg.MetadataValue.int(missed[1])
            if png:
                path = render_chart_png(rows, chart_path(warehouse))
                if path is not None:
                    meta["target_vs_actual_png"] = dg.MetadataValue.path(str(path))
    finally:
        con.close()
    return out
