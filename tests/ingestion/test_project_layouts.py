"""Project list layouts beyond the samples, one fixture per class (tests/fixtures/projects/, invented names).

Each test reads a small report of the genre and checks the records a user gets (names, stages, categories)
and the parts recorded for it (`PartSeen`): a list the readers half understand must say so, never go silent.
Where the class is about the container (a boxed one-cell Word table, a ruled PDF table) the same fixture is
also written as that container and read through `process_report`, as the loader reads it.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingestion.document import Document
from ingestion.process import process_report
from ingestion.projects import read_projects
from tests.format_writers import write_docx, write_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "projects"


def read(name: str):
    return read_projects(Document.from_text((FIXTURES / name).read_text(encoding="utf-8")))


def stages(items):
    return {it.project_name: it.stage for it in items}


def project_parts(parts):
    return [p for p in parts if p.kind in ("project_list", "project_table")]


def test_attachment_list_with_counted_stage_headings_and_numbered_lines():
    items, parts = read("attachment_numbered_list.txt")
    assert stages(items) == {
        "青岚县云杉港区综合码头二期工程": "started",
        "青岚县白鹭湖冷链物流中心项目": "started",
        "石门镇至枫桥镇沿河旅游公路": "started",
        "青岚县城区雨污分流改造工程（一期）": "ongoing",
        "青岚县第三中学迁建项目": "ongoing",
        "青岚县图书馆新馆": "completed",
        "枫桥镇集镇供水工程": "completed",
    }
    assert {it.list_title for it in items} == {"2024年重点项目安排"}  # the title line under `附件`, not `附件`
    assert {it.stage_raw for it in items} == {"计划新开工项目", "续建项目", "计划竣工项目"}
    assert {it.period_year for it in items} == {2024}
    (part,) = project_parts(parts)
    assert (part.kind, part.title, part.facts_read) == ("project_list", "2024年重点项目安排", 7)
    # the third heading prints 3 projects and lists 2: a warning, the other two groups agree with their counts
    assert part.problem is not None and "（三）计划竣工项目（3个）" in part.problem
    assert "（一）" not in part.problem and "（二）" not in part.problem


def test_box_paragraphs_with_compound_stage_labels_and_category_lines():
    items, parts = read("box_stage_paragraphs.txt")
    got = {it.project_name: (it.stage, it.stage_raw, it.category) for it in items}
    assert got["东关口袋公园群"] == ("completed", "建成投用项目", None)
    assert got["云溪再生水厂扩建"] == ("preparatory", "前期推进项目", None)
    assert got["北塘交通枢纽改造"] == ("preparatory", "前期工作项目", None)  # not `前期工作项目：北塘…` as one name
    assert got["南湖棚户区改造安置房（二期）"] == ("ongoing", "续建项目", None)
    assert got["云溪实验小学新校区"] == ("started", "新开工项目", "教育设施")
    assert got["云溪区疾病预防控制中心迁建"] == ("completed", "竣工项目", "医疗卫生")
    assert not {"教育设施", "医疗卫生"} & set(got)  # a category line is never a project
    assert len(items) == 12
    assert [p.facts_read for p in project_parts(parts)] == [7, 5]
    assert all(p.problem is None for p in parts)


def test_box_as_one_cell_word_table_reads_the_same():
    text = (FIXTURES / "box_stage_paragraphs.txt").read_text(encoding="utf-8")
    processed = process_report("box_stage_paragraphs.docx", write_docx(text))
    assert processed.ok, processed.error
    assert stages(processed.extraction.projects) == stages(read("box_stage_paragraphs.txt")[0])
    assert [p.title for p in project_parts(processed.extraction.parts)] == [
        "专栏一城市更新重点项目", "专栏二公共服务设施重点项目"]


def test_two_column_category_table_with_names_joined_in_one_cell():
    items, parts = read("two_column_table.txt")
    got = {it.project_name: (it.stage, it.category) for it in items}
    assert got == {
        "梧桐经开区硅基负极材料项目": ("planned", "新材料"),
        "年产3万吨电子化学品项目": ("planned", "新材料"),
        "高纯石英砂提纯项目": ("planned", "新材料"),
        "青梅现代农业园区提档升级": ("planned", "现代农业"),
        "柳河灌区续建配套与节水改造": ("planned", "现代农业"),  # 续建 inside a name is not a stage
        "2024年度高标准农田建设项目": ("planned", "现代农业"),
        "梧桐镇数字农业示范基地": ("planned", "现代农业"),  # trailing 等 dropped
    }
    (part,) = project_parts(parts)
    assert (part.kind, part.title, part.facts_read, part.problem) == (
        "project_table", "专栏1：2024年工业和农业重点项目", 7, None)


@pytest.mark.parametrize("container,writer", [("pdf", write_pdf), ("docx", write_docx)])
def test_two_column_table_in_a_ruled_container(container, writer):
    text = (FIXTURES / "two_column_table.txt").read_text(encoding="utf-8")
    processed = process_report(f"two_column_table.{container}", writer(text))
    assert processed.ok, processed.error
    got = {it.project_name: (it.stage, it.category) for it in processed.extraction.projects}
    assert got == {it.project_name: (it.stage, it.category) for it in read("two_column_table.txt")[0]}


def test_numbered_paragraphs_of_one_kind_each_without_a_box():
    items, parts = read("numbered_paragraphs.txt")
    got = {it.project_name: it.category for it in items}
    assert got == {
        "松原精密轴承产业园": "先进制造业项目",
        "柏林新能源电池包生产线": "先进制造业项目",
        "松原智能装备研发中心": "先进制造业项目",
        "松原东环快速路": "基础设施项目",
        "桦溪大桥": "基础设施项目",
        "北站综合交通枢纽": "基础设施项目",
        "松原区人民医院新院区": "社会民生项目",
        "松原第二实验小学": "社会民生项目",
    }
    assert {it.stage for it in items} == {"planned"}
    assert not any(it.list_title.startswith("prose:") for it in items)  # a list, not mined from prose
    (part,) = project_parts(parts)
    # `（20个）：…等。` lists examples (no warning); `（3个）` over two names is a mismatch
    assert part.problem is not None and "社会民生项目（3个）" in part.problem and "基础设施" not in part.problem


def test_bullets_and_bracketed_category_labels():
    items, _ = read("bullets_and_bracket_labels.txt")
    got = {it.project_name: (it.stage, it.category) for it in items}
    assert got == {
        "柏林湾数字产业园": ("started", None),
        "南湖路立体停车场": ("started", None),
        "柏林中央商务区总部基地": ("ongoing", None),
        "柏林区全民健身中心": ("completed", None),
        "柏林湖隧道": ("preparatory", None),  # `1) ` numbering, Markdown style
        "柏林东路打通工程": ("planned", "交通类"),
        "环湖慢行绿道": ("planned", "交通类"),
        "柏溪河综合治理工程": ("planned", "生态类"),
        "南山郊野公园": ("planned", "生态类"),
        "柏林区第三人民医院": ("planned", "民生类"),  # `◆民生类` on its own line is a category, not a project
        "柏林实验中学": ("planned", "民生类"),
    }


def test_project_table_stage_column_and_counted_category_rows():
    items, parts = read("project_table_with_nature.txt")
    got = {it.project_name: (it.stage, it.category) for it in items}
    assert got == {
        "桦川智能制造产业园": ("started", "产业项目"),
        "桦川光伏组件生产线": ("ongoing", "产业项目"),
        "桦川区中医院迁建工程": ("completed", "民生项目"),
        "桦川第二实验学校": ("preparatory", "民生项目"),
        "桦川区养老服务中心": ("preparatory", "民生项目"),  # 预备
    }
    (part,) = project_parts(parts)
    assert (part.kind, part.facts_read, part.problem) == ("project_table", 5, None)


def test_project_table_stage_cells_of_compound_completion_words():
    """`project_table_compound_completion_stages.txt`: a project table whose stage column (`推进阶段`) prints the
    completion as a compound, works finished and put to use (`建成投用`, `竣工投产`, `完工投产`): completed, like
    `竣工`; the other cells (`新开工`, `续建`, `前期`) keep their stages."""
    items, _ = read("project_table_compound_completion_stages.txt")
    assert [(it.project_name, it.stage_raw, it.stage) for it in items] == [
        ("枫桥高新区储能电池产业园", "新开工", "started"),
        ("枫桥至石门快速通道", "续建", "ongoing"),
        ("枫桥湾滨水公园", "建成投用", "completed"),
        ("枫桥精细化工园区技改项目", "竣工投产", "completed"),
        ("区第三人民医院", "完工投产", "completed"),
        ("枫桥物流港二期", "前期", "preparatory"),
    ]

def test_a_project_caption_in_a_layout_no_reader_knows_is_a_warning():
    items, parts = read("unknown_layout.txt")
    assert not [it for it in items if not it.list_title.startswith("prose:")]
    (part,) = project_parts(parts)
    assert part.title == "专栏2：2024年重点项目" and part.facts_read == 0 and part.problem


def test_parts_reach_the_extraction():
    text = (FIXTURES / "attachment_numbered_list.txt").read_text(encoding="utf-8")
    processed = process_report("attachment_numbered_list.txt", text.encode("utf-8"))
    parts = project_parts(processed.extraction.parts)
    assert [(p.title, p.facts_read) for p in parts] == [("2024年重点项目安排", 7)]
    assert parts[0].problem


def test_project_table_continued_after_a_break_without_its_header():
    items, parts = read("project_table_continued.txt")
    assert {it.project_name: it.stage for it in items} == stages(read("project_table_with_nature.txt")[0])
    (part,) = project_parts(parts)  # one table, not a second one or a lost continuation
    assert (part.title, part.facts_read, part.problem) == ("附表：2024年桦川区重点建设项目计划表", 5, None)


def test_markdown_report_boxes_bullets_and_pipe_tables():
    data = (FIXTURES / "markdown_report.md").read_bytes()
    processed = process_report("markdown_report.md", data)
    assert processed.ok, processed.error
    ex = processed.extraction
    assert ex.meta.district == "云溪区"  # not `#…`
    got = {it.project_name: (it.stage, it.category, it.list_title) for it in ex.projects}
    assert got == {
        "云溪路历史街区保护性修缮": ("started", None, "专栏1：2024年城市更新重点项目"),  # `**专栏1：…**` caption
        "北塘老旧小区综合整治": ("started", None, "专栏1：2024年城市更新重点项目"),
        "南湖棚户区改造安置房（二期）": ("ongoing", None, "专栏1：2024年城市更新重点项目"),
        "东关口袋公园群": ("completed", None, "专栏1：2024年城市更新重点项目"),
        "云溪智能制造产业园": ("started", "产业项目", "专栏2：2024年重点建设项目表"),
        "云溪光伏组件生产线": ("ongoing", "产业项目", "专栏2：2024年重点建设项目表"),
    }  # the indicator table in 专栏3 gives no names, and the list ends at the `## 三、` heading
    parts = [(p.kind, p.title, p.facts_read, p.problem) for p in project_parts(ex.parts)]
    assert parts == [("project_list", "专栏1：2024年城市更新重点项目", 4, None),
                     ("project_table", "专栏2：2024年重点建设项目表", 2, None)]


def test_stage_label_paragraphs_without_a_box_are_a_list():
    items, parts = read("unboxed_stage_paragraphs.txt")
    assert {it.project_name: (it.stage, it.stage_raw) for it in items} == {
        "桦川智能制造产业园": ("started", "新开工项目"),
        "桦川光伏组件生产线": ("started", "新开工项目"),
        "桦川区中医院迁建工程": ("ongoing", "续建项目"),
        "桦川第二实验学校": ("ongoing", "续建项目"),
    }
    assert {it.list_title for it in items} == {"（三）重点项目安排"}  # the section heading, not prose
    (part,) = project_parts(parts)
    assert (part.title, part.rows_seen, part.facts_read) == ("（三）重点项目安排", 2, 4)


# `stage_matrix_spaced.txt` is a text copy's layout (one row a line, cells spaced apart): in Word, HTML or PDF the
# same matrix is a real grid, which `stage_matrix_table.txt` covers in every container.
TEXT_FIXTURES = sorted(p.name for p in FIXTURES.glob("*.txt")
                       if p.name not in ("unknown_layout.txt", "stage_matrix_spaced.txt"))


@pytest.mark.parametrize("container", ["html", "docx", "pdf"])
@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_every_layout_reads_the_same_from_every_container(name, container):
    """Word, web page and PDF copies of a list give the records of its text copy (a PDF reader may run short
    lines together: a bullet or a category label glued to the line before it still splits)."""
    from tests.format_writers import write_html

    if container == "pdf" and name == "spaced_names_and_stage_notes.txt":
        pytest.skip("a PDF text layer turns the full-width gap between two names into one plain space")
    if container == "pdf" and name == "framed_box_bullets.txt":
        pytest.skip("a PDF draws a box with ruling lines, not box characters: the text-copy class only")
    if container == "pdf" and name == "pictograph_stage_lines_circled_items.txt":
        pytest.skip("the test PDF's font has no emoji glyphs: its text layer prints other characters in their place")
    writer = {"html": write_html, "docx": write_docx, "pdf": write_pdf}[container]
    text = (FIXTURES / name).read_text(encoding="utf-8")
    processed = process_report(f"{Path(name).stem}.{container}", writer(text))
    assert processed.ok, processed.error
    got = {(it.project_name, it.stage, it.category) for it in processed.extraction.projects}
    assert got == {(it.project_name, it.stage, it.category) for it in read(name)[0]}


def test_nested_groups_and_numbered_items_run_on_in_one_paragraph():
    items, parts = read("nested_groups_inline_numbers.txt")
    assert {it.project_name: (it.stage, it.category) for it in items} == {
        "枫林县锂电隔膜生产基地": ("started", "产业项目"),  # the number `1.` is not part of the name
        "枫林县农产品加工园二期": ("started", "产业项目"),  # nor `2.` in the middle of the paragraph
        "枫林县光伏储能一体化项目": ("ongoing", "产业项目"),
        "枫林县第二人民医院": ("completed", "民生项目"),
        "枫林县城南小学": ("completed", "民生项目"),
    }
    (part,) = project_parts(parts)
    # `一、产业项目（3个）` counts the names of its stage groups: every printed count agrees
    assert (part.title, part.facts_read, part.problem) == ("2024年县级重点项目清单", 5, None)


def test_attachment_project_table_under_a_bare_caption_and_a_unit_line():
    items, parts = read("attachment_project_table.txt")
    assert {it.project_name: it.stage for it in items} == {
        "桦川智能制造产业园": "started", "桦川光伏组件生产线": "ongoing", "桦川东站综合枢纽": "preparatory"}
    assert {it.list_title for it in items} == {"2024年桦川区重点项目计划表"}  # the title line, not `附件2`
    # one part: the table is not read a second time as a list of its cells
    assert [(p.kind, p.facts_read) for p in project_parts(parts)] == [("project_table", 3)]


def test_two_row_project_header_and_an_unread_project_grid_is_a_warning():
    items, parts = read("project_table_two_row_header.txt")
    assert {it.project_name: it.stage for it in items} == {"桦川智能制造产业园": "started", "桦川光伏组件生产线": "ongoing"}
    got = [(p.kind, p.title, p.facts_read, p.problem is None) for p in project_parts(parts)]
    # 表4 has a 项目名称 column but no column the reader can tell a project table by: reported, never silent
    assert got == [("project_table", "表3：2024年重点项目计划", 2, True), ("project_table", "表4：2024年重点项目名单", 0, False)]


def test_project_table_groups_numbered_in_the_seq_column():
    items, parts = read("project_table_seq_groups.txt")
    assert {it.project_name: (it.stage, it.category) for it in items} == {
        "松原精密轴承产业园": ("ongoing", "产业项目"),
        "松原新能源电池包生产线": ("ongoing", "产业项目"),
        "松原智能装备研发中心": ("preparatory", "产业项目"),  # 预备项目, under 一、产业项目
    }  # `一 | 产业项目（3项）` and `（一） | 续建项目（2项）` are groups, `合计` is no project
    (part,) = project_parts(parts)
    assert (part.facts_read, part.problem) == (3, None)


def test_numbered_stage_headings_closed_by_a_full_stop():
    items, parts = read("numbered_stage_headings_closed.txt")
    assert {it.project_name: it.stage for it in items} == {
        "松原精密轴承产业园": "started", "松原新能源电池包生产线": "started", "松原东站综合枢纽": "started",
        "松原区中医院迁建工程": "ongoing", "松原第二实验学校": "ongoing"}
    (part,) = project_parts(parts)
    assert (part.title, part.problem) == ("（三）重点项目安排", None)  # `（3个）…等。` is open, `（2个）` agrees


def test_a_box_laid_out_as_seq_and_project_name_columns():
    items, parts = read("seq_and_name_table.txt")
    assert [it.project_name for it in items] == ["枫林县城南幼儿园", "枫林县老年养护院", "枫林县城区公共停车场"]
    assert {it.stage for it in items} == {"planned"}
    assert [(p.kind, p.facts_read, p.problem) for p in project_parts(parts)] == [("project_table", 3, None)]


def test_an_indicator_table_whose_rows_are_headed_xiangmu_mingcheng_gives_no_projects():
    text = ("关于枫林县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n二、2024年主要目标\n"
            "表2：2024年主要指标\n\t项目名称\n\t单位\n\t2024年目标\n\n\t地区生产总值增速\n\t%\n\t6\n\n"
            "\t城镇新增就业\n\t人\n\t5000\n\n\n三、保障措施\n加强组织领导。\n")
    items, parts = read_projects(Document.from_text(text))
    assert not [it for it in items if not it.list_title.startswith("prose:")] and not project_parts(parts)


def test_a_project_list_referred_to_but_missing_is_a_warning():
    text = (FIXTURES / "attachment_numbered_list.txt").read_text(encoding="utf-8")
    truncated = text[: text.index("附件\n")]  # the copy lost its attachment
    items, parts = read_projects(Document.from_text(truncated))
    (part,) = project_parts(parts)
    assert part.facts_read == 0 and "附件" in part.problem
    items, parts = read("attachment_numbered_list.txt")  # with the attachment: no such warning
    assert all("refers to" not in (p.problem or "") for p in parts)


@pytest.mark.parametrize("title, stage", [
    ("专栏3：2024年预备项目", "preparatory"),
    ("专栏3：2024年储备项目", "preparatory"),
    ("专栏3：2024年竣工投产项目", "completed"),
    ("专栏3：2024年计划开工项目", "started"),
    ("专栏3：2024年重点项目", "planned"),
])
def test_a_stage_printed_in_the_list_title_applies_to_its_items(title, stage):
    text = (f"关于枫林县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n二、2024年重点工作\n"
            f"{title}\n枫林县城南幼儿园、枫林县老年养护院。\n三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert [(it.project_name, it.stage) for it in items] == [("枫林县城南幼儿园", stage), ("枫林县老年养护院", stage)]


def test_two_column_table_of_stage_and_names():
    items, parts = read("stage_and_names_table.txt")
    assert {it.project_name: it.stage for it in items} == {
        "枫林县锂电隔膜生产基地": "started", "枫林县农产品加工园二期": "started",
        "枫林县光伏储能一体化项目": "ongoing", "枫林县第二人民医院": "ongoing", "枫林县城南小学": "preparatory"}
    assert [(p.kind, p.facts_read, p.problem) for p in project_parts(parts)] == [("project_table", 5, None)]


def test_names_spaced_apart_numbered_name_cells_and_notes_in_stage_cells():
    items, _ = read("spaced_names_and_stage_notes.txt")
    assert {it.project_name: (it.stage, it.stage_raw) for it in items} == {
        "枫林县城南幼儿园": ("started", "新开工项目"),  # a full-width space between two names
        "枫林县老年养护院": ("started", "新开工项目"),
        "枫林县第二人民医院": ("ongoing", "续建项目"),
        "枫林县城区公共停车场": ("ongoing", "续建项目"),
        "枫林县锂电隔膜生产基地": ("ongoing", "续建（2025年竣工）"),  # the bracket notes the plan, 续建 is the stage
        "枫林县农产品加工园二期": ("started", "新建（当年开工）"),  # `2.` in the cell is no part of the name
    }


def test_names_two_spaces_apart_in_a_text_copy():
    text = ("关于枫林县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n二、2024年重点工作\n"
            "专栏1：2024年重点项目\n续建项目：枫林县第二人民医院  枫林县城区公共停车场\n三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert [it.project_name for it in items] == ["枫林县第二人民医院", "枫林县城区公共停车场"]


@pytest.mark.parametrize("under", ["2024年城市建设重点项目\n", ""])
def test_a_bare_box_caption_takes_the_title_line_under_it(under):
    text = ("关于枫林县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n二、2024年重点工作\n"
            f"专栏3\n{under}新开工项目：枫林县城南幼儿园、枫林县老年养护院\n三、保障措施\n加强组织领导。\n")
    items, parts = read_projects(Document.from_text(text))
    assert [(it.project_name, it.stage) for it in items] == [("枫林县城南幼儿园", "started"), ("枫林县老年养护院", "started")]
    assert {it.list_title for it in items} == {under.strip() or "专栏3"}


def test_a_numbered_item_whose_name_opens_with_a_year():
    text = ("关于枫林县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n二、2024年重点工作\n"
            "专栏1：2024年城市更新项目\n（一）新开工项目（2个）\n1.2024年度老旧小区改造；\n2.1.5万吨污水处理扩容工程。\n"
            "三、保障措施\n加强组织领导。\n")
    items, parts = read_projects(Document.from_text(text))
    assert [it.project_name for it in items] == ["2024年度老旧小区改造", "1.5万吨污水处理扩容工程"]
    assert project_parts(parts)[0].problem is None


def test_a_category_column_that_holds_stage_labels():
    items, _ = read("category_column_stage_labels.txt")
    assert {it.project_name: (it.stage, it.stage_raw, it.category) for it in items} == {
        "枫林县锂电隔膜生产基地": ("started", "开工重点项目", None),
        "枫林县农产品加工园二期": ("started", "开工重点项目", None),
        "枫林县第二人民医院": ("completed", "建成投用项目", None),
        "枫林县城南小学": ("preparatory", "前期推进项目", None),
        "枫林湖隧道": ("preparatory", "前期推进项目", None),
    }  # a stage label in the 类别 column is the stage, never a category


def test_a_category_table_whose_name_cells_are_stage_sentences():
    items, _ = read("category_table_with_stage_sentences.txt")
    assert {it.project_name: (it.stage, it.category) for it in items} == {
        "枫林硅基负极材料": ("started", "新材料产业"),  # `新开工A、B等项目。` read like a list line
        "枫林电子化学品": ("started", "新材料产业"),
        "枫林石英砂提纯项目": ("ongoing", "新材料产业"),
        "枫林精密轴承": ("started", "装备制造产业"),  # `新开工项目：A；竣工项目：B`
        "枫林智能装备研发中心": ("completed", "装备制造产业"),
    }


def test_a_stage_printed_in_brackets_after_each_name():
    text = ("关于枫林县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n二、2024年重点工作\n"
            "附件\n2024年重点项目安排\n1.枫林县城南小学（新开工）；\n2.枫林县第二人民医院（续建）；\n3.枫林湖隧道（前期）；\n"
            "4.枫林县体育中心（二期）。\n")
    items, _ = read_projects(Document.from_text(text))
    assert [(it.project_name, it.stage, it.stage_raw) for it in items] == [
        ("枫林县城南小学", "started", "新开工"), ("枫林县第二人民医院", "ongoing", "续建"), ("枫林湖隧道", "preparatory", "前期"),
        ("枫林县体育中心（二期）", "planned", None)]  # a phase in brackets stays in the name


FRAMED_BOX_NAMES = {
    "栖川湾跨海大桥": "交通基础设施",
    "栖川港区疏港铁路（一期）": "交通基础设施",  # the wrapped `（一期）` line is part of the bullet above
    "鹭洲至栖川快速通道": "交通基础设施",
    "栖川市妇幼保健院迁建": "社会民生",
    "栖川市社会福利中心": "社会民生",
    "栖川第二实验学校": "社会民生",  # the last bullet of a group, right above the box's bottom edge
    "栖川新能源电池产业园": "产业发展类",
    "栖川智能制造基地": "产业发展类",  # the bullet right above the next category line
    "栖川数据中心二期": "基础设施类",
    "栖川老城片区有机更新": "城市更新",  # a short line without a bullet over bullets is their category
}


def test_boxes_drawn_with_box_characters_bullets_under_counted_sub_headings():
    items, parts = read("framed_box_bullets.txt")
    assert {it.project_name: it.category for it in items} == FRAMED_BOX_NAMES
    assert {it.stage for it in items} == {"planned"}
    assert {it.list_title for it in items} == {"专栏12024年市重点建设项目", "专栏22024年重大产业项目"}
    # the page number between the boxes is no project, the prose around them is not mined
    assert not any(it.project_name.strip("—- ").isdigit() for it in items)
    lists = project_parts(parts)
    assert [(p.facts_read, p.problem) for p in lists] == [(6, None), (4, None)]  # `（3项）` counts agree


def test_a_gbk_text_copy_of_framed_boxes_reads_the_same():
    text = (FIXTURES / "framed_box_bullets.txt").read_text(encoding="utf-8")
    # GBK has no `▪`: a GBK copy is saved as GB18030 (its superset), which the text reader decodes the same way
    processed = process_report("framed_box_bullets.txt", text.encode("gb18030"))
    assert processed.ok, processed.error
    assert {it.project_name: it.category for it in processed.extraction.projects} == FRAMED_BOX_NAMES


UNREADABLE_BOX = """关于桐溪县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告
一、2023年国民经济和社会发展计划执行情况
全县地区生产总值增长5.0%。
二、2024年主要任务
（一）扩大有效投资。新开工桐溪大桥、桐溪中学等项目，加快建设桐溪港区二期。
专栏1：2024年县重点项目
注：项目清单另行印发。
（二）保障和改善民生。新建桐溪公园。
三、保障措施
加强组织领导。
"""


def test_a_report_with_a_project_box_that_cannot_be_read_is_never_mined_for_prose():
    items, parts = read_projects(Document.from_text(UNREADABLE_BOX))
    assert items == []  # not 桐溪大桥, 桐溪中学… from the task prose
    (part,) = project_parts(parts)
    assert part.title == "专栏1：2024年县重点项目" and part.problem is not None


def test_labels_of_works_under_way_are_ongoing():
    items, _ = read("ongoing_stage_labels.txt")
    assert {it.project_name: (it.stage, it.stage_raw, it.category) for it in items} == {
        "桐溪大桥": ("started", "开工建设", None),
        "桐溪第三中学": ("started", "开工建设", None),
        "桐溪港区二期码头": ("ongoing", "加快建设", None),  # a stage label, not a category `加快建设`
        "桐溪县人民医院新院": ("ongoing", "加快建设", None),
        "桐溪至云岭快速通道": ("ongoing", "加快推进", None),
        "桐溪污水处理厂提标改造工程": ("ongoing", "推进建设", None),
        "桐溪湿地公园": ("ongoing", "续建推进", None),
        "桐溪县图书馆新馆": ("completed", "建成投用", None),
    }


def test_a_stage_matrix_gives_the_stage_from_its_column_and_the_category_from_its_row():
    items, parts = read("stage_matrix_table.txt")
    assert {it.project_name: (it.stage, it.stage_raw, it.category) for it in items} == {
        "栖川东站综合枢纽": ("started", "新开工项目", "交通"),
        "环湾快速路三期": ("started", "新开工项目", "交通"),
        "栖川港区疏港铁路": ("ongoing", "续建项目", "交通"),
        "鹭洲大桥": ("completed", "竣工项目", "交通"),
        "栖川新能源电池产业园": ("started", "新开工项目", "产业"),
        "栖川智能制造基地（二期）": ("ongoing", "续建项目", "产业"),
        "栖川数据中心": ("ongoing", "续建项目", "产业"),  # the dash in the 竣工 cell is no project
        "栖川第二实验学校": ("started", "新开工项目", "社会民生"),
        "栖川市妇幼保健院迁建": ("ongoing", "续建项目", "社会民生"),
        "栖川市社会福利中心": ("completed", "竣工项目", "社会民生"),
        "鹭洲体育馆": ("completed", "竣工项目", "社会民生"),
    }  # and nothing from the prose (`栖川高新区`, `环湾铁路`): the report has a project table
    (part,) = project_parts(parts)
    assert (part.kind, part.title, part.facts_read, part.problem) == (
        "project_table", "表32024年市重点项目安排表", 11, None)


def test_bracketed_stage_labels_over_bullets_keep_every_last_bullet_and_wrapped_phases():
    items, _ = read("bracket_stage_labels_bullets.txt")
    assert {it.project_name: it.stage for it in items} == {
        "云岭智能装备产业园二期": "started",
        "云岭区中心血站迁建": "started",  # the bullet right above a blank line and the next `【…项目】` label
        "云岭老城历史街区更新（一期）": "ongoing",  # `  （一期）` wraps the bullet above, it is no project
        "云岭区体育中心改造提升": "ongoing",
        "云岭新材料产业园标准厂房": "completed",
        "云岭片区地下综合管廊": "completed",  # the page number under the list is no project
    }
    assert {it.category for it in items} == {None}  # a stage label is no category


def test_stage_and_category_tags_in_the_other_square_brackets():
    """`〔新开工〕`, `［续建］`, `〖竣工〗` are the genre's `【新开工】` in other brackets: the stage (or category) of
    the names after them, never part of a name; a document number `〔2026〕3号` above is no label."""
    items, parts = read("square_bracket_stage_tags.txt")
    assert {it.project_name: (it.stage, it.category) for it in items} == {
        "岚江县污水处理厂三期": ("started", None),
        "岚江县物流园": ("started", None),
        "岚江县人民医院新院区": ("ongoing", None),
        "岚江至青石公路": ("ongoing", None),
        "岚江县第三小学": ("completed", None),
        "岚江县城北棚户区改造": ("planned", "民生类"),
        "岚江县老年养护中心": ("planned", "民生类"),
    }
    (part,) = project_parts(parts)
    assert (part.facts_read, part.problem) == (7, None)


def test_a_stage_line_without_a_count_closes_the_counted_stage_group_above_it():
    """`续建项目（2个）：A、B。` then `竣工项目：C、D。`: C and D are the completed group's, so the 续建 count holds; a
    count that does disagree (`新开工项目（3个）` over two names) is still the list's warning."""
    items, parts = read("counted_and_uncounted_stage_lines.txt")
    assert {it.project_name: it.stage for it in items if it.list_title.startswith("专栏2")} == {
        "岚江县污水处理厂三期": "started", "岚江县城北棚户区改造": "started", "岚江县物流园": "started",
        "岚江县人民医院新院区": "ongoing", "岚江至青石公路": "ongoing",
        "岚江县第三小学": "completed", "岚江县老年养护中心": "completed",
    }
    county, towns = project_parts(parts)
    assert (county.facts_read, county.problem) == (7, None)
    assert towns.facts_read == 3 and "prints 3 projects, 2 names read" in towns.problem


def test_stage_labels_in_brackets_open_a_list_without_a_box():
    """`【新开工项目】A、B。` paragraphs under a bare title line, and `【新开工项目】` lines over numbered items in a
    task section: project lists printed without a 专栏 box, titled by the line or the section above."""
    items, parts = read("unboxed_bracket_stage_lists.txt")
    assert {(it.list_title, it.project_name, it.stage) for it in items} == {
        ("2026年县级重点项目清单", "岚江县污水处理厂三期", "started"),
        ("2026年县级重点项目清单", "岚江县物流园", "started"),
        ("2026年县级重点项目清单", "岚江县人民医院新院区", "ongoing"),
        ("2026年县级重点项目清单", "岚江至青石公路", "ongoing"),
        ("2026年县级重点项目清单", "岚江县第三小学", "completed"),
        ("（二）推进乡村振兴", "青石镇污水管网", "started"),
        ("（二）推进乡村振兴", "白沙镇农贸市场", "started"),
        ("（二）推进乡村振兴", "青石镇卫生院迁建", "ongoing"),
    }
    assert [(p.facts_read, p.problem) for p in project_parts(parts)] == [(5, None), (3, None)]


def test_bullets_under_counted_category_sub_headings_numbered_or_not():
    items, parts = read("counted_category_bullets.txt")
    assert {it.project_name: it.category for it in items} == {
        "棠溪湾跨海大桥": "交通基础设施",  # `　　交通基础设施（2项）`: indented, unnumbered, counted
        "棠溪港区疏港铁路": "交通基础设施",
        "棠溪市妇幼保健院迁建": "社会民生及公共服务设施",
        "棠溪市社会福利中心": "社会民生及公共服务设施",
        "棠溪新能源电池产业园": "先进制造",  # `（一）先进制造（2个）`
        "棠溪智能制造基地": "先进制造",
        "棠溪国际物流园": "现代服务业",
    }  # nothing from the task prose around the boxes (`棠溪湾大桥`, `棠溪中心公园`)
    assert [(p.facts_read, p.problem) for p in project_parts(parts)] == [(4, None), (3, None)]


def test_bulleted_lines_a_pdf_reader_ran_together_still_split():
    text = (FIXTURES / "counted_category_bullets.txt").read_text(encoding="utf-8")
    glued = text.replace("社会民生及公共服务设施（2项）\n　　◆ 棠溪市妇幼保健院迁建\n　　◆ 棠溪市社会福利中心",
                         "社会民生及公共服务设施（2项）◆ 棠溪市妇幼保健院迁建◆ 棠溪市社会福利中心")
    glued = glued.replace("● 棠溪新能源电池产业园\n● 棠溪智能制造基地", "● 棠溪新能源电池产业园● 棠溪智能制造基地")
    assert glued != text
    items, _ = read_projects(Document.from_text(glued))
    assert {(it.project_name, it.category) for it in items} == {
        (it.project_name, it.category) for it in read("counted_category_bullets.txt")[0]}


def test_a_stage_matrix_with_a_seq_column_and_counted_year_headers():
    text = (FIXTURES / "stage_matrix_table.txt").read_text(encoding="utf-8")
    numbered = text.replace("\t领域\n\t新开工项目\n\t续建项目\n\t竣工项目\n",
                            "\t序号\n\t项目类别\n\t2024年新开工项目（5个）\n\t续建项目（4个）\n\t竣工项目\n")
    for k, kind in enumerate(("交通", "产业", "社会民生"), start=1):
        numbered = numbered.replace(f"\t{kind}\n", f"\t{k}\n\t{kind}\n", 1)
    assert numbered != text
    items, _ = read_projects(Document.from_text(numbered))
    assert {(it.project_name, it.stage, it.category) for it in items} == {
        (it.project_name, it.stage, it.category) for it in read("stage_matrix_table.txt")[0]}
    assert {it.stage_raw for it in items} == {"新开工项目", "续建项目", "竣工项目"}


@pytest.mark.parametrize("page", ["5", "— 5 —", "- 12 -"])
def test_a_page_number_inside_a_list_is_never_a_project_nor_a_category(page):
    text = (f"关于桐溪县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n"
            f"一、2023年计划执行情况\n全县地区生产总值增长5%。\n二、2024年主要任务\n专栏1：2024年县重点项目\n"
            f"◆ 桐溪大桥\n{page}\n◆ 桐溪第三中学\n三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert {(it.project_name, it.category) for it in items} == {("桐溪大桥", None), ("桐溪第三中学", None)}


@pytest.mark.parametrize("caption", ["【专栏1】2024年县重点项目", "[专栏1] 2024年县重点项目", "〔专栏一〕2024年县重点项目"])
def test_a_caption_printed_in_brackets_opens_its_box(caption):
    text = (f"关于桐溪县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n"
            f"一、2023年计划执行情况\n全县地区生产总值增长5%。\n二、2024年主要任务\n"
            f"（一）扩大有效投资。新开工桐溪公园、桐溪体育馆等项目。\n{caption}\n"
            f"新开工项目：桐溪大桥、桐溪第三中学\n续建项目：桐溪港区二期码头\n三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert {it.project_name: it.stage for it in items} == {
        "桐溪大桥": "started", "桐溪第三中学": "started", "桐溪港区二期码头": "ongoing"}


@pytest.mark.parametrize("gap", ["spaces", "tabs"])
def test_a_stage_matrix_copied_as_one_row_a_line(gap):
    text = (FIXTURES / "stage_matrix_spaced.txt").read_text(encoding="utf-8")
    if gap == "tabs":  # copied out of Excel/WPS: cells joined by TAB
        text = re.sub(r"(?<=\S) {2,}(?=\S)", "\t", text)
    items, parts = read_projects(Document.from_text(text))
    got = {it.project_name: (it.stage, it.category) for it in items}
    assert got["漓川东站综合枢纽"] == got["环湾快速路三期"] == ("started", "交通")
    assert got["漓川数据中心"] == ("ongoing", "产业")
    assert got["白沙体育馆"] == ("completed", "社会民生")
    assert len(items) == 11 and "漓川高新区扩区" not in got  # the dash is no project; the prose is not mined
    assert [p.kind for p in project_parts(parts)] == ["project_table"]


MATRIX_HEAD = ("关于桐溪县2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n"
               "一、2023年计划执行情况\n全县地区生产总值增长5%。\n二、2024年主要任务\n"
               "（一）扩大有效投资。新开工桐溪公园等项目。\n专栏1  2024年县重点项目\n")


def test_a_stage_matrix_with_its_stages_down_the_side():
    text = MATRIX_HEAD + (
        "阶段        交通                  社会民生\n"
        "新开工项目  桐溪东站综合枢纽      桐溪第二实验学校\n"
        "续建项目    桐溪港区疏港铁路      桐溪县妇幼保健院迁建\n"
        "竣工项目    桐溪大桥              —\n"
        "三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert {it.project_name: (it.stage, it.category) for it in items} == {
        "桐溪东站综合枢纽": ("started", "交通"),
        "桐溪第二实验学校": ("started", "社会民生"),
        "桐溪港区疏港铁路": ("ongoing", "交通"),
        "桐溪县妇幼保健院迁建": ("ongoing", "社会民生"),
        "桐溪大桥": ("completed", "交通"),
    }


def test_stages_down_the_side_of_one_column_of_names_give_no_category():
    text = MATRIX_HEAD + ("类别        重点项目\n新开工项目  桐溪大桥、桐溪第三中学\n续建项目    桐溪港区二期码头\n"
                          "三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert {it.project_name: (it.stage, it.category) for it in items} == {
        "桐溪大桥": ("started", None), "桐溪第三中学": ("started", None), "桐溪港区二期码头": ("ongoing", None)}


def test_a_box_hard_wrapped_at_the_column_width_reads_whole_names_and_keeps_the_stage():
    items, _ = read("hard_wrapped_box.txt")
    got = {it.project_name: it.stage for it in items}
    assert got == {
        "桐溪大桥": "started", "桐溪第三中学": "started", "桐溪港区二期码头": "started",
        "桐溪县人民医院新院": "started",  # cut after `桐` at the line end
        "桐溪至云岭快速通道": "started", "桐溪县城北污水处理厂": "started",  # its `厂。` wrapped alone
        "桐溪湿地公园": "ongoing", "桐溪县城区雨污分流改造工程（一期）": "ongoing",  # cut inside the bracket
        "桐溪县图书馆新馆": "ongoing",  # the wrapped line keeps the label's stage
        "桐溪高新区标准厂房": "ongoing",
        "桐溪县体育中心": "completed", "桐溪县老城棚户区改造安置房": "completed",
    }


def test_one_long_name_a_line_never_runs_on_into_the_next():
    text = MATRIX_HEAD + ("◆ 桐溪县城区雨污分流、管网改造及配套设施建设工程一期项目\n"
                          "◆ 桐溪县第三中学\n桐溪县城北污水处理厂、桐溪县城南污水处理厂提标改造项目\n"
                          "桐溪县人民医院\n三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert "桐溪县第三中学" in {it.project_name for it in items}
    assert "桐溪县人民医院" in {it.project_name for it in items}


def test_a_stage_matrix_without_a_category_column():
    text = MATRIX_HEAD + ("新开工项目          续建项目            竣工项目\n"
                          "桐溪大桥            桐溪港区二期码头    桐溪县图书馆新馆\n"
                          "桐溪第三中学        桐溪湿地公园        —\n三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert {it.project_name: (it.stage, it.category) for it in items} == {
        "桐溪大桥": ("started", None), "桐溪第三中学": ("started", None),
        "桐溪港区二期码头": ("ongoing", None), "桐溪湿地公园": ("ongoing", None),
        "桐溪县图书馆新馆": ("completed", None),
    }


def test_numbered_kind_headings_without_counts_over_bullets_stay_in_their_box():
    text = MATRIX_HEAD.replace("专栏1  2024年县重点项目", "专栏1：2024年县重点项目") + (
        "（一）交通基础设施\n◆ 桐溪大桥\n◆ 桐溪港区二期码头\n（二）社会民生\n◆ 桐溪第三中学\n"
        "（二）保障和改善民生。加快建设桐溪医院。\n三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert {it.project_name: it.category for it in items} == {
        "桐溪大桥": "交通基础设施", "桐溪港区二期码头": "交通基础设施", "桐溪第三中学": "社会民生"}


def test_a_stage_matrix_header_count_that_disagrees_is_a_warning():
    text = (FIXTURES / "stage_matrix_table.txt").read_text(encoding="utf-8")
    counted = text.replace("\t新开工项目\n\t续建项目\n", "\t新开工项目（4个）\n\t续建项目（9个）\n")
    _, parts = read_projects(Document.from_text(counted))
    (part,) = project_parts(parts)
    # 4 started names are printed under `新开工项目（4个）`: only the 续建 column disagrees
    assert part.problem is not None and "续建项目（9个）" in part.problem and "新开工" not in part.problem


@pytest.mark.parametrize("label, stage", [
    ("争取开工项目", "started"), ("全面开工项目", "started"), ("预计竣工项目", "completed"),
    ("建成投运项目", "completed"), ("投入使用项目", "completed"),
])
def test_stage_labels_with_a_qualifier_are_stages_not_categories(label, stage):
    text = MATRIX_HEAD + f"{label}：桐溪大桥、桐溪第三中学\n三、保障措施\n加强组织领导。\n"
    items, _ = read_projects(Document.from_text(text))
    assert {(it.project_name, it.stage, it.category) for it in items} == {
        ("桐溪大桥", stage, None), ("桐溪第三中学", stage, None)}


def test_a_sentence_opened_by_tuijin_jianshe_names_ongoing_works_without_the_verb():
    text = MATRIX_HEAD + "推进建设桐溪大桥、桐溪第三中学等项目。\n三、保障措施\n加强组织领导。\n"
    items, _ = read_projects(Document.from_text(text))
    assert {(it.project_name, it.stage) for it in items} == {("桐溪大桥", "ongoing"), ("桐溪第三中学", "ongoing")}


def test_numbered_kind_headings_over_detail_paragraphs_are_categories_not_projects():
    items, parts = read("numbered_kind_headings_detail_items.txt")
    got = {it.project_name: (it.stage, it.stage_raw, it.category) for it in items}
    assert got == {
        "枫岭高端材料深加工项目": ("planned", None, "先进制造业项目"),
        # `年内建成一期` describes the works planned: no stage word governs the name, so it is planned
        "青禾智能传感器产业园": ("planned", None, "先进制造业项目"),
        "枫岭至石湾一级公路改建工程": ("planned", None, "基础设施项目"),
        "枫岭县城区供水管网提升工程": ("planned", None, "基础设施项目"),
        "枫岭县中医院迁建项目": ("planned", None, "社会民生项目"),
    }
    assert {it.list_title for it in items} == {"（四）2024年重点建设项目"}
    assert {it.period_year for it in items} == {2024}
    (part,) = project_parts(parts)
    assert (part.kind, part.facts_read, part.problem) == ("project_list", 5, None)


def test_numbered_kind_headings_in_a_box_take_the_stage_of_the_box_title():
    items, _ = read("boxed_kind_headings_detail_items.txt")
    got = {it.project_name: (it.stage, it.category) for it in items}
    assert got == {
        "柘溪特种纸浆深加工项目": ("started", "先进制造业项目"),  # `年内完成主体工程` is no stage of its own
        "柘溪县电子元件产业园": ("started", "先进制造业项目"),
        "柘溪至麻阳二级公路": ("started", "基础设施项目"),
    }


def test_numbered_kind_headings_over_stage_lines_are_categories_not_projects():
    items, parts = read("numbered_kind_headings_stage_lines.txt")
    got = {it.project_name: (it.stage, it.category) for it in items}
    assert "基础设施项目" not in got and "社会民生项目" not in got and "先进制造业项目" not in got
    assert got == {
        "梧川碳纤维复合材料项目": ("started", "先进制造业项目"),
        "岚峰精密铸件扩能项目": ("started", "先进制造业项目"),
        "梧川氢能装备产业园": ("started", "先进制造业项目"),
        "梧川锂电隔膜二期项目": ("ongoing", "先进制造业项目"),
        "清溪电子元器件产业园": ("ongoing", "先进制造业项目"),
        "梧川西外环快速路": ("started", "基础设施项目"),
        "桐溪水库除险加固工程": ("started", "基础设施项目"),
        "梧川港作业区三期工程": ("ongoing", "基础设施项目"),
        "梧川区第五中学": ("started", "社会民生项目"),
        "梧川区妇幼保健院新院区": ("completed", "社会民生项目"),
    }
    # the list is titled by its section, never by its first kind heading
    assert {it.list_title for it in items} == {"（三）重点项目安排"}
    (part,) = project_parts(parts)
    assert part.facts_read == 10 and part.problem is None


def test_a_numbered_one_name_a_line_list_keeps_every_line_a_project():
    from ingestion.projects.stages import kind_heading
    assert kind_heading("1.城东污水处理厂提标改造工程", "2.城西垃圾中转站项目") is None
    assert kind_heading("1.新开工项目", "（1）A项目：总投资3亿元") is None  # a stage group, read by group_label
    assert kind_heading("2.基础设施项目", "（1）A公路：总投资3亿元") == "基础设施项目"


def test_outline_numbered_kind_headings_over_numbered_detail_items_are_categories():
    items, parts = read("outline_kind_headings_detail_items.txt")
    assert {it.project_name: (it.stage, it.category) for it in items} == {
        "柏川晶圆级封装测试基地": ("planned", "先进制造业项目"),
        "柏川生物医药中试平台": ("planned", "先进制造业项目"),
        "柏川市儿童医院": ("planned", "社会民生项目"),
    }
    assert {it.list_title for it in items} == {"三、2024年重点建设项目安排"}
    (part,) = project_parts(parts)
    assert part.facts_read == 3 and part.problem is None


def test_a_task_heading_over_its_numbered_prose_opens_no_kind_group():
    from ingestion.projects.stages import kind_heading
    assert kind_heading("（三）重点项目", "1.加快推进交通基础设施建设，完善路网。") is None
    assert kind_heading("（二）社会民生项目", "1.A医院：总投资3亿元，新建床位500张。") == "社会民生项目"
    assert kind_heading("1.先进制造业项目（12个）", "（1）A项目：总投资3亿元") == "先进制造业项目"


def test_examples_followed_by_the_work_on_them_do_not_check_the_count():
    """`A、B等项目前期工作。` names examples of a counted group: the printed count is not a promise of names."""
    from ingestion.extract import extract_text

    text = ("关于青川县2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n\n"
            "四、2024年重点项目安排\n\n"
            "1.农业项目（6个）：加快推进青川县万亩高标准农田、青川县肉牛养殖基地等项目前期工作。\n\n"
            "2.工业项目（2个）：青川县新材料产业园、青川县食品加工园。\n")
    ex = extract_text(text)
    assert {p.project_name for p in ex.projects} >= {"青川县万亩高标准农田", "青川县肉牛养殖基地", "青川县新材料产业园"}
    assert not [p for p in ex.parts if p.problem and "农业项目" in p.problem]


def test_numbered_stage_sentences_name_their_projects_after_a_full_stop():
    """`1.新开工项目3个。A；B；C。`: a numbered paragraph whose lead sentence is a stage label and its count, the
    names after it separated by `；`, in a report with no box: the lead reads as a `新开工项目3个：` label."""
    items, parts = read("numbered_stage_sentences.txt")
    assert {it.project_name: (it.stage, it.stage_raw) for it in items} == {
        "松岭县竹木精深加工产业园": ("started", "新开工项目"),
        "松岭至青石快速通道": ("started", "新开工项目"),
        "松岭县城南污水处理厂（二期）": ("started", "新开工项目"),
        "松岭县人民医院综合楼": ("ongoing", "续建项目"),
        "松岭县第四中学": ("ongoing", "续建项目"),
        "松岭县全民健身中心": ("completed", "竣工投产项目"),
        "青石镇农旅综合体": ("completed", "竣工投产项目"),
    }
    assert {it.period_year for it in items} == {2032}
    (part,) = project_parts(parts)
    assert part.facts_read == 7 and part.problem is None  # every printed count agrees with the names


def test_a_semicolon_separated_task_sentence_is_not_a_list_of_names():
    from ingestion.projects.finding import _is_list_sentence
    from ingestion.projects.names import split_label
    assert not _is_list_sentence("推进特色产业提质增效；加快数字化改造；培育规模以上工业企业")
    assert _is_list_sentence("松岭县人民医院综合楼；松岭县第四中学；青石镇农旅综合体")
    assert split_label("新开工项目3个。A中心；B园") == ("新开工项目3个", "A中心；B园")
    assert split_label("新建学校3所。全年完成投资5亿元") == (None, "新建学校3所。全年完成投资5亿元")


def test_a_run_of_names_hard_wrapped_to_its_last_syllable_and_kind_bullets_over_stage_lines():
    """A text copy of a PDF wraps a run of names at the column width, down to a last line holding only `目。`
    (`…等6个项` / `目。`): the run is read whole. A bulleted kind (`◆新能源产业`) over stage lines that name
    projects is their category, not a project."""
    items, parts = read("wrapped_run_kind_bullets.txt")
    done = {it.project_name: it.stage for it in items if it.period_year == 2031}
    assert done == {
        "柳林旗40万千瓦风电项目": "completed", "柳林镇集中供热改扩建工程": "completed",
        "白沙湾工业园区污水处理厂": "completed", "柳林旗中蒙医院综合楼": "completed",
        "红柳河柳林旗段堤防加固工程": "completed", "柳林镇棚户区改造（二期）": "completed",
    }
    plan = {it.project_name: (it.category, it.stage) for it in items if it.period_year == 2032}
    assert plan == {
        "柳林旗20万千瓦光伏治沙项目": ("新能源产业", "started"),
        "柳林旗风光制氢一体化示范项目": ("新能源产业", "started"),
        "柳林旗220千伏输变电工程": ("新能源产业", "ongoing"),
        "柳林旗第二中学": ("社会民生", "started"),
        "柳林镇养老服务综合体": ("社会民生", "started"),
        "柳林旗青少年活动中心": ("社会民生", "completed"),
    }
    assert [p.problem for p in project_parts(parts)] == [None, None]  # 6 named as `等6个项目` says


def test_a_list_that_ends_a_web_page_stops_at_the_page_chrome():
    """The links bar (`【打印本页】 【关闭窗口】`), the related links (other reports' titles) and the footer after
    the report are the page's chrome: an attachment list at the end of the report does not run on into them."""
    items, parts = read("attachment_then_page_chrome.txt")
    assert {it.project_name: it.stage for it in items} == {
        "青杉高新区智能传感器产业园": "started", "青杉区第二人民医院迁建项目": "started",
        "青杉河下游段生态修复工程": "started", "青杉区城市更新东门片区改造项目": "ongoing",
        "青杉至柳湾快速通道": "ongoing",
    }
    (part,) = project_parts(parts)
    assert part.problem is None  # both printed counts agree with the names
    doc = Document.from_text((FIXTURES / "attachment_then_page_chrome.txt").read_text(encoding="utf-8"))
    assert doc.line(20) == "" and doc.line(15) == "青杉区城市更新东门片区改造项目"


def test_a_bare_place_before_a_place_that_names_the_works_keeps_the_listed_name_whole():
    """`石泉县云雾镇、后柳镇高标准农田建设项目` is one printed name of the list (two towns sharing one job), not a bare
    town and a project; a name that is a place and its works of its own (`城关镇老旧小区改造`) stays one name."""
    items, _ = read("shared_works_places.txt")
    assert {it.project_name: it.category for it in items} == {
        "石泉县云雾镇、后柳镇高标准农田建设项目": "现代农业",
        "石泉县茶叶精深加工园": "现代农业",
        "石泉县城关镇老旧小区改造": "城乡建设",
        "池河镇污水处理厂": "城乡建设",
    }


def test_fixture_numbered_items_each_with_its_works_and_investment_in_brackets():
    """`projects/numbered_described_items.txt`: a 专栏 of stage headings over numbered paragraphs
    `N. 名称（建设内容…，总投资X亿元）`; the bracket is the project's description, not its name, and a name opening
    with digits (`2. 318国道…`) is still the next numbered item, not the number 2.318."""
    items, parts = read("numbered_described_items.txt")
    assert [(i.project_name, i.stage, i.stage_raw) for i in items] == [
        ("白川甲产业园三期", "started", "新开工项目"), ("乙镇未来社区", "started", "新开工项目"),
        ("丙城际铁路白川段", "ongoing", "续建项目"), ("318国道白川段改建工程", "ongoing", "续建项目"),
        ("丁溪防洪工程", "ongoing", "续建项目")]
    assert [p.facts_read for p in project_parts(parts)] == [5]


def test_fixture_semicolon_names_under_kind_and_stage_lines_of_a_box():
    """`projects/semicolon_names_under_kind_lines.txt`: 专栏 paragraphs of names separated by `；` (or `;`), some with
    their investment in brackets, each under a line of its own that is a kind (`文化体育`, `旧城改造`) or a counted
    stage (`续建项目（2个）`); names need not end in a facility's noun (`…有机更新`, `…迁建`, `…大厦`). The kind line is
    the category, never a project; the box ends at the next task paragraph."""
    items, parts = read("semicolon_names_under_kind_lines.txt")
    assert [(i.project_name, i.stage, i.stage_raw, i.category) for i in items] == [
        ("石溪新能源电池研发基地", "started", "新开工项目", None), ("云岭食品精深加工园", "started", "新开工项目", None),
        ("白沙湾文旅综合体", "started", "新开工项目", None),
        ("石溪物流港二期", "ongoing", "续建项目", None), ("石溪数字经济大厦", "ongoing", "续建项目", None),
        ("石溪区全民健身中心", "planned", None, "文化体育"), ("石溪图书馆新馆", "planned", None, "文化体育"),
        ("白沙湾体育公园", "planned", None, "文化体育"),
        ("青石街历史街区有机更新", "planned", None, "旧城改造"), ("北门片区棚户区改造", "planned", None, "旧城改造"),
        ("东渠老旧小区提质改造", "planned", None, "旧城改造"),
        ("石溪区妇幼保健院新院区", "planned", None, "卫生健康"), ("区急救中心迁建", "planned", None, "卫生健康"),
        ("龙潭街道社区卫生服务站", "planned", None, "卫生健康")]
    # every printed count agrees: `续建项目（2个）` has both its names
    assert [(p.title, p.facts_read, p.problem) for p in project_parts(parts)] == [
        ("专栏1：2024年区级重点产业项目", 5, None), ("专栏2：2024年公共服务和城市更新项目", 9, None)]


def test_semicolon_names_under_numbered_kind_headings_and_a_semicolon_task_paragraph():
    """The kind may be outline-numbered like the report's task headings (`（一）文化体育`): over a paragraph of
    names it is the box's, and the task heading after the box (its paragraph is prose) ends it. Tasks separated by
    semicolons (`加强组织领导；完善考核机制`) are never names."""
    text = ("关于石溪区2023年国民经济和社会发展计划执行情况及2024年国民经济和社会发展计划草案的报告\n二、2024年重点工作\n"
            "（二）坚持民生为本。新增学位3000个。\n专栏2：2024年公共服务项目\n（一）文化体育\n"
            "石溪区全民健身中心（总投资3.2亿元）；石溪图书馆新馆（总投资1.8亿元）。\n（二）卫生健康\n"
            "石溪区妇幼保健院新院区；区急救中心迁建。\n（三）坚持绿色发展，厚植生态底色。完成植树造林8000亩。\n"
            "专栏3：2024年重点工作项目\n保障措施\n加强组织领导；完善考核机制；强化要素保障。\n三、保障措施\n加强组织领导。\n")
    items, _ = read_projects(Document.from_text(text))
    assert [(i.project_name, i.category) for i in items if i.list_title == "专栏2：2024年公共服务项目"] == [
        ("石溪区全民健身中心", "文化体育"), ("石溪图书馆新馆", "文化体育"),
        ("石溪区妇幼保健院新院区", "卫生健康"), ("区急救中心迁建", "卫生健康")]
    assert not {"加强组织领导", "完善考核机制", "强化要素保障"} & {i.project_name for i in items}


def test_fixture_ongoing_stage_with_a_note_that_completes_it_within_the_year():
    """`projects/ongoing_stage_with_completion_note.txt`: works under way whose note finishes them within the list's
    year (`续建（当年建成投产）`, `续建（2025年底完工）` in a 2025 list, a label `续建项目（年内建成）：`) are completed,
    as a 竣工 item is (SPEC: 竣工/完工/建成 → completed); a note that finishes them in a later year (`续建（2027年竣工）`,
    `续建项目（2026年建成）：`) leaves them ongoing, and a note on a start (`新建（当年开工）`) leaves it started."""
    items, parts = read("ongoing_stage_with_completion_note.txt")
    assert [(i.project_name, i.stage, i.stage_raw, i.category) for i in items] == [
        ("澄江高端铝材加工产业园", "completed", "续建（当年建成投产）", "工业项目"),
        ("澄江智能电表生产线", "ongoing", "续建（2027年竣工）", "工业项目"),
        ("澄江精细化工园区污水处理厂", "completed", "续建（2025年底完工）", "工业项目"),
        ("澄江区第三人民医院", "ongoing", "续建", "社会事业项目"),
        ("澄江区老年大学", "started", "新建（当年开工）", "社会事业项目"),
        ("澄江老码头片区微改造", "started", "新开工项目", None), ("西门菜市场提质改造", "started", "新开工项目", None),
        ("东城棚户区改造三期", "completed", "续建项目（年内建成）", None),
        ("澄江滨河绿道", "completed", "续建项目（年内建成）", None),
        ("澄江北站综合交通枢纽", "ongoing", "续建项目（2026年建成）", None)]
    assert [p.problem for p in project_parts(parts)] == [None, None]


def test_item_whose_investment_follows_the_name_after_a_gap_keeps_only_the_name():
    """`1.A产业园　总投资12亿元，年度计划投资3亿元`: a box line sets the investment after the name with only a wide gap
    (a full-width space) where other lists put a comma; the gap ends the name, as the comma would."""
    text = ("关于桐溪县2031年国民经济和社会发展计划执行情况及2032年国民经济和社会发展计划草案的报告\n三、2032年重点工作\n"
            "专栏2　2032年桐溪县重点建设项目\n　　新开工项目（2个）\n"
            "　　1.桐溪光伏组件产业园（二期）　总投资9.4亿元，年度计划投资2.1亿元\n"
            "　　2.桐溪县第三小学新建项目　总投资1.6亿元，年度计划投资0.7亿元\n"
            "　　续建项目（1个）\n"
            "　　3.桐溪河滨公园改造工程　计划总投资8000万元，年度计划投资3000万元\n"
            "　　各位代表，新的一年，我们将奋力谱写新篇章！\n")
    items, _ = read_projects(Document.from_text(text))
    assert [(i.project_name, i.stage) for i in items] == [
        ("桐溪光伏组件产业园（二期）", "started"), ("桐溪县第三小学新建项目", "started"),
        ("桐溪河滨公园改造工程", "ongoing")]


def test_fixture_list_items_whose_name_and_investment_are_two_columns():
    """`projects/column_spans_list.html`: a 专栏 of stage headings over lists whose items set the name and the
    investment as two columns (`<li><span>A</span><span>总投资9.4亿元，…</span></li>` laid out by CSS flex). The page's
    text runs the two together (`A总投资9.4亿元，…`); the name is what comes before the investment, and a name's own
    `项目` stays with it."""
    path = FIXTURES / "column_spans_list.html"
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    assert [(i.project_name, i.stage, i.stage_raw) for i in processed.extraction.projects] == [
        ("青屿渔港经济区冷链物流园", "started", "新开工项目"), ("青屿县人民医院传染病楼", "started", "新开工项目"),
        ("滨海大道北延工程项目", "started", "新开工项目"),
        ("青屿海上风电送出线路", "ongoing", "续建项目"), ("县城第三水厂", "ongoing", "续建项目"),
        ("青屿跨海通道", "preparatory", "前期项目"), ("东礁岛生态修复工程", "preparatory", "前期项目")]


def test_name_before_an_investment_run_onto_it():
    from ingestion.projects.item_details import name_before_glued_detail

    assert name_before_glued_detail("石港物流园总投资12亿元，年度计划投资3亿元") == "石港物流园"
    assert name_before_glued_detail("石港铁路估算总投资120.5亿元") == "石港铁路"
    # a clause after the investment that is no detail, or an investment after a separator: not a glued name
    assert name_before_glued_detail("石港物流园总投资12亿元，建成后年产值30亿元") is None
    assert name_before_glued_detail("石港物流园，总投资12亿元") is None
    assert name_before_glued_detail("总投资12亿元") is None


def test_fixture_items_set_off_by_a_dash_from_their_description():
    """`projects/dashed_described_items.txt`: a 专栏 whose items print the name, a dash and the description
    (`名称——总投资…，当年计划投资…〔新开工〕`, `名称【续建】——城市主干道5.2公里，总投资…`), the stage in any bracket after the
    name or at the end of the line, under short outline-numbered kind headings; the task heading after the box (a
    sentence) ends it. The items are projects, never prose targets of the task section."""
    from ingestion.extract import extract_text

    text = (FIXTURES / "dashed_described_items.txt").read_text(encoding="utf-8")
    items, parts = read("dashed_described_items.txt")
    assert [(i.project_name, i.stage, i.stage_raw, i.category) for i in items] == [
        ("澄溪硅基新材料产业园", "started", "新开工", "先进制造业"),
        ("年产3万吨特种纸项目", "ongoing", "续建", "先进制造业"),
        ("澄溪经开区智能仓储中心（一期）", "preparatory", "前期", "先进制造业"),
        ("澄溪大道东延工程", "ongoing", "续建", "城乡建设"),
        ("澄溪县第二人民医院", "completed", "竣工", "城乡建设"),
        ("县城东片区棚户区改造", "started", "新开工", "城乡建设")]
    assert [(p.title, p.facts_read, p.problem) for p in project_parts(parts)] == [
        ("专栏二：2026年澄溪县重点建设项目", 6, None)]
    names = {i.indicator_name for i in extract_text(text).indicators}
    assert "技术改造项目" in names  # the task paragraph after the box is still read
    assert not any("——" in n or "【" in n for n in names), names


def test_name_of_an_item_set_off_by_a_dash():
    from ingestion.projects.item_details import name_of_dashed

    assert name_of_dashed("石港物流园〔续建〕——总投资12亿元，当年计划投资3亿元") == "石港物流园（续建）"
    assert name_of_dashed("石港物流园——总投资12亿元，当年计划投资3亿元【新开工】") == "石港物流园（新开工）"
    assert name_of_dashed("石港物流园——总投资12亿元") == "石港物流园"
    # a lead-in to a task sentence, a sentence before the dash, a description without a cost: no item
    assert name_of_dashed("坚持项目为王——全年安排重点项目40个，总投资210亿元") is None
    assert name_of_dashed("全年安排项目40个，总投资210亿元——其中新开工12个") is None
    assert name_of_dashed("石港物流园【续建】——新建冷库3万吨") is None


def test_fixture_items_whose_stage_is_a_labelled_field_in_the_bracket_after_the_name():
    # `A（建设性质：新开工；总投资…；年度投资…）`: the stage is a field of the bracket, beside the investment; the bracket
    # is no part of the name, and a name's own bracket before it (`（二期）`, `（2027年）`) stays
    items, parts = read("labelled_bracket_stage_items.txt")
    got = {it.project_name: (it.stage, it.stage_raw, it.category) for it in items}
    assert got == {
        "岚溪县古渡口文化街区": ("started", "新开工", "文旅融合类"),
        "岚溪县温泉康养小镇一期": ("ongoing", "续建", "文旅融合类"),
        "岚溪县游客集散中心（二期）": ("completed", "竣工", "文旅融合类"),
        "岚溪县城北片区供热管网改造工程（2027年）": ("started", "新开工", "城乡建设类"),
        "岚溪县第四中学": ("preparatory", "前期", "城乡建设类"),
        # a field whose value is no stage word (`改扩建`), or a bracket without the field: no stage, the name kept
        "岚溪县城南污水处理厂提标改造": ("planned", None, "城乡建设类"),
        "岚溪县乡镇卫生院能力提升工程": ("planned", None, "城乡建设类"),
    }
    assert {it.period_year for it in items} == {2027}
    (part,) = project_parts(parts)
    assert (part.title, part.facts_read, part.problem) == ("专栏1岚溪县2027年重点建设项目", 7, None)


def test_fixture_three_batches_lines_give_their_stage():
    # 「三个一批」: `一批开工项目：A、B等项目。` / `一批竣工项目` / `一批投产项目` (put into production: completed) / `一批前期项目`
    items, parts = read("three_batches_stage_lines.txt")
    got = {it.project_name: (it.stage, it.stage_raw, it.category) for it in items}
    assert got == {
        "柳滨县竹木精深加工产业园（二期）": ("started", "一批开工项目", None),
        "柳滨县城西片区排涝工程": ("started", "一批开工项目", None),
        "龙潭乡至县城三级公路": ("started", "一批开工项目", None),
        "柳滨县第二实验小学": ("completed", "一批竣工项目", None),
        "柳滨县城乡供水管网延伸工程": ("completed", "一批竣工项目", None),
        "柳滨县年产3万吨桑蚕丝绸加工项目": ("completed", "一批投产项目", None),
        "柳滨县滨江综合客运枢纽": ("preparatory", "一批前期项目", None),
        "柳滨县体育中心": ("preparatory", "一批前期项目", None),
    }
    (part,) = project_parts(parts)
    assert (part.title, part.facts_read, part.problem) == ("专栏12026年“三个一批”重点项目建设情况", 8, None)


def _split_project_table_page(second_head: str | None = None) -> bytes:
    """A CMS page whose pasted Word project table broke at an old page break into two `<table>`s: the second has
    no header and starts mid-category (or, `second_head`, prints the header again: "" with no caption, else under
    that caption); a download link (`附件：….docx`) follows it."""
    head = "<tr><td>序号</td><td>项目名称</td><td>建设性质</td><td>建设年限</td><td>总投资</td><td>年度投资</td></tr>"

    def row(no, name, nature, years, total, year_inv):
        return (f"<tr><td>{no}</td><td>{name}</td><td>{nature}</td><td>{years}</td><td>{total}</td>"
                f"<td>{year_inv}</td></tr>")

    def group(label):
        return f'<tr><td colspan="6">{label}</td></tr>'

    part1 = "".join([head, group("一、产业项目"), row(1, "柳溪县竹木精深加工园", "新建", "2025-2026", 42000, 20000),
                     group("二、基础设施项目"), row(2, "柳溪县城东污水处理厂扩容工程", "新建", "2025", 8600, 8600)])
    part2 = "".join([head if second_head is not None else "", row(3, "柳溪县环城北路改建工程", "续建", "2024-2025", 31000, 15000),
                     group("三、社会民生项目"), row(4, "柳溪县妇幼保健院迁建项目", "续建", "2024-2026", 26000, 9000)])
    page = ("<html><head><meta charset='utf-8'><title>报告</title></head><body>"
            "<p>柳溪县2024年国民经济和社会发展计划执行情况及2025年国民经济和社会发展计划草案的报告</p>"
            "<p>一、2024年国民经济和社会发展计划执行情况</p><p>全县地区生产总值增长5.1%。</p>"
            "<p>二、2025年重点工作</p><p>重点项目安排详见附表。</p>"
            "<p>附表　柳溪县2025年重点项目计划表</p>"
            f"<table border='1'>{part1}</table>{f'<p>{second_head}</p>' if second_head else ''}"
            f"<table border='1'>{part2}</table>"
            "<p>附件：柳溪县2024年国民经济和社会发展计划执行情况及2025年国民经济和社会发展计划草案的报告.docx</p>"
            "</body></html>")
    return page.encode("utf-8")


@pytest.mark.parametrize("second_head", [None, "", "（续表）"])
def test_html_project_table_split_into_parts_reads_on(second_head):
    processed = process_report("split_projects.html", _split_project_table_page(second_head))
    assert processed.ok, processed.error
    got = {it.project_name: (it.stage, it.category, it.list_title) for it in processed.extraction.projects}
    title = "附表柳溪县2025年重点项目计划表"
    assert got == {
        "柳溪县竹木精深加工园": ("started", "产业项目", title),
        "柳溪县城东污水处理厂扩容工程": ("started", "基础设施项目", title),
        "柳溪县环城北路改建工程": ("ongoing", "基础设施项目", title),  # the category goes on over the break
        "柳溪县妇幼保健院迁建项目": ("ongoing", "社会民生项目", title),
    }
    (part,) = project_parts(processed.extraction.parts)
    assert (part.facts_read, part.problem) == (4, None)


def test_fixture_stage_tag_before_the_name_under_kind_lines():
    """`projects/stage_tag_before_name_items.txt`: a 专栏 of numbered kind lines (`1.现代农业`) over items that print
    their stage first, in any bracket (`（1）【拟开工】名称。建设内容，总投资X万元。`, `〔续建〕`, `［竣工］`, `（前期）`); the
    name ends at the first `。`, the rest describes the works and is no name. The kind line is the category."""
    items, parts = read("stage_tag_before_name_items.txt")
    assert [(i.project_name, i.stage, i.stage_raw, i.category) for i in items] == [
        ("岚桥县果蔬精深加工园", "started", "拟开工", "现代农业"),
        ("白杨湖高标准农田示范区（三期）", "ongoing", "续建", "现代农业"),
        ("省道S217岚桥段改线工程", "completed", "竣工", "交通水利"),
        ("青龙河水系连通工程", "preparatory", "前期", "交通水利"),
        ("县城东环路", "ongoing", "续建", "交通水利")]
    assert [(p.title, p.facts_read, p.problem) for p in project_parts(parts)] == [
        ("专栏22026年岚桥县重点项目", 5, None)]


def test_name_after_a_leading_stage_tag():
    from ingestion.projects.item_details import name_after_stage_tag

    assert name_after_stage_tag("（3）【拟开工】石港物流园。建设仓库4栋，总投资9000万元。") == ("拟开工", "石港物流园")
    assert name_after_stage_tag("续建：石港物流园（二期）。建设仓库4栋，总投资1.2亿元。") == ("续建", "石港物流园（二期）")
    # a stage label over names, a description without a cost, a sentence before the full stop: no item
    assert name_after_stage_tag("续建：石港物流园、石港大桥。") is None
    assert name_after_stage_tag("【续建】石港物流园。建设仓库4栋。") is None
    assert name_after_stage_tag("【续建】加快推进，确保年内完工。总投资1亿元。") is None


def test_fixture_numbered_name_colon_works_under_stage_lines():
    """`projects/numbered_name_colon_works.txt`: a 专栏 of bold stage lines with counts (`计划开工项目（2个）`,
    `建成投用项目`, `前期储备项目`) over `N.名称：建设内容，总投资X亿元。`; the name ends at the colon, and the works after it
    (`疏浚河道8.4公里`, `建设亲水平台、滨水步道`) are no names, whatever verb they open with."""
    items, parts = read("numbered_name_colon_works.txt")
    assert [(i.project_name, i.stage, i.stage_raw) for i in items] == [
        ("桐湾河综合整治工程", "started", "计划开工项目"), ("桐湾县第三小学建设项目", "started", "计划开工项目"),
        ("省道S305桐湾段改建工程", "ongoing", "续建项目"), ("桐湾经开区电子元件产业园", "ongoing", "续建项目"),
        ("县城北区供水管网改造工程", "completed", "建成投用项目"), ("桐湾港物流枢纽", "preparatory", "前期储备项目")]
    assert [(p.title, p.facts_read, p.problem) for p in project_parts(parts)] == [
        ("专栏12026年县级重点建设项目", 6, None)]


def test_sized_works_after_a_name():
    from ingestion.projects.item_details import is_sized_works

    assert is_sized_works("石港河整治工程", "疏浚河道8公里，建设滨水步道、亲水平台，总投资1.2亿元。")
    # a kind or stage label over names, names after a project-like label, no investment closing it
    assert not is_sized_works("交通类", "疏浚河道8公里，总投资1.2亿元。")
    assert not is_sized_works("续建项目", "疏浚河道8公里，总投资1.2亿元。")
    assert not is_sized_works("交通工程", "石港大桥、石港公路，总投资12亿元。")
    assert not is_sized_works("石港河整治工程", "疏浚河道8公里，建设滨水步道。")


@pytest.mark.parametrize("name", ["stage_tag_before_name_items.txt", "numbered_name_colon_works.txt"])
def test_described_items_are_no_prose_targets(name):
    """The works a 专栏 item describes (`改造农田1.2万亩`, `疏浚河道8.4公里`) size its project: the task section's prose
    reader takes none of them for a target."""
    from ingestion.extract import extract_text

    rows = extract_text((FIXTURES / name).read_text(encoding="utf-8")).indicators
    sized = {"改造农田", "新建二级公路", "疏浚河道", "建设城市主干道", "改建二级公路", "建设标准化厂房", "更换供水管道",
             "规划建设泊位", "建设加工车间"}
    assert not [r.indicator_name for r in rows if any(w in r.indicator_name for w in sized)]
    assert "地区生产总值增速" in {r.indicator_name for r in rows}  # the prose around the box is still read


def test_fixture_four_batches_paragraphs_give_their_stage():
    # Zhejiang's 「四个一批」: one paragraph a batch, `一批` after the stage words (`新开工一批：`, `续建推进一批：`,
    # `完工投产一批：`, `前期攻坚一批：`), names joined by ；, each with its content bracket (a name's own bracket stays)
    items, parts = read("four_batches_stage_paragraphs.txt")
    got = {it.project_name: (it.stage, it.stage_raw, it.category) for it in items}
    assert got == {
        "澄岙县智能家居产业园": ("started", "新开工一批", None),
        "澄江流域防洪排涝工程（北片区）": ("started", "新开工一批", None),
        "县第三中学新建工程": ("started", "新开工一批", None),
        "澄岙至临港快速通道": ("ongoing", "续建推进一批", None),
        "澄岙数字经济产业园（二期）": ("ongoing", "续建推进一批", None),
        "澄岙县年产5万吨新型包装材料项目": ("completed", "完工投产一批", None),
        "县妇幼保健院迁建工程": ("completed", "完工投产一批", None),
        "澄岙湾海上风电场": ("preparatory", "前期攻坚一批", None),
        "县城东部物流枢纽": ("preparatory", "前期攻坚一批", None),
    }
    (part,) = project_parts(parts)
    assert (part.title, part.facts_read, part.problem) == ("专栏12031年县重大项目“四个一批”", 9, None)


def _grid_per_stage_page() -> bytes:
    """A CMS page whose 专栏 prints one `<table>` per stage, each under a bold stage heading with a count and with
    its own `<td>` header row, 序号 restarting at 1."""
    head = ("<tr><td>序号</td><td>项目名称</td><td>建设规模及内容</td><td>总投资（亿元）</td>"
            "<td>2032年计划投资（亿元）</td></tr>")

    def grid(rows):
        body = "".join(f"<tr><td>{k}</td><td>{n}</td><td>{c}</td><td>{t}</td><td>{y}</td></tr>"
                       for k, (n, c, t, y) in enumerate(rows, 1))
        return f"<table border='1'>{head}{body}</table>"

    return ("<html><head><meta charset='utf-8'></head><body>"
            "<p>关于青屿区2031年国民经济和社会发展计划执行情况与2032年计划草案的报告</p>"
            "<p>三、2032年重点工作</p><p>（一）扩大有效投资。谋划实施一批重大项目。</p>"
            "<p style='text-align:center'><strong>专栏3　2032年区重点项目计划</strong></p>"
            "<p><strong>（一）新开工项目（2项）</strong></p>"
            + grid([("青屿区智能装备产业园", "建设标准厂房12万平方米，配套研发楼", "9.6", "2.4"),
                    ("青屿湾海堤加固工程", "加固海堤6.3公里，新建水闸2座", "4.2", "1.3")])
            + "<p><strong>（二）续建项目（2项）</strong></p>"
            + grid([("青屿至东港快速路", "全长8.8公里，双向四车道", "13.5", "4.1"),
                    ("区第二人民医院（二期）", "建筑面积3.1万平方米，床位300张", "3.8", "1.2")])
            + "<p><strong>（三）竣工项目（1项）</strong></p>"
            + grid([("青屿区城市书房", "建设书房及配套设施", "0.6", "0.3")])
            + "<p>（二）壮大实体经济。推进企业数字化改造。</p></body></html>").encode()


def test_a_box_printed_as_one_grid_per_stage_heading_reads_each_grid_under_its_stage():
    processed = process_report("qingyu.html", _grid_per_stage_page())
    assert processed.ok, processed.error
    got = {(it.list_title, it.project_name, it.stage, it.stage_raw) for it in processed.extraction.projects}
    title = "专栏32032年区重点项目计划"
    assert got == {
        (title, "青屿区智能装备产业园", "started", "新开工项目"),
        (title, "青屿湾海堤加固工程", "started", "新开工项目"),
        (title, "青屿至东港快速路", "ongoing", "续建项目"),
        (title, "区第二人民医院（二期）", "ongoing", "续建项目"),
        (title, "青屿区城市书房", "completed", "竣工项目"),
    }  # no header cell nor content clause read as a project: the box is the grids, not a list of their cells
    (part,) = project_parts(processed.extraction.parts)
    assert (part.kind, part.title, part.facts_read, part.problem) == ("project_table", title, 5, None)


def test_a_stage_column_beside_a_category_column_spanning_rows():
    """`projects/category_rowspan_stage_column.html`: a project table with a 项目类别 column whose cells span the
    rows of a category (rowspan) and a 建设阶段 column (新开工/续建/建成投产/前期). The stage is read from the
    建设阶段 column, not from the 项目类别 one (a category, not a stage), and the category from the 类别 column."""
    path = FIXTURES / "category_rowspan_stage_column.html"
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    assert [(i.project_name, i.stage, i.category) for i in processed.extraction.projects] == [
        ("石渠牦牛肉精深加工园", "started", "产业项目"), ("石渠光伏发电二期", "ongoing", "产业项目"),
        ("县第二人民医院", "completed", "民生项目"), ("石渠县养老服务中心", "preparatory", "民生项目")]


def test_counted_stage_paragraphs_with_compound_completion_and_planning_labels():
    """`projects/counted_stage_paragraphs_compound_labels.txt`: a 专栏 of one paragraph per stage
    (`新开工项目（3个）：A、B、C。`), the completion printed as a compound (`建成投运项目`) and the preparatory
    work as `前期谋划项目`. Each label is a stage label: its names are projects, the first one too when it opens
    like an output (`年产20万吨…项目`), and the label itself never a project."""
    items, parts = read("counted_stage_paragraphs_compound_labels.txt")
    assert [(it.project_name, it.stage) for it in items] == [
        ("青梧产业园标准化厂房", "started"), ("梧江堤防加固工程", "started"), ("县第二小学", "started"),
        ("青梧至柳坪快速路", "ongoing"), ("县中医院门诊楼", "ongoing"),
        ("年产20万吨饲料加工项目", "completed"), ("青梧物流分拨中心", "completed"),
        ("柳坪水库", "preparatory"), ("青梧通用机场", "preparatory"),
    ]
    (part,) = project_parts(parts)
    assert (part.facts_read, part.problem) == (9, None)
