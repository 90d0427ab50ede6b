"""Page furniture ("Leave a Reply", "Share this:", "Advertisement") at the edges of an article.

The phrases are data: ``newsevents/data/ingest/boilerplate.txt``, one phrase per line. A
paragraph at the start or the end of an article is furniture when its *key* (casefolded,
punctuation at both ends stripped, whitespace collapsed) is one of the phrases. Paragraphs in
the middle of an article are kept: a line that says "Comments" between two paragraphs of news
is rare, and dropping real text is worse than keeping a stray word.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import InputError

DEFAULT_PHRASES = Path(__file__).resolve().parent.parent / "data" / "ingest" / "boilerplate.txt"
_EDGE_PUNCTUATION = " \t:;.,!?…-–—|»«>•·*#()[]\"'“”‘’"


def furniture_key(text: str) -> str:
    """The comparison key of a paragraph or phrase: casefolded, edge punctuation stripped."""
    return " ".join(text.casefold().split()).strip(_EDGE_PUNCTUATION)


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A set of furniture phrases; build it with :meth:`load` or from phrases directly."""

    phrases: frozenset[str]

    @classmethod
    def from_lines(cls, lines: Sequence[str]) -> Boilerplate:
        keys = (furniture_key(line) for line in lines if not line.lstrip().startswith("#"))
        return cls(frozenset(key for key in keys if key))

    @classmethod
    def load(cls, path: Path | None = None) -> Boilerplate:
        """Read a phrase file (default: the packaged ``data/ingest/boilerplate.txt``)."""
        try:
            text = (path or DEFAULT_PHRASES).read_text(encoding="utf-8")
        except OSError as exc:
            where = str(path or DEFAULT_PHRASES)
            raise InputError(
                f"cannot read the boilerplate phrase file ({exc.strerror}); "
                "restore it or pass another file",
                path=where,
            ) from exc
        return cls.from_lines(text.splitlines())

    def is_furniture(self, paragraph: str) -> bool:
        return furniture_key(paragraph) in self.phrases

    def trim(self, paragraphs: Sequence[str]) -> list[str]:
        """Drop furniture paragraphs from the start and the end; keep the middle."""
        start, end = 0, len(paragraphs)
        while start < end and self.is_furniture(paragraphs[start]):
            start += 1
        while end > start and self.is_furniture(paragraphs[end - 1]):
            end -= 1
        return list(paragraphs[start:end])


@functools.cache
def default_boilerplate() -> Boilerplate:
    """The packaged phrase list, read once per process (the file is immutable package data)."""
    return Boilerplate.load()
