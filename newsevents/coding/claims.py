"""Claims: who says an event happened, whether it is asserted, alleged or denied, whether it is
negated, and whether it is actual, intended, threatened or hypothetical.

The grammar walks up the dependency tree from the trigger:

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

from spacy.tokens import Token

from newsevents.coding.vocab import ClaimVocabulary, recode
from newsevents.model import Modality, Polarity, Status

# A relative clause or apposition asserts on its own: attribution does not climb out of it.
CLAUSE_BOUNDARIES = frozenset({"relcl", "acl", "appos"})
COMPLEMENTS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "dobj", "pcomp", "pobj"})
MAX_CLIMB = 12


@dataclass(frozen=True, slots=True)
class Claim:
    """What the claims grammar concluded about one frame."""

    code: str
    status: Status = "asserted"
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    speaker: Token | None = None
    controller: Token | None = None  # the control verb, when the frame is its complement
    appeal_from: Token | None = None  # "X urged Y to E": the event becomes X's appeal to Y
    speech: Token | None = None  # the speech verb that reports the event ("X said (that) E")


def assess(
    trigger: Token,
    code: str,
    vocab: ClaimVocabulary,
    *,
    literal: bool = False,
    negation_in_code: bool = False,
) -> Claim:
    """The claim made about the event triggered by ``trigger`` with lexicon code ``code``.

    ``literal``: the code comes from an imported dictionary and is not recoded for future or
    intent. ``negation_in_code``: the pattern named the negation ("WILL NOT *"), so the code
    already says what the negation means and the event is not negated again.
    """
    polarity: Polarity = "negated" if negated(trigger, vocab) else "positive"
    if negation_in_code:
        polarity = "positive"
    control = _control(trigger, code, vocab)
    code, modality, controller, appeal_from = control
    if controller is not None and negated(controller, vocab):
        polarity = "negated"
    if modality == "actual":
        modality = _mood(trigger, vocab)
        refusal = recode(code, vocab.refusal_codes)
        if literal:
            pass
        elif modality == "intended" and polarity == "negated" and refusal is not None:
            # "said he would not provide support": a declared refusal is a rejection (12x)
            code, polarity, modality = refusal, "positive", "actual"
        elif modality == "intended":  # "will visit": CAMEO's intent code where it has one
            intent = recode(code, vocab.intent_codes)
            threat = recode(code, vocab.threat_codes) if intent is None else None
            if threat is not None and code[:2] in vocab.declared_threat_roots:
                code, modality = threat, "threatened"  # "said they will attack Iraq": 138
            else:
                code = intent or code
    if code.startswith("13"):
        modality = "threatened"
    status, speaker, speech = _status(controller or trigger, vocab)
    return Claim(code, status, polarity, modality, speaker, controller, appeal_from, speech)


def negated(token: Token, vocab: ClaimVocabulary) -> bool:
    """A negator on the token, on its auxiliaries, or as the determiner of a nominal trigger."""
    for child in token.children:
        if child.dep_ in ("neg", "advmod", "det", "preconj") and child.lower_ in vocab.negators:
            return True
    # "No talks were held": the determiner sits on the passive subject of the light verb.
    if token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            if (
                child.dep_ in ("nsubjpass", "dobj")
                and child.pos_ == "NOUN"
                and any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
            ):
                return token.lemma_.lower() in vocab.light_verbs
    elif token.dep_ in ("nsubjpass", "dobj") and token.head.pos_ in ("VERB", "AUX"):
        return any(c.dep_ == "neg" for c in token.head.children)
    return False


def _control(
    trigger: Token, code: str, vocab: ClaimVocabulary
) -> tuple[str, Modality, Token | None, Token | None]:
    head = trigger.head
    if (
        trigger.dep_ not in ("xcomp", "ccomp")
        or head.i == trigger.i
        or head.pos_ not in ("VERB", "AUX")
    ):
        return code, "actual", None, None
    lemma = head.lemma_.lower()
    if trigger.dep_ == "ccomp" and not _controlled_clause(trigger):
        # "hoped French officials would be indicted": a clause with a subject of its own
        if lemma not in vocab.appeal_verbs | vocab.demand_verbs | vocab.intent_verbs:
            return code, "actual", None, None
        if lemma in vocab.intent_verbs and not _object_controlled(trigger, head):
            return code, "actual", None, None
    if lemma in vocab.threat_verbs:
        return recode(code, vocab.threat_codes) or "130", "threatened", head, None
    if lemma in vocab.refusal_verbs:
        return recode(code, vocab.refusal_codes) or "120", "actual", head, None
    if lemma in vocab.appeal_verbs | vocab.demand_verbs or (
        lemma in vocab.intent_verbs and _object_controlled(trigger, head)
    ):
        table = vocab.demand_codes if lemma in vocab.demand_verbs else vocab.appeal_codes
        return recode(code, table) or "020", "actual", head, head
    if lemma in vocab.intent_verbs:
        return _intent(code, vocab), _intent_mood(code, vocab), head, None
    return code, "actual", None, None


def _controlled_clause(clause: Token) -> bool:
    """An infinitive ("to attack") or a clause whose subject is a pronoun ("hopes it will")."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return True
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or subjects[0].pos_ == "PRON"


def _object_controlled(trigger: Token, head: Token) -> bool:
    """ "wants Putin to attack": the complement has its own subject (or the verb has an object)."""
    own_subject = any(c.dep_ == "nsubj" for c in trigger.children)
    return own_subject or any(c.dep_ == "dobj" and c.i < trigger.i for c in head.children)


def _intent(code: str, vocab: ClaimVocabulary) -> str:
    return recode(code, vocab.intent_codes) or recode(code, vocab.threat_codes) or code


def _intent_mood(code: str, vocab: ClaimVocabulary) -> Modality:
    if recode(code, vocab.intent_codes) is None and recode(code, vocab.threat_codes) is not None:
        return "threatened"
    return "intended"


def _mood(trigger: Token, vocab: ClaimVocabulary) -> Modality:
    node: Token = trigger
    for _ in range(MAX_CLIMB):
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in vocab.conditional_marks:
                return "hypothetical"
        if node.head.i == node.i or node.dep_ in CLAUSE_BOUNDARIES:
            break
        node = node.head
    auxes = [c.lower_ for c in trigger.children if c.dep_ == "aux"]
    if any(a in vocab.future_markers for a in auxes) or _going_to(trigger):
        return "intended"
    if any(a in vocab.hypothetical_markers for a in auxes):
        return "intended" if _reported(trigger, vocab) else "hypothetical"
    return "actual"


def _going_to(trigger: Token) -> bool:
    head = trigger.head
    return (
        trigger.dep_ == "xcomp"
        and head.lemma_ == "go"
        and head.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )


def _reported(trigger: Token, vocab: ClaimVocabulary) -> bool:
    head = trigger.head
    return trigger.dep_ == "ccomp" and head.lemma_.lower() in vocab.speech_verbs


def _status(start: Token, vocab: ClaimVocabulary) -> tuple[Status, Token | None, Token | None]:
    """Climb from the trigger (or its controller) to find speakers, accusations and denials.
    Returns the status, the speaker and the speech verb that reports the event (if any)."""
    status: Status = "asserted"
    speaker: Token | None = None
    speech: Token | None = None
    node = start
    for _ in range(MAX_CLIMB):
        speaker = speaker or according_to(node)
        head = node.head
        if head.i == node.i or node.dep_ in CLAUSE_BOUNDARIES:
            break
        lemma = head.lemma_.lower()
        via = node.dep_
        if via in ("pcomp", "pobj") and head.dep_ == "prep":
            via, head = "pcomp", head.head
            lemma = head.lemma_.lower()
        if via in COMPLEMENTS and head.pos_ in ("VERB", "AUX"):
            if lemma in vocab.denial_verbs and via in ("ccomp", "dobj", "xcomp", "pcomp"):
                return "denied", subject(head), head
            if lemma in vocab.accusation_verbs and via == "pcomp":
                status = "alleged"
            elif lemma in vocab.speech_verbs and via in ("ccomp", "parataxis", "dobj"):
                said_by = subject(head)
                if speaker is None and said_by is not None:
                    speaker, speech = said_by, head
                if lemma in vocab.allegation_verbs or _hedged(said_by, vocab):
                    status = "alleged"
        node = head
    return status, speaker, speech


def _hedged(speaker: Token | None, vocab: ClaimVocabulary) -> bool:
    return speaker is not None and speaker.lemma_.lower() in vocab.hedging_speakers


def subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return according_to(verb)


def according_to(token: Token) -> Token | None:
    """The object of an "according to X" phrase on ``token``."""
    for child in token.children:
        if child.lower_ == "according":
            for prep in child.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None
