"""Scoring coded events against gold codings.

Matching (see ``docs/evaluation.md``):

* An actor is compared by its *primary* code: the first three letters of the CAMEO composite
  (the country, or ``IGO``/``NGO``/... for organisations). A gold code starting with ``---``
  ("unknown country") has no country to compare, so its primary is ``---`` plus the sector that
  follows (``---REB``): it matches a predicted actor with no country and no organisation whose
  sector is the same (``Actor(country=None, sector="REB")``). A missing actor is ``""``.
* *dyad + root*: source and target primaries equal and the CAMEO root (first two digits) equal.
* *exact code*: source and target primaries equal and the full event code equal.
* *full*: (unit-test records) full actor codes and full event code equal.

Each sentence is scored with one-to-one matching; keys are compared for equality, so the
number of matches is the size of the multiset intersection of the keys. Predicted codings are
first made unique per sentence on (source code, target code, event code), as PETRARCH does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsevents.evaluation.gold import GoldCoding
from newsevents.model import Actor, Event

Key = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, with micro P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome of one sentence under one matching level."""

    counts: Counts
    missed: tuple[GoldCoding, ...]  # gold codings no prediction matched
    extra: tuple[GoldCoding, ...]  # predicted codings no gold coding matched


def actor_code(actor: Actor | None) -> str:
    """The CAMEO composite of a predicted actor; ``---`` + sector when it has no country/org."""
    if actor is None:
        return ""
    code = (actor.code or "").upper()
    if actor.country is None and actor.org is None:
        sector = (actor.sector or "").upper()
        if not code or code.startswith("---"):
            return code or "---" + sector
        if sector and code.startswith(sector):
            return "---" + code
        return code
    if code:
        return code
    return (actor.country or actor.org or "---").upper() + (actor.sector or "").upper()


def predicted_codings(events: Iterable[Event]) -> tuple[GoldCoding, ...]:
    """The distinct (source, target, code) codings of a sentence's events, in order."""
    seen: dict[GoldCoding, None] = {}
    for event in events:
        coding = GoldCoding(actor_code(event.source), actor_code(event.target), event.type.cameo)
        seen.setdefault(coding, None)
    return tuple(seen)


def dyadic_codings(
    predicted: Iterable[GoldCoding], *, require_dyad: bool
) -> tuple[tuple[GoldCoding, ...], tuple[GoldCoding, ...]]:
    """PETRARCH's ``require_dyad`` option applied to predicted codings: (scored, optional).

    With the option on (PETRARCH's default, used for the GSR set and most unit-test records) a
    coding without a source or a target is not an event and is not scored; it is kept, with its
    gap written ``---``, as *optional*: it may match a gold coding whose actor is a bare ``---``
    but is never a false positive. With the option off every coding is scored, a missing actor
    written ``---`` as in the records.
    """
    dashed = tuple(GoldCoding(c.source or "---", c.target or "---", c.code) for c in predicted)
    if not require_dyad:
        return dashed, ()
    scored = tuple(c for c in dashed if c.source != "---" and c.target != "---")
    return scored, tuple(c for c in dashed if c not in scored)


def primary(code: str) -> str:
    """``USAGOV`` -> ``USA``; ``IGOEUREEC`` -> ``IGO``; ``---REB`` -> ``---REB``."""
    code = code.strip().upper()
    if code.startswith("---"):
        return code[:6]
    return code[:3]


def dyad_root_key(coding: GoldCoding) -> Key:
    return primary(coding.source), primary(coding.target), coding.code[:2]


def exact_key(coding: GoldCoding) -> Key:
    return primary(coding.source), primary(coding.target), coding.code


def full_key(coding: GoldCoding) -> Key:
    return coding.source.upper(), coding.target.upper(), coding.code


LEVELS = {"dyad_root": dyad_root_key, "exact": exact_key, "full": full_key}


def match(
    gold: Sequence[GoldCoding],
    predicted: Sequence[GoldCoding],
    level: str,
    optional: Sequence[GoldCoding] = (),
) -> Match:
    """One-to-one matching of one sentence's codings at ``level`` (a key of :data:`LEVELS`).

    A gold coding first takes an identical prediction, then any prediction with the same key,
    so the codings reported as missed and extra are the ones that really differ. ``optional``
    predictions are tried after ``predicted`` and are not false positives when left over.
    """
    key = LEVELS[level]
    free = list(predicted)
    spare = list(optional)
    missed: list[GoldCoding] = []
    for coding in gold:
        k = key(coding)
        for pool, same in ((free, True), (spare, True), (free, False), (spare, False)):
            pick = next(
                (i for i, p in enumerate(pool) if (p == coding if same else key(p) == k)), None
            )
            if pick is not None:
                del pool[pick]
                break
        else:
            missed.append(coding)
    tp = len(gold) - len(missed)
    return Match(Counts(tp, len(free), len(missed)), tuple(missed), tuple(free))


# --- ConfliBERT pentacode --------------------------------------------------------------------

PENTACODE_NAMES: tuple[str, ...] = (
    "statement",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)
_PENTACODE_OF_ROOT: dict[int, int] = {
    **dict.fromkeys((1, 2), 0),
    **dict.fromkeys((3, 4, 5), 1),
    **dict.fromkeys((6, 7, 8), 2),
    **dict.fromkeys((9, 10, 11, 12, 13, 16), 3),
    **dict.fromkeys((14, 15, 17, 18, 19, 20), 4),
}


def pentacode(code: str) -> int | None:
    """The pentacode class (0-4) of a CAMEO code, None for codes outside roots 01-20."""
    root = code[:2]
    return _PENTACODE_OF_ROOT.get(int(root)) if root.isdigit() else None


def main_event(events: Sequence[Event]) -> Event | None:
    """The event a sentence is mainly about: highest confidence, then earliest in the text."""
    if not events:
        return None
    return min(events, key=lambda e: (-e.confidence, e.span[0], e.sentence))


@dataclass(frozen=True, slots=True)
class ClassScores:
    """Per-class and macro scores of a single-label classification."""

    per_class: tuple[Counts, ...]
    correct: int
    total: int

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.per_class) / len(self.per_class) if self.per_class else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def classification(pairs: Iterable[tuple[int, int | None]], classes: int = 5) -> ClassScores:
    """Scores of (gold, predicted) pairs; a None prediction is wrong and a false positive of no
    class (it only costs recall)."""
    tp, fp, fn = [0] * classes, [0] * classes, [0] * classes
    correct = total = 0
    for gold, pred in pairs:
        total += 1
        if pred == gold:
            tp[gold] += 1
            correct += 1
            continue
        fn[gold] += 1
        if pred is not None:
            fp[pred] += 1
    per_class = tuple(Counts(tp[i], fp[i], fn[i]) for i in range(classes))
    return ClassScores(per_class, correct, total)
