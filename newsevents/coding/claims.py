"""Claims: who says an event happened, whether it is asserted, alleged or denied, whether it is
negated, and whether it is actual, intended, threatened or hypothetical.

The grammar walks up the dependency tree from the trigger (the document's
:class:`~newsevents.doctree.DocTree`; tokens are named by their index):

* a speech verb above the trigger (``X said (that) E``, ``E, X said``, ``X reported E``) or an
  ``according to X`` phrase makes X the speaker (``attributed_to``);
* an allegation verb or a hedging speaker (``E, analysts say``), or an accusation
  (``X accused Y of E``) makes E ``alleged``; a denial (``Y denied E``) makes it ``denied``;
* a negator on the trigger (``did not meet``, ``never``, ``no talks``) makes it ``negated``;
* control verbs recode the complement event: intent (``agreed to meet`` → 036), threat
  (``threatened to attack`` → 138), refusal (``refused to meet`` → 125, a rejection, not a
  negation), appeal (``urged X to withdraw`` → 025) and demand; future auxiliaries make an
  event ``intended``; conditionals and modal verbs make it ``hypothetical``.

The word lists and code tables are data (``data/grammar/claims.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.coding.arguments import ADJ_POS, NOUN_POS, PRON_POS, VERB_POS, first_child
from newsevents.coding.vocab import ClaimVocabulary, recode
from newsevents.doctree import DocTree
from newsevents.model import Modality, Polarity, Status

# A relative clause or apposition asserts on its own: attribution does not climb out of it.
CLAUSE_BOUNDARIES = frozenset({"relcl", "acl", "appos"})
COMPLEMENTS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "dobj", "pcomp", "pobj"})
NEGATOR_DEPS = frozenset({"neg", "advmod", "det", "preconj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MAX_CLIMB = 12


@dataclass(frozen=True, slots=True)
class Claim:
    """What the claims grammar concluded about one frame (words as token indices)."""

    code: str
    status: Status = "asserted"
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    speaker: int | None = None
    controller: int | None = None  # the control verb, when the frame is its complement
    appeal_from: int | None = None  # "X urged Y to E": the event becomes X's appeal to Y
    speech: int | None = None  # the speech verb that reports the event ("X said (that) E")


def assess(
    t: DocTree,
    trigger: int,
    code: str,
    vocab: ClaimVocabulary,
    *,
    literal: bool = False,
    negation_in_code: bool = False,
) -> Claim:
    """The claim made about the event triggered by word ``trigger`` with lexicon code ``code``.

    ``literal``: the code comes from an imported dictionary and is not recoded for future or
    intent. ``negation_in_code``: the pattern named the negation ("WILL NOT *"), so the code
    already says what the negation means and the event is not negated again.
    """
    polarity: Polarity = "negated" if negated(t, trigger, vocab) else "positive"
    if negation_in_code:
        polarity = "positive"
    control = _control(t, trigger, code, vocab)
    code, modality, controller, appeal_from = control
    if controller is not None and negated(t, controller, vocab):
        polarity = "negated"
    if modality == "actual":
        modality = _mood(t, trigger, vocab)
        if modality == "intended" and not literal:
            refusal = recode(code, vocab.refusal_codes) if polarity == "negated" else None
            if refusal is not None:
                # "said he would not provide support": a declared refusal is a rejection (12x)
                code, polarity, modality = refusal, "positive", "actual"
            else:  # "will visit": CAMEO's intent code where it has one
                code, modality = _intended(code, vocab)
    if code.startswith("13"):
        modality = "threatened"
    status, speaker, speech = _status(t, trigger if controller is None else controller, vocab)
    return Claim(code, status, polarity, modality, speaker, controller, appeal_from, speech)


def negated(t: DocTree, token: int, vocab: ClaimVocabulary) -> bool:
    """A negator on the token, on its auxiliaries, or as the determiner of a nominal trigger."""
    deps, children, lowers = t.deps, t.children, t.lowers
    for child in children[token]:
        if deps[child] in NEGATOR_DEPS and lowers[child] in vocab.negators:
            return True
    # "No talks were held": the determiner sits on the passive subject of the light verb.
    if t.pos[token] in VERB_POS:
        for child in children[token]:
            if (
                deps[child] in ("nsubjpass", "dobj")
                and t.pos[child] == NOUN_POS
                and any(deps[g] == "det" and lowers[g] == "no" for g in children[child])
            ):
                return t.lemmas[token] in vocab.light_verbs
    elif deps[token] in ("nsubjpass", "dobj") and t.pos[t.heads[token]] in VERB_POS:
        return first_child(t, t.heads[token], "neg") is not None
    return False


def _control(
    t: DocTree, trigger: int, code: str, vocab: ClaimVocabulary
) -> tuple[str, Modality, int | None, int | None]:
    head = t.heads[trigger]
    dep = t.deps[trigger]
    if (
        dep == "xcomp"
        and t.pos[head] == ADJ_POS
        and t.deps[head] == "acomp"
        and t.lemmas[head] in vocab.intent_adjectives
    ):  # "X is ready / willing to V": intent, negated and reported through the copula
        return *_intended(code, vocab), t.heads[head], None
    if dep not in ("xcomp", "ccomp") or head == trigger or t.pos[head] not in VERB_POS:
        return code, "actual", None, None
    lemma = t.lemmas[head]
    appeal = lemma in vocab.appeal_verbs or lemma in vocab.demand_verbs
    if dep == "ccomp" and not _controlled_clause(t, trigger):
        # "hoped French officials would be indicted": a clause with a subject of its own
        if not appeal and lemma not in vocab.intent_verbs:
            return code, "actual", None, None
        if lemma in vocab.intent_verbs and not _object_controlled(t, trigger, head):
            return code, "actual", None, None
    if lemma in vocab.threat_verbs:
        return recode(code, vocab.threat_codes) or "130", "threatened", head, None
    if lemma in vocab.refusal_verbs:
        return recode(code, vocab.refusal_codes) or "120", "actual", head, None
    if appeal or (lemma in vocab.intent_verbs and _object_controlled(t, trigger, head)):
        table = vocab.demand_codes if lemma in vocab.demand_verbs else vocab.appeal_codes
        return recode(code, table) or "020", "actual", head, head
    if lemma in vocab.intent_verbs:
        return *_intended(code, vocab), head, None
    return code, "actual", None, None


def _controlled_clause(t: DocTree, clause: int) -> bool:
    """An infinitive ("to attack") or a clause whose subject is a pronoun ("hopes it will")."""
    deps, children = t.deps, t.children[clause]
    if any(deps[c] == "aux" and t.lowers[c] == "to" for c in children):
        return True
    subject = first_child(t, clause, SUBJECT_DEPS)
    return subject is None or t.pos[subject] == PRON_POS


def _object_controlled(t: DocTree, trigger: int, head: int) -> bool:
    """ "wants Putin to attack": the complement has its own subject (or the verb has an object)."""
    deps = t.deps
    own_subject = first_child(t, trigger, "nsubj") is not None
    return own_subject or any(deps[c] == "dobj" and c < trigger for c in t.children[head])


def _intended(code: str, vocab: ClaimVocabulary) -> tuple[str, Modality]:
    """An event announced or committed to: CAMEO's intent code (03x) where it has one ("will
    visit" → 036); announced violence is a threat ("said they will attack" → 138); any other
    event keeps its own code, intended ("pledged to expel" stays 174)."""
    intent = recode(code, vocab.intent_codes)
    if intent is not None:
        return intent, "intended"
    threat = recode(code, vocab.threat_codes)
    if threat is not None and code[:2] in vocab.declared_threat_roots:
        return threat, "threatened"
    return code, "intended"


def _mood(t: DocTree, trigger: int, vocab: ClaimVocabulary) -> Modality:
    deps, heads, lowers = t.deps, t.heads, t.lowers
    node = trigger
    for _ in range(MAX_CLIMB):
        for child in t.children[node]:
            if deps[child] == "mark" and lowers[child] in vocab.conditional_marks:
                return "hypothetical"
        if heads[node] == node or deps[node] in CLAUSE_BOUNDARIES:
            break
        node = heads[node]
    auxes = [lowers[c] for c in t.children[trigger] if deps[c] == "aux"]
    if not vocab.future_markers.isdisjoint(auxes) or _going_to(t, trigger):
        return "intended"
    if not vocab.hypothetical_markers.isdisjoint(auxes):
        return "intended" if _reported(t, trigger, vocab) else "hypothetical"
    return "actual"


def _going_to(t: DocTree, trigger: int) -> bool:
    head = t.heads[trigger]
    return (
        t.deps[trigger] == "xcomp"
        and t.lemma(head) == "go"
        and t.tag(head) == "VBG"
        and any(t.deps[c] == "aux" and t.lemma(c) == "be" for c in t.children[head])
    )


def _reported(t: DocTree, trigger: int, vocab: ClaimVocabulary) -> bool:
    return t.deps[trigger] == "ccomp" and t.lemmas[t.heads[trigger]] in vocab.speech_verbs


def _status(
    t: DocTree, start: int, vocab: ClaimVocabulary
) -> tuple[Status, int | None, int | None]:
    """Climb from the trigger (or its controller) to find speakers, accusations and denials.
    Returns the status, the speaker and the speech verb that reports the event (if any)."""
    deps, heads, lemmas, pos = t.deps, t.heads, t.lemmas, t.pos
    status: Status = "asserted"
    speaker: int | None = None
    speech: int | None = None
    node = start
    for _ in range(MAX_CLIMB):
        if speaker is None:
            speaker = according_to(t, node)
        head = heads[node]
        if head == node or deps[node] in CLAUSE_BOUNDARIES:
            break
        via = deps[node]
        if via in ("pcomp", "pobj") and deps[head] == "prep":
            via, head = "pcomp", heads[head]
            if deps[head] in ("dobj", "obj") and pos[heads[head]] in VERB_POS:
                head = heads[head]  # "accused the RSF of looting": "of" hangs on the object
        lemma = lemmas[head]
        if via in COMPLEMENTS and pos[head] in VERB_POS:
            if lemma in vocab.denial_verbs and via in ("ccomp", "dobj", "xcomp", "pcomp"):
                return "denied", subject(t, head), head
            if lemma in vocab.accusation_verbs and via == "pcomp":
                status = "alleged"
            elif lemma in vocab.speech_verbs and via in ("ccomp", "parataxis", "dobj"):
                said_by = subject(t, head)
                if said_by is None and deps[head] == "advcl":  # "Kim thanked Putin, saying E"
                    said_by = subject(t, heads[head])
                if speaker is None and said_by is not None:
                    speaker, speech = said_by, head
                if lemma in vocab.allegation_verbs or hedged(t, said_by, vocab):
                    status = "alleged"
        node = head
    return status, speaker, speech


def hedged(t: DocTree, speaker: int | None, vocab: ClaimVocabulary) -> bool:
    """A speaker who only supposes ("analysts", "observers")."""
    return speaker is not None and t.lemmas[speaker] in vocab.hedging_speakers


def subject(t: DocTree, verb: int) -> int | None:
    found = first_child(t, verb, SUBJECT_DEPS)
    return found if found is not None else according_to(t, verb)


def according_to(t: DocTree, token: int) -> int | None:
    """The object of an "according to X" phrase on ``token``."""
    children, lowers = t.children, t.lowers
    for child in children[token]:
        if lowers[child] == "according":
            for prep in children[child]:
                if lowers[prep] == "to":
                    for pobj in children[prep]:
                        if t.deps[pobj] == "pobj":
                            return pobj
    return None
