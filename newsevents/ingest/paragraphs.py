"""Paragraph splitting and whitespace normalisation for plain text.

A paragraph is the unit that a sentence never crosses. Plain text marks paragraphs in two ways,
and the rule here handles both:

1. **Blank lines** separate paragraphs, always.
2. **A single line break** inside a block of lines is either a wrap inside a paragraph (the
   break becomes a space) or a paragraph break (many scraped files put one paragraph on each
   line, with no blank lines). It is a wrap when

   - the next line starts with a lowercase letter, or the line ends with a character that
     continues the sentence (a comma, a dash as in a dateline "BUDAPEST, Feb 24 (Wire) -", an
     opening bracket, a slash or an ampersand; a word broken at a hyphen, "well-" and
     "known", is joined without a space); or
   - the text is *hard-wrapped* (its longest line is at most :data:`WRAP_LIMIT` characters and
     at least half of its line breaks fall where the next line's first word would not have
     fitted on the line) and this line is full: the next line's first word would not have fitted.

   Every other single line break is a paragraph break. So a scraped line that ends without a
   full stop ("..., KCNA says") followed by a capitalised line ("According to ...") starts a new
   paragraph, and a short headline or dateline line stays apart from the body.

Inside a paragraph every run of whitespace (including non-breaking spaces and Unicode line
separators) becomes one space, control characters and lone surrogates are removed, and the
text is NFC-normalised.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

WRAP_LIMIT = 120
"""Longest line, in characters, of text that can count as hard-wrapped (typical widths: 72-100)."""

# C0/C1 controls that are not whitespace, zero-width spaces, BOMs and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u200b\u2060\ufeff\ud800-\udfff]")
_CONTINUES = (",", "-", "‐", "–", "—", "(", "/", "&")
_HYPHENATED = re.compile(r"\w-$")
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"})


def normalise_paragraph(text: str) -> str:
    """One paragraph: NFC, control characters removed, whitespace collapsed, stripped."""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return " ".join(text.split())


def _unify_line_breaks(text: str) -> str:
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    return _CONTROL.sub("", text)


def _first_word(line: str) -> str:
    parts = line.split(maxsplit=1)
    return parts[0] if parts else ""


def _starts_lowercase(line: str) -> bool:
    for char in line:
        if char.isalpha():
            return char.islower()
        if char.isdigit():
            return False
    return False


def _is_full(line: str, following: str, width: int) -> bool:
    """True when the next line's first word would not have fitted on ``line``."""
    return len(line) + 1 + len(_first_word(following)) > width


def _hard_wrap_width(blocks: list[list[str]]) -> int | None:
    """The wrap width when the text looks hard-wrapped, else None."""
    lines = [line for block in blocks for line in block]
    if not lines:
        return None
    width = max(len(line) for line in lines)
    if width > WRAP_LIMIT:
        return None
    pairs = [(a, b) for block in blocks for a, b in itertools.pairwise(block)]
    if len(pairs) < 2:
        return None
    full = sum(1 for a, b in pairs if _is_full(a, b, width))
    return width if 2 * full >= len(pairs) else None


def _is_wrap(line: str, following: str, width: int | None) -> bool:
    if _starts_lowercase(following) or line.endswith(_CONTINUES):
        return True
    return width is not None and _is_full(line, following, width)


def _split_block(block: list[str], width: int | None) -> list[str]:
    paragraphs = [block[0]]
    for line, following in itertools.pairwise(block):
        if not _is_wrap(line, following, width):
            paragraphs.append(following)
        elif _HYPHENATED.search(line) and _starts_lowercase(following):
            paragraphs[-1] += following  # "well-" + "known": keep the hyphen, no space
        else:
            paragraphs[-1] += " " + following
    return paragraphs


def split_paragraphs(text: str) -> list[str]:
    """Split plain text into normalised, non-empty paragraphs (see the module docstring)."""
    text = unicodedata.normalize("NFC", _unify_line_breaks(text))
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    width = _hard_wrap_width(blocks)
    out: list[str] = []
    for block in blocks:
        out.extend(p for p in (normalise_paragraph(x) for x in _split_block(block, width)) if p)
    return out
