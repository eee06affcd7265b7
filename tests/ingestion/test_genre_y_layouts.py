"""Layout classes first met in genre batch y, each read from a small invented fixture of its own."""
from __future__ import annotations

from pathlib import Path

from ingestion.process import process_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "genre_y"


def _processed(name: str):
    path = FIXTURES / name
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    return processed


def test_a_box_grid_ruled_under_every_row_joins_each_rows_wrapped_lines_and_keeps_its_full_width_group_rows():
    """`box_grid_wrapped_cells.txt`: a table drawn with box characters as a PDF's text copy prints it, a rule
    under every row, a cell too long for its column going on on the row's next text line (a name, a unit, a
    qualitative value, a header label), full-width group rows between `├──┴──┤` rules, a `其中：` sub-row without
    a 序号, no 属性 column and `√`/`×` verdicts. Each row is one indicator with its cells' pieces joined."""
    processed = _processed("box_grid_wrapped_cells.txt")
    got = sorted(((v.seq, v.category, v.parent_name, v.indicator_name, v.unit, v.measure, v.value_raw,
                  v.achieved_raw, v.attribute) for v in processed.extraction.indicators if v.source == "table"), key=repr)
    g1, g2 = "一、产业发展", "二、生态环境"
    assert got == sorted([
        ("1", g1, None, "农林牧渔业总产值增速", "%", "target", "4", None, None),
        ("1", g1, None, "农林牧渔业总产值增速", "%", "actual", "4.6", "是", None),
        ("2", g1, None, "社会固定资产投资增速", "%", "target", "9", None, None),
        ("2", g1, None, "社会固定资产投资增速", "%", "actual", "7.2", "否", None),
        (None, g1, "社会固定资产投资增速", "工业投资增速", "%", "target", "12", None, None),
        (None, g1, "社会固定资产投资增速", "工业投资增速", "%", "actual", "13.5", "是", None),
        ("3", g2, None, "细颗粒物年均浓度", "微克/立方米", "target", "≤30", None, None),
        ("3", g2, None, "细颗粒物年均浓度", "微克/立方米", "actual", "28.4", "是", None),
        ("4", g2, None, "主要污染物排放总量减少", "%", "target", "完成省定目标", None, None),
        ("4", g2, None, "主要污染物排放总量减少", "%", "actual", "完成省定目标", "是", None),
    ], key=repr)
    assert not processed.problems


def _projects(name: str) -> list[tuple]:
    processed = _processed(name)
    assert not processed.problems
    return [(p.list_title, p.category, p.stage_raw, p.stage, p.project_name) for p in processed.extraction.projects]


def test_a_plain_text_box_with_kind_headings_over_hard_wrapped_stage_lines_reads_every_name_whole():
    """`wrapped_kind_stage_lines.txt`: a 专栏 printed as plain lines (no frame), `（一）产业升级` kind headings over
    `新开工：…` stage lines, the text cut at the page width mid-name and right after a `、`; the lines holding Latin
    letters and digits (`5G`, `PCB`, `LNG`) hold more characters at the same printed width. Every name is read
    whole with its kind and stage; the task paragraph after the box gives none."""
    t, g1, g2 = "专栏22032年重点建设项目", "产业升级", "公共服务"
    assert _projects("wrapped_kind_stage_lines.txt") == [
        (t, g1, "新开工", "started", "青川湾智能制造产业园"),
        (t, g1, "新开工", "started", "东岭5G基站配套工程"),
        (t, g1, "新开工", "started", "星河科技PCB电路板二期"),
        (t, g1, "新开工", "started", "临港LNG储配站"),
        (t, g1, "新开工", "started", "青川智算中心"),
        (t, g1, "续建", "ongoing", "北山生物医药产业园"),
        (t, g1, "续建", "ongoing", "南湖数字经济产业园"),
        (t, g1, "续建", "ongoing", "白鹭洲新材料产业基地改扩建工程"),
        (t, g2, "新开工", "started", "青川市第三人民医院"),
        (t, g2, "新开工", "started", "城西实验学校"),
        (t, g2, "竣工", "completed", "滨江体育馆"),
        (t, g2, "竣工", "completed", "青川市图书馆新馆"),
    ]


def test_a_stage_matrix_cell_printing_one_name_a_line_lists_each_name_and_a_wrapped_name_stays_whole():
    """`markdown_stage_matrix_br.md`: a converter's pipe table with the stages as column headers (`领域 | 新开工项目
    | 续建项目 | 竣工项目`) and the names of one cell separated by `<br>`, one name a line; a line that stops short of
    a name's end (`西山生态修复` / `工程`) is the same name wrapped."""
    t, a, b, c = "专栏32032年重大项目安排", "先进制造", "城市配套", "生态环保"
    s, o, d = ("新开工项目", "started"), ("续建项目", "ongoing"), ("竣工项目", "completed")
    assert _projects("markdown_stage_matrix_br.md") == [
        (t, a, *s, "云泽光电显示产业园二期"), (t, a, *s, "北岸氢能装备制造基地"), (t, a, *s, "星港精密模具中心"),
        (t, a, *o, "云泽动力电池三期"), (t, a, *o, "东湾半导体封测项目"), (t, a, *d, "南塘机器人产业园"),
        (t, b, *s, "云泽东站综合交通枢纽"), (t, b, *s, "江北污水处理厂扩建工程"),
        (t, b, *o, "滨湖大道快速化改造工程"), (t, b, *o, "云泽第二中学"), (t, b, *d, "新区人民医院"),
        (t, c, *s, "湿地公园"), (t, c, *o, "西山生态修复工程"), (t, c, *d, "北湖绿道"),
    ]
