"""What a file's bytes are, from their content (magic numbers, archive members, markup), not from its name.

A report saved with the wrong extension is still read by what it is; a scan or a legacy binary document is
recognised so it can be rejected with a message that says what it is and what to do.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from .text import bom_encoding

# kinds read by a reader
TEXT, DOCX, HTML, PDF = "text", "docx", "html", "pdf"
# kinds rejected with an explanation
UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class Sniffed:
    kind: str
    what: str = ""  # for UNSUPPORTED: what the file is and what to do about it


_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_SCAN_ADVICE = "a scanned page has no text to read; OCR is not supported, a text, .docx, .html or text-layer .pdf is needed"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word/Excel/WPS 97-2003 compound file
_HTML_START = re.compile(rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_TAG = re.compile(rb"<(?:html|head|body|meta|title|p|div|table|br|span|h[1-6])[\s/>]", re.I)


def _zip_kind(data: bytes) -> Sniffed:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return Sniffed(UNSUPPORTED, "a damaged or unreadable zip archive (a .docx is a zip archive: is the file "
                                    "truncated?)")
    if "word/document.xml" in names:
        return Sniffed(DOCX)
    if "xl/workbook.xml" in names:
        return Sniffed(UNSUPPORTED, "an Excel workbook (.xlsx), not a report document")
    if "ppt/presentation.xml" in names:
        return Sniffed(UNSUPPORTED, "a PowerPoint presentation (.pptx), not a report document")
    if mimetype.startswith("application/vnd.oasis.opendocument"):
        return Sniffed(UNSUPPORTED, "an OpenDocument file (.odt/.ods), which is not read: save it as .docx")
    return Sniffed(UNSUPPORTED, "a zip archive: put the report files themselves in the folder")


def _prefix_text(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes (a UTF-16 page is re-encoded so markup can be seen)."""
    head = data[:4096]
    found = bom_encoding(head)
    if found and found[0].startswith(("utf-16", "utf-32")):
        enc, n = found
        return head[n:].decode(enc, "ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")


def looks_like_html(data: bytes, named_html: bool) -> bool:
    """A page starts with `<!DOCTYPE html>`/`<html>`; a file named .html/.htm may be a fragment with any tag."""
    head = _prefix_text(data)
    if _HTML_START.match(head):
        return True
    return named_html and bool(_HTML_TAG.search(head))


def sniff(data: bytes, suffix: str = "") -> Sniffed:
    """The kind of content in `data`; `suffix` (lower-case, with the dot) only breaks ties for markup."""
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and suffix == ".pdf"):
        return Sniffed(PDF)
    if data.startswith(_OLE):
        return Sniffed(UNSUPPORTED, "a Word/WPS/Excel 97-2003 binary document (.doc/.wps/.xls), which is not read: "
                                    "save it as .docx")
    if data.startswith(b"{\\rtf"):
        return Sniffed(UNSUPPORTED, "an RTF document, which is not read: save it as .docx")
    for magic, name in _IMAGES:
        if data.startswith(magic):
            return Sniffed(UNSUPPORTED, f"a {name} image (binary data, not text): {_SCAN_ADVICE}")
    if data.startswith(b"BM") and data[6:10] == b"\x00\x00\x00\x00":  # BMP: reserved fields are zero
        return Sniffed(UNSUPPORTED, f"a BMP image (binary data, not text): {_SCAN_ADVICE}")
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1") or (data.startswith(b"RIFF") and data[8:12] == b"WEBP"):
        return Sniffed(UNSUPPORTED, f"an image (binary data, not text): {_SCAN_ADVICE}")
    if looks_like_html(data, named_html=suffix in (".html", ".htm", ".xhtml", ".shtml")):
        return Sniffed(HTML)
    return Sniffed(TEXT)
