"""Entry point of the pure library: one report (its DocumentModel, or its text) in, all its records out."""
from __future__ import annotations

from .completeness import leave_out_incomplete
from .document import Document
from .investment import extract_investments
from .model import DocumentModel
from .projects import read_projects
from .prose import extract_prose_indicators
from .records import Extraction
from .tables import read_tables
from .text_blocks import text_blocks


def extract_text(text: str) -> Extraction:
    """Records of a report's text (its tables recognised from their text layout)."""
    return extract_document(text_blocks(text))


def extract_document(model: DocumentModel) -> Extraction:
    """Records of a report as its reader built it (`reading.read_document`): tables keep the container's grid.
    A row cut by the end of the file is left out and listed in `parts` (`completeness.py`)."""
    model, incomplete = leave_out_incomplete(model)
    out = extract(Document.from_model(model))
    out.parts.extend(f.part() for f in incomplete)
    return out


def extract(doc: Document) -> Extraction:
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
