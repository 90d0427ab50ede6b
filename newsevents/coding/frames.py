"""Event frames from the dependency parse: a trigger, its lexicon pattern, and its arguments.

A frame says *which words* fill the source and target slots of a predicate the lexicon knows.
Turning those words into actors is the job of ``newsevents.actors``; turning the frame into an
event with a status, a polarity and a modality is the job of ``claims`` and ``coder``.

Grammar covered here (spaCy's English dependency labels):

* active and passive voice (``nsubj``/``dobj``; ``nsubjpass`` and the ``agent`` "by" phrase);
* conjoined actors on either side (``conj`` of an argument);
* prepositional targets named by the pattern (``express gratitude to X``, ``fired at X``);
* subjects shared by conjoined verbs, controlled complements (``agreed to resume``,
  ``urged X to withdraw``), participle clauses and relative clauses;
* nominal events (``X's visit to Y``, ``the attack on Y by X``, ``a meeting between X and Y``,
  ``held talks with Y``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.symbols import ADP
from spacy.tokens import Span

from newsevents.coding.arguments import (
    NOUN_POS,
    OBJECTS,
    PREP_DEPS,
    VERB_POS,
    first_child,
    instrument_agent,
    is_participle,
    is_passive,
    is_time_phrase,
    passive_patients,
    prep_objects,
    verb_sources,
    with_conj,
)
from newsevents.coding.lexicon import Lexicon, Pattern, Predicate
from newsevents.coding.verb_context import words_after, words_before
from newsevents.coding.vocab import ClaimVocabulary
from newsevents.doctree import DocTree

# Modifier words of an object that patterns may name ("tear gas", "defence pact").
OBJECT_MODIFIERS = frozenset({"compound", "amod", "nmod"})
NOUN_GOVERNED = OBJECTS | {"nsubjpass"}  # an event noun whose verb may lend it a subject
ADP_POS = int(ADP)


@dataclass(frozen=True, slots=True)
class Frame:
    """A predicate the lexicon knows, with the head words of its arguments (token indices in
    the document)."""

    trigger: int
    pattern: Pattern
    kind: Literal["verb", "noun"]
    sources: tuple[int, ...]
    targets: tuple[int, ...]
    objects: tuple[int, ...] = ()  # object words the pattern consumed (not events of their own)
    reciprocal_group: tuple[int, ...] = ()  # "a meeting between X and Y": every pair
    fallback_targets: tuple[int, ...] = ()  # tried when no target word is an actor


def find_frames(
    sent: Span,
    lexicon: Lexicon,
    vocab: ClaimVocabulary,
    *,
    candidates: Sequence[int] | None = None,
) -> list[Frame]:
    """Every frame in a sentence, verbs first, then event nouns not consumed by a verb.

    ``candidates`` (token indices in ascending order, from :func:`trigger_candidates`) spares
    looking at every token of the sentence.
    """
    t = DocTree.of(sent.doc)
    start, end = sent.start, sent.end
    tokens: Sequence[int] = range(start, end)
    if candidates is not None:
        tokens = candidates[bisect_left(candidates, start) : bisect_left(candidates, end)]
    pos, lemmas = t.pos, t.lemmas
    frames: list[Frame] = []
    for i in tokens:
        if pos[i] in VERB_POS and lexicon.knows_verb(lemmas[i]):
            frame = verb_frame(t, i, lexicon, vocab)
            if frame:
                frames.append(frame)
    consumed = {o for f in frames for o in f.objects}
    for i in tokens:
        if pos[i] == NOUN_POS and i not in consumed and lexicon.knows_noun(lemmas[i]):
            frame = noun_frame(t, i, lexicon, vocab)
            if frame:
                frames.append(frame)
    return frames


def trigger_candidates(t: DocTree, lemma_hashes: frozenset[int]) -> list[int]:
    """Indices of verbs and nouns whose lemma (as the parser wrote it) the lexicon knows."""
    lemma_ids = t.lemma_ids
    return [i for i, pos in enumerate(t.pos) if pos in TRIGGER_POS and lemma_ids[i] in lemma_hashes]


TRIGGER_POS = VERB_POS | {NOUN_POS}


# --- verbs -----------------------------------------------------------------------------------


def verb_frame(t: DocTree, verb: int, lexicon: Lexicon, vocab: ClaimVocabulary) -> Frame | None:
    deps, children, lemmas = t.deps, t.children[verb], t.lemmas
    lemma = lemmas[verb]
    object_heads = lexicon.verb_object_heads(lemma)
    if (
        object_heads is not None
        and deps[verb] not in ("acl", "conj")
        and not any(deps[c] in MAY_GIVE_OBJECTS for c in children)
    ):
        return None  # every pattern names an object and nothing here can give one ("has")
    objects = [c for c in children if deps[c] in OBJECTS]
    if lemma in COPULAS:  # "said it is skeptical of ...": the adjective is the predicate
        objects += [c for c in children if deps[c] == "acomp"]
    passive = is_passive(t, verb) or is_participle(t, verb)
    if passive:  # "civilians imprisoned for ...": the noun is the patient
        objects += passive_patients(t, verb)
    objects = [counted(t, o, vocab) for o in objects]
    if object_heads is not None and not any(_head_word(t, o) in object_heads for o in objects):
        return None  # every pattern of the verb names an object, and it has none of them
    needs_before, needs_words = lexicon.verb_context(lemma)
    predicate = Predicate(
        lemma=lemma,
        particles=frozenset([lemmas[c] for c in children if deps[c] == "prt"]),
        objects=tuple([object_words(t, o) for o in objects]),
        preps=frozenset(_prep_lemmas(t, verb, objects)),
        form=t.lowers[verb],
        before=words_before(t, verb) if needs_before else (),
        words=words_after(t, verb) if needs_words else (),
    )
    pattern = lexicon.match_verb(predicate)
    if pattern is None:
        return None
    consumed = tuple(
        o for o in objects if pattern.objects and _head_word(t, o) == pattern.objects[-1]
    )
    if pattern.reciprocal:  # "it deepened the relations between North Korea and Russia"
        for o in consumed:
            between = prep_objects(t, o, "between")
            if len(between) >= 2:
                return Frame(verb, pattern, "verb", (), (), consumed, tuple(between))
    sources = verb_sources(t, verb, vocab)
    if len(sources) == 1 and lemmas[sources[0]] in vocab.weapon_nouns:
        sources = weapon_users(t, sources[0]) or sources  # "a missile fired by rebels"
    sources = [counted(t, s, vocab) for s in sources]  # "hundreds of workers stopped work"
    if not sources and passive:
        sources = instrument_agent(t, verb, vocab)
        if not sources and pattern.code[:2] in vocab.origin_source_roots:
            sources = _origin(t, verb)  # "a mortar was fired at Israel from Gaza"
    targets = _verb_targets(t, verb, pattern, objects, consumed, passive=passive)
    if pattern.converse:  # "Ukraine received weapons from the US": the US acts
        sources, targets = targets, sources
    fallback = [o for o in objects if o not in targets and o not in consumed]
    return Frame(
        verb, pattern, "verb", tuple(sources), tuple(targets), consumed, (), tuple(fallback)
    )


def weapon_users(t: DocTree, weapon: int) -> list[int]:
    """Who used a weapon, named in a participle on it: "a missile (believed to be) fired by
    pro-Russia rebels" → the rebels."""
    deps, children = t.deps, t.children
    stack = [c for c in children[weapon] if deps[c] == "acl"]
    while stack:
        clause = stack.pop(0)
        agent = first_child(t, clause, "agent")
        if agent is not None:
            pobj = first_child(t, agent, "pobj")
            return with_conj(t, pobj) if pobj is not None else []
        stack.extend(c for c in children[clause] if deps[c] == "xcomp")
    return []


def _origin(t: DocTree, verb: int) -> list[int]:
    """The named place an attack came from, when no one is named as its doer."""
    deps = t.deps
    for prep in t.children[verb]:
        if deps[prep] == "prep" and t.lowers[prep] == "from":
            for pobj in t.children[prep]:
                if deps[pobj] == "pobj" and t.ent_type(pobj) in ("GPE", "LOC"):
                    return [pobj]
    return []


def counted(t: DocTree, token: int, vocab: ClaimVocabulary) -> int:
    """What a counting word counts: "dozens of US diplomats" → diplomats."""
    if t.lemmas[token] in vocab.quantity_nouns or t.lowers[token] in vocab.quantity_nouns:
        of = prep_objects(t, token, "of")
        if of:
            return of[0]
    return token


def noun_objects(t: DocTree, noun: int) -> tuple[tuple[str, ...], ...]:
    """What a noun pattern's ``+word`` may name: each modifier of the event noun ("air strike"
    → air) and the head of its "of" phrase with its own modifiers ("deployment of peacekeeping
    forces" → peacekeeping force)."""
    deps, lemmas = t.deps, t.lemmas
    out: list[tuple[str, ...]] = [
        (lemmas[c],) for c in t.children[noun] if deps[c] in OBJECT_MODIFIERS
    ]
    out += [object_words(t, o) for o in prep_objects(t, noun, "of")]
    return tuple(out)


def object_words(t: DocTree, token: int) -> tuple[str, ...]:
    """The lemmas of an object's modifier words, then its head word."""
    deps, lemmas = t.deps, t.lemmas
    mods = [lemmas[c] for c in t.children[token] if deps[c] in OBJECT_MODIFIERS]
    return (*mods, _head_word(t, token))


def _head_word(t: DocTree, token: int) -> str:
    """An object's lemma; an adjective complement as written ("concerned" is not the verb
    "concern")."""
    return t.lowers[token] if t.deps[token] == "acomp" else t.lemmas[token]


def _prep_lemmas(t: DocTree, verb: int, objects: list[int]) -> Iterator[str]:
    """The prepositions a pattern may name; a time phrase ("called him on Wednesday",
    "launched a missile on Tuesday") is the event's date, never its target."""
    deps, children, lemmas, lowers = t.deps, t.children, t.lemmas, t.lowers
    for head in (verb, *objects):
        for child in children[head]:
            if (
                deps[child] in PREP_DEPS
                and lowers[child] != "according"
                and not is_time_phrase(t, child)
            ):
                yield lemmas[child]


# Children through which a verb can have an object: its own, an adjective complement, a passive
# subject, or a conjunct that makes it a misread participle.
MAY_GIVE_OBJECTS = OBJECTS | {"acomp", "nsubjpass", "conj"}
# Verbs whose adjective complement a pattern may name as its object ("be +skeptical").
COPULAS = frozenset({"be", "remain", "feel", "seem", "appear", "become", "grow"})


def _verb_targets(
    t: DocTree,
    verb: int,
    pattern: Pattern,
    objects: list[int],
    consumed: tuple[int, ...],
    *,
    passive: bool,
) -> list[int]:
    if pattern.prep:
        for head in (verb, *objects):  # "imposed sanctions on Iran on Tuesday": not Tuesday
            found = prep_objects(t, head, pattern.prep, timeless=True)
            if found:
                return found
        return []
    deps, children = t.deps, t.children[verb]
    free = [o for o in objects if o not in consumed]
    if passive:
        free = [c for c in passive_patients(t, verb) if c not in consumed] or free
    if free:
        return with_conj(t, free[0])
    for c in children:
        if deps[c] == "dative" and t.pos[c] != ADP_POS:
            return with_conj(t, c)
    return []


# --- nouns -----------------------------------------------------------------------------------


def noun_frame(t: DocTree, noun: int, lexicon: Lexicon, vocab: ClaimVocabulary) -> Frame | None:
    deps, children, lemmas = t.deps, t.children, t.lemmas
    governor = t.heads[noun] if deps[noun] in NOUN_GOVERNED else None
    heads = [noun] if governor is None else [noun, governor]
    predicate = Predicate(
        lemma=lemmas[noun],
        objects=noun_objects(t, noun),
        preps=frozenset([lemmas[c] for h in heads for c in children[h] if deps[c] in PREP_DEPS]),
    )
    pattern = lexicon.match_noun(predicate)
    if pattern is None:
        return None
    between = prep_objects(t, noun, "between")
    if between and len(between) >= 2:
        return Frame(noun, pattern, "noun", (), (), (), tuple(between))
    targets: list[int] = []
    if pattern.prep:
        for head in heads:
            targets = prep_objects(t, head, pattern.prep)
            if targets:
                break
    elif pattern.objects:  # "suicide bombings on churches", "the expulsion of a diplomat"
        of = prep_objects(t, noun, "of")
        if of and lemmas[of[0]] == pattern.objects[-1]:
            targets = of
        for prep in lexicon.noun_preps(lemmas[noun]):
            if targets:
                break
            targets = prep_objects(t, noun, prep)
    sources = _noun_sources(t, noun, governor, vocab)
    participants = [] if sources else _participants(t, noun, vocab)
    sources = sources or participants
    if not targets and not participants and not _lent_subject(t, noun, governor, vocab):
        return None  # "its battle for justice": a bare event noun without a target is no event
    return Frame(noun, pattern, "noun", tuple(sources), tuple(targets))


def _lent_subject(t: DocTree, noun: int, governor: int | None, vocab: ClaimVocabulary) -> bool:
    """ "Russia launched an offensive": a light verb lends its subject to its object noun."""
    return (
        governor is not None
        and t.deps[noun] in OBJECTS
        and t.lemmas[governor] in vocab.light_verbs
        and bool(verb_sources(t, governor, vocab))
    )


def _participants(t: DocTree, noun: int, vocab: ClaimVocabulary) -> list[int]:
    """ "The militia took part in the killing", "was involved in the attack", "workers went on
    strike": who takes part in an event does it."""
    prep = t.heads[noun]
    if t.deps[noun] != "pobj" or t.deps[prep] != "prep":
        return []
    verb = t.heads[prep]
    if t.pos[verb] not in VERB_POS or not _takes_part(t, verb, t.lowers[prep], vocab):
        return []
    if is_passive(t, verb):  # "was involved in": the passive subject took part
        return passive_patients(t, verb)
    return [counted(t, s, vocab) for s in verb_sources(t, verb, vocab)]


def _takes_part(t: DocTree, verb: int, prep: str, vocab: ClaimVocabulary) -> bool:
    """The verb (with its preposition or its one object) says its subject joins the event:
    "engaged in", "took part in", "went on"; not "engaged peacekeepers in a firefight"."""
    lemma, joined = t.lemmas[verb], vocab.participation_verbs
    objects = [t.lemmas[o] for o in t.children[verb] if t.deps[o] in OBJECTS]
    if not objects:
        return f"{lemma} {prep}" in joined or (prep == "in" and lemma in joined)
    return prep == "in" and len(objects) == 1 and f"{lemma} {objects[0]}" in joined


def _noun_sources(t: DocTree, noun: int, governor: int | None, vocab: ClaimVocabulary) -> list[int]:
    owner = first_child(t, noun, "poss")
    if owner is not None:
        return with_conj(t, owner)
    by = prep_objects(t, noun, "by")
    if by:
        return by
    deps = t.deps
    for c in t.children[noun]:
        if deps[c] in ("amod", "compound") and t.ent_type(c) in ("NORP", "GPE"):
            return [c]
    if _lent_subject(t, noun, governor, vocab):
        assert governor is not None
        return verb_sources(t, governor, vocab)
    prep = t.heads[noun]
    lower = t.lowers[prep]
    if deps[noun] == "pobj" and lower in vocab.frame_prepositions:
        verb = t.heads[prep]
        if (t.pos[verb] in VERB_POS and prep < verb) or lower == "during":
            return verb_sources(t, verb, vocab)  # "During a visit to Beirut, Petraeus held talks"
    return []
