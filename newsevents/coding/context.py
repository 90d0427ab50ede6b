"""Context rules: what the rest of a sentence, and the sentences before it, add to the events
the frame grammar found there.

The coder (:mod:`newsevents.coding.coder`) resolves each frame of a sentence to a
:class:`Resolved` event: a claim and the actors in its slots. Before those events are emitted,
:class:`Context` folds an attack's toll into the attack ("shelled Kharkiv, killing five
civilians"), gives civilians harmed the country where it happened, and fills a missing target
from the event referred to ("denied the attack"), from the accusers a denial answers, from the
event a claim or condolence is about, or from the place of the event. It also names the actor
a claim is attributed to, a document speaking for the country it was released in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from newsevents.actors import DocActors
from newsevents.coding.arguments import RELATIVE_PRONOUNS, first_child, prep_objects
from newsevents.coding.claims import Claim, hedged
from newsevents.coding.frames import Frame
from newsevents.coding.lexicon import Lexicon
from newsevents.coding.participants import Locator, place_country, same_actor, speaker_actor
from newsevents.coding.vocab import ClaimVocabulary, recode
from newsevents.doctree import DocTree
from newsevents.model import Actor, Modality, Polarity, Status

ACCUSATION_ROOTS = ("11",)
DESCRIBING_PREPOSITIONS = frozenset({"in", "of", "as"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "these", "that", "those"})
APPEAL_ROOTS = ("02", "10")  # appeals and demands: what they ask for is recoded, not coded


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
class Resolved:
    """A frame with its claim and the actors in its source and target slots."""

    frame: Frame
    claim: Claim
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]


class Context:
    """The context rules, built once with the coder's vocabulary and place lookups."""

    def __init__(
        self,
        lexicon: Lexicon,
        vocab: ClaimVocabulary,
        country_names: Mapping[str, str],
        locate: Locator | None,
    ) -> None:
        self.lexicon = lexicon
        self.vocab = vocab
        self.country_names = country_names
        self.locate = locate

    def fold(
        self, t: DocTree, items: list[Resolved], by_trigger: dict[int, Resolved]
    ) -> list[Resolved]:
        """Events that are part of another event of the sentence are that event, not a second
        one: the toll of an attack ("Insurgents bombarded Aleppo, killing eight people") and an
        event noun that says what a verb's object is ("provided 50 billion euros in aid to
        Ukraine"). Whom the part names as its target becomes the whole's target when the whole
        names none ("carried out air strikes in Mosul, killing Islamic State fighters")."""
        gained: dict[int, tuple[Actor, ...]] = {}
        recoded: dict[int, str] = {}
        parts = set()
        for item in items:
            appeal = self._appeal_for(t, item, by_trigger)
            if appeal is not None:  # "called for a ceasefire": an appeal for de-escalation
                parts.add(item.frame.trigger)
                table = self.vocab.appeal_codes
                if appeal.claim.code.startswith("10"):
                    table = self.vocab.demand_codes
                code = recode(item.claim.code, table)
                if code is not None:
                    recoded.setdefault(appeal.frame.trigger, code)
                continue
            whole = self._toll_of(t, item.frame, by_trigger) or self._described(t, item, by_trigger)
            if whole is not None and whole is not item:
                parts.add(item.frame.trigger)
                if not whole.targets and item.targets:
                    gained.setdefault(whole.frame.trigger, item.targets)
        out = []
        for item in items:
            trigger = item.frame.trigger
            if trigger in parts:
                continue
            if trigger in gained or trigger in recoded:
                claim = item.claim
                if trigger in recoded:
                    claim = replace(claim, code=recoded[trigger])
                item = Resolved(item.frame, claim, item.sources, gained.get(trigger, item.targets))
                by_trigger[trigger] = item
            out.append(item)
        return out

    def _appeal_for(
        self, t: DocTree, item: Resolved, by_trigger: Mapping[int, Resolved]
    ) -> Resolved | None:
        """The appeal or demand an event noun without a doer is asked for in ("called for a
        ceasefire", "issued a call for the release of prisoners")."""
        noun = item.frame.trigger
        if item.frame.kind != "noun" or item.sources or t.deps[noun] != "pobj":
            return None
        prep = t.heads[noun]
        if t.lowers[prep] != "for":
            return None
        for head in (t.heads[prep], t.heads[t.heads[prep]]):  # "call for", "a call for"
            whole = by_trigger.get(head)
            if whole is not None and whole.frame.kind == "verb":
                return whole if whole.claim.code[:2] in APPEAL_ROOTS else None
        return None

    def _described(
        self, t: DocTree, item: Resolved, by_trigger: Mapping[int, Resolved]
    ) -> Resolved | None:
        """The verb event whose object an event noun without a doer describes: "provided 50
        billion euros in aid", "sent 200 tonnes of food aid"."""
        noun = item.frame.trigger
        if item.frame.kind != "noun" or item.sources:
            return None
        deps, heads = t.deps, t.heads
        for _ in range(2):
            prep = heads[noun]
            if deps[noun] not in ("pobj", "compound") or (
                deps[noun] == "pobj" and t.lowers[prep] not in DESCRIBING_PREPOSITIONS
            ):
                return None
            thing = heads[prep] if deps[noun] == "pobj" else prep
            if deps[thing] in ("dobj", "obj"):
                whole = by_trigger.get(heads[thing])
                return whole if whole is not None and whole.frame.kind == "verb" else None
            noun = thing
        return None

    def _toll_of(
        self, t: DocTree, frame: Frame, by_trigger: Mapping[int, Resolved]
    ) -> Resolved | None:
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

    def complete(
        self,
        t: DocTree,
        item: Resolved,
        by_trigger: dict[int, Resolved],
        earlier: Sequence[Candidate],
        actors: DocActors,
    ) -> Resolved:
        """Fill a missing target from the event it refers to, or a denial from its accusers."""
        item = self._localized(t, item, actors)
        if item.targets or item.frame.reciprocal_group:
            return item
        lemma = item.frame.pattern.lemma
        if lemma in self.vocab.event_object_verbs and item.frame.targets:
            referred = referred_event(t, item.frame.targets[0], by_trigger)
            if referred is not None and referred.sources:
                return Resolved(item.frame, item.claim, item.sources, referred.sources)
            doers = self._earlier_doers(t, item.frame.targets[0], item.sources, earlier)
            if doers:  # "Mikati condemned the strikes": the strikes told before
                return Resolved(item.frame, item.claim, item.sources, doers)
        if item.claim.code in self.vocab.about_event_codes and item.sources:
            about = self._about_targets(t, item, by_trigger, actors)
            if about:
                return Resolved(item.frame, item.claim, item.sources, about)
        if item.claim.code.startswith("016") and item.sources:
            accusers = _accusers_of(item.sources[0], earlier)
            if accusers:
                return Resolved(item.frame, item.claim, item.sources, accusers)
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
                return Resolved(item.frame, item.claim, item.sources, (country,))
        return item

    def _localized(self, t: DocTree, item: Resolved, actors: DocActors) -> Resolved:
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
                return Resolved(item.frame, item.claim, item.sources, targets)
        return item

    def _place(
        self, t: DocTree, head: int, actors: DocActors, sources: Sequence[Actor] = ()
    ) -> Actor | None:
        return place_country(
            t, head, actors, self.country_names, self.locate, sources, self.vocab.place_nouns
        )

    def speaker(self, t: DocTree, token: int | None, actors: DocActors) -> Actor | None:
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

    def hedged(self, t: DocTree, speaker: int | None) -> bool:
        """ "Analysts said" only supposes; "a UN report said" is the UN's word."""
        return (
            speaker is not None
            and hedged(t, speaker, self.vocab)
            and t.lemmas[speaker] not in self.vocab.document_nouns
        )

    def _earlier_doers(
        self, t: DocTree, noun: int, sources: Sequence[Actor], earlier: Sequence[Candidate]
    ) -> tuple[Actor, ...]:
        """The doer of the event a definite event noun refers back to: "the strikes", "the
        attack", "these killings" name the latest earlier event of their kind (CAMEO root)."""
        if not any(
            t.deps[c] == "det" and t.lowers[c] in DEFINITE_DETERMINERS for c in t.children[noun]
        ):
            return ()
        lemma = t.lemmas[noun]
        roots = {p.code[:2] for p in self.lexicon.nouns.get(lemma, ())}
        same_word = [c for c in earlier if c.trigger.lemma_ == lemma]  # "struck" → "the strikes"
        for candidates in (same_word, [c for c in earlier if c.code[:2] in roots]):
            for candidate in reversed(candidates):
                source = candidate.source
                if source is not None:
                    if any(same_actor(source, s) for s in sources):
                        return ()  # one's own attack is no target
                    return (source,)
        return ()

    def _about_targets(
        self, t: DocTree, item: Resolved, by_trigger: dict[int, Resolved], actors: DocActors
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


def _local_victim(actor: Actor, vocab: ClaimVocabulary) -> bool:
    return (
        not actor.country
        and not actor.org
        and (actor.sector or "").lower() in vocab.local_victim_sectors
        and actor.code.startswith("---")
    )


def _with_country(actor: Actor, country: str) -> Actor:
    return replace(actor, country=country, code=country + actor.code[3:])


def referred_event(t: DocTree, token: int, by_trigger: dict[int, Resolved]) -> Resolved | None:
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
