"""From argument words to actors: the participants of an event.

The frame grammar names the words that fill the source and target slots; here they become
:class:`~newsevents.model.Actor` records through the document's resolved actors, with the
fallbacks a news sentence needs: a non-actor word lends its owner ("Russia's war"), a pronoun
its antecedent, a verb phrase its first actor ("restored ties with Gondor"), and a place its
country ("shelled villages in Donetsk"). Words are token indices into the document's
:class:`~newsevents.doctree.DocTree`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from spacy.symbols import ADJ, PROPN
from spacy.tokens import Token

from newsevents.actors import DocActors
from newsevents.coding.arguments import (
    NOUN_POS,
    PRON_POS,
    PROPN_POS,
    antecedent,
    prep_objects,
    with_conj,
)
from newsevents.coding.frames import OBJECT_MODIFIERS, Frame
from newsevents.coding.vocab import ClaimVocabulary
from newsevents.doctree import ENT_OUTSIDE, DocTree
from newsevents.model import Actor

PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
POSSESSIVES = frozenset({"its", "their", "his", "her"})
OBJECT_PRONOUNS = frozenset({"him", "them"})
# The country of a place named in a word's own locative phrases, given the actors' countries.
Locator = Callable[[Token, Sequence[str]], str | None]
LOCATIVES = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "around", "off", "into"}
)
OWNER_ENTITIES = frozenset({"GPE", "NORP", "ORG"})
MODIFIER_POS = frozenset({int(PROPN), int(ADJ)})
# Dependencies that leave the verb phrase: clauses, subjects, conjoined verbs, punctuation.
LEAVES_PHRASE = frozenset(
    {"advcl", "ccomp", "xcomp", "relcl", "acl", "conj", "parataxis", "nsubj", "nsubjpass"}
    | {"csubj", "punct", "cc", "mark", "npadvmod", "agent"}
)


def same_actor(a: Actor, b: Actor) -> bool:
    return a.name == b.name and a.code == b.code


def resolve_all(
    t: DocTree, tokens: Iterable[int], actors: DocActors, *, owners: bool = True
) -> tuple[Actor, ...]:
    """Actors for argument heads. A non-actor noun lends its owner ("Russia's war", "Security
    Council resolutions", "allegations by Rwanda") when ``owners``; a doer is only ever its
    possessor (in "the Malaysia Airlines crash killed ...", Malaysia did not act)."""
    out: list[Actor] = []
    for token in tokens:
        found = actors.actors_of(token) or _entity_actors(t, token, actors)
        if not found and owners:
            found = _owner_actors(t, token, actors)
        elif not found:
            found = [
                a for c in t.children[token] if t.deps[c] == "poss" for a in actors.actors_of(c)
            ]
        if not found:
            found = _pronoun_antecedent(t, token, actors)
        elif all(a.code.startswith("---") and not a.org for a in found):
            found = _owned_by_antecedent(t, token, found, actors)
        for actor in found:
            if all(not same_actor(actor, seen) for seen in out):
                out.append(actor)
    return tuple(out)


def _entity_actors(t: DocTree, token: int, actors: DocActors) -> list[Actor]:
    """A word inside a named entity that the parser split ("Barack" as a subject of its own)."""
    if t.ent_iob[token] == ENT_OUTSIDE or not t.ent_type(token):
        return []
    for ent in t.entities(actors.doc[token].sent):
        if ent.start <= token < ent.end:
            return actors.actor_in_span(ent)
    return []


def _pronoun_antecedent(t: DocTree, token: int, actors: DocActors) -> list[Actor]:
    """ "North Korea denies it has conducted ...": a pronoun in a clause stands for the subject
    of the clause that governs it. An object pronoun ("accusing him of") never stands for the
    subject of its own clause: it is the nearest actor named before it in the sentence."""
    lower = t.lowers[token]
    if lower in OBJECT_PRONOUNS or (lower == "her" and t.deps[token] in ("dobj", "pobj", "dative")):
        return _object_antecedent(t, token, actors)
    if t.lowers[token] not in PERSONAL_PRONOUNS:
        return []
    deps, heads = t.deps, t.heads
    node = heads[token]
    for _ in range(6):
        for child in t.children[node]:
            if deps[child] in ("nsubj", "nsubjpass") and child != token and child < token:
                if t.lowers[token] in NEUTER_PRONOUNS and t.ent_type(child) == "PERSON":
                    continue  # "it" is not Kim
                found = actors.actors_of(child) or _entity_actors(t, child, actors)
                if found and t.lowers[token] in PLURAL_PRONOUNS:  # "X and Y said they will"
                    return list(resolve_all(t, with_conj(t, child), actors))
                if found:
                    return found[:1]
        if heads[node] == node:
            return []
        node = heads[node]
    return []


def _object_antecedent(t: DocTree, token: int, actors: DocActors) -> list[Actor]:
    person = t.lowers[token] in ("him", "her")
    own_subject = t.subject_words(t.heads[token])
    start = actors.doc[token].sent.start
    for i in range(token - 1, start - 1, -1):
        if i in own_subject:
            continue
        found = actors.actors_of(i)
        if person:  # "him": a person (the model may call a name a place), not a country
            found = [a for a in found if a.role or t.ent_type(i) == "PERSON"]
        if found:
            return found[:1]
    return []


def _owned_by_antecedent(
    t: DocTree, token: int, found: list[Actor], actors: DocActors
) -> list[Actor]:
    """ "The army said its troops had withdrawn": a role owned by a pronoun takes the country of
    the pronoun's antecedent (SDN + MIL)."""
    owner = next(
        (c for c in t.children[token] if t.deps[c] == "poss" and t.lowers[c] in POSSESSIVES),
        None,
    )
    if owner is None:
        return found
    antecedent = next((a for a in _pronoun_antecedent(t, owner, actors) if a.country), None)
    if antecedent is None or antecedent.country is None:
        return found
    country = antecedent.country
    return [replace(a, country=country, code=country + a.code[3:]) for a in found]


def _owner_actors(t: DocTree, token: int, actors: DocActors) -> list[Actor]:
    """ "Russia's war", "Security Council resolutions": the actor a thing belongs to."""
    deps, children = t.deps, t.children[token]
    for dep in ("poss", "compound"):
        for child in children:
            if deps[child] == dep:
                found = actors.actors_of(child)
                if found:
                    return found
    by = prep_objects(t, token, "by")  # "allegations by Rwanda", "the attack by X"
    return [a for word in by for a in actors.actors_of(word)]


def owners_of(
    t: DocTree, objects: Iterable[int], actors: DocActors, doers: Sequence[Actor] = ()
) -> tuple[Actor, ...]:
    """The country or organisation a thing is or belongs to: the object itself when it names
    one ("expelled the UN mission"), else its modifiers ("the Russian building", "Moscow's
    embassy"); a role word ("military force") is no owner, nor are the doers themselves."""
    deps = t.deps
    out: list[Actor] = []
    for obj in objects:
        named = [a for a in actors.actors_of(obj) if a.country or a.org]
        if named and not any(same_actor(a, d) for a in named for d in doers):
            out.extend(named)
            continue
        for child in t.children[obj]:
            if deps[child] in ("poss", "amod", "compound") and (
                t.ent_type(child) in OWNER_ENTITIES or t.pos[child] in MODIFIER_POS
            ):  # the model can miss the entity ("a Moldovan diplomat" as PERSON)
                out.extend(a for a in actors.actors_of(child) if a.country or a.org)
    return tuple(out)


def first_actor_after(
    t: DocTree, frame: Frame, actors: DocActors, vocab: ClaimVocabulary
) -> tuple[Actor, ...]:
    """The first actor in the verb's own phrase after the verb, as PETRARCH finds targets
    ("restored diplomatic ties with Gondor" → Gondor), never inside a clause, a subject, or a
    setting phrase ("met in Zurich", "attacked at dawn")."""
    verb = frame.trigger
    deps, heads = t.deps, t.heads
    consumed = set(frame.objects)
    for token in _phrase(t, verb, vocab):
        if token <= verb:
            continue
        if token in consumed or (heads[token] in consumed and deps[token] in OBJECT_MODIFIERS):
            continue  # the pattern's own object ("use military force") is no target
        if actors.actors_of(token):
            head = token
            while deps[head] in ("poss", "compound", "amod", "nmod") and heads[head] != verb:
                if not actors.actors_of(heads[head]):
                    break
                head = heads[head]
            return resolve_all(t, with_conj(t, head), actors)
    return ()


def _phrase(t: DocTree, verb: int, vocab: ClaimVocabulary) -> Iterator[int]:
    """The words of ``verb``'s subtree (in the order of :meth:`DocTree.subtree`) that are in
    its own phrase: no word on the way up to the verb leaves it (:data:`LEAVES_PHRASE`, a
    setting preposition). A word that leaves takes its whole subtree with it."""
    deps, children, lemmas = t.deps, t.children, t.lemmas
    settings = vocab.setting_prepositions

    def inside(node: int) -> bool:
        dep = deps[node]
        return dep not in LEAVES_PHRASE and not (dep == "prep" and lemmas[node] in settings)

    # an explicit stack of (node, expanded): a node is expanded into its left children, itself
    # and its right children, the order of Token.subtree
    stack: list[tuple[int, bool]] = [(verb, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            yield node
            continue
        kids = [c for c in children[node] if inside(c)]
        stack.extend((c, False) for c in reversed(kids) if c > node)
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(kids) if c < node)


def place_country(
    t: DocTree,
    trigger: int,
    actors: DocActors,
    names: Mapping[str, str],
    locate: Locator | None = None,
    sources: Sequence[Actor] = (),
    place_nouns: frozenset[str] = frozenset(),
) -> Actor | None:
    """The country of the place where an event happened ("shelled villages in Donetsk"): a
    country or capital among the actors first, or a place noun a country owns ("in the
    Rwandan capital"), then any place the gazetteer knows (``locate``)."""
    deps, children = t.deps, t.children
    heads = [trigger, *(c for c in children[trigger] if deps[c] in ("dobj", "nsubjpass"))]
    if t.pos[trigger] == NOUN_POS and deps[trigger] in ("dobj", "nsubjpass"):
        heads.append(t.heads[trigger])  # "staged a protest in Beijing"
    for head in heads:
        for place in _locatives(t, head):
            named = t.ent_type(place) in ("GPE", "LOC", "FAC") or t.lemmas[place] in place_nouns
            for actor in actors.actors_of(place):
                # a country's name is a place even when the model calls it an organisation
                if actor.country and not actor.org and (named or _country_name(t, place, actor)):
                    return _country_actor(t.words[place], actor.country, names)
    if locate is None:
        return None
    countries = tuple(a.country for a in sources if a.country)
    for head in heads:
        found = locate(actors.doc[head], countries)
        if found:
            return _country_actor(names.get(found, found), found, names)
    return None


def _country_name(t: DocTree, token: int, actor: Actor) -> bool:
    """The word names a country, whatever entity label the model gave it ("Cameroon" as ORG)."""
    return t.pos[token] == PROPN_POS and actor.code == actor.country


def _locatives(t: DocTree, head: int, depth: int = 3) -> Iterator[int]:
    """The objects of ``head``'s locative phrases, nearest first, then the places named inside
    them and their owners: "at a market in Cameroon's far north" gives market, north, Cameroon."""
    deps, children = t.deps, t.children
    level = [head]
    preps = LOCATIVES
    for _ in range(depth):
        found = [
            pobj
            for node in level
            for prep in children[node]
            if deps[prep] == "prep" and t.lowers[prep] in preps
            for pobj in children[prep]
            if deps[pobj] == "pobj"
        ]
        preps = LOCATIVES | {"of"}  # "in the east of the Gaza Strip"
        for pobj in found:
            yield pobj
            yield from (c for c in children[pobj] if deps[c] == "poss")
        level = found


def _country_actor(text: str, country: str, names: Mapping[str, str]) -> Actor:
    return Actor(text=text, name=names.get(country, country), country=country, code=country)


def speaker_actor(t: DocTree, token: int | None, actors: DocActors) -> Actor | None:
    """The actor a claim is attributed to; an unknown speaker is named by its words."""
    if token is None:
        return None
    token = antecedent(t, token)
    if t.pos[token] == PRON_POS:
        return None  # an unresolved "he" or "they" says nothing a reader can use
    found = actors.actors_of(token)
    if found:
        return found[0]
    words = [
        w
        for w in t.subtree(token)
        if w <= token and (w == token or t.deps[w] in ("compound", "amod"))
    ]
    text = " ".join(t.words[w] for w in words)
    return Actor(text=text, name=text)
