"""Recognisers that turn the lines of a report's text into typed blocks (`ingestion/model.py`).

One concept per module: `lines` says what a single line is (heading, caption, note, list item, paragraph);
`cells` reads the genre's one-cell-per-line table layout; `rows` reads tables printed one row per line (cells
joined by TABs, by runs of spaces or by full-width spaces); `markdown` reads pipe tables; `fields` reads tables
flattened into labelled fields (`序号：1；指标名称：…`, `1.名称（%）：6（预期性）`); `captions` attaches a table's
caption (above or below it) and its notes. `ingestion/text_blocks.py` runs them in one pass.
"""
