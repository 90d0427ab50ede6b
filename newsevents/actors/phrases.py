"""Phrase keys and the longest-match phrase index used to find mentions in a document.

Phrases and document tokens are compared as *keys*: lower-case words, with hyphens, the
possessive ``'s`` and underscores treated as word breaks, so "Kim Jong-un", "KIM_JONG_UN" and
the spaCy tokens ``Kim Jong - un`` all give ``("kim", "jong", "un")``. The index maps the first
word of a key to its phrases, longest first, so matching a document is one dictionary lookup
per token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

_BREAKS = re.compile(r"[\s_]+|(?<=\w)-(?=\w)|(?<=\w)[’']s\b")
SKIP_TOKENS = frozenset({"-", "–", "'s", "’s", "'", "’", "s'"})


def phrase_key(text: str) -> tuple[str, ...]:
    """The key of a dictionary phrase ("North Korea's" -> ("north", "korea"))."""
    return tuple(w for w in (p.lower() for p in _BREAKS.split(text)) if w and w not in SKIP_TOKENS)


def is_caps_alias(text: str) -> bool:
    """All-capital short names ("US", "UN", "PA") only match capitals in the text."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def plural(word: str) -> str:
    """The regular English plural of the last word of a phrase (PETRARCH's rule, plus -man)."""
    lower = word.lower()
    if lower.endswith("man"):
        return word[:-3] + ("MEN" if word.isupper() else "men")
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + ("IES" if word.isupper() else "ies")
    if lower.endswith(("s", "x", "ch", "sh", "z")):
        return word + ("ES" if word.isupper() else "es")
    return word + ("S" if word.isupper() else "s")


@dataclass(frozen=True, slots=True)
class Phrase(Generic[T]):
    key: tuple[str, ...]
    value: T
    exact: tuple[str, ...] | None = None  # token texts that must match case-sensitively


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int  # index into the key sequence
    end: int  # exclusive
    values: tuple[T, ...]  # every value stored under the matched key, in load order


class PhraseIndex(Generic[T]):
    """An immutable longest-match index over phrase keys. Later duplicates of a key are kept
    after earlier ones; :meth:`find` returns every value stored under the winning key."""

    __slots__ = ("_by_first",)

    def __init__(self, phrases: Iterable[Phrase[T]]) -> None:
        groups: dict[tuple[str, ...], list[Phrase[T]]] = {}
        for p in phrases:
            if p.key:
                groups.setdefault(p.key, []).append(p)
        # first word -> length -> key -> phrases; lengths longest first
        by_first: dict[str, dict[int, dict[tuple[str, ...], tuple[Phrase[T], ...]]]] = {}
        for key, items in groups.items():
            by_first.setdefault(key[0], {}).setdefault(len(key), {})[key] = tuple(items)
        self._by_first = {
            first: tuple(sorted(by_length.items(), key=lambda kv: -kv[0]))
            for first, by_length in by_first.items()
        }

    def __len__(self) -> int:
        return sum(len(keys) for v in self._by_first.values() for _, keys in v)

    def lookup(self, key: tuple[str, ...]) -> tuple[T, ...]:
        for n, keys in self._by_first.get(key[0], ()) if key else ():
            if n == len(key) and key in keys:
                return tuple(p.value for p in keys[key])
        return ()

    def longest_at(
        self, keys: Sequence[str], texts: Sequence[str], pos: int
    ) -> tuple[int, tuple[T, ...]]:
        """(length, values) of the longest phrase starting at ``pos``; (0, ()) if none."""
        for n, by_key in self._by_first.get(keys[pos], ()):
            items = by_key.get(tuple(keys[pos : pos + n]))
            if items is None:
                continue
            values = tuple(
                p.value
                for p in items
                if p.exact is None or _caps_match(texts[pos : pos + n], p.exact)
            )
            if values:
                return n, values
        return 0, ()

    def scan(self, keys: Sequence[str], texts: Sequence[str]) -> list[Match[T]]:
        """Greedy left-to-right, longest-first, non-overlapping matches."""
        out: list[Match[T]] = []
        by_first = self._by_first
        pos = 0  # the first position a match may start at
        for start in [p for p, key in enumerate(keys) if key in by_first]:  # few words qualify
            if start < pos:
                continue
            n, values = self.longest_at(keys, texts, start)
            if n:
                out.append(Match(start, start + n, values))
                pos = start + n
        return out


def _caps_match(texts: Sequence[str], exact: tuple[str, ...]) -> bool:
    """Capitals as written; an acronym of four letters or more may also be written as a name
    ("Nato", "Farc", "Unicef"), shorter ones may not ("us" and "Us" are not the US)."""
    return len(texts) == len(exact) and all(
        t == w or (len(w) >= 4 and t == w.capitalize()) for t, w in zip(texts, exact, strict=True)
    )


def exact_form(text: str) -> tuple[str, ...] | None:
    """The case-sensitive token texts of an all-capitals alias, else None."""
    if not is_caps_alias(text):
        return None
    return tuple(w for w in _BREAKS.split(text) if w and w.lower() not in SKIP_TOKENS)
