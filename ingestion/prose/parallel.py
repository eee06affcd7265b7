"""A second figure in a `、`-list that names its subject the way the first one did, less the first one's owner.

Why: `金融机构各项存款余额236.5亿元、各项贷款余额168.2亿元` states two balances of the same institutions; the second
name leaves out the words both share (`金融机构`), as a printed list does. Read as printed it would be a subject of
its own, a statistic of nobody. The key convention (shared words distributed) gives it the first one's owner back.

Only a parallel name takes the owner: as long as the first name's tail after the owner, opening and closing with
the same words (`各项存款余额` / `各项贷款余额`). A later figure about something else (`规模以上工业增加值…、工业投资…`)
has another shape and keeps its own name.
"""
from __future__ import annotations

PARALLEL_MIN = 4  # the repeated part is a name of its own (`各项贷款余额`), not a word or two
EDGE = 2  # characters at each end both names share (`各项` … `余额`)


def parallel_owner(item: str, first: str) -> str | None:
    """`item` with the words in front of the part of `first` it mirrors (`各项贷款余额`, `金融机构各项存款余额` →
    `金融机构各项贷款余额`); None when it mirrors no tail of `first`."""
    n = len(item)
    if n < PARALLEL_MIN or len(first) <= n:
        return None
    tail = first[-n:]
    if tail != item and tail[:EDGE] == item[:EDGE] and tail[-EDGE:] == item[-EDGE:]:
        return first[:-n] + item
    return None
