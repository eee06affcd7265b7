"""Entry point of the pure library: one report's text in, all its records out."""
from __future__ import annotations

from .document import Document
from .investment import extract_investments
from .projects import read_projects
from .prose import extract_prose_indicators
from .records import Extraction
from .tables import read_tables


def extract_text(text: str) -> Extraction:
    doc = Document.from_text(text)
    out = Extraction(meta=doc.meta)
    table_values, table_parts = read_tables(doc)
    out.indicators.extend(table_values)
    out.parts.extend(table_parts)
    out.indicators.extend(extract_prose_indicators(doc))
    projects, project_parts = read_projects(doc)
    out.projects.extend(projects)
    out.parts.extend(project_parts)
    out.investments.extend(extract_investments(doc))
    return out
