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

from spacy.tokens import Doc

from newsevents.actors.entries import ActorEntry, AgentEntry
from newsevents.actors.knowledge import ActorKnowledge, Hit
from newsevents.actors.phrases import SKIP_TOKENS
from newsevents.doctree import DocTree
from newsevents.model import Actor

MentionKind = Literal["actor", "agent", "former", "block"]
_WORDS = re.compile(r"[\s_]+|(?<=\w)-(?=\w)")
NEGATING_PREFIXES = frozenset({"pro", "anti", "non"})
# "Al Qaeda-linked group", "Iran-backed militia": the group is not the named actor.
NEGATING_SUFFIXES = frozenset(
    {"linked", "backed", "allied", "affiliated", "aligned", "inspired", "funded", "sponsored"}
    | {"supported", "trained", "armed", "friendly", "leaning"}
)


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
    tree = DocTree.of(doc)  # the words from the parse arrays: no Token object per word
    words = tree.words
    where = [
        i
        for i, (text, space) in enumerate(zip(words, tree.is_space, strict=True))
        if text and not space and text not in SKIP_TOKENS
    ]
    texts = [words[i] for i in where]
    joined = " ".join(texts)
    if "-" in joined or "_" in joined:
        where, texts = _split_words(where, texts)
    keys = [text.lower() for text in texts]
    local: dict[tuple[str, ...], ActorEntry] = {}
    out: list[Mention] = []
    for match in knowledge.index.scan(keys, texts):
        start, end = where[match.start], where[match.end - 1] + 1
        key = tuple(keys[match.start : match.end])
        titled = bool(out) and out[-1].kind == "agent" and out[-1].end == start
        mention = _mention(knowledge, tree, start, end, key, match.values, local, date, titled)
        if mention is not None:
            out.append(mention)
    return out


def _split_words(where: list[int], texts: list[str]) -> tuple[list[int], list[str]]:
    """Hyphens and underscores inside a token are word breaks ("Jong-un", "KIM_JONG_UN")."""
    out_where: list[int] = []
    out_texts: list[str] = []
    for i, text in zip(where, texts, strict=True):
        words = _WORDS.split(text) if "-" in text or "_" in text else (text,)
        for word in words:
            if word:
                out_where.append(i)
                out_texts.append(word)
    return out_where, out_texts


def _mention(
    knowledge: ActorKnowledge,
    tree: DocTree,
    start: int,
    end: int,
    key: tuple[str, ...],
    hits: tuple[Hit, ...],
    local: dict[tuple[str, ...], ActorEntry],
    date: dt.date | None,
    titled: bool = False,
) -> Mention | None:
    """``titled``: a title comes right before ("President obama"), so a name written in
    lower case is still a name."""
    first = hits[0]
    root = _root(tree, start, end)
    if first.kind in ("agent", "former", "block"):
        return Mention(start, end, root, first.kind, agent=first.agent)
    words = tree.words
    cased = titled or any(_cased(words[i]) for i in range(start, end))
    if not cased or names_a_backer(tree, start, end):
        return None
    if first.kind == "actor" and first.actor is not None:
        for short in knowledge.short_keys.get(id(first.actor), ()):
            local[short] = first.actor
        return Mention(start, end, root, "actor", entry=first.actor)
    if not (titled or words[start][:1].isupper()):
        return None
    entry = local.get(key) or _best_short(
        [h.actor for h in hits if h.kind == "short" and h.actor is not None], date
    )
    return Mention(start, end, root, "actor", entry=entry) if entry is not None else None


def _cased(word: str) -> bool:
    """A capital anywhere marks a name, even mistyped ("iSrael"); an all lower-case word may be
    a common noun ("turkey", "chad")."""
    return any(c.isupper() for c in word)


def _best_short(candidates: list[ActorEntry], date: dt.date | None) -> ActorEntry | None:
    if not candidates:
        return None
    if date is not None:
        for entry in candidates:
            if any(v.covers(date) for v in entry.variants if v.dated):
                return entry
    return candidates[0]


def names_a_backer(tree: DocTree, start: int, end: int) -> bool:
    """'pro-Russian', 'anti-American', 'Iran-backed': the name in tokens ``[start, end)`` is not
    the actor (nor where anything happened)."""
    words, lowers = tree.words, tree.lowers
    if start >= 2 and words[start - 1] == "-" and lowers[start - 2] in NEGATING_PREFIXES:
        return True
    return end + 1 < len(words) and words[end] == "-" and lowers[end + 1] in NEGATING_SUFFIXES


def _root(tree: DocTree, start: int, end: int) -> int:
    heads = tree.heads
    for i in range(start, end):
        head = heads[i]
        if not start <= head < end or head == i:
            return i
    return end - 1
