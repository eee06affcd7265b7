"""Shortcuts taken for speed must give what the plain computation gives: a text table's text joined on first read,
the investment reader's clause split and set labels (memoised), the list view's box-character scan, a list line's
display width (counted by runs) and the count patterns skipped on lines that cannot end in a count."""
from __future__ import annotations

import dataclasses
import pickle
import random
import re
import unicodedata
from pathlib import Path

from ingestion.document import Document, squash
from ingestion.investment import _SEPARATORS, _last_clause, _parse_label
from ingestion.model import Cell, Table
from ingestion.projects.lists import _display_width
from ingestion.projects.stages import (
    _BRACKET_COUNT,
    _COUNT_TAIL,
    _DEEPER_ITEM,
    _DESCRIBED_ITEM,
    _KIND_END,
    _KIND_HEADING,
    _LABEL_COUNT,
    _LABEL_NUMBER,
    _LABEL_STAGE,
    _STAGE_LABEL_RE,
    _STAGE_LINE,
    group_label,
    kind_heading,
    parse_label,
    without_count,
)
from ingestion.projects.text_index import LineText
from ingestion.projects.view import _BOX_CHARS, _has_box_char, plain_view
from ingestion.text_blocks import text_blocks

_TEXT = "表1 主要指标\n\t指标\n\t目标\n\n\t地区生产总值增速\n\t6%\n\n\t一般公共预算收入\n\t12.5亿元\n\n正文段落。\n"


def _eager(table: Table) -> str:
    return "\n".join("\t".join(c.text for c in row) for row in table.rows)


def test_text_table_text_is_its_cells_joined():
    tables = text_blocks(_TEXT).tables
    assert tables
    for t in tables:
        assert t.text == _eager(t)
        assert "地区生产总值增速" in t.text


def test_lazy_table_text_survives_replace_pickle_and_equality():
    t = Table("table", None, 1, 3, rows=[[Cell("指标"), Cell("目标")], [Cell("增速"), Cell("6%")]])
    copy = dataclasses.replace(t, end=2)
    assert copy.text == "指标\t目标\n增速\t6%"
    again = pickle.loads(pickle.dumps(t))
    assert again.text == t.text and again == t
    given = Table("table", "as the reader printed it", 1, 1, rows=[[Cell("x")]])
    assert given.text == "as the reader printed it"  # a container's own text is kept, not rebuilt
    given.text = "changed"
    assert given.text == "changed"


def _last_clause_plain(pre: str):
    for i in range(len(pre) - 1, -1, -1):
        if pre[i] in _SEPARATORS:
            return pre[i + 1:], pre[i]
    return pre, None


def test_last_clause_matches_a_backward_scan():
    for pre in ("", "全年实施", "其中，新开工项目", "A、B（含C）共", "总投资：", "甲；乙,丙:丁"):
        assert _last_clause(pre) == _last_clause_plain(pre)


def test_set_label_memo_gives_the_same_reading_every_time():
    first = _parse_label("全年竣工投用项目")
    _parse_label.cache_clear()
    assert _parse_label("全年竣工投用项目") == first == ("项目", "竣工投用")


def test_plain_view_without_box_characters_is_the_document_itself():
    doc = Document.from_text("一、重点项目\n新开工项目：A产业园、B中心。\n")
    assert plain_view(doc) is doc
    framed = Document.from_text("专栏1 重点项目\n┌────┐\n│A产业园│\n└────┘\n")
    view = plain_view(framed)
    assert view is not framed and "A产业园" in view.lines[2] and "│" not in view.lines[2]


def _display_width_plain(text: str) -> int:
    return len(text) + sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")


def test_display_width_by_runs_matches_a_per_character_count():
    every_bmp = "".join(map(chr, range(0x10000)))
    for start in range(0, len(every_bmp), 997):  # every character of the plane, in mixed runs
        chunk = every_bmp[start:start + 997]
        assert _display_width(chunk) == _display_width_plain(chunk)
    for text in ("", "G3高速", "TOPCon电池、A城市更新（一期）", "ＡＢ全角", "😀表情𠀀字\U000e0001x", "plain ascii"):
        assert _display_width(text) == _display_width_plain(text)


def test_count_regexes_are_skipped_only_where_no_count_can_end():
    """`group_label`, `parse_label` and `without_count` run the count patterns only on a text that ends like a count
    (`）`, `)`, `个`, `项`, or a final newline before one): elsewhere none of them can match."""
    rng = random.Random(13)
    alphabet = "（()）个项共计12一十\n类项目：:。新开工 "
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(20000)]
    texts += ["新开工项目（3个）", "续建项目15个\n", "（一）交通基础设施（5项）", "二、交通类项目：", "A、B、C等项目。"]
    for text in texts:
        assert without_count(text) == _LABEL_COUNT.sub("", text)
        if text[-1:] not in "）)个项\n":
            assert not _LABEL_COUNT.search(text) and not _BRACKET_COUNT.search(text)
    for label in texts[:3000] + texts[-5:]:
        assert group_label.__wrapped__(label) == _group_label_plain(label)
        assert parse_label.__wrapped__(label) == _parse_label_plain(label)


def _group_label_plain(s: str):
    """`group_label` as it read before the count shortcut: every pattern run on every line."""
    m = _LABEL_NUMBER.match(s)
    numbered = bool(m)
    text = s[m.end():] if m else s
    colon = text.endswith(("：", ":"))
    text = text.rstrip("：:")
    stopped = text.endswith("。")
    if stopped:
        text = text[:-1]
    counted = bool(_LABEL_COUNT.search(text))
    bracket_count = bool(_BRACKET_COUNT.search(text))
    text = _LABEL_COUNT.sub("", text)
    if not text or len(text) > 16:
        return None
    if _STAGE_LABEL_RE.fullmatch(text):
        return None, text
    if stopped and not counted:
        return None
    if (numbered or colon or counted) and _KIND_END.search(text):
        return parse_label(text)
    if (numbered and counted or bracket_count) and not re.search(r"[，,。；;、：:]", text):
        return text, None
    return None


def _parse_label_plain(label: str):
    label = _LABEL_NUMBER.sub("", label)
    counted = _LABEL_COUNT.sub("", label)
    if counted and (_STAGE_LABEL_RE.fullmatch(counted) or _LABEL_COUNT.search(label)):
        label = counted
    if _STAGE_LABEL_RE.fullmatch(label):
        return None, label
    m = _LABEL_STAGE.search(label)
    if m and m.start() > 0 and _COUNT_TAIL.fullmatch(label[m.end():]):
        return label[: m.start()], m.group(0)
    return label, None


def test_box_character_test_by_utf16_units_matches_the_regex():
    every_bmp = "".join(map(chr, range(0x10000)))  # lone surrogates included
    for start in range(0, len(every_bmp), 61):
        chunk = every_bmp[start:start + 61]
        assert _has_box_char(LineText([chunk])) == bool(_BOX_CHARS.search(chunk)), hex(start)
    for text in ("", "6%增长", "◆ A项目 ■ B中心", "│A产业园│", "a─b", "\u257f", "\u2580●○", "😀𠀀", "\ud800─", "%%%"):
        assert _has_box_char(LineText([text])) == bool(_BOX_CHARS.search(text)), text


def test_first_character_before_squashing_is_the_squashed_lines_first():
    """`kind_heading` and the kind-group opener read a line's first character past whitespace before squashing it."""
    for line in ("", "   ", "\u3000（一）交通类项目", "\t1.先进制造业项目", " \u2003２.A类", "一、总体要求", "（1）A项目：总投资",
                 "\u00a0(二)社会民生项目（8个）", "\n3.基础设施项目"):
        assert line.lstrip()[:1] == squash(line)[:1]
        assert kind_heading(line, "（1）A项目：总投资5亿元") == _kind_heading_plain(line, "（1）A项目：总投资5亿元")


def _kind_heading_plain(line: str, following: str | None):
    s = "".join(line.split())
    if not (s[:1].isdecimal() or s[:1] in "（("):
        return None
    m = _KIND_HEADING.match(without_count(s))
    if not m or following is None or not _KIND_END.search(m.group(2)) or parse_label(m.group(2))[1]:
        return None
    nxt = "".join(following.split())
    deeper = _DEEPER_ITEM.match(nxt) if m.group(1)[0].isdigit() else _DESCRIBED_ITEM.match(nxt)
    return m.group(2) if deeper or _STAGE_LINE.match(nxt) else None


def _problem_plain(values):
    """`tables._problem` as first written: the values grouped per column, then a count per group."""
    from ingestion.quality import is_understood
    from ingestion.tables import MOSTLY_FAILED

    if not values:
        return "it reads as an indicator table but no value was read from it"
    by_column: dict = {}
    for v in values:
        by_column.setdefault(v.column_header or "", []).append(v)
    bad = [h for h, vs in by_column.items()
           if sum(1 for v in vs if not is_understood(v.value_raw, v.value_num)) > MOSTLY_FAILED * len(vs)]
    if bad:
        return f"most cells of value column(s) {'、'.join(bad)} are neither a figure nor a known qualitative phrase"
    return None


def test_table_problem_counted_in_one_pass_matches_the_grouped_count():
    from ingestion.records import IndicatorValue
    from ingestion.tables import _problem

    def v(header, raw, num):
        return IndicatorValue("table", "表1", 2024, "target", "地区生产总值增速", raw, num, "eq", 3,
                              column_header=header)
    cases = [
        [],
        [v("2024年目标", "6", 6.0), v("2024年目标", "完成市下达任务", None)],
        [v("2024年目标", "待定", None), v("2024年目标", "—", None), v("2024年目标", "6", 6.0),
         v("2023年完成", "5.2", 5.2), v(None, "另行", None), v(None, "另行", None)],
        [v("备注", "见说明", None), v("2024年目标", "7", 7.0), v("备注", "6", 6.0)],
    ]
    for values in cases:
        assert _problem(values) == _problem_plain(values)


def test_reviewed_year_skips_only_lines_without_a_year():
    from ingestion.metadata import _REVIEW_SECTION, _reviewed_year, title_text

    def plain(lines, plan_year):
        for line in lines:
            m = _REVIEW_SECTION.match(title_text(line))
            if m and int(m.group("year")) == plan_year - 1:
                return plan_year - 1
        return None
    for lines in (["一、发展形势", "二、2023年经济社会发展回顾", "正文。"], ["## 一、2023年计划执行情况"],
                  ["一、 2023 年经济运行情况"], ["一、经济社会发展回顾"], []):
        assert _reviewed_year(lines, 2024) == plain(lines, 2024)


def _candidates_eager(lines):
    """`metadata._candidates` as first written: every head line's title text made up front."""
    from ingestion import metadata as md

    limit = min(len(lines), md.HEAD_LINES)
    texts = [md.title_text(lines[i]) for i in range(limit)]
    for i in range(limit):
        if (not texts[i] or md._is_furniture(texts[i]) or md.NOTICE.match(texts[i]) or md._ISSUER.fullmatch(texts[i])
                or md.SESSION_DOCUMENT.fullmatch(texts[i])):
            continue
        joined, runs = "", []
        for span in range(3):
            j = i + span
            if j >= limit or not texts[j] or md._is_furniture(texts[j]) or md.SESSION_DOCUMENT.fullmatch(texts[j]):
                break
            joined += texts[j] if span else md._after_session_document(texts[j])
            runs.append(joined)
        yield from ((i + 1, text) for text in reversed(runs))
        for text in reversed(runs):
            m = md._REPORT_END.search(text)
            if m and m.end() < len(text):
                yield i + 1, text[: m.end()]


def test_metadata_title_texts_made_lazily_give_every_candidate():
    from ingestion.metadata import _candidates

    for lines in (["XX区人民政府", "", "关于XX区2023年国民经济和社会发展计划执行情况", "及2024年计划草案的报告",
                   "——2024年1月10日在XX区第一届人民代表大会第三次会议上", "正文。" * 40, "**表1 主要指标**"],
                  ["# XX县2024年国民经济和社会发展计划", "（此件公开发布）", "XX县发展和改革局"],
                  ["首页 > 政务公开", "XX市2022年计划执行情况和2023年计划的报告全文如下", ""], [], [""] * 100):
        assert list(_candidates(lines)) == list(_candidates_eager(lines))


def test_column_reader_gives_each_columns_texts_like_the_one_pass_gathering():
    from ingestion.headers import _column_reader, _column_texts

    c = Cell
    bodies = [
        [],
        [[c("1"), c("地区生产总值增速"), c("%"), c("6")], [c("2"), c("一般公共预算收入"), c("亿元"), c("")]],
        [[c("1"), None, c("x")], [c("")], [None, c("y"), c("z"), c("预期性")], [c(" "), c("a b")]],
    ]
    for body in bodies:
        plain = _column_texts(body)
        texts_of = _column_reader(body)
        for k in range(6):
            assert texts_of(k) == plain.get(k, [])


def test_a_caption_opens_with_a_caption_lead():
    """`line_block` asks `_is_caption_text` only of a text opening with `_CAPTION_LEADS` (or one it took marks off)."""
    from ingestion.blocks.lines import _CAPTION_LEADS, _is_caption_text, is_caption, line_block

    texts = ["表1 主要指标", "表一：2024年目标", "专栏2 重点项目", "专栏：说明", "附表1 项目表", "附件1", "续表", "续表2",
             "（续表）", "(续上表)", "附件：2024年计划表", "一、总体情况", "（一）经济运行", "1.地区生产总值", "第一部分",
             "注：带*为约束性指标", "全区地区生产总值增长6%。", "【经济发展】", "——经济质效稳步提升。", "表明", "表彰先进",
             "专项债券", "附近", "续建项目", "（1）城镇新增就业", "—— 表1"]
    for t in texts:
        if _is_caption_text(t):
            assert t[0] in _CAPTION_LEADS, t
    for t in texts + ["**表1 主要指标**", "### 表2 指标", "# 一、总体要求", "  表1 主要指标  ", "\u3000专栏1 重点项目"]:
        assert (line_block(t, 1).kind == "caption") == is_caption(t), t  # the plain test of the line


def _names_per_table_plain(values):
    from collections import defaultdict

    by_table = defaultdict(list)
    for v in values:
        by_table[v.table_title or "(untitled table)"].append(v)
    return {t: max(len({v.indicator_name for v in rows if v.measure == m}) for m in {v.measure for v in rows})
            for t, rows in by_table.items()}


def test_quality_figures_of_indicator_values_match_those_of_table_value_copies():
    from ingestion.quality import (
        TableValue,
        _names_per_table,
        indicators_per_table,
        is_understood,
        parsed_share,
        report_quality,
    )
    from ingestion.records import IndicatorValue

    def iv(title, seq, name, measure, raw, num, source="table"):
        return IndicatorValue(source, title, 2024, measure, name, raw, num, "eq", 1, seq=seq)
    indicators = [iv("表1", "1", "地区生产总值增速", "target", "6", 6.0), iv("表1", "1", "地区生产总值增速", "actual", "6.2", 6.2),
                  iv("表1", "2", "一般公共预算收入", "target", "完成市下达任务", None),
                  iv("表1", None, "其中：税收收入", "target", "待定", None), iv(None, None, "粮食产量", "target", "—", None),
                  iv(None, None, "粮食产量", "actual", "12", 12.0), iv("表2", None, "城镇新增就业", "target", "5000", 5000.0),
                  iv("全年目标", None, "地区生产总值增速", "target", "6%左右", 6.0, source="prose")]
    copies = [TableValue(v.table_title, v.seq, v.indicator_name, v.measure, v.value_raw, v.value_num)
              for v in indicators if v.source == "table"]
    assert _names_per_table(copies) == _names_per_table_plain(copies)
    assert parsed_share(copies) == sum(is_understood(v.value_raw, v.value_num) for v in copies) / len(copies)
    assert indicators_per_table(copies) == indicators_per_table(copies, _names_per_table_plain(copies))
    for text in ("计划报告7项指标中，完成5项", "正文", ""):
        figures, problems = report_quality(text, indicators)
        assert figures["parsed_share"] == parsed_share(copies)
        assert figures["found_per_table"] == indicators_per_table(copies)
        assert figures["table_values"] == len(copies) and figures["prose_values"] == 1


_BOX_HEADS = [
    "（一）交通基础设施", "（二）先进制造业", "（三）文化体育", "（四）城乡建设，推进A。", "二、产业发展", "（五）生态环保",
    "（六）加快推进产业转型升级，培育壮大新动能，实施一批重大项目", "三、深化改革开放", "（七）社会民生类项目",
]
_BOX_NEXT = [
    "◆ 枫林大道改造工程", "- 青石港物流园", "1.枫林新材料产业园（新开工），总投资12亿元，建设年限2023-2025年。",
    "新开工：枫林大道、青石桥。", "枫林体育中心；青石图书馆；城南文化馆。", "4.青石数据中心（新开工）。建设机房，总投资5亿元。",
    "A项目【续建】——建设厂房10万平方米，总投资12亿元。", "全面推进枫林新区建设，加快产业集聚。", "", "续建项目（6个）",
    "1.A园（新开工），建设年限2023年2.B园（续建），建设年限2024年（二）C类",
]


def test_box_group_heading_test_made_once_matches_the_five_tests():
    from ingestion.projects.finding import (
        _heads_box_group,
        _heads_bullets,
        _heads_described_items,
        _heads_numbered_items,
        _heads_semicolon_names,
        _heads_stage_lines,
    )
    seen = set()
    for head in _BOX_HEADS:
        for nxt in _BOX_NEXT:
            for gap in ("\n", "\n\n"):
                doc = Document.from_text(f"专栏1 重点项目\n{head}{gap}{nxt}\n结尾。\n")
                plain = (_heads_bullets(doc, 2) or _heads_numbered_items(doc, 2) or _heads_stage_lines(doc, 2)
                         or _heads_semicolon_names(doc, 2) or _heads_described_items(doc, 2))
                assert _heads_box_group(doc, 2, squash(doc.line(2))) == plain, (head, nxt)
                seen.add(plain)
    assert seen == {True, False}


def test_continuations_with_the_width_read_lazily_match_the_eager_width():
    from ingestion.projects import lists
    texts = [
        "新开工项目：枫林大道、青石桥、城南水厂、城北污水处理厂、青石港区二期码\n头、枫林体育中心。\n续建项目：A、B。\n",
        "- 枫林城市更新\n  （一期）\n- 青石港物流园\n短行\n",
        "枫林大道改造工程、青石桥、城南水厂、城北污水处理厂扩建工程\n青石港区二期码头、枫林体育中心、城北中学\n",
        "甲、乙\n丙\n",
    ]
    for text in texts:
        doc = Document.from_text(text)
        got = lists._joined_continuations(doc, 1, doc.n_lines)
        assert got == _eager_continuations(doc, 1, doc.n_lines), text


def _eager_continuations(doc, start, end):
    """`_joined_continuations` with the width of the widest piece read up front, as it was."""
    from ingestion.document import heading_level
    from ingestion.projects import lists
    from ingestion.projects.names import is_bulleted, item_text
    out, prev_bullet, prev_no = [], None, -1
    pieces = [(no, piece) for no in range(start, end + 1)
              for glued in lists._glued_symbol_split(doc.line(no)) for piece in lists._glued_item_split(glued)]
    width = max((lists._display_width(squash(raw)) for _, raw in pieces), default=0)
    for no, raw in pieces:
        s = item_text(raw)
        if not s or lists._NO_NAME.match(s):
            prev_bullet = None
            continue
        bulleted = is_bulleted(raw)
        opens_item = bulleted or heading_level(s) is not None
        if out and prev_bullet is not None and not opens_item and (
                lists._BRACKET_ONLY.match(s) or (lists._indent(raw) > lists._indent(prev_bullet)
                                                 and not lists._ANY_LIST_MARK.search(s) and len(s) <= 12)):
            out[-1] = (out[-1][0], out[-1][1] + s)
            prev_no = no
            continue
        if out and prev_no == no - 1 and not opens_item and lists._wrapped(squash(doc.line(prev_no)), s, width,
                                                                           out[-1][1]):
            out[-1] = (out[-1][0], out[-1][1] + s)
            prev_no = no
            continue
        out.append((no, s))
        prev_no = no
        prev_bullet = raw if bulleted else None
    return out


def test_prose_clause_passed_over_is_one_no_reader_takes():
    from ingestion.projects import prose
    from ingestion.projects.included import counted_stage, labelled
    from ingestion.scan import first_characters
    clauses = ["加快推进枫林大道建设", "全面完成青石桥改造", "尽快开工", "确保建成投用", "一是新开工A、B等项目", "坚持稳中求进",
               "新开工项目24个", "续建项目30个：A、B等", "经济运行总体平稳", "支持企业做大做强", "年内开工", "力争早日开工",
               "计划竣工项目（14个）", "项目：A中心", "以项目建设为抓手"]
    for clause in clauses:
        verb = prose._opening_verb(clause)
        if prose._passes_over(clause, verb):
            assert prose._clause_mentions(clause) is None and counted_stage(clause) is None
            assert ("：" not in clause and ":" not in clause) or labelled(clause) is None
            assert not prose._STAGE_CLAUSE.match(clause)
    # a stage clause (`尽快开工`, `确保建成投用`) always opens with a verb `_PROSE_VERB` reads: the loop asks
    # `_STAGE_CLAUSE` only of clauses with an opening verb
    words = ["早日开工", "尽早开工", "尽快开工", "开工建设", "开工", "建成投用", "建成", "投产", "投用"]
    adverbs = ["", "全力", "一是", "确保尽快", "力争", "基本", "加速"]
    for a in adverbs:
        for w in words:
            assert prose._STAGE_CLAUSE.match(a + w) and prose._opening_verb(a + w) is not None, a + w
    lead = re.compile(first_characters(prose._STAGE_CLAUSE.pattern))
    assert all(prose._VERB_LEAD.match(chr(c)) for c in range(0x3000, 0xA000) if lead.match(chr(c)))


def _name_of_stage_led_plain(text: str) -> str | None:
    from ingestion.projects.item_details import _STAGE_PHRASE, DESCRIBED_NAME_MAX, is_detail
    from ingestion.projects.names import split_outside_brackets

    sentences = [x for x in split_outside_brackets(text, "。") if x.strip()]
    if len(sentences) < 2:
        return None
    first = sentences[0].strip()
    if len(first) > DESCRIBED_NAME_MAX or any(p in first for p in "，,；;：:、"):
        return None
    clauses = [c.strip() for x in sentences[1:] for c in split_outside_brackets(x, "，,；;") if c.strip()]
    if len(clauses) < 2 or not _STAGE_PHRASE.fullmatch(clauses[0]) or not any(is_detail(c) for c in clauses[1:]):
        return None
    return f"{first}（{clauses[0]}）"


def test_stage_led_name_pre_test_matches_the_plain_reading():
    from ingestion.projects.item_details import name_of_stage_led

    texts = ["A产业园一期。续建项目，总投资9.4亿元，建设厂房12万平方米。", "。A产业园。新开工项目，总投资3亿元。",
             "加快A产业园建设，年内完成投资5亿元。续建项目，总投资9亿元。", "B园（一期。二期）。续建项目，总投资2亿元。",
             "  C中学迁建 。计划建成投用，总投资1.2亿元。", "D" * 41 + "。续建项目，总投资1亿元。", "没有句号的一行", ""]
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "projects"
    for path in sorted(fixtures.glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    for text in texts:
        assert name_of_stage_led(text) == _name_of_stage_led_plain(text), text
