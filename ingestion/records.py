"""The records extraction hands to the warehouse.

One dataclass per raw table so the loader, the tests and the dbt sources agree on a single column list.
Every record keeps the raw strings it was read from and the 1-based line they sit on, so any fact in the
marts can be traced back to the report.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass(frozen=True)
class ReportMeta:
    """What the title lines say about a report (never the file name)."""

    city: str | None
    district: str | None
    doc_type: str | None  # review_and_plan | plan
    review_year: int | None
    plan_year: int | None
    title: str | None
    title_line: int | None


@dataclass(slots=True)
class IndicatorValue:
    """One indicator value: a target or an actual, from a table cell or a prose phrase."""

    source: str  # table | prose
    table_title: str | None  # caption of the table, or the heading of the prose section
    period_year: int | None
    measure: str  # target | actual
    indicator_name: str
    value_raw: str
    value_num: float | None
    comparator: str  # eq ge le gt lt approx increase_by decrease_by qualitative
    source_line: int
    seq: str | None = None
    category: str | None = None
    parent_name: str | None = None
    unit: str | None = None
    attribute: str | None = None  # 预期性 | 约束性 | None
    achieved_raw: str | None = None  # the report's own 是/否, as printed
    column_header: str | None = None  # table column the value came from (None for prose)
    name_raw: str | None = None  # the name cell / phrase as printed, before cleaning


@dataclass(slots=True)
class ProjectItem:
    """One project mention in a project list (专栏) or, failing any list, in task prose."""

    list_title: str
    period_year: int | None
    project_name: str
    stage: str  # started ongoing completed preparatory planned
    source_line: int
    category: str | None = None
    stage_raw: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything read from one report."""

    meta: ReportMeta
    indicators: list[IndicatorValue] = field(default_factory=list)
    projects: list[ProjectItem] = field(default_factory=list)
    investments: list[InvestmentFigure] = field(default_factory=list)
    parts: list[PartSeen] = field(default_factory=list)


@dataclass(slots=True)
class PartSeen:
    """One part of a report an extractor recognised and what it read from it.

    Why: an unseen layout must never fail silently. A table caption with 0 rows read, a value column whose cells
    mostly fail to parse, or a project heading with no names is recorded here with its `problem`, so the
    warehouse can warn (asset check at WARN, a line in `devplan build`) naming the report and the part.
    """

    kind: str  # indicator_table | project_table | project_list | other_table
    title: str | None  # caption / list title as printed (whitespace removed); None when untitled
    source_line: int  # first line of the part in the rendered text
    rows_seen: int  # body rows of a table, item lines of a list
    facts_read: int  # indicator values or project names extracted from it
    problem: str | None = None  # why it is a warning, in words a user understands; None when it read fine


def column_names(cls) -> list[str]:
    return [f.name for f in fields(cls)]


def as_rows(records) -> list[dict]:
    return [asdict(r) for r in records]


@dataclass(slots=True)
class InvestmentFigure:
    """One figure a report states in prose about its key-project programme (重点项目安排 / 完成情况):
    a project count, an investment amount or an investment rate of one project set."""

    section_heading: str  # heading of the section the figure sits in (up to its first full stop)
    period_year: int | None  # plan year for the plan part, review year for the review part (or as printed)
    scope: str  # the project set, as printed without lead words (市级投资项目, “四重”项目); 全部 when none is named
    kind: str | None  # the kind of project of a split by sector (产业项目, 重大民生工程) as printed, else None
    measure: str  # project_count total_investment annual_planned_investment completed_investment investment_completion_rate investment_share
    value_raw: str  # the value as printed (1872.2亿元, 231个, 105%)
    value_num: float | None
    unit: str  # 个 项 亿元 万元 % … as printed
    value_yi: float | None  # money in 亿元 (万元 / 10000); None for counts and rates
    source_line: int
    parent_scope: str | None = None  # for a part of a set (其中 / 按投资主体分): the set it is part of
    stage: str | None = None  # for a count split by stage (竣工8个): started ongoing completed preparatory
    measure_raw: str | None = None  # the measure words as printed (年度计划投资, 完成投资, 占比); None for counts
