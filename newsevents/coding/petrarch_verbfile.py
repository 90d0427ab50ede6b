"""Reading PETRARCH/TABARI verb dictionary files: synsets, verb blocks, forms and patterns.

This module only splits a file into its parts (with errors that name the file and line);
:mod:`newsevents.coding.petrarch_verbs` turns the parts into lexicon patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsevents.errors import DictionaryError

_HEADER = re.compile(r"^---\s+(?P<name>[^\[]+?)\s*(?P<codes>(?:\[[^\]]*\]\s*)+)(?:---)?\s*$")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{[^}]*\}")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*$")
_COMMENT = re.compile(r"<!--.*?-->|(?:^|\s)#.*$")  # '#' in "[###]" is not a comment
JOIN = "_"  # between two pattern words that must be adjacent ("MOST_CERTAINLY")


@dataclass(slots=True)
class Block:
    """A ``--- VERB [code] ---`` block while the file is read."""

    name: str
    code: str
    line: int
    forms: list[tuple[str, str | None, int]] = field(default_factory=list)  # phrase, code, line
    patterns: list[tuple[str, str, int]] = field(default_factory=list)  # body, code, line


def read_verb_file(text: str, *, origin: str) -> tuple[dict[str, list[list[str]]], list[Block]]:
    """Synsets (name -> member word lists) and verb blocks, in file order."""
    synsets: dict[str, list[list[str]]] = {}
    blocks: list[Block] = []
    synset: str | None = None
    block: Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", raw).strip()
        where = f"{origin}:{number}"
        if not line:
            synset = None
            continue
        if synset is not None and line.startswith("+"):
            synsets[synset].append(split_words(line[1:]))
            continue
        synset = None
        if line.startswith("&"):
            synset = _synset_name(line, where)
            synsets[synset] = []
            block = None
        elif line.startswith("---"):
            block = _header(line, number, where)
            blocks.append(block)
        elif block is None:
            raise DictionaryError(
                f"{where}: {line!r} is outside a verb block; start one with '--- VERB [code] ---'."
            )
        elif line.startswith("-"):
            block.patterns.append(_pattern_line(line, number, where))
        else:
            block.forms.append(_form_line(line, number, where))
    return synsets, blocks


def _synset_name(line: str, where: str) -> str:
    parts = line.split()
    if len(parts) != 1 or len(parts[0]) < 2:
        raise DictionaryError(f"{where}: expected a synset name such as '&TIETYPES', got {line!r}.")
    return parts[0].rstrip("_").upper()


def _header(line: str, number: int, where: str) -> Block:
    match = _HEADER.match(line)
    if match is None:
        raise DictionaryError(
            f"{where}: expected a verb block header such as '--- ABANDON [345] ---', got {line!r}."
        )
    codes = _BRACKET.findall(match["codes"])
    return Block(name=match["name"].strip(), code=codes[0].strip(), line=number)


def _pattern_line(line: str, number: int, where: str) -> tuple[str, str, int]:
    match = _PATTERN.match(line)
    if match is None:
        raise DictionaryError(
            f"{where}: a pattern line needs a code in brackets, e.g. '- * TIES [064]'; "
            f"got {line!r}."
        )
    if "*" not in match["body"]:
        raise DictionaryError(f"{where}: the pattern {line!r} has no '*' marking the verb.")
    return match["body"], match["code"].strip(), number


def _form_line(line: str, number: int, where: str) -> tuple[str, str | None, int]:
    codes = _BRACKET.findall(line)
    phrase = _FORMS.sub(" ", _BRACKET.sub(" ", line)).strip()
    if not phrase or "{" in phrase or "}" in phrase or len(codes) > 1:
        raise DictionaryError(
            f"{where}: expected a verb form such as 'ABANDON', 'DOWNPLAY [014]' or "
            f"'BAN {{BANS BANNED}}', got {line!r}."
        )
    return phrase, (codes[0].strip() if codes else None), number


def split_words(phrase: str) -> list[str]:
    return [w for chunk in phrase.split() for w in chunk.split("_") if w]


def pattern_tokens(phrase: str) -> list[str]:
    """The words of a pattern body, with :data:`JOIN` between words written with ``_``."""
    out: list[str] = []
    for chunk in phrase.split():
        words = [w for w in chunk.split("_") if w]
        out.extend(joined(words))
    return out


def joined(words: list[str]) -> list[str]:
    """A synset member or ``_`` phrase: its words with :data:`JOIN` between them."""
    out: list[str] = []
    for word in words:
        if out:
            out.append(JOIN)
        out.append(word)
    return out
