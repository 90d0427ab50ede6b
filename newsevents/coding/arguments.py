"""The argument words of a predicate: who does it (subjects) and to whom (prepositional objects).

Shared by the frame grammar (``frames``), the claims grammar and the coder. Every function reads
the document's :class:`~newsevents.doctree.DocTree` and names tokens by their index in the
document, so walking the parse builds no spaCy ``Token``.

Subjects climb the tree where English leaves them out: verbs conjoined with a verb that has
one ("met and discussed"), controlled and raised complements ("agreed to resume", "urged X to
withdraw", "is expected to visit"), participle and gerund clauses ("accused X of shipping"),
relative pronouns ("the army, which shelled ...") and passive agents ("by the police").
"""

from __future__ import annotations

from itertools import pairwise

from spacy.symbols import ADJ, AUX, NOUN, PRON, PROPN, VERB

from newsevents.coding.vocab import ClaimVocabulary
from newsevents.doctree import DocTree

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "obj"})
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
PREP_DEPS = frozenset({"prep", "dative"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "whose"})
VERB_POS = frozenset({int(VERB), int(AUX)})
NOUN_POS = int(NOUN)
PRON_POS = int(PRON)
PROPN_POS = int(PROPN)
ADJ_POS = int(ADJ)
# Verbs whose passive participle still has a direct object ("the envoys given visas").
DITRANSITIVE = frozenset(
    {"give", "award", "grant", "offer", "deny", "hand", "send", "promise", "show", "pay"}
    | {"allow", "assign", "lend", "owe", "sell", "teach", "tell", "refuse", "issue", "ask"}
)
# What a conjunct of an argument may be ("Kim and Shoigu", "Russian and Chinese").
CONJUNCT_POS = frozenset({int(NOUN), int(PROPN), int(PRON), int(ADJ)})


def is_passive(t: DocTree, verb: int) -> bool:
    """A passive verb, or a participle conjoined with one ("were arrested and released")."""
    deps, children = t.deps, t.children
    if any(deps[child] in PASSIVE_DEPS for child in children[verb]):
        return True
    head = t.heads[verb]
    return (
        deps[verb] == "conj"
        and t.tag(verb) == "VBN"
        and head != verb
        and not any(deps[child] in SUBJECTS for child in children[verb])
        and any(deps[child] in PASSIVE_DEPS for child in children[head])
    )


def is_participle(t: DocTree, verb: int) -> bool:
    """A past participle modifying a noun: "civilians imprisoned for ..." (a passive)."""
    if t.deps[verb] == "acl" and t.tag(verb) == "VBN":
        return misread_clause(t, verb) is None
    return misread_relative(t, verb) is not None


def misread_clause(t: DocTree, verb: int) -> int | None:
    """The subject of a main verb the parser read as a participle on it: in "The Iraqi air
    force carried out air strikes" or "Israeli air strikes killed 30 people, officials said" it
    makes the verb modify the noun, but a passive participle has no direct object (unless its
    verb takes two: "the envoys given visas"). Returns that noun, or None."""
    if (
        t.deps[verb] == "acl"
        and t.tag(verb) in ("VBN", "VBD")
        and t.lemmas[verb] not in DITRANSITIVE
        and first_child(t, verb, OBJECTS) is not None
    ):
        return t.heads[verb]
    return None


def misread_relative(t: DocTree, verb: int) -> int | None:
    """The subject of a participle the parser read as a main verb: in "The civilians
    imprisoned for protesting were released" it hangs "were released" on "imprisoned" as a
    conjunct with no "and" and no subject, and makes "civilians" the subject of "imprisoned".
    Returns that subject (the participle's patient), or None."""
    deps, children = t.deps, t.children
    if t.tag(verb) not in ("VBD", "VBN"):
        return None
    subject = first_child(t, verb, "nsubj")
    if subject is None or any(deps[c] == "cc" for c in children[verb]):
        return None
    for conj in children[verb]:
        if (
            deps[conj] == "conj"
            and any(deps[c] == "auxpass" for c in children[conj])
            and not any(deps[c] in SUBJECTS or deps[c] == "nsubjpass" for c in children[conj])
        ):
            return subject
    return None


def passive_patients(t: DocTree, verb: int) -> list[int]:
    """Who a passive verb is done to: its passive subject, the noun a participle modifies, or
    the subject a passive conjunct shares ("were arrested and released", and "imprisoned ...
    were released" as :func:`misread_relative` finds it)."""
    deps, children = t.deps, t.children
    patients = [c for c in children[verb] if deps[c] == "nsubjpass"]
    if patients:
        return patients
    if deps[verb] == "acl" and misread_clause(t, verb) is None:
        return [t.heads[verb]]
    misread = misread_relative(t, verb)
    if misread is not None:
        return [misread]
    head = t.heads[verb]
    if deps[verb] == "conj" and head != verb:
        shared = first_child(t, head, "nsubjpass")
        if shared is None:
            shared = misread_relative(t, head)
        if shared is not None:
            return [shared]
    return []


def first_child(t: DocTree, head: int, deps: frozenset[str] | str) -> int | None:
    """The first child of ``head`` whose dependency is ``deps`` (one label or a set)."""
    labels = t.deps
    if isinstance(deps, str):
        for child in t.children[head]:
            if labels[child] == deps:
                return child
        return None
    for child in t.children[head]:
        if labels[child] in deps:
            return child
    return None


def with_conj(t: DocTree, token: int) -> list[int]:
    """``token`` and the nouns conjoined with it ("Kim and Shoigu", "Gondor, Rohan and Bree")."""
    deps, children, pos = t.deps, t.children, t.pos
    out = [token]
    stack = [c for c in children[token] if deps[c] == "conj" or _listed_appos(t, c)]
    while stack:
        conj = stack.pop(0)
        if pos[conj] in CONJUNCT_POS:
            out.append(conj)
            stack.extend(c for c in children[conj] if deps[c] == "conj")
    return out


def _listed_appos(t: DocTree, token: int) -> bool:
    """A list the parser read as an apposition: "The US, Russia, and Switzerland" gives
    ``Russia`` as an appos of ``US`` carrying the rest of the list as its conjuncts."""
    deps = t.deps
    return deps[token] == "appos" and any(deps[c] in ("cc", "conj") for c in t.children[token])


def prep_objects(t: DocTree, head: int, prep: str, *, timeless: bool = False) -> list[int]:
    """The objects of ``head``'s preposition ``prep`` (with their conjuncts); with
    ``timeless``, a time phrase ("on Tuesday") is passed over."""
    deps, children, lemmas = t.deps, t.children, t.lemmas
    for child in children[head]:
        if deps[child] in PREP_DEPS and lemmas[child] == prep:
            if timeless and is_time_phrase(t, child):
                continue
            for grand in children[child]:
                if deps[grand] in ("pobj", "pcomp"):
                    return with_conj(t, grand)
    return []


def is_time_phrase(t: DocTree, prep: int) -> bool:
    """A preposition whose objects are all dates or times: the event's date, never a target."""
    objects = [c for c in t.children[prep] if t.deps[c] == "pobj"]
    return bool(objects) and all(t.ent_type(o) in TIME_ENTITIES for o in objects)


def antecedent(t: DocTree, token: int) -> int:
    """A relative pronoun stands for the noun its clause modifies."""
    head = t.heads[token]
    if t.lowers[token] in RELATIVE_PRONOUNS and t.deps[head] == "relcl":
        return t.heads[head]
    return token


def verb_sources(t: DocTree, verb: int, vocab: ClaimVocabulary) -> list[int]:
    """The words that fill the subject slot of ``verb``, climbing shared and controlled subjects."""
    deps, children = t.deps, t.children
    if is_passive(t, verb) or is_participle(t, verb):
        for agent in children[verb]:
            if deps[agent] == "agent":
                pobj = first_child(t, agent, "pobj")
                if pobj is not None:
                    return with_conj(t, pobj)
        return []
    subjects = [c for c in children[verb] if deps[c] in SUBJECTS]
    if subjects:
        # a second subject after an "and" is a list the parser split ("Kim, the leader of
        # North Korea, and Putin met": "Putin" hangs on the verb beside "Kim"); a name right
        # after a noun names it and stands in its place ("the militant group al-Shabab",
        # "Old foes Gondor and Osgiliath"); other pieces are a name split apart ("al - Shabab")
        listed = [subjects[0]]
        for prev, nxt in pairwise(subjects):
            if t.pos[prev] == NOUN_POS and t.pos[nxt] == PROPN_POS and nxt == prev + 1:
                if listed[-1] == prev:
                    listed[-1] = nxt
            elif _joined(t, prev, nxt):
                listed.append(nxt)
        return [antecedent(t, s) for first in listed for s in with_conj(t, first)]
    for child in children[verb]:
        if deps[child] == "aux":  # the parser sometimes hangs the subject on the auxiliary
            for grand in children[child]:
                if deps[grand] in SUBJECTS:
                    return [antecedent(t, s) for s in with_conj(t, grand)]
    return _inherited_subject(t, verb, vocab)


def _joined(t: DocTree, first: int, second: int) -> bool:
    """An "and" or "or" between two subjects of one verb."""
    deps, lowers = t.deps, t.lowers
    return any(deps[i] == "cc" and lowers[i] in ("and", "or") for i in range(first + 1, second))


def instrument_agent(t: DocTree, verb: int, vocab: ClaimVocabulary) -> list[int]:
    """A passive without its own agent takes the agent of the event noun it happened in:
    "killed in an air strike by government forces", "killed in Israeli tank shelling"."""
    deps, children = t.deps, t.children
    for prep in children[verb]:
        if deps[prep] != "prep" or t.lowers[prep] not in ("in", "by", "during"):
            continue
        for noun in children[prep]:
            if deps[noun] != "pobj" or t.pos[noun] != NOUN_POS:
                continue
            if t.lemmas[noun] in vocab.place_nouns:
                continue  # "released in the Rwandan capital": a place, not a means
            by = prep_objects(t, noun, "by")
            if by:
                return by
            for c in t.subtree(noun):  # its first named owner, in the order of the words
                if (
                    c < noun
                    and deps[c] in ("amod", "compound", "poss")
                    and t.ent_type(c) in ("NORP", "GPE", "ORG")
                ):
                    return [c]
    return []


def _inherited_subject(t: DocTree, verb: int, vocab: ClaimVocabulary) -> list[int]:
    head = t.heads[verb]
    if head == verb:
        return []
    deps, pos = t.deps, t.pos
    dep = deps[verb]
    if dep == "conj" and pos[head] in VERB_POS:
        return verb_sources(t, head, vocab)
    if dep == "xcomp" and pos[head] == ADJ_POS and deps[head] == "acomp":
        return verb_sources(t, t.heads[head], vocab)  # "X is about / able / ready to V"
    raised = first_child(t, head, "nsubjpass")
    if dep == "xcomp" and raised is not None and first_child(t, head, "agent") is None:
        return with_conj(t, raised)  # raising: "X is expected / scheduled / set to V"
    if dep in ("xcomp", "ccomp") and pos[head] in VERB_POS:
        lemma = t.lemmas[head]
        if lemma in vocab.appeal_verbs or lemma in vocab.demand_verbs:
            controller_object = first_child(t, head, OBJECTS)
            if controller_object is not None:
                return with_conj(t, controller_object)
            for prep in ("on", "upon"):  # "called on Ukraine to withdraw"
                addressed = [o for o in prep_objects(t, head, prep) if o < verb]
                if addressed:
                    return addressed
        return verb_sources(t, head, vocab)
    misread = misread_clause(t, verb)
    if misread is not None:
        return with_conj(t, misread)
    if dep in ("advcl", "acl") and t.tag(verb) == "VBG":
        return [head] if dep == "acl" else verb_sources(t, head, vocab)
    if dep == "pcomp":
        return _pcomp_subject(t, verb, vocab)
    return []


def _pcomp_subject(t: DocTree, verb: int, vocab: ClaimVocabulary) -> list[int]:
    """The subject of a gerund after "of"/"for".

    "accused X of shipping": X ships; "thanked X for sending": X sends; else the head's subject.
    """
    prep = t.heads[verb]
    governor = t.heads[prep]
    if (
        t.deps[governor] in OBJECTS
        and t.lemmas[prep] in ("of", "for")
        and t.lemmas[t.heads[governor]] in vocab.accusation_verbs | vocab.event_object_verbs
    ):  # "accused the RSF of looting", the parser hanging "of" on the object
        return with_conj(t, governor)
    if t.pos[governor] not in VERB_POS or governor == prep:
        return []
    if t.lemmas[prep] not in ("of", "for"):
        return verb_sources(t, governor, vocab)
    deps, children = t.deps, t.children
    if is_passive(t, governor):
        return [c for c in children[governor] if deps[c] == "nsubjpass"]
    objects = [c for c in children[governor] if deps[c] in OBJECTS]
    for head in (governor, *objects):
        recipients = prep_objects(t, head, "to")  # "expressed gratitude to Putin for sending"
        if recipients:
            return recipients
    if objects:  # "jailed a student for helping", "accused Rwanda of making", "thanked X for"
        return with_conj(t, objects[0])
    return verb_sources(t, governor, vocab)
