"""Bytes of plain text → str, whatever the encoding a Chinese office saved it in.

Order, cheapest and surest first:

1. strict UTF-8 (with or without a BOM): the common case, and valid UTF-8 is almost never anything else;
2. a byte-order mark (UTF-32, UTF-16): the encoding is declared by the file itself;
3. a charset the container declares (an HTML page's `<meta charset>`), when the bytes decode with it;
4. detection by charset-normalizer. Without NUL bytes UTF-16/32 are left out of the candidates (short GBK text can
   look like UTF-16 to a detector); with NUL bytes only UTF-16 is a candidate (UTF-16 without a BOM), and
   anything else with NULs is binary.

GB2312 and GBK are decoded as GB18030, their superset, so a rare character outside GB2312 in a file labelled
GB2312 still reads. A result full of control characters is binary junk, not text, and is rejected.
"""
from __future__ import annotations

import codecs
import re

from ..errors import ReportError

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDE = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "euc_cn": "gb18030", "big5": "big5hkscs",
             "ascii": "utf-8", "us_ascii": "utf-8"}
_MAX_CONTROL_SHARE = 0.01  # text has tabs and line ends; other control characters mean binary data


def normalise_encoding(name: str | None) -> str | None:
    """A charset label (`GB2312`, `gbk`, `UTF8`) → the Python codec to decode it with, or None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return _SUPERSET.get(codec.replace("-", "_"), codec)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when the data starts with a byte-order mark."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def newlines(text: str) -> str:
    """CRLF and lone CR line ends → LF."""
    if "\r" not in text:  # one fast scan (most files end their lines with LF) instead of two replacing ones
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Unicode category Cc (C0 and C1 controls, DEL) less the whitespace controls text legitimately holds
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# the UTF-8 bytes of `_CONTROL`'s characters: C0 controls and DEL are single bytes, C1 controls \xc2\x80-\xc2\x9f
_C0_BYTES = tuple(bytes([b]) for b in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def _utf8_has_no_control(data: bytes) -> bool:
    """No `_CONTROL` character in the UTF-8 text of `data` (so `_control_share` is 0), decided on the bytes with
    memchr-fast searches instead of the pattern tried at every character of the text."""
    if any(b in data for b in _C0_BYTES):
        return False
    k = data.find(b"\xc2")  # a C1 control's lead byte; also that of `·`, `°`, `²`: few in a report
    while k >= 0:
        if k + 1 < len(data) and 0x80 <= data[k + 1] <= 0x9F:
            return False
        k = data.find(b"\xc2", k + 1)
    return True


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, codec name) from charset-normalizer, or None when nothing reads as text."""
    from charset_normalizer import from_bytes

    if b"\x00" in data:
        best = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be"], preemptive_behaviour=False).best()
    else:
        best = from_bytes(data, cp_exclusion=_WIDE).best()
    if best is None:
        return None
    enc = normalise_encoding(best.encoding) or best.encoding
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError):
        return str(best), best.encoding


def decode_bytes(data: bytes, declared: str | None = None, what: str = "file") -> tuple[str, str]:
    """(text, encoding used) for bytes of text; raises ReportError(decode) for binary data.

    Line ends are left as they are; the text keeps no BOM.
    """
    if not data.strip():
        raise ReportError("decode", f"the {what} is empty")
    nul = " (it contains NUL bytes)" if b"\x00" in data[:4096] else ""
    binary = ReportError("decode", f"the {what} is binary, not text{nul}: no text encoding "
                                   "(UTF-8, UTF-16, GB18030/GBK, …) reads it")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        # a file cut inside its last character (an interrupted download or copy) is UTF-8 up to the cut: read that
        # much, and the completeness check reports the cut (detection would call the whole file binary)
        cut = exc.reason == "unexpected end of data" and exc.end == len(data) and exc.start >= len(data) - 3
        text = data[:exc.start].decode("utf-8").removeprefix("\ufeff") if cut else None
    if text is not None:
        if b"\x00" not in data:  # valid UTF-8 with NULs may be UTF-16 without a BOM: detection decides
            if not _utf8_has_no_control(data) and _control_share(text) > _MAX_CONTROL_SHARE:
                raise binary
            return text, "utf-8"
    found = bom_encoding(data)
    if found:
        enc, n = found
        try:
            text = data[n:].decode(enc)
        except UnicodeDecodeError as exc:
            raise ReportError("decode", f"the {what} starts with a {enc.upper()} byte-order mark but is not valid "
                                        f"{enc.upper()} (byte {exc.start + n})") from None
        if _control_share(text) > _MAX_CONTROL_SHARE:
            raise binary
        return text, enc
    candidates = []
    if declared and (enc := normalise_encoding(declared)) and b"\x00" not in data:
        candidates.append(enc)
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= _MAX_CONTROL_SHARE:
            return text, enc
    detected = _detect(data)
    if detected is None or _control_share(detected[0]) > _MAX_CONTROL_SHARE:
        raise binary
    return detected


def decode_text(data: bytes) -> str:
    """A plain-text report → its text, with LF line ends."""
    text, _ = decode_bytes(data)
    text = newlines(text)
    if not text or text.isspace():  # `not text.strip()`, without copying the text
        raise ReportError("decode", "the file is empty (it holds only whitespace)")
    return text
