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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

from newsevents.errors import DictionaryError
from newsevents.model import Place
from newsevents.nlp import entities_in
from newsevents.where.gazetteer import Candidate, Gazetteer

GRAMMAR_FILE = Path(__file__).resolve().parent.parent / "data" / "places" / "grammar.yaml"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"})
SPECIFICITY = {"city": 0, "admin1": 1, "country": 2}
DOMINANCE = 10  # the largest candidate wins without evidence only when this many times larger

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
        ev = self._evidence(sent, trigger, actor_countries, dateline)
        for group in self._trigger_groups(trigger):
            place = self._first_place(group, ev)
            if place is not None:
                return place
        for group in self._sentence_groups(sent, trigger):
            place = self._first_place(group, ev)
            if place is not None:
                return place
        previous = self._antecedent(sent, trigger)
        if previous is not None:
            root = previous.root
            for group in [*self._trigger_groups(root), *self._sentence_groups(previous, root)]:
                place = self._first_place(group, ev)
                if place is not None:
                    return place
        return dateline

    def _evidence(
        self, sent: Span, trigger: Token, actors: Sequence[str], dateline: Place | None
    ) -> Evidence:
        names = tuple(s.text for s in entities_in(sent) if s.label_ in PLACE_LABELS)
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

    def _first_place(self, names: Sequence[Span], ev: Evidence) -> Place | None:
        """The most specific place among the names of one phrase (a city over its country)."""
        found: list[tuple[int, int, Place]] = []
        for i, name in enumerate(names):
            cand = choose(self.gazetteer.candidates(name.text), ev)
            if cand is not None:
                found.append((SPECIFICITY[cand.kind], i, cand.place))
        return min(found, key=lambda f: (f[0], f[1]))[2] if found else None

    def _event_heads(self, trigger: Token) -> list[Token]:
        """The trigger, and the verbs of relative clauses that describe an event noun."""
        heads = [trigger]
        if trigger.pos_ in ("NOUN", "PROPN"):
            heads += [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
        return heads

    def _trigger_groups(self, trigger: Token) -> list[list[Span]]:
        """Names in the locative phrases (and place objects) of the trigger itself."""
        g = self.grammar
        groups: list[list[Span]] = []
        for head in self._event_heads(trigger):
            for child in head.children:
                if child.dep_ == "prep" and self._locative(child, head):
                    groups.append(_names(child.subtree, child.sent))
                elif child.dep_ == "dobj" and head.lemma_ in g.object_place_verbs:
                    cities = [
                        n
                        for n in _names(child.subtree, child.sent)
                        if any(c.kind == "city" for c in self.gazetteer.candidates(n.text))
                    ]
                    groups.append(cities)
        return groups

    def _sentence_groups(self, sent: Span, trigger: Token) -> list[list[Span]]:
        """Names in the other locative phrases of the sentence, nearest to the trigger first."""
        heads = set(self._event_heads(trigger))
        preps = [
            t
            for t in sent
            if t.dep_ == "prep"
            and t.head not in heads
            and self._locative(t, t.head)
            and not self._inside_idiom(t)
        ]
        preps.sort(key=lambda t: _distance(t, trigger))
        return [_names(p.subtree, sent) for p in preps]

    def _inside_idiom(self, prep: Token) -> bool:
        """The phrase hangs inside an idiom ("in support of its war in Ukraine")."""
        for ancestor in prep.ancestors:
            if ancestor.dep_ == "prep" and any(
                c.dep_ == "pobj" and c.lemma_.lower() in self.grammar.idiom_objects
                for c in ancestor.children
            ):
                return True
        return False

    def _locative(self, prep: Token, head: Token) -> bool:
        lemma = prep.lower_
        objects = [c.lemma_.lower() for c in prep.children if c.dep_ == "pobj"]
        if any(o in self.grammar.idiom_objects for o in objects):
            return False  # "in support of its war in Ukraine", "in response to"
        if lemma in self.grammar.locative_prepositions:
            return True
        return lemma == "to" and head.lemma_ in self.grammar.destination_verbs

    def _antecedent(self, sent: Span, trigger: Token) -> Span | None:
        """The sentence before, when the event is a definite event noun referring back to it."""
        noun = trigger
        if trigger.dep_ in ("relcl", "acl") and trigger.head.pos_ == "NOUN":
            noun = trigger.head
        elif trigger.pos_ in ("VERB", "AUX"):
            subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                return None
            noun = subjects[0]
        definite = any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children
        )
        if noun.lemma_.lower() not in self.event_anaphors or not definite or sent.start == 0:
            return None
        return sent.doc[sent.start - 1].sent


def _distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in index_b:
            return n + index_b[t.i]
    return len(up_a) + len(up_b)


def _names(tokens: Iterable[Token], sent: Span) -> list[Span]:
    """Place-like names among the tokens: GPE/LOC/FAC entities, and proper nouns that NER left
    unlabelled (or labelled a person or organisation when the noun heads the phrase, as in
    "raided Jenin"); the object of a preposition first. Only gazetteer names become places."""
    toks = list(tokens)
    inside = {t.i for t in toks}
    out: list[Span] = []
    seen: set[int] = set()
    for ent in entities_in(sent):
        if ent.label_ in PLACE_LABELS and ent.start in inside:
            out.append(ent)
            seen.update(range(ent.start, ent.end))
    for tok in toks:
        if tok.i in seen or tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        if tok.ent_type_ in ("PERSON", "ORG", "NORP") and tok.dep_ not in ("pobj", "dobj"):
            continue
        start = min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound")])
        out.append(sent.doc[start : tok.i + 1])
        seen.update(range(start, tok.i + 1))
    out.sort(key=lambda s: (s.root.dep_ != "pobj", s.start))
    return out
