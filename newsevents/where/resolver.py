"""Where an event happened: the place on its own verb, then in its sentence, then the dateline.

Order of evidence for one event (the first that gives a place wins):

1. a locative phrase on the trigger ("hosted Shoigu *in Pyongyang*", "*near Kharkiv*", "travelled
   *to Beijing*"), or the trigger's direct object when the verb is an attack or visit verb and the
   object is a city ("shelled *Kharkiv*"); a relative clause on an event noun counts as the
   trigger's ("the meeting, which took place *in Geneva*");
2. a place named in any other locative phrase of the sentence, nearest to the trigger first;
3. for a definite event noun ("*The meeting* took place on Wednesday"), the place of the sentence
   before, which that noun refers back to (one sentence back, no further);
4. the dateline of the article.

Subjects and objects of the trigger are actors, never places ("Russia" and "Ukraine" in "Russia
attacked Ukraine"). A phrase with no name ("at the border") gives nothing, and the search goes on.

Disambiguation of a name shared by several places (``choose``): a country or US state beats a city
of the same name; then, in order, candidates in the state or country named elsewhere in the sentence
("Paris, Texas"), in the countries of the event's actors, in the dateline's state or country, in
the countries bordering the actors'. Without such evidence the most populous candidate wins only
when it is ten times larger than the next one (Paris, France over Paris, Texas); otherwise the name
stays unresolved (Tripoli: Libya or Lebanon). When actor countries are known and no candidate is in
or next to them, a candidate on another continent is never taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

import yaml
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from newsevents.actors.mentions import names_a_backer
from newsevents.doctree import DocTree
from newsevents.errors import DictionaryError
from newsevents.model import Place
from newsevents.where.gazetteer import Candidate, Gazetteer

GRAMMAR_FILE = Path(__file__).resolve().parent.parent / "data" / "places" / "grammar.yaml"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"})
SPECIFICITY = {"city": 0, "admin1": 1, "country": 2}
DOMINANCE = 10  # the largest candidate wins without evidence only when this many times larger
EVENT_NOUN_POS = frozenset({int(NOUN), int(PROPN)})
VERB_POS = frozenset({int(VERB), int(AUX)})
PROPN_ID = int(PROPN)
NOUN_ID = int(NOUN)
DEFINITE = ("the", "this", "that")

# "GAZA CITY, Palestinian Territories:"  "KYIV (Reuters) -"  "WASHINGTON, July 27 (AP) —"  "LYON:"
_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3})"
    r"(?:,\s*(?P<qual>[A-Z][\w.'’-]*(?:[ ][A-Za-z][\w.'’-]*){0,3}))?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?P<sep>[:\-–—])\s"
)


@dataclass(frozen=True, slots=True)
class PlaceGrammar:
    """The words the place grammar uses, read from ``newsevents/data/places/grammar.yaml``."""

    locative_prepositions: frozenset[str]
    destination_verbs: frozenset[str]
    object_place_verbs: frozenset[str]
    actor_dependencies: frozenset[str]
    idiom_objects: frozenset[str]

    @classmethod
    def load(cls, path: Path = GRAMMAR_FILE) -> PlaceGrammar:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return cls(
                locative_prepositions=frozenset(data["locative_prepositions"]),
                destination_verbs=frozenset(data["destination_verbs"]),
                object_place_verbs=frozenset(data["object_place_verbs"]),
                actor_dependencies=frozenset(data["actor_dependencies"]),
                idiom_objects=frozenset(data["idiom_objects"]),
            )
        except (yaml.YAMLError, KeyError, TypeError) as exc:
            raise DictionaryError(f"{path}: cannot read the place grammar ({exc}); fix it") from exc


@dataclass(frozen=True, slots=True)
class Evidence:
    """What points to one reading of an ambiguous name."""

    admin1: frozenset[str] = frozenset()  # admin1 keys named in the sentence ("US.TX")
    countries: frozenset[str] = frozenset()  # countries named in the sentence
    actors: frozenset[str] = frozenset()
    dateline_admin1: frozenset[str] = frozenset()
    dateline: frozenset[str] = frozenset()
    neighbours: frozenset[str] = frozenset()
    continents: frozenset[str] = field(default_factory=frozenset)


def choose(cands: Sequence[Candidate], ev: Evidence) -> Candidate | None:
    """Pick one reading of a name (see the module docstring), or None when unsure."""
    pool = [c for c in cands if c.kind != "city"] or list(cands)
    if len(pool) <= 1:
        return pool[0] if pool else None
    layers = (
        lambda c: c.place.admin1 in ev.admin1,
        lambda c: c.place.country in ev.countries,
        lambda c: c.place.country in ev.actors,
        lambda c: c.place.admin1 in ev.dateline_admin1,
        lambda c: c.place.country in ev.dateline,
        lambda c: c.place.country in ev.neighbours,
    )
    for test in layers:
        sub = [c for c in pool if test(c)]
        if sub:
            return max(sub, key=lambda c: c.population)
    if ev.continents:
        pool = [c for c in pool if c.continent in ev.continents]
        if len(pool) <= 1:
            return pool[0] if pool else None
    ranked = sorted(pool, key=lambda c: -c.population)
    if ranked[0].population >= DOMINANCE * max(ranked[1].population, 1):
        return ranked[0]
    return None


class PlaceResolver:
    """Resolves the place of each event. Built once; ``resolve`` is called per event."""

    def __init__(self, gazetteer: Gazetteer, *, grammar: PlaceGrammar | None = None) -> None:
        """``grammar`` defaults to ``PlaceGrammar.load()`` (reads a small YAML file once)."""
        self.gazetteer = gazetteer
        self.grammar = grammar or PlaceGrammar.load()
        # the place names of one sentence are weighed once for all of its events
        self._qualifiers = lru_cache(maxsize=1024)(self._qualifier_evidence)
        from newsevents.when.vocabulary import Vocabulary

        self.event_anaphors = Vocabulary.load().event_anaphors

    # -- datelines -------------------------------------------------------------------------
    def dateline(self, text: str) -> Place | None:
        """The place of an article's dateline ("KYIV (Reuters) -", "LYON:"), or None."""
        match = _DATELINE.match(text[:160])
        if match is None:
            return None
        name, qual = match.group("name"), match.group("qual")
        if not (name.isupper() or match.group("agency") or match.group("sep") != "-"):
            return None
        ev = Evidence()
        if qual:
            ev = self._qualifier_evidence([qual])
        cand = choose(self.gazetteer.candidates(name), ev)
        return cand.place if cand else None

    # -- events ----------------------------------------------------------------------------
    def resolve(
        self,
        sent: Span,
        trigger: Token,
        *,
        actor_countries: Sequence[str] = (),
        dateline: Place | None = None,
    ) -> Place | None:
        """The place of the event whose trigger is ``trigger`` in ``sent`` (None when unknown)."""
        tree = DocTree.of(sent.doc)
        ev = self._evidence(tree, sent, actor_countries, dateline)
        for group in self._trigger_groups(tree, sent.doc, trigger.i):
            place = self._first_place(tree, group, ev)
            if place is not None:
                return place
        for group in self._sentence_groups(tree, sent, trigger.i):
            place = self._first_place(tree, group, ev)
            if place is not None:
                return place
        previous = self._antecedent(tree, sent, trigger.i)
        if previous is not None:
            root = previous.root.i
            groups = self._trigger_groups(tree, sent.doc, root)
            for group in chain(groups, self._sentence_groups(tree, previous, root)):
                place = self._first_place(tree, group, ev)
                if place is not None:
                    return place
        return dateline

    def locative_country(self, head: Token, actor_countries: Sequence[str] = ()) -> str | None:
        """The country of a place named in ``head``'s own locative phrases ("held exercises in
        Alaska" → USA), or None: no sentence-wide search, no dateline."""
        tree = DocTree.of(head.doc)
        sent = head.sent
        ev = self._evidence(tree, sent, actor_countries, None)
        for group in self._trigger_groups(tree, head.doc, head.i):
            place = self._first_place(tree, group, ev)
            if place is not None:
                return place.country
        return None

    def _evidence(
        self, tree: DocTree, sent: Span, actors: Sequence[str], dateline: Place | None
    ) -> Evidence:
        names = tuple(
            tree.span_text(s.start, s.end)
            for s in tree.entities(sent)
            if s.label_ in PLACE_LABELS and not names_a_backer(tree, s.start, s.end)
        )
        qual = self._qualifiers(names)
        neighbours: set[str] = set()
        continents: set[str] = set()
        for code in actors:
            country = self.gazetteer.country(code)
            if country is not None:
                neighbours |= country.neighbours
                if country.continent:
                    continents.add(country.continent)
        return Evidence(
            admin1=qual.admin1,
            countries=qual.countries,
            actors=frozenset(actors),
            dateline_admin1=frozenset([dateline.admin1] if dateline and dateline.admin1 else []),
            dateline=frozenset([dateline.country] if dateline and dateline.country else []),
            neighbours=frozenset(neighbours),
            continents=frozenset(continents),
        )

    def _qualifier_evidence(self, names: Iterable[str]) -> Evidence:
        """States and countries named unambiguously (they narrow the other names)."""
        admin1: set[str] = set()
        countries: set[str] = set()
        for name in names:
            big = [c for c in self.gazetteer.candidates(name) if c.kind != "city"]
            if len(big) != 1:
                continue
            if big[0].kind == "admin1" and big[0].place.admin1:
                admin1.add(big[0].place.admin1)
            if big[0].place.country:
                countries.add(big[0].place.country)
        return Evidence(admin1=frozenset(admin1), countries=frozenset(countries))

    def _first_place(self, tree: DocTree, names: Sequence[Span], ev: Evidence) -> Place | None:
        """The most specific place among the names of one phrase (a city over its country)."""
        found: list[tuple[int, int, Place]] = []
        for i, name in enumerate(names):
            cand = choose(self.gazetteer.candidates(tree.span_text(name.start, name.end)), ev)
            if cand is not None:
                found.append((SPECIFICITY[cand.kind], i, cand.place))
        return min(found, key=lambda f: (f[0], f[1]))[2] if found else None

    def _event_heads(self, tree: DocTree, trigger: int) -> list[int]:
        """The trigger, and the verbs of relative clauses that describe an event noun."""
        heads = [trigger]
        if tree.pos[trigger] in EVENT_NOUN_POS:
            heads += [c for c in tree.children[trigger] if tree.deps[c] in ("relcl", "acl")]
        return heads

    def _trigger_groups(self, tree: DocTree, doc: Doc, trigger: int) -> Iterator[list[Span]]:
        """Names in the locative phrases (and place objects) of the trigger itself; made one
        at a time, as the search for a place asks for them."""
        g = self.grammar
        for head in self._event_heads(tree, trigger):
            for child in tree.children[head]:
                dep = tree.deps[child]
                if dep == "prep" and self._locative(tree, child, head):
                    yield _names(tree, _phrase(tree, child), doc[child].sent)
                elif dep == "dobj" and tree.lemma(head) in g.object_place_verbs:
                    names = _names(tree, tree.subtree(child), doc[child].sent)
                    yield [n for n in names if self._is_city(tree.span_text(n.start, n.end))]

    def _is_city(self, name: str) -> bool:
        return any(c.kind == "city" for c in self.gazetteer.candidates(name))

    def _sentence_groups(self, tree: DocTree, sent: Span, trigger: int) -> Iterator[list[Span]]:
        """Names in the other locative phrases of the sentence, nearest to the trigger first
        (made one at a time)."""
        heads = set(self._event_heads(tree, trigger))
        deps, up = tree.deps, tree.heads
        preps = [
            i
            for i in range(sent.start, sent.end)
            if deps[i] == "prep"
            and up[i] not in heads
            and self._locative(tree, i, up[i])
            and not self._inside_idiom(tree, i)
        ]
        preps.sort(key=lambda i: tree.distance(i, trigger))
        return (_names(tree, _phrase(tree, p), sent) for p in preps)

    def _inside_idiom(self, tree: DocTree, prep: int) -> bool:
        """The phrase hangs inside an idiom ("in support of its war in Ukraine")."""
        for ancestor in tree.ancestors(prep):
            if tree.deps[ancestor] == "prep" and any(
                tree.deps[c] == "pobj" and tree.lemmas[c] in self.grammar.idiom_objects
                for c in tree.children[ancestor]
            ):
                return True
        return False

    def _locative(self, tree: DocTree, prep: int, head: int) -> bool:
        lemma = tree.lowers[prep]
        objects = [tree.lemmas[c] for c in tree.children[prep] if tree.deps[c] == "pobj"]
        if not self.grammar.idiom_objects.isdisjoint(objects):
            return False  # "in support of its war in Ukraine", "in response to"
        if lemma in self.grammar.locative_prepositions:
            return True
        return lemma == "to" and tree.lemma(head) in self.grammar.destination_verbs

    def _antecedent(self, tree: DocTree, sent: Span, trigger: int) -> Span | None:
        """The sentence before, when the event is a definite event noun referring back to it."""
        noun = trigger
        if tree.deps[trigger] in ("relcl", "acl") and tree.pos[tree.heads[trigger]] == NOUN_ID:
            noun = tree.heads[trigger]
        elif tree.pos[trigger] in VERB_POS:
            subjects = [c for c in tree.children[trigger] if tree.deps[c] in ("nsubj", "nsubjpass")]
            if not subjects:
                return None
            noun = subjects[0]
        definite = any(
            tree.deps[c] == "det" and tree.lowers[c] in DEFINITE for c in tree.children[noun]
        )
        if tree.lemmas[noun] not in self.event_anaphors or not definite or sent.start == 0:
            return None
        return sent.doc[sent.start - 1].sent


CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})


def _phrase(tree: DocTree, head: int) -> list[int]:
    """The words of a locative phrase, in text order, without the clauses inside it: in "in a
    string of launches that Seoul has condemned", Seoul is no place of the event."""
    out, stack = [], [head]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in tree.children[node] if tree.deps[c] not in CLAUSE_DEPS)
    return sorted(out)


def _names(tree: DocTree, tokens: Iterable[int], sent: Span) -> list[Span]:
    """Place-like names among the tokens: GPE/LOC/FAC entities, and proper nouns that NER left
    unlabelled (or labelled a person or organisation when the noun heads the phrase, as in
    "raided Jenin"); the object of a preposition first. Only gazetteer names become places."""
    toks = list(tokens)
    inside = set(toks)
    out: list[Span] = []
    seen: set[int] = set()
    for ent in tree.entities(sent):
        if ent.label_ in PLACE_LABELS and ent.start in inside:
            out.append(ent)
            seen.update(range(ent.start, ent.end))
    deps, pos, children = tree.deps, tree.pos, tree.children
    for i in toks:
        if i in seen or pos[i] != PROPN_ID or deps[i] == "compound":
            continue
        if deps[i] not in ("pobj", "dobj") and tree.ent_type(i) in ("PERSON", "ORG", "NORP"):
            continue
        start = min([i, *(c for c in children[i] if deps[c] == "compound")])
        out.append(sent.doc[start : i + 1])
        seen.update(range(start, i + 1))
    if len(out) > 1:
        out.sort(key=lambda s: (s.root.dep_ != "pobj", s.start))
    return out
