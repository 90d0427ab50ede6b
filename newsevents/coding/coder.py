"""The event coder: frames + claims + actors → event candidates for one parsed document.

Reads: a spaCy ``Doc`` (parse, lemmas, entities) and the document's resolved actors.
Writes: :class:`Candidate` records, which still point at tokens so that the date and place
stages can read the trigger's clause. The pipeline turns candidates into ``Event`` records.

No event is emitted without a trigger the lexicon knows and at least one resolved actor, and
there is no fallback code: an unknown predicate gives no event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from newsevents.actors import DocActors
from newsevents.coding.claims import Claim, assess, subject
from newsevents.coding.frames import (
    OBJECT_MODIFIERS,
    RELATIVE_PRONOUNS,
    Frame,
    antecedent,
    find_frames,
    is_passive,
    prep_objects,
    trigger_candidates,
    with_conj,
)
from newsevents.coding.lexicon import Lexicon
from newsevents.coding.vocab import ClaimVocabulary
from newsevents.model import Actor, Modality, Polarity, Status
from newsevents.nlp import entities_in

ACCUSATION_ROOTS = ("11",)
# Force posture at home ("Chinese troops held drills in Tibet") is done to no one.
FOREIGN_PLACE_ROOTS = frozenset({"15"})

# The country of a place named in a word's own locative phrases, given the actors' countries.
Locator = Callable[[Token, Sequence[str]], str | None]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event before dates and places: tokens still attached."""

    sentence: Span
    sentence_index: int
    trigger: Token
    code: str
    source: Actor | None
    target: Actor | None
    status: Status
    polarity: Polarity
    modality: Modality
    attributed_to: Actor | None
    confidence: float


@dataclass(frozen=True, slots=True)
class _Resolved:
    frame: Frame
    claim: Claim
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]


class EventCoder:
    """Codes events from parsed documents. Built once; ``code`` is called per document."""

    def __init__(
        self,
        *,
        lexicon: Lexicon,
        vocab: ClaimVocabulary,
        country_names: Mapping[str, str] | None = None,
        locate: Locator | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.vocab = vocab
        self.country_names: Mapping[str, str] = country_names or {}
        self.locate = locate
        self.lemma_hashes = frozenset(hash_string(w) for w in (*lexicon.verbs, *lexicon.nouns))

    def code(self, doc: Doc, actors: DocActors) -> list[Candidate]:
        out: list[Candidate] = []
        candidates = trigger_candidates(doc, self.lemma_hashes)
        for index, sent in enumerate(doc.sents):
            resolved = self._resolve_sentence(sent, actors, out, candidates)
            first = len(out)
            for item in resolved:
                out.extend(self._emit(sent, index, item, actors))
            for item in resolved:
                out.extend(self._reported_accusations(sent, index, item, actors, out[first:]))
        return out

    # --- per sentence ------------------------------------------------------------------------

    def _resolve_sentence(
        self,
        sent: Span,
        actors: DocActors,
        earlier: Sequence[Candidate],
        candidates: Sequence[int],
    ) -> list[_Resolved]:
        frames = find_frames(sent, self.lexicon, self.vocab, candidates=candidates)
        triggers = {f.trigger.i for f in frames}
        items: list[_Resolved] = []
        for frame in frames:
            if self._subsumed(frame, triggers):
                continue
            claim = self._claim(frame)
            sources, targets = self._arguments(frame, claim, actors)
            if frame.sources and not sources and not self._unknown_doer(frame):
                continue  # a subject that is no actor ("the group seized ..."): no event
            items.append(_Resolved(frame, claim, sources, targets))
        by_trigger = {item.frame.trigger.i: item for item in items}
        return [self._complete(item, by_trigger, earlier, actors) for item in items]

    def _unknown_doer(self, frame: Frame) -> bool:
        """A passive, or an event as subject ("a suicide attack killed eight people"): the
        doer is unknown, not absent, and the event stands with no source."""
        if is_passive(frame.trigger):
            return True
        return any(self.lexicon.knows_noun(t.lemma_.lower()) for t in frame.sources)

    def _subsumed(self, frame: Frame, triggers: set[int]) -> bool:
        """A control verb whose complement is an event ("pledged to expel"), or an event noun
        without its own source that is the object of a verb event ("endorsed an agreement")."""
        trigger = frame.trigger
        if frame.kind == "verb":
            lemma = frame.pattern.lemma
            controls = self.vocab.control_verbs
            return lemma in controls and any(
                c.dep_ in ("xcomp", "ccomp") and c.i in triggers for c in trigger.children
            )
        return (
            not frame.sources
            and not frame.reciprocal_group
            and trigger.dep_ in ("dobj", "nsubjpass", "conj")
            and trigger.head.i in triggers
        )

    def _claim(self, frame: Frame) -> Claim:
        trigger = frame.trigger
        if frame.kind == "noun" and trigger.dep_ in ("dobj", "nsubjpass"):
            governor = trigger.head
            if governor.lemma_.lower() in self.vocab.light_verbs:
                trigger = governor
        pattern = frame.pattern
        return assess(
            trigger,
            pattern.code,
            self.vocab,
            literal=pattern.literal,
            negation_in_code=pattern.absorbs_negation,
        )

    def _arguments(
        self, frame: Frame, claim: Claim, actors: DocActors
    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
        if frame.reciprocal_group:
            group = resolve_all(frame.reciprocal_group, actors)
            return group, group
        if claim.appeal_from is not None:
            appealer = subject(claim.appeal_from)
            source_tokens: Sequence[Token] = [appealer] if appealer is not None else []
            return resolve_all(source_tokens, actors), resolve_all(frame.sources, actors)
        sources = resolve_all(frame.sources, actors, owners=False)
        targets = (
            resolve_all(frame.targets, actors)
            or resolve_all(frame.fallback_targets, actors)
            or owners_of(frame.objects, actors)  # "demolished the Russian building"
        )
        if not targets and frame.kind == "verb" and not frame.pattern.prep:
            targets = first_actor_after(frame, actors, self.vocab)
        return sources, targets

    def _complete(
        self,
        item: _Resolved,
        by_trigger: dict[int, _Resolved],
        earlier: Sequence[Candidate],
        actors: DocActors,
    ) -> _Resolved:
        """Fill a missing target from the event it refers to, or a denial from its accusers."""
        if item.targets or item.frame.reciprocal_group:
            return item
        lemma = item.frame.pattern.lemma
        if lemma in self.vocab.event_object_verbs and item.frame.targets:
            referred = referred_event(item.frame.targets[0], by_trigger)
            if referred is not None and referred.sources:
                return _Resolved(item.frame, item.claim, item.sources, referred.sources)
        if item.claim.code.startswith("016") and item.sources:
            accusers = _accusers_of(item.sources[0], earlier)
            if accusers:
                return _Resolved(item.frame, item.claim, item.sources, accusers)
        if item.claim.code[:2] in self.vocab.place_target_roots and item.sources:
            country = place_country(
                item.frame.trigger, actors, self.country_names, self.locate, item.sources
            )
            if country is not None and not any(
                same_actor(country, s)
                or (s.country == country.country and item.claim.code[:2] in FOREIGN_PLACE_ROOTS)
                for s in item.sources
            ):
                return _Resolved(item.frame, item.claim, item.sources, (country,))
        return item

    # --- emission ----------------------------------------------------------------------------

    def _emit(self, sent: Span, index: int, item: _Resolved, actors: DocActors) -> list[Candidate]:
        frame, claim = item.frame, item.claim
        pairs = dyads(item.sources, item.targets, reciprocal=frame.pattern.reciprocal)
        speaker = _speaker(claim.speaker, actors)
        reverse = frame.pattern.reverse_code if claim.code == frame.pattern.code else None
        if reverse:
            pairs = [p for s, t in pairs for p in ((s, t), (t, s)) if t is not None]
        out = []
        for n, (source, target) in enumerate(pairs):
            out.append(
                Candidate(
                    sentence=sent,
                    sentence_index=index,
                    trigger=frame.trigger,
                    code=reverse if reverse and n % 2 else claim.code,
                    source=source,
                    target=target,
                    status=claim.status,
                    polarity=claim.polarity,
                    modality=claim.modality,
                    attributed_to=speaker,
                    confidence=confidence(frame, source, target),
                )
            )
        return out

    def _reported_accusations(
        self,
        sent: Span,
        index: int,
        item: _Resolved,
        actors: DocActors,
        coded: Sequence[Candidate],
    ) -> list[Candidate]:
        """A speaker reporting another actor's violence accuses it ("Israel said Hamas fired
        rockets" → Israel 112 → Hamas); reporting its own claims responsibility (015). News
        media, hedging speakers and fighting between two sides accuse nobody."""
        claim = item.claim
        if (
            claim.speech is None
            or claim.code[:2] not in self.vocab.reported_accusation_roots
            or item.frame.pattern.reciprocal  # "the war between X and Y": nobody is accused
            or item.frame.reciprocal_group
            or claim.status == "denied"
            or claim.polarity != "positive"
            or claim.modality != "actual"
            or _hedged_speaker(claim.speaker, self.vocab)
        ):
            return []
        speaker = _speaker(claim.speaker, actors)
        if speaker is None or not (speaker.country or speaker.org) or speaker.sector == "MED":
            return []
        pairs: list[tuple[str, Actor | None]] = []
        for source in item.sources:
            if same_actor(source, speaker):
                pairs += [("015", t) for t in item.targets or (None,)]
            else:
                pairs.append(("112", source))
        out = []
        for code, other in pairs:
            if any(
                c.code[:2] == code[:2] and c.source == speaker and c.target == other for c in coded
            ):
                continue  # the speech verb is an accusation already ("accused Y of E")
            out.append(
                Candidate(
                    sentence=sent,
                    sentence_index=index,
                    trigger=claim.speech,
                    code=code,
                    source=speaker,
                    target=other,
                    status="asserted",
                    polarity="positive",
                    modality="actual",
                    attributed_to=None,
                    confidence=0.6 if other is not None else 0.5,
                )
            )
        return out


def _hedged_speaker(token: Token | None, vocab: ClaimVocabulary) -> bool:
    return token is not None and token.lemma_.lower() in vocab.hedging_speakers


# Dependencies that leave the verb phrase: clauses, subjects, conjoined verbs, punctuation.
LEAVES_PHRASE = frozenset(
    {"advcl", "ccomp", "xcomp", "relcl", "acl", "conj", "parataxis", "nsubj", "nsubjpass"}
    | {"csubj", "punct", "cc", "mark", "npadvmod", "agent"}
)


def first_actor_after(frame: Frame, actors: DocActors, vocab: ClaimVocabulary) -> tuple[Actor, ...]:
    """The first actor in the verb's own phrase after the verb, as PETRARCH finds targets
    ("restored diplomatic ties with Gondor" → Gondor), never inside a clause, a subject, or a
    setting phrase ("met in Zurich", "attacked at dawn")."""
    verb = frame.trigger
    consumed = {o.i for o in frame.objects}
    for token in verb.subtree:
        if token.i <= verb.i or not _in_phrase(token, verb, vocab):
            continue
        if token.i in consumed or (token.head.i in consumed and token.dep_ in OBJECT_MODIFIERS):
            continue  # the pattern's own object ("use military force") is no target
        if actors.actors_at(token):
            head = token
            while head.dep_ in ("poss", "compound", "amod", "nmod") and head.head.i != verb.i:
                if not actors.actors_at(head.head):
                    break
                head = head.head
            return resolve_all(with_conj(head), actors)
    return ()


def _in_phrase(token: Token, verb: Token, vocab: ClaimVocabulary) -> bool:
    node = token
    while node.i != verb.i:
        if node.dep_ in LEAVES_PHRASE:
            return False
        if node.dep_ == "prep" and node.lemma_.lower() in vocab.setting_prepositions:
            return False
        node = node.head
    return True


def resolve_all(
    tokens: Iterable[Token], actors: DocActors, *, owners: bool = True
) -> tuple[Actor, ...]:
    """Actors for argument heads. A non-actor noun lends its owner ("Russia's war", "Security
    Council resolutions", "allegations by Rwanda") when ``owners``; a doer is only ever its
    possessor (in "the Malaysia Airlines crash killed ...", Malaysia did not act)."""
    out: list[Actor] = []
    for token in tokens:
        found = actors.actors_at(token) or _entity_actors(token, actors)
        if not found and owners:
            found = _owner_actors(token, actors)
        elif not found:
            found = [a for c in token.children if c.dep_ == "poss" for a in actors.actors_at(c)]
        if not found:
            found = _pronoun_antecedent(token, actors)
        for actor in found:
            if all(not same_actor(actor, seen) for seen in out):
                out.append(actor)
    return tuple(out)


def _entity_actors(token: Token, actors: DocActors) -> list[Actor]:
    """A word inside a named entity that the parser split ("Barack" as a subject of its own)."""
    if token.ent_iob_ == "O" or not token.ent_type_:
        return []
    for ent in entities_in(token.sent):
        if ent.start <= token.i < ent.end:
            return actors.actor_in_span(ent)
    return []


PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her"})


def _pronoun_antecedent(token: Token, actors: DocActors) -> list[Actor]:
    """ "North Korea denies it has conducted ...": a pronoun in a clause stands for the subject
    of the clause that governs it."""
    if token.lower_ not in PERSONAL_PRONOUNS:
        return []
    node = token.head
    for _ in range(6):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i and child.i < token.i:
                found = actors.actors_at(child) or _entity_actors(child, actors)
                if found and token.lower_ in PLURAL_PRONOUNS:  # "X and Y said they will ..."
                    return list(resolve_all(with_conj(child), actors))
                if found:
                    return found[:1]
        if node.head.i == node.i:
            return []
        node = node.head
    return []


PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})

LOCATIVES = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "around", "off", "into"}
)


def place_country(
    trigger: Token,
    actors: DocActors,
    names: Mapping[str, str],
    locate: Locator | None = None,
    sources: Sequence[Actor] = (),
) -> Actor | None:
    """The country of the place where an event happened ("shelled villages in Donetsk"): a
    country or capital among the actors first, then any place the gazetteer knows (``locate``)."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass"))]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass"):
        heads.append(trigger.head)  # "staged a protest in Beijing"
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVES:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                    for actor in actors.actors_at(pobj):
                        if actor.country and not actor.org:
                            return _country_actor(pobj.text, actor.country, names)
    if locate is None:
        return None
    countries = tuple(a.country for a in sources if a.country)
    for head in heads:
        found = locate(head, countries)
        if found:
            return _country_actor(names.get(found, found), found, names)
    return None


def _country_actor(text: str, country: str, names: Mapping[str, str]) -> Actor:
    return Actor(text=text, name=names.get(country, country), country=country, code=country)


def owners_of(objects: Iterable[Token], actors: DocActors) -> tuple[Actor, ...]:
    """The country or organisation a thing belongs to, from its modifiers ("the Russian
    building", "Moscow's embassy"); a role word ("military force") is no owner."""
    out: list[Actor] = []
    for obj in objects:
        for child in obj.children:
            if child.dep_ in ("poss", "amod", "compound") and (
                child.ent_type_ in OWNER_ENTITIES or child.pos_ in ("PROPN", "ADJ")
            ):  # the model can miss the entity ("a Moldovan diplomat" as PERSON)
                out.extend(a for a in actors.actors_at(child) if a.country or a.org)
    return tuple(out)


OWNER_ENTITIES = frozenset({"GPE", "NORP", "ORG"})


def _owner_actors(token: Token, actors: DocActors) -> list[Actor]:
    """ "Russia's war", "Security Council resolutions": the actor a thing belongs to."""
    for dep in ("poss", "compound"):
        for child in token.children:
            if child.dep_ == dep:
                found = actors.actors_at(child)
                if found:
                    return found
    by = prep_objects(token, "by")  # "allegations by Rwanda", "the attack by X"
    return [a for t in by for a in actors.actors_at(t)]


def same_actor(a: Actor, b: Actor) -> bool:
    return a.name == b.name and a.code == b.code


def dyads(
    sources: Sequence[Actor], targets: Sequence[Actor], *, reciprocal: bool
) -> list[tuple[Actor | None, Actor | None]]:
    """Source–target pairs; an actor never acts on itself. A reciprocal event among actors in
    one slot ("Kim and Shoigu discussed", "a meeting between X and Y") runs every way; with an
    explicit target ("X met Y") it runs from source to target, as CAMEO coders do."""
    pairs: list[tuple[Actor | None, Actor | None]] = []
    if reciprocal and sources and not targets and len(sources) > 1:
        targets = sources
    if sources and targets:
        for s in sources:
            for t in targets:
                if not same_actor(s, t):
                    pairs.append((s, t))
    elif sources:
        pairs = [(s, None) for s in sources]
    else:
        pairs = [(None, t) for t in targets]
    unique: list[tuple[Actor | None, Actor | None]] = []
    for pair in pairs:
        if pair not in unique:
            unique.append(pair)
    return unique


def referred_event(token: Token, by_trigger: dict[int, _Resolved]) -> _Resolved | None:
    """The event a word refers to: an event noun itself, or the event a relative pronoun's
    antecedent hangs from ("shipping weapons to Russia ..., which X condemned")."""
    if token.i in by_trigger:
        return by_trigger[token.i]
    if token.lower_ not in RELATIVE_PRONOUNS or token.head.dep_ != "relcl":
        return None
    node = token.head.head
    for _ in range(8):
        item = by_trigger.get(node.i)
        if item is not None and item.frame.kind == "verb" and item.sources:
            return item
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _accusers_of(accused: Actor, earlier: Sequence[Candidate]) -> tuple[Actor, ...]:
    for candidate in reversed(earlier):
        if (
            candidate.code.startswith(ACCUSATION_ROOTS)
            and candidate.target is not None
            and candidate.source is not None
            and same_actor(candidate.target, accused)
        ):
            return (candidate.source,)
    return ()


def _speaker(token: Token | None, actors: DocActors) -> Actor | None:
    if token is None:
        return None
    token = antecedent(token)
    if token.pos_ == "PRON":
        return None  # an unresolved "he" or "they" says nothing a reader can use
    found = actors.actors_at(token)
    if found:
        return found[0]
    words = [t for t in token.subtree if t.dep_ in ("compound", "amod") or t is token]
    text = " ".join(t.text for t in words if t.i <= token.i)
    return Actor(text=text, name=text)


def confidence(frame: Frame, source: Actor | None, target: Actor | None) -> float:
    """A transparent score: both actors, a specific pattern and a verbal trigger raise it."""
    score = 0.35
    score += 0.25 if source is not None else 0.0
    score += 0.2 if target is not None else 0.0
    score += 0.1 if frame.pattern.specificity > 0 else 0.0
    score += 0.1 if frame.kind == "verb" else 0.0
    return round(min(score, 1.0), 2)
