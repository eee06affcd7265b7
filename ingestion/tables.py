"""Indicator tables (表N / 专栏N laid out as cells). Being written."""
from __future__ import annotations

from .document import Document
from .records import IndicatorValue


def extract_table_indicators(doc: Document) -> list[IndicatorValue]:
    return []
