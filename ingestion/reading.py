"""Bytes of a report file → its text.

Reports arrive as UTF-8 with or without a BOM (other encodings and containers come later); anything that is
not text is rejected here with a message naming the problem rather than producing garbage facts.
"""
from __future__ import annotations

from .errors import ReportError


def decode_report(data: bytes) -> str:
    if not data.strip():
        raise ReportError("decode", "the file is empty")
    if b"\x00" in data[:4096]:
        raise ReportError("decode", "the file is binary, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportError("decode", f"the file is not valid UTF-8 text (byte {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
