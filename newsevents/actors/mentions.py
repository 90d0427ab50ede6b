"""Find the dictionary phrases of a document: one longest-match scan, in document order.

Short names ("Kim", "Shoigu") are resolved here, because that needs the order of the
document: a short name means the person whose full name came earlier in the same article;
failing that, the first person in the dictionaries with that short name who holds a role on
the event date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc

from newsevents.actors.entries import ActorEntry, AgentEntry
from newsevents.actors.knowledge import ActorKnowledge, Hit
from newsevents.actors.phrases import SKIP_TOKENS
from newsevents.model import Actor

MentionKind = Literal["actor", "agent", "former", "block"]
_WORDS = re.compile(r"[\s_]+|(?<=\w)-(?=\w)")
NEGATING_PREFIXES = frozenset({"pro", "anti", "non"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A matched phrase: tokens ``[start, end)``; ``root`` is its syntactic head token."""

    start: int
    end: int
    root: int
    kind: MentionKind
    entry: ActorEntry | None = None
    agent: AgentEntry | None = None
    resolved: tuple[Actor, ...] = ()  # anaphors resolved by the document pass


def find_mentions(knowledge: ActorKnowledge, doc: Doc, date: dt.date | None) -> list[Mention]:
    keys: list[str] = []
    texts: list[str] = []
    where: list[int] = []
    strings = doc.vocab.strings
    # read the words from the parse arrays: no Token object per word
    for i, (orth, space) in enumerate(doc.to_array([ORTH, IS_SPACE]).tolist()):
        text = strings[orth]
        if space or text in SKIP_TOKENS:
            continue
        words = _WORDS.split(text) if "-" in text or "_" in text else (text,)
        for word in words:
            if word:
                keys.append(word.lower())
                texts.append(word)
                where.append(i)
    local: dict[tuple[str, ...], ActorEntry] = {}
    out: list[Mention] = []
    for match in knowledge.index.scan(keys, texts):
        start, end = where[match.start], where[match.end - 1] + 1
        key = tuple(keys[match.start : match.end])
        mention = _mention(knowledge, doc, start, end, key, match.values, local, date)
        if mention is not None:
            out.append(mention)
    return out


def _mention(
    knowledge: ActorKnowledge,
    doc: Doc,
    start: int,
    end: int,
    key: tuple[str, ...],
    hits: tuple[Hit, ...],
    local: dict[tuple[str, ...], ActorEntry],
    date: dt.date | None,
) -> Mention | None:
    first = hits[0]
    root = _root(doc, start, end)
    if first.kind in ("agent", "former", "block"):
        return Mention(start, end, root, first.kind, agent=first.agent)
    if not any(doc[i].text[:1].isupper() for i in range(start, end)) or _negated(doc, start):
        return None
    if first.kind == "actor" and first.actor is not None:
        for short in knowledge.short_keys.get(id(first.actor), ()):
            local[short] = first.actor
        return Mention(start, end, root, "actor", entry=first.actor)
    if not doc[start].text[:1].isupper():
        return None
    entry = local.get(key) or _best_short(
        [h.actor for h in hits if h.kind == "short" and h.actor is not None], date
    )
    return Mention(start, end, root, "actor", entry=entry) if entry is not None else None


def _best_short(candidates: list[ActorEntry], date: dt.date | None) -> ActorEntry | None:
    if not candidates:
        return None
    if date is not None:
        for entry in candidates:
            if any(v.covers(date) for v in entry.variants if v.dated):
                return entry
    return candidates[0]


def _negated(doc: Doc, start: int) -> bool:
    """'pro-Russian', 'anti-American': the country is not the actor."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in NEGATING_PREFIXES


def _root(doc: Doc, start: int, end: int) -> int:
    for i in range(start, end):
        head = doc[i].head.i
        if not start <= head < end or head == i:
            return i
    return end - 1
