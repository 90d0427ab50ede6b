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
from dataclasses import replace

from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span

from newsevents.actors import DocActors
from newsevents.coding.arguments import is_passive
from newsevents.coding.claims import Claim, assess, subject
from newsevents.coding.context import Candidate, Context, Resolved
from newsevents.coding.frames import Frame, find_frames, trigger_candidates
from newsevents.coding.lexicon import Lexicon
from newsevents.coding.participants import (
    Locator,
    first_actor_after,
    owners_of,
    resolve_all,
    same_actor,
)
from newsevents.coding.vocab import ClaimVocabulary, recode
from newsevents.doctree import DocTree
from newsevents.model import Actor

__all__ = ["Candidate", "EventCoder", "confidence", "dyads"]

# A participle or relative clause that describes a noun tells the background, not the news.
BACKGROUND_DEPS = frozenset({"acl", "relcl"})


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
        self.context = Context(lexicon, vocab, self.country_names, locate)

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
    ) -> list[Resolved]:
        frames = find_frames(sent, self.lexicon, self.vocab, candidates=candidates)
        if not frames:
            return []
        triggers = {f.trigger for f in frames}
        items: list[Resolved] = []
        for frame in frames:
            if self._subsumed(t, frame, triggers):
                continue
            if any(t.lemmas[s] in self.vocab.mishap_nouns for s in frame.sources):
                continue  # "victims killed by the MH17 crash": a mishap did it, no actor
            claim = self._claim(t, frame)
            sources, targets = self._arguments(t, frame, claim, actors)
            if self._states(t, frame, sources):  # "China protested against the patrol": 114
                official = recode(claim.code, self.vocab.official_protest_codes)
                claim = replace(claim, code=official or claim.code)
            if frame.sources and not sources and not self._unknown_doer(t, frame):
                continue  # a subject that is no actor ("the group seized ..."): no event
            items.append(Resolved(frame, claim, sources, targets))
        by_trigger = {item.frame.trigger: item for item in items}
        items = self.context.fold(t, items, by_trigger)
        return [self.context.complete(t, item, by_trigger, earlier, actors) for item in items]

    def _states(self, t: DocTree, frame: Frame, sources: tuple[Actor, ...]) -> bool:
        """Every doer is a country or its government named as such ("China", "the Chinese
        government"), not its people ("thousands of Chinese")."""
        return (
            bool(sources)
            and all(_is_state(a) for a in sources)
            and all(t.ent_type(w) != "NORP" for w in frame.sources)
        )

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
        """A control verb whose complement is an event ("pledged to expel", "agreed to resume
        talks": a light verb and its event noun), or an event noun without its own source that
        is the object of a verb event ("endorsed an agreement")."""
        trigger = frame.trigger
        if frame.kind == "verb":
            return frame.pattern.lemma in self.control_verbs and any(
                t.deps[c] in ("xcomp", "ccomp") and self._is_event(t, c, triggers)
                for c in t.children[trigger]
            )
        return (
            not frame.sources
            and not frame.reciprocal_group
            and t.deps[trigger] in ("dobj", "nsubjpass", "conj")
            and t.heads[trigger] in triggers
        )

    def _is_event(self, t: DocTree, verb: int, triggers: set[int]) -> bool:
        if verb in triggers:
            return True
        return t.lemmas[verb] in self.vocab.light_verbs and any(
            t.deps[c] == "dobj" and c in triggers for c in t.children[verb]
        )

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
            or owners_of(t, frame.objects, actors, sources)  # "demolished the Russian building"
        )
        if not targets and frame.kind == "verb" and not frame.pattern.prep:
            targets = first_actor_after(t, frame, actors, self.vocab)
        return sources, targets

    # --- emission ----------------------------------------------------------------------------

    def _emit(
        self, t: DocTree, sent: Span, index: int, item: Resolved, actors: DocActors
    ) -> list[Candidate]:
        frame, claim = item.frame, item.claim
        pairs = dyads(item.sources, item.targets, reciprocal=frame.pattern.reciprocal)
        speaker = self.context.speaker(t, claim.speaker, actors)
        reverse = frame.pattern.reverse_code if claim.code == frame.pattern.code else None
        if reverse:
            pairs = [p for s, trg in pairs for p in ((s, trg), (trg, s)) if trg is not None]
        trigger = sent.doc[frame.trigger]
        background = t.deps[frame.trigger] in BACKGROUND_DEPS
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
                    confidence=confidence(frame, source, target, background),
                )
            )
        return out

    def _reported_accusations(
        self,
        t: DocTree,
        sent: Span,
        index: int,
        item: Resolved,
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
            or self.context.hedged(t, claim.speaker)
        ):
            return []
        speaker = self.context.speaker(t, claim.speaker, actors)
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


def _is_state(actor: Actor) -> bool:
    """A country or its government, not its people."""
    return bool(actor.country) and not actor.org and actor.sector in (None, "GOV")


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


def confidence(
    frame: Frame, source: Actor | None, target: Actor | None, background: bool = False
) -> float:
    """A transparent score: both actors, a specific pattern and a verbal trigger raise it; a
    participle or relative clause that describes a noun ("forces backed by Russia") is
    background and lowers it."""
    score = 0.35 - (0.1 if background else 0.0)
    score += 0.25 if source is not None else 0.0
    score += 0.2 if target is not None else 0.0
    score += 0.1 if frame.pattern.specificity > 0 else 0.0
    score += 0.1 if frame.kind == "verb" else 0.0
    return round(min(score, 1.0), 2)
