"""Bytes to text: byte-order marks, binary detection and invalid UTF-8.

Files are read as UTF-8. A byte-order mark selects UTF-8, UTF-16 or UTF-32 instead. A file
whose first 8 KB hold a NUL byte, or more than 10 % control bytes, is binary and is not read.
Invalid UTF-8 is decoded with U+FFFD replacement characters, and the caller gets a warning
that says where the first bad byte is.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

SNIFF_BYTES = 8192
MAX_CONTROL_RATIO = 0.10

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that plain text does contain: tab, line feed, vertical tab, form feed,
# carriage return, escape (ANSI colours in logs), backspace.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b\x08")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes; ``warning`` says what was replaced, if anything was."""

    text: str
    warning: str | None = None


def _bom(data: bytes) -> tuple[str, int] | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of a file look binary, or None when they look like text."""
    if _bom(head) is not None:
        return None
    sample = head[:SNIFF_BYTES]
    if b"\x00" in sample:
        return "it holds NUL bytes"
    controls = sum(
        1 for byte in sample if (byte < 32 or byte == 127) and byte not in _TEXT_CONTROLS
    )
    if sample and controls / len(sample) > MAX_CONTROL_RATIO:
        return f"{controls / len(sample):.0%} of its first bytes are control bytes"
    return None


def decode(data: bytes) -> Decoded:
    """Decode bytes as UTF-8 (or the encoding a BOM names), replacing invalid sequences."""
    found = _bom(data)
    encoding, skip = found if found else ("utf-8", 0)
    body = data[skip:]
    try:
        return Decoded(body.decode(encoding))
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        warning = (
            f"not valid {name} (first bad byte at offset {exc.start + skip:,}); decoded with "
            "U+FFFD replacement characters; re-save the file as UTF-8"
        )
        return Decoded(body.decode(encoding, errors="replace"), warning)
