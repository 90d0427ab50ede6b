"""In-document anaphora: "the country", "the two countries", "both sides", "the latter",
"the minister". Mixed into :class:`~newsevents.actors.resolver.DocActors`, which walks the
document and keeps the history of the actors named so far."""

from __future__ import annotations

from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from newsevents.actors.knowledge import ActorKnowledge
from newsevents.actors.mentions import Mention
from newsevents.doctree import DocTree
from newsevents.model import Actor

COUNTRY_NOUNS = frozenset({"country", "countries", "nation", "nations", "side", "sides"})
NUMBERS = {"two": 2, "both": 2, "three": 3, "2": 2, "3": 3}
ANAPHORS = COUNTRY_NOUNS | {"latter", "former"}
DEFINITE_DEPS = frozenset({"det", "nummod", "predet", "poss"})
DEFINITE_WORDS = frozenset({"the", "both", "two", "three", "this", "his", "her", "its", "their"})
VERB_ID = int(VERB)
AUX_ID = int(AUX)


class Anaphora:
    """Resolution of anaphoric phrases against the actors named earlier in the document."""

    _k: ActorKnowledge
    _doc: Doc
    _t: DocTree
    _by_token: dict[int, Mention]
    _history: list[tuple[int, list[Actor]]]

    def _anaphor(self, i: int) -> list[Actor] | None:
        lower = self._t.lowers[i]
        if lower in ("latter", "former"):
            if self._t.deps[i] in ("amod",) or i in self._by_token:
                return None
            return self._recent(2 if lower == "former" else 1, pick_last=True, before=i)
        if not definite(self._t, i) or self._named_by_of(i):
            return None
        count = _count(self._doc[i])
        skip = self._own_subject(i) if count > 1 else frozenset()
        if count == 2:  # "the two countries": the latest pair named together
            pair = self._recent_pair(before=i, skip=skip, text=i)
            if pair:
                return pair
        return self._recent(count, pick_last=False, before=i, text=i, skip=skip)

    def _recent_pair(self, *, before: int, skip: frozenset[int], text: int) -> list[Actor] | None:
        """The two countries of the latest conjunction of two countries ("India and Pakistan")
        before ``before``."""
        t = self._t
        countries = {
            i: [a.country for a in actors if a.country and a.sector != "MED"]
            for i, actors in self._history
            if i < before and i not in skip
        }
        for i in sorted(countries, reverse=True):
            if t.deps[i] != "conj" or t.heads[i] not in countries:
                continue
            first, second = countries[t.heads[i]], countries[i]
            if first and second and first[0] != second[0]:
                mention = self._mention_text(text)
                return [self._country_actor(c, mention) for c in (first[0], second[0])]
        return None

    def _own_subject(self, i: int) -> frozenset[int]:
        """The words of the subject of the verb an anaphor hangs on: in "China praised both
        countries", the two countries are not China."""
        t = self._t
        node = i
        for _ in range(4):
            head = t.heads[node]
            if head == node:
                return frozenset()
            node = head
            if t.pos[node] in (VERB_ID, AUX_ID):
                break
        return t.subject_words(node)

    def _named_by_of(self, i: int) -> bool:
        """ "the island nation of Nauru": the phrase names its country, it does not refer back."""
        t = self._t
        return any(
            t.deps[prep] == "prep"
            and t.lowers[prep] == "of"
            and any(t.deps[o] == "pobj" and o in self._by_token for o in t.children[prep])
            for prep in t.children[i]
        )

    def _recent(
        self,
        count: int,
        *,
        pick_last: bool,
        before: int,
        text: int | None = None,
        skip: frozenset[int] = frozenset(),
    ) -> list[Actor] | None:
        countries: list[str] = []
        for i, actors in reversed(self._history):
            if i >= before or i in skip:
                continue
            for actor in actors:
                # a news agency ("KHARTOUM (Reuters)") is no country the story refers back to
                if actor.country and actor.sector != "MED" and actor.country not in countries:
                    countries.append(actor.country)
            if len(countries) >= count:
                break
        if len(countries) < count:
            return None
        chosen = [countries[count - 1]] if pick_last else list(reversed(countries[:count]))
        mention = self._mention_text(text) if text is not None else None
        return [self._country_actor(c, mention) for c in chosen]

    def _country_actor(self, iso3: str, text: str | None) -> Actor:
        entry = self._k.country(iso3)
        name = entry.name if entry else iso3
        return Actor(text=text or name, name=name, country=iso3, code=iso3)

    def _mention_text(self, i: int) -> str:
        t = self._t
        left = min((c for c in t.children[i] if t.deps[c] in ("det", "nummod", "amod")), default=i)
        return t.span_text(left, i + 1)

    def _role_antecedent(self, agent: Mention, before: int) -> Actor | None:
        word = self._doc[agent.end - 1].lemma_.lower() or self._doc[agent.end - 1].lower_
        for i, actors in reversed(self._history):
            if i < before and len(actors) == 1 and actors[0].role and word in actors[0].role:
                return actors[0]
        return None


def definite(t: DocTree, i: int) -> bool:
    return any(t.deps[c] in DEFINITE_DEPS and t.lowers[c] in DEFINITE_WORDS for c in t.children[i])


def _count(token: Token) -> int:
    for child in token.children:
        if child.lower_ in NUMBERS:
            return NUMBERS[child.lower_]
    return 2 if token.tag_ in ("NNS", "NNPS") or token.lower_.endswith("s") else 1
