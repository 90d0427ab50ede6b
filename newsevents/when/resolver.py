"""Which temporal expression dates an event, and in which tense: the grammar over the parse.

For one event (a sentence and its trigger, the event verb or noun):

1. Every temporal expression of the sentence is found (``expressions``); spaCy DATE entities the
   grammar does not know ("in recent years", "decades") count as unresolved expressions.
2. Each gets a level: 0 when it hangs on the trigger itself (or on a relative clause describing an
   event noun: "the meeting, which took place *on Wednesday*"), 1 when it is in the trigger's
   clause, 2 anywhere else in the sentence. The lowest level wins, then the nearest in the parse
   tree, then the most precise. An unresolvable expression at level 2 is ignored (it belongs to
   another clause); at level 0 or 1 it makes the date unresolved rather than guessed.
3. Tense comes from the verb the expression hangs on (else the trigger's clause): "will",
   "shall", a present tense, or a governing "expected/plans/set/going to" make it future.
4. No expression in the sentence: when the next sentence opens with a definite event noun as its
   subject ("*The meeting*, which took place on Wednesday, ...") that sentence's expression on that
   noun dates the event too. One sentence forward, no further.
5. Still nothing: the publication date with precision ``publication``, or nothing when that is
   unknown. Today's date is never used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from spacy.symbols import AUX, VERB
from spacy.tokens import Span, Token

from newsevents.doctree import DocTree
from newsevents.when.calendar import DateResolution, resolve
from newsevents.when.expressions import Expression, ExpressionFinder
from newsevents.when.vocabulary import Vocabulary

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
VERB_POS = frozenset({int(VERB), int(AUX)})
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "parataxis", "pcomp"}
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    expr: Expression
    level: int
    distance: int
    verb: int | None  # the verb whose tense decides the direction (a token index)


def _is_verb(tree: DocTree, i: int) -> bool:
    return tree.pos[i] in VERB_POS and tree.deps[i] not in ("aux", "auxpass")


def clause_head(tree: DocTree, i: int) -> int:
    """The verb heading the clause of token ``i`` (the token itself when it is a verb)."""
    while not _is_verb(tree, i) and tree.heads[i] != i:
        i = tree.heads[i]
    return i


class DateResolver:
    """Resolves the date of each event. Built once; ``resolve`` is called per event."""

    def __init__(
        self, *, vocabulary: Vocabulary | None = None, follow_next_sentence: bool = True
    ) -> None:
        """``vocabulary`` defaults to ``Vocabulary.load()`` (reads one small YAML file)."""
        self.vocab = vocabulary or Vocabulary.load()
        self.finder = ExpressionFinder(self.vocab)
        # the same sentence is searched once for all of its events
        self._find = lru_cache(maxsize=1024)(self._find_tuple)
        self.follow_next_sentence = follow_next_sentence

    def resolve(self, sent: Span, trigger: Token, *, published: dt.date | None) -> DateResolution:
        """The date of the event whose trigger is ``trigger`` in the sentence ``sent``."""
        tree = DocTree.of(sent.doc)
        candidates = self._candidates(tree, sent, trigger.i)
        if not candidates and self.follow_next_sentence:
            candidates = self._from_next_sentence(tree, sent)
        if candidates:
            best = min(
                candidates,
                key=lambda c: (
                    c.level,
                    c.distance,
                    c.expr.kind == "unresolved",
                    PRECISION_RANK.get(_precision_hint(c.expr), 4),
                ),
            )
            return resolve(best.expr, published, future=self.is_future(tree, best.verb))
        if published is not None:
            return DateResolution(published, "publication")
        return DateResolution(None, None)

    def _candidates(self, tree: DocTree, sent: Span, trigger: int) -> list[_Candidate]:
        out: list[_Candidate] = []
        for expr in self._expressions(tree, sent):
            span = sent.doc.char_span(
                sent.start_char + expr.start, sent.start_char + expr.end, alignment_mode="expand"
            )
            if span is None or len(span) == 0:
                continue
            root = span.root.i
            level, verb = self._level(tree, root, trigger)
            if level == 2 and expr.kind == "unresolved":
                continue
            out.append(_Candidate(expr, level, tree.distance(root, trigger), verb))
        return out

    def _find_tuple(self, text: str) -> tuple[Expression, ...]:
        return tuple(self.finder.find(text))

    def _expressions(self, tree: DocTree, sent: Span) -> list[Expression]:
        found = list(self._find(tree.span_text(sent.start, sent.end)))
        for ent in tree.entities(sent):
            if ent.label_ != "DATE":
                continue
            start, end = ent.start_char - sent.start_char, ent.end_char - sent.start_char
            if not any(start < e.end and e.start < end for e in found):
                text = tree.span_text(ent.start, ent.end)
                found.append(Expression("unresolved", start, end, text))
        return found

    def _level(self, tree: DocTree, root: int, trigger: int) -> tuple[int, int | None]:
        """How closely an expression (by its root token) hangs on the trigger."""
        heads = tree.heads
        trigger_clause = clause_head(tree, trigger)
        i = root
        while heads[i] != i:
            i = heads[i]
            if i == trigger:
                return 0, trigger_clause
            if _is_verb(tree, i):
                break
        verb = clause_head(tree, heads[root]) if heads[root] != root else root
        if tree.deps[verb] in ("relcl", "acl") and heads[verb] == trigger:
            return 0, verb
        if verb == trigger_clause:
            return 1, verb
        return 2, trigger_clause

    def _from_next_sentence(self, tree: DocTree, sent: Span) -> list[_Candidate]:
        """Expressions on a definite event noun that opens the next sentence."""
        doc = sent.doc
        if sent.end >= len(doc):
            return []
        nxt = doc[sent.end].sent
        root = nxt.root.i
        subjects = [c for c in tree.children[root] if tree.deps[c] in ("nsubj", "nsubjpass")]
        if not subjects or not self._definite_event_noun(tree, subjects[0]):
            return []
        return [c for c in self._candidates(tree, nxt, subjects[0]) if c.level == 0]

    def _definite_event_noun(self, tree: DocTree, i: int) -> bool:
        return tree.lemmas[i] in self.vocab.event_anaphors and any(
            tree.deps[c] == "det" and tree.lowers[c] in ("the", "this", "that")
            for c in tree.children[i]
        )

    def is_future(self, tree: DocTree, verb: int | None) -> bool:
        """Future tense: will/shall, a present tense, or a governing expect/plan/set/going."""
        if verb is None:
            return False
        deps, lowers = tree.deps, tree.lowers
        auxes = [c for c in tree.children[verb] if deps[c] in ("aux", "auxpass")]
        if any(lowers[a] in self.vocab.future_auxiliaries for a in auxes):
            return True
        if any(tree.tag(a) == "VBD" or lowers[a] in ("has", "have", "had") for a in auxes):
            return False
        head = tree.heads[verb]
        if deps[verb] == "xcomp" and tree.lemmas[head] in self.vocab.future_governors:
            return True
        if deps[verb] == "xcomp" and _is_verb(tree, head):
            return self.is_future(tree, head)
        return tree.tag(verb) in ("VBZ", "VBP") or any(tree.tag(a) in ("VBZ", "VBP") for a in auxes)


def _precision_hint(expr: Expression) -> str:
    if expr.kind in ("period", "ago"):
        return expr.unit or "day"
    if expr.kind == "month":
        return "month"
    if expr.kind == "year":
        return "year"
    return "day"
