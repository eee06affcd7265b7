"""Which lines of a report hold a word, found in the report's joined text instead of line by line.

Why: the project readers look for a few words of the genre (`项目` near the start of a stage-label paragraph, `专栏`
after a bracket, …) in every line of every report, and most lines hold none of them. `str.find` over the joined
text skips those lines in C; a Python step per line costs more than the test itself. The answer is exactly the
lines a per-line test would give: a line number is looked up from the match's offset.
"""
from __future__ import annotations

from ..document import Document

# Every character `str.isspace` (and so `\s`, `str.strip`, `str.split`) takes for whitespace, but the newline: a
# character class for a line's whitespace inside a pattern run over the joined text (tested against `str.isspace`).
LINE_SPACE = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


class LineText:
    """A report's lines joined by `\n`. Line numbers are counted from the newlines before an offset, in C, and
    only for the offsets asked about (a table of every line's offset would cost more than the searches)."""

    __slots__ = ("_utf16", "lines", "text")

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.text = "\n".join(lines)
        self._utf16: tuple[bytes, bytes] | None = None

    @property
    def utf16(self) -> tuple[bytes, bytes]:
        """The joined text as UTF-16-LE code units (surrogates kept) and the high byte of each unit, encoded once
        for the byte searches that read a character's block off its high byte (`view.py`: box-drawing characters,
        pictographs)."""
        if self._utf16 is None:
            units = self.text.encode("utf-16-le", "surrogatepass")
            self._utf16 = (units, units[1::2])
        return self._utf16

    @property
    def reversed(self) -> str:
        """The joined text backwards (a pattern that must end a line searched from the line's `\n` instead)."""
        return self.text[::-1]

    def line_of(self, offset: int) -> int:
        """The (1-based) number of the line the text offset falls in."""
        return self.text.count("\n", 0, offset) + 1

    def lines_at(self, offsets) -> list[int]:
        """`line_of` of each offset, the offsets in ascending order (the newlines are counted once, in one sweep)."""
        out, no, prev, text = [], 1, 0, self.text
        for i in offsets:
            no += text.count("\n", prev, i)
            prev = i
            out.append(no)
        return out

    def lines_with(self, word: str, within: int | None = None) -> list[int]:
        """Numbers of the lines holding `word`, each once, in order; with `within`, only where `word` lies in the
        line's first `within` characters (`word in line[:within]`)."""
        out: list[int] = []
        text, n = self.text, len(word)
        no, prev = 1, 0
        i = text.find(word)
        while i >= 0:
            no += text.count("\n", prev, i)
            prev = i
            if within is None or i + n <= text.rfind("\n", 0, i) + 1 + within:
                out.append(no)
            # the rest of this line need not be searched: found, or the first match already ends past `within`
            end = text.find("\n", i)
            if end < 0:
                break
            i = text.find(word, end)
        return out


def line_text(doc: Document) -> LineText:
    """The joined text of `doc`'s lines, built once per Document (kept on it, like a cached property)."""
    cached = doc.__dict__.get("_project_line_text")
    if cached is None or cached.lines is not doc.lines:
        cached = doc.__dict__["_project_line_text"] = LineText(doc.lines)
    return cached
