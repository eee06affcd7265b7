"""Project lists. Being written."""
from __future__ import annotations

from .document import Document
from .records import ProjectItem


def extract_projects(doc: Document) -> list[ProjectItem]:
    return []
