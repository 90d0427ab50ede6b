"""Run the coder over a gold set and score it: :func:`evaluate` and :func:`score_set`.

Each gold sentence is coded as its own :class:`~newsevents.model.Article`, with the record's
date as the publication date when it has one (ConfliBERT has none).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsevents.errors import EvalError
from newsevents.evaluation.gold import (
    SET_NAMES,
    UNITTEST_DICTIONARIES,
    UNITTEST_DIR,
    GoldCoding,
    GoldRecord,
    GoldSet,
    load_set,
    resolve_shared,
)
from newsevents.evaluation.scoring import (
    ClassScores,
    Counts,
    classification,
    dyadic_codings,
    main_event,
    match,
    pentacode,
    predicted_codings,
)
from newsevents.model import Article, Event
from newsevents.settings import Settings

Outcome = tuple[Sequence[Event], str | None]  # the events of one article, and its error
Coder = Callable[[Sequence[Article]], Iterable[Outcome]]

TITLES = {
    "gsr": "PETRARCH-2 validation set (GSR)",
    "unittest": "PETRARCH unit-test records, own dictionaries",
    "conflibert": "ConfliBERT CAMEO training split (pentacode)",
}


@dataclass(frozen=True, slots=True)
class RecordMiss:
    """What went wrong on one sentence: gold codings not found and predicted codings not gold."""

    record_id: str
    text: str
    missed: tuple[GoldCoding, ...] = ()
    extra: tuple[GoldCoding, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class SetReport:
    """The scores of one gold set."""

    name: str
    path: Path
    records: int
    dyad_root: Counts | None = None  # None for the pentacode set
    exact: Counts | None = None
    full: Counts | None = None  # unit-test records: full actor codes
    exact_records: int = 0  # unit-test records whose coding set is exactly the expected one
    pentacode: ClassScores | None = None
    errors: int = 0  # articles the pipeline reported an error for
    one_sided: int = 0  # predicted codings without a source or target, not scored (require_dyad)
    skipped: tuple[tuple[str, str], ...] = ()
    misses: tuple[RecordMiss, ...] = ()
    seconds: float = 0.0

    @property
    def title(self) -> str:
        return TITLES.get(self.name, self.name)

    @property
    def metrics(self) -> dict[str, float]:
        """The figures the accuracy gate compares with ``tests/eval_floors.json``."""
        out: dict[str, float] = {}
        if self.dyad_root is not None:
            out["dyad_root_precision"] = self.dyad_root.precision
            out["dyad_root_recall"] = self.dyad_root.recall
            out["dyad_root_f1"] = self.dyad_root.f1
        if self.exact is not None:
            out["exact_f1"] = self.exact.f1
        if self.full is not None:
            out["exact_records"] = self.exact_records / self.records if self.records else 0.0
            out["coding_recall"] = self.full.recall
        if self.pentacode is not None:
            out["pentacode_macro_f1"] = self.pentacode.macro_f1
            out["pentacode_accuracy"] = self.pentacode.accuracy
        return out


@dataclass(frozen=True, slots=True)
class EvalReport:
    """The reports of the sets evaluated, in order."""

    sets: tuple[SetReport, ...]

    def metrics(self) -> dict[str, dict[str, float]]:
        return {s.name: s.metrics for s in self.sets}

    def get(self, name: str) -> SetReport:
        for report in self.sets:
            if report.name == name:
                return report
        raise KeyError(name)


def evaluate(
    set_name: str = "all",
    *,
    settings: Settings | None = None,
    shared: Path | None = None,
    limit: int | None = None,
) -> EvalReport:
    """Code the gold set(s) with the real pipeline and score them.

    ``set_name`` is ``gsr``, ``unittest``, ``conflibert`` or ``all``; ``shared`` the folder
    holding the sets (default :func:`~newsevents.evaluation.gold.default_shared`); ``limit``
    scores only the first N records of each set. The unit-test records are coded with their
    own PETRARCH dictionaries added to ``settings.dictionaries`` and only with their own verb
    dictionary (``builtin_lexicon=False``): the records were written against it.
    """
    names = SET_NAMES if set_name == "all" else (set_name,)
    if any(n not in SET_NAMES for n in names):
        raise EvalError(
            f"unknown gold set {set_name!r}; choose one of {', '.join(SET_NAMES)}, all."
        )
    base = resolve_shared(shared)
    gold_sets = [load_set(n, base) for n in names]  # fail early, before loading the model
    settings = settings or Settings()
    reports = []
    for gold in gold_sets:
        if limit is not None:
            gold = replace(gold, records=gold.records[:limit])
        set_settings = settings
        if gold.name == "unittest":
            extra = tuple(base / UNITTEST_DIR / f for f in UNITTEST_DICTIONARIES)
            set_settings = replace(
                settings, dictionaries=(*settings.dictionaries, *extra), builtin_lexicon=False
            )
        reports.append(score_set(gold, pipeline_coder(set_settings)))
    return EvalReport(tuple(reports))


def pipeline_coder(settings: Settings) -> Coder:
    """A :data:`Coder` over :class:`newsevents.pipeline.Pipeline`, built when first called."""
    from newsevents.pipeline import Pipeline

    built: list[Any] = []

    def code(articles: Sequence[Article]) -> Iterator[Outcome]:
        if not built:
            built.append(Pipeline.build(settings))
        for result in built[0].process(articles):
            yield tuple(result.events), result.error

    return code


def articles_of(records: Sequence[GoldRecord]) -> list[Article]:
    return [Article(id=r.id, text=r.text, published=r.published, origin=r.origin) for r in records]


def score_set(gold: GoldSet, coder: Coder) -> SetReport:
    """Code every record of ``gold`` with ``coder`` and score the outcomes."""
    started = time.perf_counter()
    outcomes = list(coder(articles_of(gold.records)))
    if len(outcomes) != len(gold.records):
        raise EvalError(
            f"the coder returned {len(outcomes)} results for {len(gold.records)} articles of "
            f"{gold.name}; it must return one result per article, in order."
        )
    report = score_outcomes(gold, outcomes)
    return replace(report, seconds=time.perf_counter() - started)


def score_outcomes(gold: GoldSet, outcomes: Sequence[Outcome]) -> SetReport:
    """Score per-record outcomes (events, error) that are in the order of ``gold.records``."""
    if gold.name == "conflibert":
        return _score_pentacode(gold, outcomes)
    dyad, exact, full = Counts(), Counts(), Counts()
    exact_records = errors = one_sided = 0
    misses: list[RecordMiss] = []
    headline = "full" if gold.name == "unittest" else "dyad_root"
    for record, (events, error) in zip(gold.records, outcomes, strict=True):
        errors += error is not None
        predicted, optional = dyadic_codings(
            predicted_codings(events), require_dyad=record.require_dyad
        )
        one_sided += len(optional)
        levels = {
            lv: match(record.codings, predicted, lv, optional)
            for lv in ("dyad_root", "exact", "full")
        }
        dyad += levels["dyad_root"].counts
        exact += levels["exact"].counts
        full += levels["full"].counts
        shown = levels[headline]
        exact_records += not shown.missed and not shown.extra
        if shown.missed or shown.extra or error:
            misses.append(
                RecordMiss(record.id, record.text, shown.missed, shown.extra, error or "")
            )
    return SetReport(
        name=gold.name,
        path=gold.path,
        records=len(gold.records),
        dyad_root=dyad,
        exact=exact,
        full=full if gold.name == "unittest" else None,
        exact_records=exact_records,
        errors=errors,
        one_sided=one_sided,
        skipped=gold.skipped,
        misses=tuple(misses),
    )


def _score_pentacode(gold: GoldSet, outcomes: Sequence[Outcome]) -> SetReport:
    pairs: list[tuple[int, int | None]] = []
    misses: list[RecordMiss] = []
    errors = 0
    for record, (events, error) in zip(gold.records, outcomes, strict=True):
        errors += error is not None
        assert record.label is not None
        event = main_event(events)
        pred = pentacode(event.type.cameo) if event else None
        pairs.append((record.label, pred))
        if pred != record.label:
            found = predicted_codings([event]) if event else ()
            note = f"gold class {record.label}, predicted {'none' if pred is None else pred}"
            misses.append(RecordMiss(record.id, record.text, (), found, error or note))
    return SetReport(
        name=gold.name,
        path=gold.path,
        records=len(gold.records),
        pentacode=classification(pairs),
        errors=errors,
        misses=tuple(misses),
    )
