"""The event coder: frames + claims + actors → event candidates for one parsed document.

Reads: a spaCy ``Doc`` (parse, lemmas, entities) and the document's resolved actors.
Writes: :class:`Candidate` records, which still point at their trigger token so that the date
and place stages can read the trigger's clause. The pipeline turns candidates into ``Event``
records. In between, words are token indices into the document's
:class:`~newsevents.doctree.DocTree` (frames, claims and participants read its lists).

No event is emitted without a trigger the lexicon knows and at least one resolved actor, and
there is no fallback code: an unknown predicate gives no event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span, Token

from newsevents.actors import DocActors
from newsevents.coding.arguments import (
    RELATIVE_PRONOUNS,
    first_child,
    is_passive,
    prep_objects,
)
from newsevents.coding.claims import Claim, assess, hedged, subject
from newsevents.coding.frames import Frame, find_frames, trigger_candidates
from newsevents.coding.lexicon import Lexicon
from newsevents.coding.participants import (
    Locator,
    first_actor_after,
    owners_of,
    place_country,
    resolve_all,
    same_actor,
    speaker_actor,
)
from newsevents.coding.vocab import ClaimVocabulary
from newsevents.doctree import DocTree
from newsevents.model import Actor, Modality, Polarity, Status

ACCUSATION_ROOTS = ("11",)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event before dates and places: its sentence and trigger token still attached."""

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
        self.control_verbs = vocab.control_verbs

    def code(self, doc: Doc, actors: DocActors) -> list[Candidate]:
        out: list[Candidate] = []
        t = DocTree.of(doc)
        candidates = trigger_candidates(t, self.lemma_hashes)
        if not candidates:
            return out
        for index, sent in enumerate(doc.sents):
            resolved = self._resolve_sentence(t, sent, actors, out, candidates)
            first = len(out)
            for item in resolved:
                out.extend(self._emit(t, sent, index, item, actors))
            for item in resolved:
                out.extend(self._reported_accusations(t, sent, index, item, actors, out[first:]))
        return out

    # --- per sentence ------------------------------------------------------------------------

    def _resolve_sentence(
        self,
        t: DocTree,
        sent: Span,
        actors: DocActors,
        earlier: Sequence[Candidate],
        candidates: Sequence[int],
    ) -> list[_Resolved]:
        frames = find_frames(sent, self.lexicon, self.vocab, candidates=candidates)
        if not frames:
            return []
        triggers = {f.trigger for f in frames}
        items: list[_Resolved] = []
        for frame in frames:
            if self._subsumed(t, frame, triggers):
                continue
            if any(t.lemmas[s] in self.vocab.mishap_nouns for s in frame.sources):
                continue  # "victims killed by the MH17 crash": a mishap did it, no actor
            claim = self._claim(t, frame)
            sources, targets = self._arguments(t, frame, claim, actors)
            if frame.sources and not sources and not self._unknown_doer(t, frame):
                continue  # a subject that is no actor ("the group seized ..."): no event
            items.append(_Resolved(frame, claim, sources, targets))
        by_trigger = {item.frame.trigger: item for item in items}
        items = self._fold_tolls(t, items, by_trigger)
        return [self._complete(t, item, by_trigger, earlier, actors) for item in items]

    def _unknown_doer(self, t: DocTree, frame: Frame) -> bool:
        """A passive, an event or a weapon as subject ("a suicide attack killed eight people",
        "a roadside bomb killed three soldiers"): the doer is unknown, not absent, and the event
        stands with no source."""
        if is_passive(t, frame.trigger):
            return True
        return any(
            self.lexicon.knows_noun(t.lemmas[s]) or t.lemmas[s] in self.vocab.weapon_nouns
            for s in frame.sources
        )

    def _subsumed(self, t: DocTree, frame: Frame, triggers: set[int]) -> bool:
        """A control verb whose complement is an event ("pledged to expel"), or an event noun
        without its own source that is the object of a verb event ("endorsed an agreement")."""
        trigger = frame.trigger
        if frame.kind == "verb":
            return frame.pattern.lemma in self.control_verbs and any(
                t.deps[c] in ("xcomp", "ccomp") and c in triggers for c in t.children[trigger]
            )
        return (
            not frame.sources
            and not frame.reciprocal_group
            and t.deps[trigger] in ("dobj", "nsubjpass", "conj")
            and t.heads[trigger] in triggers
        )

    def _fold_tolls(
        self, t: DocTree, items: list[_Resolved], by_trigger: dict[int, _Resolved]
    ) -> list[_Resolved]:
        """ "Insurgents bombarded Aleppo, killing eight people": a participle without a subject
        of its own that tells what a coded attack did is that attack, not a second one. Whom it
        harmed becomes the attack's target when the attack names none ("carried out air strikes
        in Mosul, killing Islamic State fighters")."""
        victims: dict[int, tuple[Actor, ...]] = {}
        tolls = set()
        for item in items:
            attack = self._toll_of(t, item.frame, by_trigger)
            if attack is not None:
                tolls.add(item.frame.trigger)
                if not attack.targets and item.targets:
                    victims.setdefault(attack.frame.trigger, item.targets)
        out = []
        for item in items:
            if item.frame.trigger in tolls:
                continue
            if item.frame.trigger in victims:
                item = _Resolved(item.frame, item.claim, item.sources, victims[item.frame.trigger])
                by_trigger[item.frame.trigger] = item
            out.append(item)
        return out

    def _toll_of(
        self, t: DocTree, frame: Frame, by_trigger: Mapping[int, _Resolved]
    ) -> _Resolved | None:
        """The coded attack whose toll ``frame`` tells, or None."""
        trigger = frame.trigger
        item = by_trigger.get(t.heads[trigger])
        attack = item.frame if item is not None and (item.sources or item.targets) else None
        roots = self.vocab.toll_roots
        found = (
            attack is not None
            and attack.kind == "verb"
            and t.deps[trigger] == "advcl"
            and t.tag(trigger) == "VBG"
            and frame.pattern.code[:2] in roots
            and attack.pattern.code[:2] in roots
            and first_child(t, trigger, "nsubj") is None
        )
        return item if found else None

    def _claim(self, t: DocTree, frame: Frame) -> Claim:
        trigger = frame.trigger
        if frame.kind == "noun" and t.deps[trigger] in ("dobj", "nsubjpass"):
            governor = t.heads[trigger]
            if t.lemmas[governor] in self.vocab.light_verbs:
                trigger = governor
        pattern = frame.pattern
        claim = assess(
            t,
            trigger,
            pattern.code,
            self.vocab,
            literal=pattern.literal,
            negation_in_code=pattern.absorbs_negation,
        )
        if claim.code[:2] in self.vocab.riot_roots and any(
            t.lemmas[s] in self.vocab.rioters for s in frame.sources
        ):  # "protesters torched a police station": a riot (145), as CAMEO codes it
            claim = replace(claim, code="145")
        return claim

    def _arguments(
        self, t: DocTree, frame: Frame, claim: Claim, actors: DocActors
    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
        if frame.reciprocal_group:
            group = resolve_all(t, frame.reciprocal_group, actors)
            return group, group
        if claim.appeal_from is not None:
            appealer = subject(t, claim.appeal_from)
            appealers = [appealer] if appealer is not None else []
            return resolve_all(t, appealers, actors), resolve_all(t, frame.sources, actors)
        sources = resolve_all(t, frame.sources, actors, owners=False)
        targets = (
            resolve_all(t, frame.targets, actors)
            or resolve_all(t, frame.fallback_targets, actors)
            or owners_of(t, frame.objects, actors)  # "demolished the Russian building"
        )
        if not targets and frame.kind == "verb" and not frame.pattern.prep:
            targets = first_actor_after(t, frame, actors, self.vocab)
        return sources, targets

    def _complete(
        self,
        t: DocTree,
        item: _Resolved,
        by_trigger: dict[int, _Resolved],
        earlier: Sequence[Candidate],
        actors: DocActors,
    ) -> _Resolved:
        """Fill a missing target from the event it refers to, or a denial from its accusers."""
        item = self._localized(t, item, actors)
        if item.targets or item.frame.reciprocal_group:
            return item
        lemma = item.frame.pattern.lemma
        if lemma in self.vocab.event_object_verbs and item.frame.targets:
            referred = referred_event(t, item.frame.targets[0], by_trigger)
            if referred is not None and referred.sources:
                return _Resolved(item.frame, item.claim, item.sources, referred.sources)
        if item.claim.code in self.vocab.about_event_codes and item.sources:
            about = self._about_targets(t, item, by_trigger, actors)
            if about:
                return _Resolved(item.frame, item.claim, item.sources, about)
        if item.claim.code.startswith("016") and item.sources:
            accusers = _accusers_of(item.sources[0], earlier)
            if accusers:
                return _Resolved(item.frame, item.claim, item.sources, accusers)
        if item.claim.code[:2] in self.vocab.place_target_roots and item.sources:
            country = self._place(t, item.frame.trigger, actors, item.sources)
            if country is not None and not any(
                same_actor(country, s)
                or (
                    s.country == country.country
                    and item.claim.code[:2] in self.vocab.foreign_place_roots
                )
                for s in item.sources
            ):
                return _Resolved(item.frame, item.claim, item.sources, (country,))
        return item

    def _localized(self, t: DocTree, item: _Resolved, actors: DocActors) -> _Resolved:
        """Civilians harmed with no country of their own take the country where it happened
        ("children were killed in shelling in the Gaza Strip")."""
        vocab = self.vocab
        if item.claim.code[:2] not in vocab.local_victim_roots or not any(
            _local_victim(a, vocab) for a in item.targets
        ):
            return item
        trigger = item.frame.trigger
        deps, children = t.deps, t.children
        heads = [trigger, *(c for c in children[trigger] if deps[c] == "advcl")]
        heads += [  # "killed in Israeli shelling in Gaza": the place of the attack
            p
            for c in children[trigger]
            if deps[c] == "prep"
            for p in children[c]
            if deps[p] == "pobj" and self.lexicon.knows_noun(t.lemmas[p])
        ]
        for head in heads:
            country = self._place(t, head, actors)
            if country is not None and country.country:
                targets = tuple(
                    _with_country(a, country.country) if _local_victim(a, vocab) else a
                    for a in item.targets
                )
                return _Resolved(item.frame, item.claim, item.sources, targets)
        return item

    def _place(
        self, t: DocTree, head: int, actors: DocActors, sources: Sequence[Actor] = ()
    ) -> Actor | None:
        return place_country(
            t, head, actors, self.country_names, self.locate, sources, self.vocab.place_nouns
        )

    def _speaker(self, t: DocTree, token: int | None, actors: DocActors) -> Actor | None:
        """The actor a claim is attributed to. A document no one is named behind speaks for
        the country it was released in ("a report released in the Rwandan capital alleged")."""
        speaker = speaker_actor(t, token, actors)
        if (
            token is None
            or speaker is None
            or speaker.country
            or speaker.org
            or t.lemmas[token] not in self.vocab.document_nouns
        ):
            return speaker
        for clause in t.children[token]:
            if t.deps[clause] == "acl" and t.tag(clause) == "VBN":
                country = self._place(t, clause, actors)
                if country is not None:
                    return replace(country, text=speaker.text)
        return speaker

    def _hedged(self, t: DocTree, speaker: int | None) -> bool:
        """ "Analysts said" only supposes; "a UN report said" is the UN's word."""
        return (
            speaker is not None
            and hedged(t, speaker, self.vocab)
            and t.lemmas[speaker] not in self.vocab.document_nouns
        )

    def _about_targets(
        self, t: DocTree, item: _Resolved, by_trigger: dict[int, _Resolved], actors: DocActors
    ) -> tuple[Actor, ...]:
        """The target of the event a claim or condolence is about ("claimed responsibility for
        the attack on X"), or the country of the place where that event happened."""
        frame = item.frame
        for event in (
            e for head in (frame.trigger, *frame.objects) for e in prep_objects(t, head, "for")
        ):
            referred = by_trigger.get(event)
            if referred is not None and referred.targets:
                return referred.targets
            clauses = [c for c in t.children[event] if t.deps[c] in ("acl", "relcl")]
            for head in (event, *clauses):  # "an attack targeting shoppers at a mall in Nairobi"
                country = self._place(t, head, actors, item.sources)
                if country is not None and not any(same_actor(country, s) for s in item.sources):
                    return (country,)
        return ()

    # --- emission ----------------------------------------------------------------------------

    def _emit(
        self, t: DocTree, sent: Span, index: int, item: _Resolved, actors: DocActors
    ) -> list[Candidate]:
        frame, claim = item.frame, item.claim
        pairs = dyads(item.sources, item.targets, reciprocal=frame.pattern.reciprocal)
        speaker = self._speaker(t, claim.speaker, actors)
        reverse = frame.pattern.reverse_code if claim.code == frame.pattern.code else None
        if reverse:
            pairs = [p for s, trg in pairs for p in ((s, trg), (trg, s)) if trg is not None]
        trigger = sent.doc[frame.trigger]
        out = []
        for n, (source, target) in enumerate(pairs):
            out.append(
                Candidate(
                    sentence=sent,
                    sentence_index=index,
                    trigger=trigger,
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
        t: DocTree,
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
            or self._hedged(t, claim.speaker)
        ):
            return []
        speaker = self._speaker(t, claim.speaker, actors)
        if speaker is None or not (speaker.country or speaker.org) or speaker.sector == "MED":
            return []
        pairs: list[tuple[str, Actor | None]] = []
        for source in item.sources:
            if same_actor(source, speaker):
                pairs += [("015", target) for target in item.targets or (None,)]
            else:
                pairs.append(("112", source))
        trigger = sent.doc[claim.speech]
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
                    trigger=trigger,
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


def _local_victim(actor: Actor, vocab: ClaimVocabulary) -> bool:
    return (
        not actor.country
        and not actor.org
        and (actor.sector or "").lower() in vocab.local_victim_sectors
        and actor.code.startswith("---")
    )


def _with_country(actor: Actor, country: str) -> Actor:
    return replace(actor, country=country, code=country + actor.code[3:])


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


def referred_event(t: DocTree, token: int, by_trigger: dict[int, _Resolved]) -> _Resolved | None:
    """The event a word refers to: an event noun itself, or the event a relative pronoun's
    antecedent hangs from ("shipping weapons to Russia ..., which X condemned")."""
    if token in by_trigger:
        return by_trigger[token]
    heads = t.heads
    if t.lowers[token] not in RELATIVE_PRONOUNS or t.deps[heads[token]] != "relcl":
        return None
    node = heads[heads[token]]
    for _ in range(8):
        item = by_trigger.get(node)
        if item is not None and item.frame.kind == "verb" and item.sources:
            return item
        if heads[node] == node:
            return None
        node = heads[node]
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


def confidence(frame: Frame, source: Actor | None, target: Actor | None) -> float:
    """A transparent score: both actors, a specific pattern and a verbal trigger raise it."""
    score = 0.35
    score += 0.25 if source is not None else 0.0
    score += 0.2 if target is not None else 0.0
    score += 0.1 if frame.pattern.specificity > 0 else 0.0
    score += 0.1 if frame.kind == "verb" else 0.0
    return round(min(score, 1.0), 2)
