"""Prose indicator figures. Being written."""
from __future__ import annotations

from .document import Document
from .records import IndicatorValue


def extract_prose_indicators(doc: Document) -> list[IndicatorValue]:
    return []
