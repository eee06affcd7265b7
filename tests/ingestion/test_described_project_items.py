"""Project lists whose items are a name with its stage tag and then a sentence describing the works, each read
from a small invented fixture of its own."""
from __future__ import annotations

from pathlib import Path

from ingestion.process import process_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _processed(path: Path):
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    return processed


def test_a_box_of_kind_lines_over_items_named_then_described_in_a_sentence():
    """`projects/kind_lines_over_described_items.txt`: a 专栏 whose `一、…` kind lines head items numbered on across
    the kinds, `N.名称（阶段）。建设内容…，总投资X亿元，年度计划投资Y亿元。`: the first sentence is the name and its
    stage tag, the next one describes the works (no names in it); a bracket of the name's own stays
    (`（2032年度）（续建）`); the task paragraph after the box ends it."""
    processed = _processed(FIXTURES / "projects" / "kind_lines_over_described_items.txt")
    assert [(p.project_name, p.stage, p.stage_raw, p.category) for p in processed.extraction.projects] == [
        ("青梧抽水蓄能电站", "preparatory", "前期", "能源水利"),
        ("东溪灌区续建配套（2032年度）", "ongoing", "续建", "能源水利"),
        ("青梧县城北片区棚户区改造", "started", "新开工", "城乡建设"),
        ("县第二人民医院迁建", "completed", "竣工", "城乡建设"),
    ]


def test_a_phone_article_list_of_pictograph_stage_lines_over_circled_items():
    """`projects/pictograph_stage_lines_circled_items.txt`: no 专栏, a title line and bare stage lines with their
    counts, each opened by an emoji (`🗂️2032年县级重点项目清单`, `🚀新开工项目（3个）`), over items numbered ①②③: the
    emoji are decoration, the stage line opens the list and the title line above names it."""
    processed = _processed(FIXTURES / "projects" / "pictograph_stage_lines_circled_items.txt")
    assert [(p.list_title, p.project_name, p.stage, p.stage_raw) for p in processed.extraction.projects] == [
        ("2032年县级重点项目清单", "岚溪县城东污水处理厂扩建", "started", "新开工项目"),
        ("2032年县级重点项目清单", "岚溪县中医院门诊楼", "started", "新开工项目"),
        ("2032年县级重点项目清单", "岚溪至松口旅游公路（一期）", "started", "新开工项目"),
        ("2032年县级重点项目清单", "岚溪县工业园区标准厂房", "ongoing", "续建项目"),
        ("2032年县级重点项目清单", "岚溪县全民健身广场", "ongoing", "续建项目"),
        ("2032年县级重点项目清单", "岚溪县110千伏输变电工程", "completed", "建成投用项目"),
    ]


def test_a_box_of_sector_lines_over_items_whose_description_opens_with_their_stage():
    """`projects/stage_led_item_descriptions.txt`: a 专栏 grouped by counted sector lines (`先进制造类（3个）`), each
    item `N.名称。<stage words>，总投资X亿元，…`: the first sentence is the name, the stage words that open the
    description (`续建项目`, `新开工项目`, `计划建成投用`, `加快推进前期工作`) are the item's stage, and the rest
    (sizes of the works) is no name; a bracket of the name's own stays (`（2032年）`); the task heading after the box
    ends it."""
    processed = _processed(FIXTURES / "projects" / "stage_led_item_descriptions.txt")
    assert [(p.project_name, p.stage, p.stage_raw, p.category) for p in processed.extraction.projects] == [
        ("岚江经开区智能装备产业园一期", "ongoing", "续建项目", "先进制造类"),
        ("年产3万吨特种纸生产线项目", "started", "新开工项目", "先进制造类"),
        ("岚江食品产业园（二期）", "completed", "计划建成投用", "先进制造类"),
        ("市妇幼保健院迁建工程", "preparatory", "加快推进前期工作", "社会事业类"),
        ("岚江第三中学", "started", "新开工项目", "社会事业类"),
        ("城北片区雨污分流改造（2032年）", "ongoing", "续建项目", "社会事业类"),
    ]


def test_the_works_of_items_whose_description_opens_with_their_stage_are_no_prose_targets():
    """`projects/stage_led_item_descriptions.txt`: the sizes in an item's description (`建设生产线2条`, `改造管网38公里`)
    describe one project of the box, not the year's work targets of the task section; the task prose after the box
    still gives its target (`新增高新技术企业20家以上`)."""
    processed = _processed(FIXTURES / "projects" / "stage_led_item_descriptions.txt")
    assert [(r.indicator_name, r.value_raw) for r in processed.extraction.indicators if r.source == "prose"] == [
        ("新增高新技术企业", "20家以上")]


def test_a_box_of_items_whose_stage_tag_runs_straight_into_the_works():
    """`projects/stage_tag_glued_to_works.txt`: counted sector lines (`（一）产业发展项目（3个）`) over items
    `N．名称〔阶段〕建设内容…，总投资X亿元，…。` with no dash or comma between the stage tag and the works: the name ends
    at the tag, the works are no name and their sizes no prose targets."""
    processed = _processed(FIXTURES / "projects" / "stage_tag_glued_to_works.txt")
    assert [(p.project_name, p.stage, p.stage_raw, p.category) for p in processed.extraction.projects] == [
        ("梧川精密铸件产业园", "started", "新开工", "产业发展项目"),
        ("梧川光伏组件基地二期", "ongoing", "续建", "产业发展项目"),
        ("梧川冷链物流中心", "completed", "竣工", "产业发展项目"),
        ("梧川区东片区供水管网改造", "ongoing", "续建", "民生保障项目"),
        ("区第三中学", "preparatory", "前期", "民生保障项目"),
    ]
    assert [r.indicator_name for r in processed.extraction.indicators
            if r.source == "prose" and "〔" in r.indicator_name] == []


def test_bracketed_stage_lines_over_dashed_items_without_a_stage_tag():
    """`projects/stage_lines_over_dashed_untagged_items.txt`: stage lines in 【】 over items
    `N.名称——建设内容，总投资X亿元。` that carry no tag of their own: the name is the text before the dash (a head noun
    or the works it names, `…管网改造`, `…中学迁建`), the stage is the line's; an item whose name opens with digits
    (`2.150兆瓦…` after item 1) is item 2, not the number 2.150; the item right above a stage line is no kind
    heading; the works' sizes are no prose targets."""
    processed = _processed(FIXTURES / "projects" / "stage_lines_over_dashed_untagged_items.txt")
    assert [(p.project_name, p.stage, p.stage_raw) for p in processed.extraction.projects] == [
        ("松岚县20万吨马铃薯精深加工项目", "started", "新开工项目"),
        ("松岚县老城区燃气管网改造", "started", "新开工项目"),
        ("松岚河城区段护岸加固工程", "started", "新开工项目"),
        ("松岚经济开发区道路管网建设", "ongoing", "续建项目"),
        ("150兆瓦光伏发电项目", "ongoing", "续建项目"),
        ("松岚县中医院住院楼", "completed", "竣工项目"),
        ("松岚县第二中学迁建", "completed", "竣工项目"),
    ]
    assert [r.indicator_name for r in processed.extraction.indicators if r.source == "prose"] == [
        "新建高标准农田", "粮食总产量"]


def test_markdown_blockquote_box_of_dashed_items_whose_stage_closes_the_item():
    """`projects/blockquote_dashed_items_stage_last.md`: a clipper sets the dateline and the 专栏 as Markdown
    blockquotes (`> …`); the box's items print name, dash, works, investment, and the stage last in brackets after
    the final period (`1. A项目——建设…。总投资…。（新开工）`) under bold sector lines. The quote marks are no text
    (`formats/markdown.py`), the items are projects with their stage and sector, and a `>40%` stays a comparison."""
    from ingestion.formats.markdown import unquote

    path = Path(__file__).resolve().parents[1] / "fixtures" / "projects" / "blockquote_dashed_items_stage_last.md"
    processed = process_report(path.name, path.read_bytes())
    assert processed.ok, processed.error
    assert [(p.project_name, p.stage, p.category) for p in processed.extraction.projects] == [
        ("柏原县光储充一体化示范项目", "started", "产业发展"), ("柏原县农产品冷链集配中心", "ongoing", "产业发展"),
        ("柏原县第二人民医院扩建", "completed", "社会事业")]
    text = path.read_text(encoding="utf-8")
    assert len(processed.text.splitlines()) == len(text.splitlines())  # source lines still point into the file
    assert unquote("> > A\n>\n 城区绿化覆盖率>40%\n>90%\n") == "A\n\n 城区绿化覆盖率>40%\n>90%\n"
