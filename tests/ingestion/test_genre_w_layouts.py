"""Layout classes first met in genre batch w, each read from a small invented fixture of its own."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.document import Document
from ingestion.tables import read_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _table_values(path: Path):
    return read_tables(Document.from_text(path.read_text(encoding="utf-8")))


def test_a_table_on_its_side_with_a_year_corner_reads_its_columns_as_indicators():
    """`tables/transposed_year_rows.md`: a pipe table whose corner says `年份` (the rows are the years and
    measures: `2030年目标`, `2030年完成`, `是否完成`, `2031年目标`) and whose header row holds the indicators with
    their units in parentheses. Each indicator gets its 2030 target and actual (with the 是/否 of its column) and
    its 2031 target, each value on its own line."""
    path = FIXTURES / "tables" / "transposed_year_rows.md"
    values, parts = _table_values(path)
    got = sorted((v.period_year, v.measure, v.indicator_name, v.unit, v.value_raw, v.comparator, v.achieved_raw)
                 for v in values)
    assert got == sorted([
        (2030, "target", "城乡居民储蓄存款增速", "%", "9左右", "approx", None),
        (2030, "actual", "城乡居民储蓄存款增速", "%", "9.4", "eq", "是"),
        (2031, "target", "城乡居民储蓄存款增速", "%", "8.5", "eq", None),
        (2030, "target", "新增市场主体", "万户", "1.2", "eq", None),
        (2030, "actual", "新增市场主体", "万户", "1.05", "eq", "否"),
        (2031, "target", "新增市场主体", "万户", "1.3以上", "ge", None),
        (2030, "target", "森林覆盖率", "%", "≥46", "ge", None),
        (2030, "actual", "森林覆盖率", "%", "46.3", "eq", "是"),
        (2031, "target", "森林覆盖率", "%", "46.5-47", "ge", None),
        (2031, "target", "森林覆盖率", "%", "46.5-47", "le", None),
    ])
    lines = path.read_text(encoding="utf-8").split("\n")
    assert all(v.value_raw in lines[v.source_line - 1] for v in values)
    assert [(p.kind, p.facts_read) for p in parts] == [("indicator_table", 10)]


def test_a_note_calling_every_indicator_expected_gives_each_row_that_attribute():
    """`注：表中指标均为预期性指标` under a table (no 属性 column, no marks): every row is 预期性, not unknown."""
    text = "\n".join([
        "关于石门区2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告",
        "表1　石门区主要指标",
        "序号\t指标\t单位\t2030年目标\t2030年完成",
        "1\t园区营业收入增速\t%\t12\t12.6",
        "2\t新增就业人数\t万人\t0.8\t0.86",
        "注：表中指标均为预期性指标。",
        "",
        "二、2031年主要目标",
    ])
    values, _ = read_tables(Document.from_text(text))
    assert len(values) == 4
    assert {v.attribute for v in values} == {"预期性"}


def test_a_typed_table_whose_rows_mix_tab_and_full_width_separators_is_read_row_by_row():
    """`tables/mixed_separators_gb18030.txt` (GB18030, CRLF): one row separates its cells with two full-width
    spaces, the next with TABs, others with `' \\t'`, `'\\t　'` or a full-width space after 序号 and TABs after; an
    empty unit is two adjacent TABs, a sub-row's empty 序号 a leading TAB. Every row gives its target and actual
    with its verdict, its group and its unit; the note naming rows 5 and 6 by number makes them 约束性 and the
    rest 预期性."""
    from ingestion.process import process_report

    path = FIXTURES / "tables" / "mixed_separators_gb18030.txt"
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    values = [v for v in processed.extraction.indicators if v.source == "table"]
    got = sorted(((v.seq, v.category, v.parent_name, v.indicator_name, v.unit, v.measure, v.value_raw,
                   v.achieved_raw, v.attribute) for v in values), key=repr)
    e, b = "预期性", "约束性"
    assert got == sorted([
        ("1", "一、经济运行", None, "园区规上企业营收增速", "%", "target", "9左右", None, e),
        ("1", "一、经济运行", None, "园区规上企业营收增速", "%", "actual", "9.3", "是", e),
        ("2", "一、经济运行", None, "港口集装箱吞吐量", "万标箱", "target", "40", None, e),
        ("2", "一、经济运行", None, "港口集装箱吞吐量", "万标箱", "actual", "38.5", "否", e),
        (None, "一、经济运行", "港口集装箱吞吐量", "外贸集装箱", "万标箱", "target", "12", None, e),
        (None, "一、经济运行", "港口集装箱吞吐量", "外贸集装箱", "万标箱", "actual", "12.4", "是", e),
        ("3", "一、经济运行", None, "民间投资增速", "%", "target", "≥5", None, e),
        ("3", "一、经济运行", None, "民间投资增速", "%", "actual", "5.6", "是", e),
        ("4", "二、资源环境", None, "城市生活垃圾回收利用率", "%", "target", "35", None, e),
        ("4", "二、资源环境", None, "城市生活垃圾回收利用率", "%", "actual", "36.2", "是", e),
        ("5", "二、资源环境", None, "近岸海域水质", None, "target", "稳中向好", None, b),
        ("5", "二、资源环境", None, "近岸海域水质", None, "actual", "稳中向好", "是", b),
        ("6", "二、资源环境", None, "单位产值水耗降低", "%", "target", "3", None, b),
        ("6", "二、资源环境", None, "单位产值水耗降低", "%", "actual", "3.4", "是", b),
    ], key=repr)
    lines = processed.text.split("\n")
    assert all(v.value_raw in lines[v.source_line - 1] for v in values)


def test_a_tab_table_with_one_letter_spaced_label_stays_a_tab_table():
    """A TAB table whose header spreads a label with full-width spaces (`序　号`) is no mixed table: the label is
    one cell and the rows read as before."""
    from ingestion.blocks.mixed import split_mixed

    assert split_mixed("序\u3000\u3000号\t指\u3000标\t单位") == (["序号", "指标", "单位"], "tab")
    assert split_mixed("\u3000\u3000一、经济发展") is None


def test_nested_bullets_read_category_then_stage_then_names():
    """`projects/nested_bullets_three_levels.md`: `- **category**` over `  - stage` over `    - name（总投资X亿元）`.
    The first-level bullets are the categories of the names nested under them (never projects themselves), the
    second-level ones their stages; the investment note is no part of a name, a phase in brackets is."""
    from ingestion.projects import read_projects

    path = FIXTURES / "projects" / "nested_bullets_three_levels.md"
    items, _ = read_projects(Document.from_text(path.read_text(encoding="utf-8")))
    assert [(it.category, it.stage_raw, it.stage, it.project_name) for it in items] == [
        ("智能装备产业", "新开工", "started", "青川区精密轴承产业园"),
        ("智能装备产业", "新开工", "started", "白石镇数控机床基地（一期）"),
        ("智能装备产业", "续建", "ongoing", "青川区工业机器人中试平台"),
        ("文旅康养", "续建", "ongoing", "云岭湖康养小镇"),
        ("文旅康养", "竣工", "completed", "青川古镇游客服务中心"),
    ]


def test_a_plan_without_lists_names_the_examples_of_each_counted_stage():
    """`projects/counted_stage_examples.txt`: no 专栏, so the task prose is read. `新开工项目12个，主要包括A、B、C等`
    gives A, B, C with the counted stage (`新开工项目` started, `续建项目` ongoing, `计划竣工项目` completed; 主要有 and
    包括 introduce names too, after a clause sizing them or a colon); `建成投用A敬老院、B卫生院` and `建成C变电站、D文化馆` name facilities;
    `加快城乡供水、供气、供热管网建设改造` lists kinds of works sharing one head noun, no project."""
    from ingestion.projects import read_projects

    path = FIXTURES / "projects" / "counted_stage_examples.txt"
    items, _ = read_projects(Document.from_text(path.read_text(encoding="utf-8")))
    assert [(it.list_title, it.stage_raw, it.stage, it.project_name) for it in items] == [
        ("prose:（一）扎实推进项目建设", "新开工项目", "started", "松岭县木材精深加工产业园（一期）"),
        ("prose:（一）扎实推进项目建设", "新开工项目", "started", "白桦镇冷链物流中心"),
        ("prose:（一）扎实推进项目建设", "新开工项目", "started", "青山乡风电项目"),
        ("prose:（一）扎实推进项目建设", "续建项目", "ongoing", "松岭县城区供水管网改造"),
        ("prose:（一）扎实推进项目建设", "续建项目", "ongoing", "北河湿地公园"),
        ("prose:（一）扎实推进项目建设", "计划竣工项目", "completed", "松岭县全民健身中心"),
        ("prose:（二）持续保障和改善民生", "建成投用", "completed", "白桦镇敬老院"),
        ("prose:（二）持续保障和改善民生", "建成投用", "completed", "青山乡卫生院"),
        ("prose:（二）持续保障和改善民生", "建成", "completed", "白桦镇110千伏变电站"),
        ("prose:（二）持续保障和改善民生", "建成", "completed", "青山乡文化馆"),
        ("prose:（三）加快城市更新", "新开工项目", "started", "石桥街道老旧小区改造"),
        ("prose:（三）加快城市更新", "新开工项目", "started", "南湖片区排水防涝工程"),
        ("prose:（三）加快城市更新", "续建项目", "ongoing", "东关街历史文化街区保护利用工程"),
        ("prose:（三）加快城市更新", "新开工亿元以上项目", "started", "北河片区综合管廊（一期）"),
    ]
    assert {it.period_year for it in items} == {2032}


def _prose(name: str):
    from ingestion.prose import extract_prose_indicators

    doc = Document.from_text((FIXTURES / "prose" / name).read_text(encoding="utf-8"))
    return extract_prose_indicators(doc)


def test_numbered_target_items_with_any_unit_are_all_targets():
    """`prose/numbered_items_county_2031.txt`: the targets are numbered items under `（二）主要预期目标`; an item
    whose figure is in 万亩 or 公里 is a target like one in % or 人, and the items after it are still read."""
    target = {(r.indicator_name, r.value_raw, r.comparator, r.unit)
              for r in _prose("numbered_items_county_2031.txt") if r.measure == "target"}
    assert target == {
        ("地区生产总值增速", "增长6%左右", "approx", "%"),
        ("油菜籽播种面积", "18万亩以上", "ge", "万亩"),
        ("新改建农村公路", "85公里", "eq", "公里"),
        ("单位地区生产总值能耗降低", "完成省、市下达任务", "qualitative", None),
    }


def test_review_leads_are_no_figures_and_a_parallel_balance_keeps_its_owner():
    """Same fixture, its review: `二是投资消费稳中有升。` heads the figures after it (no row of its own), and
    `金融机构各项存款余额…、各项贷款余额…` are both the institutions' balances (the shared owner distributed)."""
    actual = {(r.indicator_name, r.value_raw) for r in _prose("numbered_items_county_2031.txt")
              if r.measure == "actual"}
    assert actual == {
        ("地区生产总值", "86.4亿元"), ("地区生产总值增速", "增长5.1%"),
        ("全社会固定资产投资增速", "增长7.2%"), ("社会消费品零售总额", "21.3亿元"),
        ("社会消费品零售总额增速", "增长3.4%"), ("地方一般公共预算收入", "4.12亿元"),
        ("地方一般公共预算收入增速", "增长6.0%"), ("金融机构各项存款余额", "142.6亿元"),
        ("金融机构各项贷款余额", "97.8亿元"),
    }


def test_a_table_on_its_side_with_a_blank_corner_is_turned_back_too():
    """The same layout with nothing in the corner cell: the measure labels down the first column and the names
    along the first row still say which way the table is printed."""
    text = "\n".join([
        "# 关于青禾区2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告",
        "**表1　青禾区主要指标**",
        "",
        "|  | 城乡居民储蓄存款增速（%） | 新增市场主体（万户） |",
        "|---|---|---|",
        "| 2030年目标 | 9左右 | 1.2 |",
        "| 2030年完成 | 9.4 | 1.05 |",
        "| 2031年目标 | 8.5 | 1.3以上 |",
        "",
        "## 二、2031年主要目标",
    ])
    values, _ = read_tables(Document.from_text(text))
    assert sorted((v.period_year, v.measure, v.indicator_name, v.unit, v.value_raw) for v in values) == sorted([
        (2030, "target", "城乡居民储蓄存款增速", "%", "9左右"), (2030, "actual", "城乡居民储蓄存款增速", "%", "9.4"),
        (2031, "target", "城乡居民储蓄存款增速", "%", "8.5"), (2030, "target", "新增市场主体", "万户", "1.2"),
        (2030, "actual", "新增市场主体", "万户", "1.05"), (2031, "target", "新增市场主体", "万户", "1.3以上"),
    ])


@pytest.mark.parametrize("note", ["注：第2项至第3项为约束性指标，其余为预期性指标。",
                                  "注：第2—3项为约束性指标，其余为预期性指标。",
                                  "注：序号为2、3的指标为约束性指标，其余为预期性指标。"])
def test_a_note_naming_binding_rows_by_number_marks_those_rows(note):
    text = "\n".join([
        "关于石门区2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告",
        "表1　石门区主要指标",
        "序号\t指标\t单位\t2031年目标",
        "1\t园区营业收入增速\t%\t12",
        "2\t单位产值水耗降低\t%\t3",
        "3\t森林覆盖率\t%\t40",
        "4\t新增就业人数\t万人\t0.8",
        note,
        "",
        "二、2031年重点工作",
    ])
    values, _ = read_tables(Document.from_text(text))
    assert {v.indicator_name: v.attribute for v in values} == {
        "园区营业收入增速": "预期性", "单位产值水耗降低": "约束性", "森林覆盖率": "约束性", "新增就业人数": "预期性"}


_NESTED_WORD_LIST = [
    ("智能装备产业", "List Bullet"), ("新开工", "List Bullet 2"),
    ("青川区精密轴承产业园（总投资21亿元）", "List Bullet 3"), ("白石镇数控机床基地（一期）", "List Bullet 3"),
    ("续建", "List Bullet 2"), ("青川区工业机器人中试平台", "List Bullet 3"),
    ("文旅康养", "List Bullet"), ("竣工", "List Bullet 2"), ("青川古镇游客服务中心", "List Bullet 3"),
]


def test_a_word_list_nested_by_bullet_levels_reads_kinds_over_bare_stage_lines():
    """The nested-bullet list as Word prints it (List Bullet 1–3): the bullets are not text, so the list reads as
    bare lines, a kind (`智能装备产业`) right above a bare stage line (`新开工`) above the names. The kind is the
    category of the stage groups under it, never a project."""
    import io

    import docx

    from ingestion.process import process_report

    d = docx.Document()
    d.add_paragraph("关于青川区2031年国民经济和社会发展计划执行情况与2032年国民经济和社会发展计划草案的报告")
    d.add_paragraph("四、2032年重点工作")
    d.add_paragraph("专栏1：2032年重点项目")
    for text, style in _NESTED_WORD_LIST:
        d.add_paragraph(text, style=style)
    d.add_paragraph("各位代表，让我们共同努力。")
    buf = io.BytesIO()
    d.save(buf)
    processed = process_report("nested_list.docx", buf.getvalue())
    assert processed.ok, processed.error
    assert [(it.category, it.stage, it.project_name) for it in processed.extraction.projects] == [
        ("智能装备产业", "started", "青川区精密轴承产业园"),
        ("智能装备产业", "started", "白石镇数控机床基地（一期）"),
        ("智能装备产业", "ongoing", "青川区工业机器人中试平台"),
        ("文旅康养", "completed", "青川古镇游客服务中心"),
    ]


def test_names_above_the_next_stage_line_stay_names_when_the_list_opens_with_a_stage():
    """`新开工` / `A小区改造` / `续建` / …: a list that opens with a stage line has no kinds over its stages; a name
    right above the next stage line (even one without a head noun) is a project."""
    from ingestion.projects import read_projects

    text = "\n".join([
        "关于青川区2031年国民经济和社会发展计划执行情况与2032年国民经济和社会发展计划草案的报告",
        "四、2032年重点工作", "专栏1：2032年重点项目", "新开工", "青川区精密轴承产业园", "云岭社区综合整治提升",
        "续建", "青川区工业机器人中试平台", "", "各位代表，让我们共同努力。",
    ])
    items, _ = read_projects(Document.from_text(text))
    assert [(it.category, it.stage, it.project_name) for it in items] == [
        (None, "started", "青川区精密轴承产业园"), (None, "started", "云岭社区综合整治提升"),
        (None, "ongoing", "青川区工业机器人中试平台"),
    ]


@pytest.mark.parametrize("container", ["txt", "docx"])
def test_a_table_on_its_side_with_unit_and_attribute_rows_gives_each_indicator_its_own(container):
    """Rows `单位` and `指标属性` under the names of a table printed on its side: each column's unit and attribute
    go with its values, as a 单位 / 属性 column does in a table printed upright."""
    from ingestion.process import process_report
    from tests.format_writers import write_docx

    rows = [["指标", "城乡居民储蓄存款增速", "新增市场主体"], ["单位", "%", "万户"], ["2030年目标", "9左右", "1.2"],
            ["2030年完成", "9.4", "1.05"], ["完成情况", "完成", "未完成"], ["2031年目标", "8.5", "1.3以上"],
            ["指标属性", "预期性", "约束性"]]
    table = "\n\n".join("\n".join("\t" + c for c in r) for r in rows)
    text = ("关于青禾区2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告\n一、2030年计划执行情况\n"
            f"表1　青禾区主要指标\n{table}\n\n\n二、2031年主要目标\n各部门要抓好落实。\n")
    data = write_docx(text) if container == "docx" else text.encode("utf-8")
    processed = process_report(f"side.{container}", data)
    assert processed.ok, processed.error
    got = sorted((v.period_year, v.measure, v.indicator_name, v.unit, v.value_raw, v.achieved_raw, v.attribute)
                 for v in processed.extraction.indicators if v.source == "table")
    e, b = "预期性", "约束性"
    assert got == sorted([
        (2030, "target", "城乡居民储蓄存款增速", "%", "9左右", None, e),
        (2030, "actual", "城乡居民储蓄存款增速", "%", "9.4", "是", e),
        (2031, "target", "城乡居民储蓄存款增速", "%", "8.5", None, e),
        (2030, "target", "新增市场主体", "万户", "1.2", None, b),
        (2030, "actual", "新增市场主体", "万户", "1.05", "否", b),
        (2031, "target", "新增市场主体", "万户", "1.3以上", None, b),
    ])


def test_a_bullet_of_details_under_a_project_is_neither_a_name_nor_the_end_of_the_list():
    """`- A产业园` over `  - 总投资21亿元，建设…。`: the deeper bullet describes the project above it; the list goes on
    to the next project and the details give no names (and no category: a name with a head noun heads no group)."""
    from ingestion.projects import read_projects

    text = "\n".join([
        "# 关于青川区2031年国民经济和社会发展计划执行情况与2032年国民经济和社会发展计划草案的报告",
        "## 四、2032年重点工作", "#### 专栏1：2032年重点项目", "",
        "- 青川区精密轴承产业园", "  - 总投资21亿元，建设精密轴承生产线。",
        "- 白石镇数控机床基地", "  - 建设内容：数控机床生产基地，总投资9.5亿元。", "",
        "各位代表，让我们共同努力。",
    ])
    items, _ = read_projects(Document.from_text(text))
    assert [(it.category, it.project_name) for it in items] == [
        (None, "青川区精密轴承产业园"), (None, "白石镇数控机床基地")]


def test_a_parallel_growth_figure_takes_the_owner_too_and_another_subject_keeps_its_name():
    """`金融机构各项存款余额增长8.1%、各项贷款余额增长9.2%` gives both balances' growth to the institutions;
    `规模以上工业增加值增长6%、工业投资增长7%` names two subjects (not parallel: no shared owner)."""
    from ingestion.prose import extract_prose_indicators

    text = "\n".join([
        "关于石泉县2031年国民经济和社会发展计划执行情况与2032年国民经济和社会发展计划草案的报告",
        "一、2031年国民经济和社会发展计划执行情况",
        "全县金融机构各项存款余额增长8.1%、各项贷款余额增长9.2%；规模以上工业增加值增长6%、工业投资增长7%。",
        "二、2032年主要预期目标",
    ])
    got = {(r.indicator_name, r.value_raw) for r in extract_prose_indicators(Document.from_text(text))}
    assert got == {("金融机构各项存款余额增速", "增长8.1%"), ("金融机构各项贷款余额增速", "增长9.2%"),
                   ("规模以上工业增加值增速", "增长6%"), ("工业投资增速", "增长7%")}
