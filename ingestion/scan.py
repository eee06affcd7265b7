"""Regexes that skip ahead: a pattern searched through running text, compiled with a lookahead on the characters
its matches can start with.

Why: Python's `re` skips quickly to a candidate position only when a pattern starts with a literal or a single
character class. The genre's value and scope patterns start with a lookbehind (`(?<!\\d)…`), an optional word
(`(?:同比|比上年)?增长…`) or an alternation of such, so `re` tries the whole pattern at every character of every
clause, and almost every try fails at once. Led by `(?=[<first characters>])`, the engine rejects a position with
one class test. The first characters are read off the pattern's own parse, so the guard cannot drift from the
pattern; a pattern whose first character cannot be pinned down (a leading `.`, a negated class, a
back-reference, case-insensitive flags) is compiled as it is. The matches (spans, groups, `lastgroup`) are those
of the plain pattern: the lookahead only admits the positions where a match can start.
"""
from __future__ import annotations

import re
from functools import lru_cache

try:  # the parser `re` itself uses (a private module, renamed in Python 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_CATEGORY_CLASS = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


class _Unknown(Exception):
    """The first character of a match cannot be pinned down to a set."""


def _first_of_sequence(items) -> tuple[list[str], bool]:
    """(class pieces for the first character, whether the sequence can match the empty string)."""
    pieces: list[str] = []
    for op, av in items:
        first, nullable = _first_of(op, av)
        pieces += first
        if not nullable:
            return pieces, False
    return pieces, True


def _first_of(op, av) -> tuple[list[str], bool]:
    if op is _c.LITERAL:
        return [re.escape(chr(av))], False
    if op is _c.IN:
        return [_class_piece(o, a) for o, a in av], False
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _first_of_sequence(sub)
    if op is _c.BRANCH:
        pieces: list[str] = []
        nullable = False
        for alternative in av[1]:
            first, empty = _first_of_sequence(alternative)
            pieces += first
            nullable = nullable or empty
        return pieces, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        first, nullable = _first_of_sequence(sub)
        return first, nullable or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first_of_sequence(av)
    if op in _ZERO_WIDTH:  # a lookaround or an anchor consumes nothing: the next item starts the match
        return [], True
    raise _Unknown  # ANY, NOT_LITERAL, a back-reference, a conditional …


def _class_piece(op, av) -> str:
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is _c.CATEGORY and av in _CATEGORY_CLASS:
        return _CATEGORY_CLASS[av]
    raise _Unknown  # a negated class, …


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """A character class (`[…]`) holding every character a match of `pattern` can start with; None when that
    cannot be pinned down or a match can be empty."""
    try:
        parsed = _p.parse(pattern, flags)
        if (flags | parsed.state.flags) & re.IGNORECASE:
            return None
        pieces, nullable = _first_of_sequence(parsed)
    except _Unknown:
        return None
    if nullable or not pieces:
        return None
    return "[" + "".join(dict.fromkeys(pieces)) + "]"


def _skips_already(pattern: str, flags: int) -> bool:
    """`re` skips ahead by itself when the pattern opens with a literal, a class, or an alternation of literals
    (a lookahead in front would only hide that from it)."""
    items = _p.parse(pattern, flags)
    while True:
        if not len(items):
            return False
        op, av = items[0]
        if op is not _c.SUBPATTERN:
            break
        items = av[3]
    if op in (_c.LITERAL, _c.IN, _c.AT):  # an anchored pattern fails at once where the anchor does not hold
        return True
    return op is _c.BRANCH and all(len(alt) and alt[0][0] is _c.LITERAL for alt in av[1])


def scanner(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, led by a lookahead on its first characters when they can be pinned down
    and `re` does not skip ahead by itself: the same matches, found without trying the pattern at positions
    where none can start."""
    lead = None if _skips_already(pattern, flags) else first_characters(pattern, flags)
    if lead is not None:
        try:
            return re.compile(f"(?={lead})(?:{pattern})", flags)
        except re.error:  # e.g. inline global flags, which must open the pattern
            pass
    return re.compile(pattern, flags)


# --------------------------------------------------------------------------------------------------------------
# What every match must contain
# --------------------------------------------------------------------------------------------------------------


def _factor_options(items) -> list[frozenset[str]]:
    """For a sequence of parse items: the factor sets it is known to need. Each set holds regex pieces (a literal
    string or a character class); every match of the sequence contains a match of at least one piece of every set
    listed. Optional items, lookarounds and anything unpinnable give no set."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:  # consecutive literals: the whole string is in every match
            options.append(frozenset([re.escape("".join(run))]))
            run = []
        if op is None or op in _ZERO_WIDTH:
            continue  # a lookaround consumes nothing (and ends a literal run: shorter factors, still needed)
        options += _item_options(op, av)
    return options


def _item_options(op, av) -> list[frozenset[str]]:
    if op is _c.IN:
        try:
            return [frozenset(["[" + "".join(_class_piece(o, a) for o, a in av) + "]"])]
        except _Unknown:  # a negated class
            return []
    if op is _c.SUBPATTERN:
        return [] if av[1] & re.IGNORECASE else _factor_options(av[3])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        return _factor_options(av[2]) if av[0] >= 1 else []
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _factor_options(av)
    if op is _c.BRANCH:
        chosen = _cover([_factor_options(alt) for alt in av[1]])
        return [chosen] if chosen is not None else []
    return []  # ANY, NOT_LITERAL, a back-reference, a conditional …


def _score(option: frozenset[str]) -> tuple[int, int]:
    """How telling a factor set is: its shortest piece (a class counts as one character), then fewer pieces."""
    return min(1 if p.startswith(("[", "\\")) else len(p) for p in option), -len(option)


def _cover(alternatives: list[list[frozenset[str]]]) -> frozenset[str] | None:
    """One factor set for an alternation: a needed set of each alternative, choosing first the sets that the most
    alternatives share (`\\d` for every numeric alternative), so the union stays small. None when an alternative
    needs nothing that can be pinned down."""
    if any(not options for options in alternatives):
        return None
    chosen: set[str] = set()
    remaining = list(alternatives)
    while remaining:
        shared: dict[frozenset[str], int] = {}
        for options in remaining:
            for o in set(options):
                shared[o] = shared.get(o, 0) + 1
        best = max(shared, key=lambda o: (shared[o], _score(o)))
        chosen |= best
        remaining = [options for options in remaining if best not in options]
    return frozenset(chosen)


def needed(pattern: str, flags: int = 0) -> str | None:
    """A regex that finds something in every string holding a match of `pattern`: an alternation of the literal
    words and character classes its matches cannot do without (`\\d|持平|下达…` for the value phrases). Searched
    first, it rejects a string without running the pattern; a pattern match implies a hit, so the test drops
    nothing the pattern would have found. None when some match needs nothing that can be pinned down."""
    return needed_union((pattern,), flags)


@lru_cache(maxsize=256)
def _options_of(pattern: str, flags: int) -> tuple[frozenset[str], ...] | None:
    """The factor sets of one pattern (parsed once per process: the parser is slow Python)."""
    try:
        parsed = _p.parse(pattern, flags)
        if (flags | parsed.state.flags) & re.IGNORECASE:
            return None
        return tuple(_factor_options(parsed))
    except _Unknown:
        return None


def needed_union(patterns: tuple[str, ...], flags: int = 0) -> str | None:
    """`needed` of the alternation `p1|p2|…` of `patterns`, each pattern parsed once however many unions it
    is part of (e.g. the value phrases a scope kind reads)."""
    pieces = _needed_pieces(patterns, flags)
    return "|".join(pieces) if pieces else None


def _needed_pieces(patterns: tuple[str, ...], flags: int) -> list[str] | None:
    alternatives = [_options_of(p, flags) for p in patterns]
    if not alternatives or any(a is None for a in alternatives):
        return None
    chosen = _cover([list(a) for a in alternatives])
    if not chosen:
        return None
    words = [p for p in chosen if not p.startswith(("[", "\\"))]  # a word holding another needed word adds nothing
    kept = [p for p in chosen if p not in words or not any(w != p and w in p for w in words)]
    return sorted(kept, key=lambda p: (not p.startswith(("[", "\\")), p))


_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def hit_search(patterns: tuple[str, ...], flags: int = 0) -> re.Pattern | None:
    """A test for `needed_union(patterns)`: `.search(text)` finds something exactly when the needed alternation
    does (a one-character span: for a yes/no test only). Led by one character class, the first characters of
    the needed words and classes, with the rest of each checked around it (`[\\d持](?:(?<=[\\d])|(?<=持)(?=平))`),
    so `re` skips to a candidate in its own loop: a pattern led by a lookahead or an alternation of a class and
    words is tried at every position of the text."""
    pieces = _needed_pieces(patterns, flags)
    if not pieces:
        return None
    lead, rest = [], []
    for p in pieces:
        if p.startswith("["):  # a class (`_item_options`); an escaped `[` would start with a backslash
            lead.append(p[1:-1])
            rest.append(f"(?<={p})")
        else:
            word = _ESCAPE.sub(r"\1", p)
            first = re.escape(word[0])
            lead.append(first)
            rest.append(f"(?<={first})" + (f"(?={re.escape(word[1:])})" if len(word) > 1 else ""))
    return re.compile("[" + "".join(lead) + "](?:" + "|".join(rest) + ")", flags)
