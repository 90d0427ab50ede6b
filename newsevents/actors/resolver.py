"""Resolve noun phrases of a parsed document into :class:`~newsevents.model.Actor` records.

:class:`ActorResolver` is built once from :class:`ActorKnowledge`; :meth:`ActorResolver.for_doc`
makes one pass over a document and returns a :class:`DocActors` that answers
:meth:`DocActors.actors_at` for any noun phrase head.

The pass, in document order:

1. match every name, role word, short name and blocked phrase (longest first);
2. resolve short names ("Kim", "Shoigu") to the person named in full earlier in the article,
   else to the only known person with that short name on the event date;
3. resolve each noun phrase that contains a match, and the anaphoric phrases "the country",
   "the two countries", "the latter", "the minister" against the actors seen before them;
4. remember unknown proper names that came with a role ("Prime Minister Falastur") so a later
   bare "Falastur" is the same actor.

Composition follows PETRARCH: an actor code, then the codes of the role words in the phrase
(``IRQ`` + ``police`` -> ``IRQCOP``; prefix codes such as ``NGO~`` go first), each 3-letter
code once; "former" turns role codes into ``ELI``. A named person keeps the code of the role
they held on the event date (the words around the name only add nothing).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from newsevents.actors.anaphora import ANAPHORS, Anaphora, definite
from newsevents.actors.entries import ActorEntry, Variant, join_codes, split_code
from newsevents.actors.knowledge import ActorKnowledge
from newsevents.actors.mentions import Mention, find_mentions
from newsevents.doctree import DocTree
from newsevents.model import Actor

CORE_DEPS = frozenset(
    {
        "compound",
        "amod",
        "nmod",
        "poss",
        "det",
        "nummod",
        "flat",
        "nn",
        "quantmod",
        "predet",
        "case",
        "appos",
        "npadvmod",
        "poss:wh",
    }
)
PREPS = frozenset({"of", "from", "in"})
SPECIFIC = ("person", "org", "media", "body")
# Entries whose own code stands: role words around them add a role, not codes.
NAMED_KINDS = frozenset({"person", "org", "media"})
# A seat of government named as the place of an event ("a bombing in Kabul") is the country,
# not its government ("Kabul said" is the government).
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "throughout"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


@dataclass(frozen=True, slots=True)
class _Found:
    """The matches inside one noun phrase."""

    actors: tuple[Mention, ...]
    agents: tuple[Mention, ...]
    former: bool
    tokens: frozenset[int]


class ActorResolver:
    """Resolves actors in documents; stateless between documents."""

    __slots__ = ("knowledge",)

    def __init__(self, knowledge: ActorKnowledge) -> None:
        self.knowledge = knowledge

    def for_doc(self, doc: Doc, *, date: dt.date | None) -> DocActors:
        return DocActors(self.knowledge, doc, date)


PROPN_ID = int(PROPN)


class DocActors(Anaphora):
    """The actors of one document, with in-document coreference already resolved."""

    def __init__(self, knowledge: ActorKnowledge, doc: Doc, date: dt.date | None) -> None:
        self._k = knowledge
        self._doc = doc
        self._t = DocTree.of(doc)
        self._date = date
        self._mentions = find_mentions(knowledge, doc, date)
        self._by_token: dict[int, Mention] = {}
        for m in self._mentions:
            for i in range(m.start, m.end):
                self._by_token[i] = m
        self._cache: dict[int, list[Actor]] = {}
        self._history: list[tuple[int, list[Actor]]] = []
        self._names: dict[str, list[Actor]] = {}
        # pure functions of an entry (on this document's date) and of a code, asked often
        self._variants: dict[int, tuple[Variant, ...]] = {}
        self._split: dict[str, tuple[str | None, str | None]] = {}
        self._walk()
        self._marks = sorted(set(self._by_token) | set(self._cache))

    # -- public API --------------------------------------------------------------------
    def actors_at(self, token: Token) -> list[Actor]:
        """The actor(s) of the noun phrase headed by ``token``; [] when it names none."""
        return self.actors_of(token.i)

    def actors_of(self, i: int) -> list[Actor]:
        """:meth:`actors_at` the token at index ``i`` of the document."""
        cached = self._cache.get(i)
        if cached is not None:
            return list(cached)
        if not self._marked(*self._t.edges(i)):
            return []  # fast path: no name, role word or resolved phrase under this token
        return self._resolve(i, self._collect(i))

    def actor_in_span(self, span: Span) -> list[Actor]:
        """The actor(s) named inside an arbitrary span (no grammar, just the matches)."""
        tokens = frozenset(range(span.start, span.end))
        return self._compose_all(self._found(tokens), self._t.span_text(span.start, span.end))

    @property
    def mentions(self) -> Sequence[Mention]:
        return self._mentions

    @property
    def doc(self) -> Doc:
        return self._doc

    def _marked(self, first: int, last: int) -> bool:
        at = bisect_left(self._marks, first)
        return at < len(self._marks) and self._marks[at] <= last

    # -- the pass ----------------------------------------------------------------------
    def _walk(self) -> None:
        t = self._t
        heads = {self._climb(m.root) for m in self._mentions if m.kind != "block"}
        # most words are none of these: look closer only at the ones that can be
        maybe = [
            i
            for i, (lower, pos) in enumerate(zip(t.lowers, t.pos, strict=True))
            if pos == PROPN_ID or lower in ANAPHORS
        ]
        for i in sorted(heads.union(maybe)):
            lower = t.lowers[i]
            maybe_name = bool(self._names) and t.pos[i] == PROPN_ID and i not in self._by_token
            if i not in heads and lower not in ANAPHORS and not maybe_name:
                continue
            actors: list[Actor] | None = None
            if lower in ANAPHORS:
                actors = self._anaphor(i)
            if actors is None and i in heads:
                actors = self._resolve(i, self._collect(i))
                self._remember_name(i, actors)
            if actors is None and maybe_name:
                known = self._names.get(lower)
                if known and t.deps[i] not in ("compound", "flat"):
                    actors = [replace(a, text=t.words[i]) for a in known]
            if actors:
                self._cache[i] = actors
                self._history.append((i, actors))

    def _climb(self, i: int) -> int:
        heads, deps = self._t.heads, self._t.deps
        while deps[i] in CORE_DEPS and heads[i] != i:
            i = heads[i]
        return i

    def _remember_name(self, i: int, actors: list[Actor]) -> None:
        """ "Prime Minister Falastur" -> a later "Falastur" is the same actor."""
        if (
            len(actors) == 1
            and self._t.pos[i] == PROPN_ID
            and i not in self._by_token
            and actors[0].sector is not None
        ):
            token = self._doc[i]
            self._names[token.lower_] = [replace(actors[0], name=_proper_name(token))]

    # -- grammar: which tokens belong to the phrase ------------------------------------
    def _collect(self, head: int) -> frozenset[int]:
        out: set[int] = set()
        agent_head = (m := self._by_token.get(head)) is not None and m.kind == "agent"
        self._gather(head, out, root=True, allow_in=agent_head)
        if self._t.deps[head] == "conj" and not any(
            self._by_token.get(i) and self._by_token[i].kind == "actor" for i in out
        ):
            self._inherit(self._t.heads[head], out, allow_in=agent_head)
        return frozenset(out)

    def _gather(self, i: int, out: set[int], *, root: bool, allow_in: bool) -> None:
        t = self._t
        out.add(i)
        for child in t.children[i]:
            dep = t.deps[child]
            if dep in CORE_DEPS or (not root and dep in ("conj", "cc")):
                self._gather(child, out, root=False, allow_in=allow_in)
            elif (
                dep == "prep"
                and (lower := t.lowers[child]) in PREPS
                and (lower != "in" or allow_in)
            ):
                out.add(child)
                for obj in t.children[child]:
                    if t.deps[obj] == "pobj":
                        self._gather(obj, out, root=False, allow_in=False)

    def _inherit(self, first: int, out: set[int], *, allow_in: bool) -> None:
        """'Danish media and government': the second conjunct borrows the first one's
        modifiers and prepositional phrases."""
        t = self._t
        for child in t.children[first]:
            dep = t.deps[child]
            if dep in ("amod", "compound", "poss", "nmod") and child < first:
                self._gather(child, out, root=False, allow_in=False)
            elif dep == "prep" and t.lowers[child] in PREPS:
                self._gather(child, out, root=False, allow_in=allow_in)

    # -- composition -------------------------------------------------------------------
    def _found(self, tokens: frozenset[int]) -> _Found:
        ordered = sorted(tokens)
        by_token, cache = self._by_token, self._cache
        seen: list[Mention] = []
        anaphors: list[Mention] = []
        for i in ordered:
            m = by_token.get(i)
            if m is None:
                if i in cache:
                    anaphors.append(Mention(i, i + 1, i, "actor", resolved=tuple(cache[i])))
            elif (not seen or seen[-1] is not m) and _inside(m, tokens):
                seen.append(m)
        actors = sorted([m for m in seen if m.kind == "actor"] + anaphors, key=lambda m: m.start)
        return _Found(
            actors=tuple(actors),
            agents=tuple(m for m in seen if m.kind == "agent" and self._is_role(m)),
            former=any(m.kind == "former" for m in seen),
            tokens=tokens,
        )

    def _is_role(self, agent: Mention) -> bool:
        """A role word counts unless it only describes a thing: "military equipment"
        (but "government troops", "Russia's military delegation" and "state media KCNA"
        count, because what they modify is itself an actor or a role)."""
        t, root = self._t, agent.root
        if t.deps[root] not in MODIFIER_DEPS or t.heads[root] == root:
            return True
        head = t.heads[root]
        other = self._by_token.get(head)
        return (other is not None and other.kind in ("actor", "agent")) or t.pos[head] == PROPN_ID

    def _resolve(self, head: int, tokens: frozenset[int]) -> list[Actor]:
        found = self._found(tokens)
        if not found.actors and not found.agents:
            return []
        text = self._t.span_text(min(tokens), max(tokens) + 1)
        if not found.actors and found.agents and definite(self._t, head):
            earlier = self._role_antecedent(found.agents[-1], head)
            if earlier:
                return [replace(earlier, text=text)]
        return self._compose_all(found, text)

    def _compose_all(self, found: _Found, text: str) -> list[Actor]:
        if not found.actors:
            if not found.agents:
                return []
            return [self._compose(None, None, found, text)]
        base = _pick_base(found.actors)
        group = _conj_root(self._t, base.root)
        alternatives = [base] + [
            m
            for m in found.actors
            if m is not base and _conj_root(self._t, m.root) == group and m.root != base.root
        ]
        out: list[Actor] = []
        for mention in sorted(alternatives, key=lambda m: m.start):
            if mention.resolved:
                out.extend(self._with_agents(a, found, text) for a in mention.resolved)
                continue
            entry = mention.entry
            variants = self._at(entry) if entry else ()
            if entry is not None and entry.kind == "seat" and self._located(mention.root):
                variants = tuple(Variant(v.country, v.country) for v in variants if v.country)
            for variant in variants:
                out.append(self._compose(entry, variant, found, text))
        return out

    def _located(self, root: int) -> bool:
        """A city named as where something happened: the object of a locative preposition
        ("a bombing in Kabul" is AFG, "police in Nairobi" KENCOP, "officials in Kabul" AFGGOV)."""
        t = self._t
        head = t.heads[root]
        return (
            t.deps[root] == "pobj"
            and t.lowers[head] in LOCATIVE_PREPS
            and t.ent_type(root) not in ("ORG", "FAC")  # "outside the White House": its government
        )

    def _at(self, entry: ActorEntry) -> tuple[Variant, ...]:
        """``entry.at(date)``, once per entry and document (the mentions keep it alive)."""
        variants = self._variants.get(id(entry))
        if variants is None:
            variants = self._variants[id(entry)] = entry.at(self._date)
        return variants

    def _compose(
        self, entry: ActorEntry | None, variant: Variant | None, found: _Found, text: str
    ) -> Actor:
        agents = [m.agent for m in found.agents if m.agent is not None]
        words = " ".join(self._t.span_text(m.start, m.end).lower() for m in found.agents)
        if entry is not None and variant is not None and entry.kind in NAMED_KINDS:
            code, role = variant.code, variant.role or words or None
        else:
            prefix = "".join(a.prefix for a in agents)
            suffix = "ELI" if found.former and agents else "".join(a.suffix for a in agents)
            base = variant.code if variant is not None else ""
            code = join_codes(prefix, base) if prefix else (base or "---")
            code = join_codes(code, suffix)
            role = next((a.role for a in agents if a.role), None) or (words or None)
            if variant is not None and variant.role and not agents:
                role = variant.role
        split = self._split.get(code)
        if split is None:
            split = self._split[code] = split_code(code, self._k.sector_types)
        country, sector = split
        if variant is not None and variant.country:
            country = variant.country
        name = _name(entry, words)
        org = variant.org if variant is not None else None
        return Actor(
            text=text, name=name, country=country, sector=sector, org=org, code=code, role=role
        )

    def _with_agents(self, actor: Actor, found: _Found, text: str) -> Actor:
        """An anaphor ("the country") inside a larger phrase ("the country's military")."""
        if not found.agents:
            return replace(actor, text=text)
        variant = Variant(actor.code, actor.country, actor.sector, actor.org, actor.role)
        entry = self._k.country(actor.country or "")
        return self._compose(entry, variant, found, text)


def _inside(m: Mention, tokens: frozenset[int]) -> bool:
    return tokens.issuperset(range(m.start, m.end))


def _pick_base(actors: Iterable[Mention]) -> Mention:
    actors = list(actors)
    for kinds in (("person",), SPECIFIC):
        for m in actors:
            if m.entry is not None and m.entry.kind in kinds:
                return m
    return actors[0]


def _conj_root(t: DocTree, i: int) -> int:
    while t.deps[i] == "conj" and t.heads[i] != i:
        i = t.heads[i]
    return i


def _name(entry: ActorEntry | None, words: str) -> str:
    if entry is None:
        return words
    if entry.kind in NAMED_KINDS or not words:
        return entry.name
    return f"{entry.name} {words}"


def _proper_name(token: Token) -> str:
    parts = [c for c in token.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    parts = [p for p in parts if p.i == token.i - 1 or p.i < token.i]
    left = min((p.i for p in parts if p.ent_type_ == token.ent_type_), default=token.i)
    return token.doc[left : token.i + 1].text
