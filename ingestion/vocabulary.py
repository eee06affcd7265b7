"""Words of the genre that more than one reader looks for, defined once so that the readers cannot drift apart.

- **Masthead.** Lines printed over a report's title that are not part of it: the session-document line
  (`XX市第十三届人民代表大会第六次会议文件之四`, `大会文件（8）`), a bracketed notice (`（此件公开发布）`) and a web
  page's chrome (breadcrumb, `来源：… 发布时间：…`, `打印本页`). The block reader gives such a paragraph its role
  (`blocks/masthead.py`); the title reader skips it (`metadata.py`). Both test a line with whitespace removed.
- **Verdict.** How a review table says whether a target was met: 是/否, 完成/未完成, √/×, `控制在目标以内`. The
  header interpreter recognises a verdict column by these words (`headers.py`); the table reader turns a cell into
  是/否 (`tables.py`).
- **Table labels.** The unit label (`单位：`), the note lead (`注：`, `资料来源：`), the attribute word
  (预期性/约束性) and the words of a table title, which the header interpreter and the table reader both meet.
- **Review part.** The words that name the part of a report reviewing the past year (`执行情况`, `完成情况`).
"""
from __future__ import annotations

import re

# --------------------------------------------------------------------------------------------------------------
# Masthead (a line with whitespace removed)
# --------------------------------------------------------------------------------------------------------------

# `fullmatch`: the whole line files the report among the session's papers
SESSION_DOCUMENT = re.compile(
    r"[\u4e00-\u9fa5]{0,30}(?:人民代表大会|人大|大会)[\u4e00-\u9fa5]{0,12}?(?:文件|材料|资料)"
    r"(?:之[一二三四五六七八九十\d]+|[（(〔]?[\d一二三四五六七八九十]+[）)〕]?)?"
)
# A line wholly in brackets (`（此件公开发布）`, `【大 中 小】`): a notice, never the start of a title.
NOTICE = re.compile(r"^[（(【\[〔][^（）()【】\[\]〔〕]{1,30}[）)】\]〕]$")
# `search`: breadcrumbs, source/date lines, print/close links, font-size links
CHROME = re.compile(
    r"[>＞»›]|^(?:来源|信息来源|发布时间|发布日期|发文日期|浏览次数|点击数|当前位置|您的位置|您当前的位置|分享到|字号|字体)[：:]?"
    r"|打印本页|关闭窗口|【(?:字体|字号)|扫一扫"
)

# --------------------------------------------------------------------------------------------------------------
# Verdict (a cell with whitespace removed)
# --------------------------------------------------------------------------------------------------------------

YES_MARKS = "√|✓|✔"
NO_MARKS = "×|✗|✘|╳"
# a target kept within its bound: `控制在目标以内`, `控制在年度控制目标内`
WITHIN_TARGET = r"控制在(?:年度|全年)?(?:目标|计划|预期|控制目标)(?:值)?(?:以内|之内|范围内|内)"
# `match`: a cell that opens with a verdict (`未完成（增长2.1%）` says 否)
# the figure went past the plan or fell short of it: `超过预期`/`超出目标` (as 超额完成), `低于预期`
_BEYOND = r"超(?:过|出)(?:预期|目标|年度目标|计划)"
_SHORT_OF = r"低于(?:预期|目标|年度目标|计划)"
VERDICT_NO = re.compile(rf"^(?:否|未完成|没有完成|尚未完成|未达到|未达|未达标|未实现|不达标|{_SHORT_OF}|{NO_MARKS})")
VERDICT_YES = re.compile(rf"^(?:是|已完成|完成|超额完成|达到|已达到|达标|实现|{_BEYOND}|{YES_MARKS}|{WITHIN_TARGET})")
# `match`: a cell that is a verdict and nothing else (what makes a column a verdict column)
VERDICT_WORD = re.compile(
    rf"^(?:是|否|达标|未达标|不达标|{YES_MARKS}|{NO_MARKS}"
    r"|(?:已|未|没有|超额|基本|尚未)?(?:完成|达到|达|实现)(?:预期|目标|年度目标|计划|要求|任务)?"
    rf"|{_BEYOND}(?:值)?|{_SHORT_OF}(?:值)?|{WITHIN_TARGET})$"
)

# --------------------------------------------------------------------------------------------------------------
# Table labels (a cell or line with whitespace removed)
# --------------------------------------------------------------------------------------------------------------

UNIT_LABEL = re.compile(r"^(?:计量)?单位[：:]")  # `单位：亿元` (not 责任单位, which names departments)
NOTE_START = re.compile(r"^(?:注|备注|说明|资料来源|数据来源)\s*\d*\s*[：:]")
ATTRIBUTE_WORD = re.compile(r"^(?:预期性?|约束性?)(?:指标)?$")
TABLE_TITLE_WORDS = re.compile(r"指标|目标|完成情况|执行情况|计划|预期|表$|[表单]（[^（）]*）$")

# --------------------------------------------------------------------------------------------------------------
# Review part
# --------------------------------------------------------------------------------------------------------------

REVIEW_PART_WORDS = r"执行情况|完成情况|情况回顾|工作回顾|主要成效"
