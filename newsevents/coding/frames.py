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

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from spacy.attrs import LEMMA, POS
from spacy.symbols import AUX as AUX_SYMBOL
from spacy.symbols import NOUN as NOUN_SYMBOL
from spacy.symbols import VERB as VERB_SYMBOL
from spacy.tokens import Doc, Span, Token

from newsevents.coding.lexicon import Lexicon, Pattern, Predicate
from newsevents.coding.verb_context import words_after, words_before
from newsevents.coding.vocab import ClaimVocabulary

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "whose"})
# Modifier words of an object that patterns may name ("tear gas", "defence pact").
OBJECT_MODIFIERS = frozenset({"compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class Frame:
    """A predicate the lexicon knows, with the head tokens of its arguments."""

    trigger: Token
    pattern: Pattern
    kind: Literal["verb", "noun"]
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    objects: tuple[Token, ...] = ()  # object tokens the pattern consumed (not events of their own)
    reciprocal_group: tuple[Token, ...] = ()  # "a meeting between X and Y": every pair
    fallback_targets: tuple[Token, ...] = ()  # tried when no target word is an actor


def find_frames(
    sent: Span,
    lexicon: Lexicon,
    vocab: ClaimVocabulary,
    *,
    candidates: Sequence[int] | None = None,
) -> list[Frame]:
    """Every frame in a sentence, verbs first, then event nouns not consumed by a verb.

    ``candidates`` (token indices, from :func:`trigger_candidates`) spares looking at every
    token of the sentence.
    """
    doc = sent.doc
    tokens = (
        [doc[i] for i in candidates if sent.start <= i < sent.end]
        if candidates is not None
        else list(sent)
    )
    frames: list[Frame] = []
    for token in tokens:
        if token.pos_ in ("VERB", "AUX") and lexicon.knows_verb(token.lemma_.lower()):
            frame = verb_frame(token, lexicon, vocab)
            if frame:
                frames.append(frame)
    consumed = {o.i for f in frames for o in f.objects}
    for token in tokens:
        if token.pos_ == "NOUN" and token.i not in consumed:
            lemma = token.lemma_.lower()
            if lexicon.knows_noun(lemma):
                frame = noun_frame(token, lexicon, vocab)
                if frame:
                    frames.append(frame)
    return frames


def trigger_candidates(doc: Doc, lemma_hashes: frozenset[int]) -> list[int]:
    """Indices of verbs and nouns whose lemma the lexicon knows, read from the parse arrays
    without building a Token for every word."""
    array = doc.to_array([POS, LEMMA])
    return [
        i
        for i, (pos, lemma) in enumerate(array.tolist())
        if pos in TRIGGER_POS and lemma in lemma_hashes
    ]


TRIGGER_POS = frozenset({int(VERB_SYMBOL), int(AUX_SYMBOL), int(NOUN_SYMBOL)})


# --- verbs -----------------------------------------------------------------------------------


def verb_frame(verb: Token, lexicon: Lexicon, vocab: ClaimVocabulary) -> Frame | None:
    children = list(verb.children)
    objects = [c for c in children if c.dep_ in OBJECTS]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    if passive:
        objects += [c for c in children if c.dep_ == "nsubjpass"]
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "civilians imprisoned for ..."
    if participle:
        passive = True
        objects.append(verb.head)
    lemma = verb.lemma_.lower()
    needs_before, needs_words = lexicon.verb_context(lemma)
    predicate = Predicate(
        lemma=lemma,
        particles=frozenset(c.lemma_.lower() for c in children if c.dep_ == "prt"),
        objects=tuple(object_words(o) for o in objects),
        preps=frozenset(_prep_lemmas(verb, objects)),
        form=verb.lower_,
        before=words_before(verb) if needs_before else (),
        words=words_after(verb) if needs_words else (),
    )
    pattern = lexicon.match_verb(predicate)
    if pattern is None:
        return None
    consumed = tuple(
        o for o in objects if pattern.objects and object_words(o)[-1] == pattern.objects[-1]
    )
    sources = verb_sources(verb, vocab)
    if not sources and passive:
        sources = _instrument_agent(verb, vocab)
        if not sources and pattern.code[:2] in vocab.origin_source_roots:
            sources = _origin(verb)  # "a mortar was fired at Israel from Gaza"
    targets = _verb_targets(verb, pattern, objects, consumed, passive=passive)
    if pattern.converse:  # "Ukraine received weapons from the US": the US acts
        sources, targets = targets, sources
    fallback = [o for o in objects if o not in targets and o not in consumed]
    return Frame(
        verb, pattern, "verb", tuple(sources), tuple(targets), consumed, (), tuple(fallback)
    )


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def object_words(token: Token) -> tuple[str, ...]:
    mods = tuple(c.lemma_.lower() for c in token.children if c.dep_ in OBJECT_MODIFIERS)
    return (*mods, token.lemma_.lower())


def _prep_lemmas(verb: Token, objects: list[Token]) -> Iterator[str]:
    for head in (verb, *objects):
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ != "according":
                yield child.lemma_.lower()


def _verb_targets(
    verb: Token,
    pattern: Pattern,
    objects: list[Token],
    consumed: tuple[Token, ...],
    *,
    passive: bool,
) -> list[Token]:
    if pattern.prep:
        for head in (verb, *objects):
            found = prep_objects(head, pattern.prep)
            if found:
                return found
        return []
    free = [o for o in objects if o not in consumed]
    if passive:
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl":
            patients.append(verb.head)
        free = [c for c in patients if c not in consumed] or free
    if free:
        return with_conj(free[0])
    datives = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    if datives:
        return with_conj(datives[0])
    return []


def prep_objects(head: Token, prep: str) -> list[Token]:
    """The objects of ``head``'s preposition ``prep`` (with their conjuncts)."""
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lemma_.lower() == prep:
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    return with_conj(grand)
    return []


def verb_sources(verb: Token, vocab: ClaimVocabulary) -> list[Token]:
    """The words that fill the subject slot of ``verb``, climbing shared and controlled subjects."""
    if is_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        agents = [c for c in verb.children if c.dep_ == "agent"]
        for agent in agents:
            pobjs = [g for g in agent.children if g.dep_ == "pobj"]
            if pobjs:
                return with_conj(pobjs[0])
        return []
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        # a second subject after an "and" is a list the parser split ("Kim, the leader of
        # North Korea, and Putin met": "Putin" hangs on the verb beside "Kim"), a name right
        # after a noun names it ("Old foes Gondor and Osgiliath"); other pieces are a name
        # split apart ("al - Shabab")
        listed = [subjects[0]]
        for prev, nxt in pairwise(subjects):
            named = prev.pos_ == "NOUN" and nxt.pos_ == "PROPN" and nxt.i == prev.i + 1
            if _joined(prev, nxt) or named:
                listed.append(nxt)
        return [antecedent(t) for s in listed for t in with_conj(s)]
    for child in verb.children:
        if child.dep_ == "aux":  # the parser sometimes hangs the subject on the auxiliary
            for grand in child.children:
                if grand.dep_ in SUBJECTS:
                    return [antecedent(t) for t in with_conj(grand)]
    return _inherited_subject(verb, vocab)


def _instrument_agent(verb: Token, vocab: ClaimVocabulary) -> list[Token]:
    """A passive without its own agent takes the agent of the event noun it happened in:
    "killed in an air strike by government forces", "killed in Israeli tank shelling"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "by", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.pos_ != "NOUN":
                continue
            if noun.lemma_.lower() in vocab.place_nouns:
                continue  # "released in the Rwandan capital": a place, not a means
            by = prep_objects(noun, "by")
            if by:
                return by
            owners = [
                c for c in noun.subtree if c.dep_ in ("amod", "compound", "poss") and c.i < noun.i
            ]
            named = [c for c in owners if c.ent_type_ in ("NORP", "GPE", "ORG")]
            if named:
                return named[:1]
    return []


def _joined(first: Token, second: Token) -> bool:
    """An "and" or "or" between two subjects of one verb."""
    doc = first.doc
    return any(
        doc[i].dep_ == "cc" and doc[i].lower_ in ("and", "or") for i in range(first.i + 1, second.i)
    )


def _origin(verb: Token) -> list[Token]:
    """The named place an attack came from, when no one is named as its doer."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC"):
                    return [pobj]
    return []


def _inherited_subject(verb: Token, vocab: ClaimVocabulary) -> list[Token]:
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        return verb_sources(head, vocab)
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return verb_sources(head.head, vocab)  # "X is about / able / ready to V"
    raised = [c for c in head.children if c.dep_ == "nsubjpass"]
    if dep == "xcomp" and raised and not any(c.dep_ == "agent" for c in head.children):
        return with_conj(raised[0])  # raising: "X is expected / scheduled / set to V"
    if dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
        controller_objects = [c for c in head.children if c.dep_ in OBJECTS]
        lemma = head.lemma_.lower()
        if controller_objects and lemma in (vocab.appeal_verbs | vocab.demand_verbs):
            return with_conj(controller_objects[0])
        return verb_sources(head, vocab)
    if dep in ("advcl", "acl") and verb.tag_ == "VBG":
        return [head] if dep == "acl" else verb_sources(head, vocab)
    if dep == "pcomp":
        return _pcomp_subject(verb, vocab)
    return []


def _pcomp_subject(verb: Token, vocab: ClaimVocabulary) -> list[Token]:
    """The subject of a gerund after "of"/"for".

    "accused X of shipping": X ships; "thanked X for sending": X sends; else the head's subject.
    """
    prep = verb.head
    governor = prep.head
    if governor.pos_ not in ("VERB", "AUX") or governor.i == prep.i:
        return []
    if prep.lemma_.lower() not in ("of", "for"):
        return verb_sources(governor, vocab)
    if is_passive(governor):
        return [c for c in governor.children if c.dep_ == "nsubjpass"]
    objects = [c for c in governor.children if c.dep_ in OBJECTS]
    for head in (governor, *objects):
        recipients = prep_objects(head, "to")  # "expressed gratitude to Putin for sending"
        if recipients:
            return recipients
    if objects:  # "jailed a student for helping", "accused Rwanda of making", "thanked X for"
        return with_conj(objects[0])
    return verb_sources(governor, vocab)


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def with_conj(token: Token) -> list[Token]:
    """``token`` and the nouns conjoined with it ("Kim and Shoigu", "Gondor, Rohan and Bree")."""
    out = [token]
    stack = [c for c in token.children if c.dep_ == "conj" or _listed_appos(c)]
    while stack:
        conj = stack.pop(0)
        if conj.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            out.append(conj)
            stack.extend(c for c in conj.children if c.dep_ == "conj")
    return out


def _listed_appos(token: Token) -> bool:
    """A list the parser read as an apposition: "The US, Russia, and Switzerland" gives
    ``Russia`` as an appos of ``US`` carrying the rest of the list as its conjuncts."""
    return token.dep_ == "appos" and any(c.dep_ in ("cc", "conj") for c in token.children)


# --- nouns -----------------------------------------------------------------------------------


def noun_frame(noun: Token, lexicon: Lexicon, vocab: ClaimVocabulary) -> Frame | None:
    governor = noun.head if noun.dep_ in OBJECTS | {"nsubjpass"} else None
    heads = [noun] + ([governor] if governor is not None else [])
    predicate = Predicate(
        lemma=noun.lemma_.lower(),
        objects=(object_words(noun),),
        preps=frozenset(
            c.lemma_.lower() for h in heads for c in h.children if c.dep_ in ("prep", "dative")
        ),
    )
    pattern = lexicon.match_noun(predicate)
    if pattern is None:
        return None
    between = prep_objects(noun, "between")
    if between and len(between) >= 2:
        return Frame(noun, pattern, "noun", (), (), (), tuple(between))
    targets: list[Token] = []
    if pattern.prep:
        for head in heads:
            targets = prep_objects(head, pattern.prep)
            if targets:
                break
    sources = _noun_sources(noun, governor, vocab)
    if not targets and not _lent_subject(noun, governor, vocab):
        return None  # "its battle for justice": a bare event noun without a target is no event
    return Frame(noun, pattern, "noun", tuple(sources), tuple(targets))


def _lent_subject(noun: Token, governor: Token | None, vocab: ClaimVocabulary) -> bool:
    """ "Russia launched an offensive": a light verb lends its subject to its object noun."""
    return (
        governor is not None
        and noun.dep_ in OBJECTS
        and governor.lemma_.lower() in vocab.light_verbs
        and bool(verb_sources(governor, vocab))
    )


def _noun_sources(noun: Token, governor: Token | None, vocab: ClaimVocabulary) -> list[Token]:
    for child in noun.children:
        if child.dep_ == "poss":
            return with_conj(child)
    by = prep_objects(noun, "by")
    if by:
        return by
    modifiers = [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
    ]
    if modifiers:
        return modifiers[:1]
    if _lent_subject(noun, governor, vocab):
        assert governor is not None
        return verb_sources(governor, vocab)
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in vocab.frame_prepositions:
        verb = prep.head
        if (verb.pos_ in ("VERB", "AUX") and prep.i < verb.i) or prep.lower_ == "during":
            return verb_sources(verb, vocab)  # "During a visit to Beirut, Petraeus held talks"
    return []
