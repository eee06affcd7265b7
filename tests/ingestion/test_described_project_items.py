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
