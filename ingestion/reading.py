"""Bytes of a report file → its text in the layout the extractors read, whatever the container.

The kind of file is decided by its content first (a .docx is a zip with `word/document.xml`, a PDF starts with
`%PDF-`, a page starts with `<!DOCTYPE html>`/`<html>`), so a report saved under the wrong extension still reads;
the extension only decides for markup fragments (`.html`/`.htm`). Each container has its reader in
`ingestion/formats/`, and every reader writes the same text layout (`ingestion/layout.py`), so a report gives the
same facts, with line numbers into that text, as .txt (any encoding), .docx, .html or .pdf. `read_document` also
gives the blocks: a container's tables with their real grids, a text's tables recognised from its layout
(`text_blocks.py`).

What cannot be read (a scan, a legacy .doc, binary junk, an empty file) is rejected here with a ReportError of
stage `decode` whose message says what the file is and what to do, never turned into garbage facts.
"""
from __future__ import annotations

from pathlib import PurePath

from .errors import ReportError
from .figures_width import halfwidth_figures
from .formats import markdown
from .formats import sniff as sn
from .formats.text import decode_text, newlines
from .model import DocumentModel
from .text_blocks import text_blocks

CONTAINER_NAMES = {".docx": "a Word document", ".pdf": "a PDF", ".doc": "a Word document", ".wps": "a WPS document"}


def _docx_reader():
    from .formats.docx import docx_document

    return docx_document


def _html_reader():
    from .formats.html import html_document

    return html_document


def _pdf_reader():
    from .formats.pdf import pdf_document

    return pdf_document


_CONTAINER_READERS = {sn.DOCX: _docx_reader, sn.HTML: _html_reader, sn.PDF: _pdf_reader}


def decode_report(data: bytes) -> str:
    """Plain text in any supported encoding → str (kept for callers that know they hold text)."""
    return decode_text(data)


def read_report(report_file: str, data: bytes) -> str:
    """One report file's bytes → its text (LF line ends, one paragraph per line, tables as tab-led cells)."""
    return read_document(report_file, data).text


def read_document(report_file: str, data: bytes) -> DocumentModel:
    """One report file's bytes → its DocumentModel: the text `raw.reports.text` stores (LF line ends, one
    paragraph per line, tables as tab-led cells) and its blocks, with the container's real table grids."""
    suffix = PurePath(report_file).suffix.lower()
    if not data or data.isspace():  # `not data.strip()`, without copying the file
        raise ReportError("decode", "the file is empty" + (" (it holds only whitespace)" if data else ""))
    found = sn.sniff(data, suffix)
    if found.kind == sn.UNSUPPORTED:
        raise ReportError("decode", f"the file is {found.what}")
    if found.kind in (sn.DOCX, sn.HTML, sn.PDF):
        try:
            model = _CONTAINER_READERS[found.kind]()(data)
        except ReportError:
            raise
        except Exception as exc:  # a reader bug or a malformed file must quarantine one file with a clear stage
            raise ReportError("decode", f"the {found.kind} file could not be read ({type(exc).__name__}: {exc})") from None
    else:
        try:
            text = decode_text(data)
        except ReportError as exc:
            if suffix in CONTAINER_NAMES:
                raise ReportError("decode", f"the file is named {suffix} but is not {CONTAINER_NAMES[suffix]}, "
                                            f"and not text either: {exc.message}") from None
            raise
        text = newlines(text)
        if suffix in markdown.SUFFIXES:
            text = markdown.unquote(text)  # `> 专栏1 …` lines: a clipper's quoting, read as the lines under it
        model = text_blocks(halfwidth_figures(text))
    if not model.text or model.text.isspace():  # `not model.text.strip()`, without copying the text
        raise ReportError("decode", f"the {found.kind} file holds no text")
    return model
