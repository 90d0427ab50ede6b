"""Scoring the coder on gold sets: ``newsevents eval`` and the accuracy gate.

See ``docs/evaluation.md`` for the sets, the matching rules and the figures.
"""

from newsevents.evaluation.gold import (
    SET_NAMES,
    GoldCoding,
    GoldRecord,
    GoldSet,
    default_shared,
    load_set,
)
from newsevents.evaluation.runner import EvalReport, RecordMiss, SetReport, evaluate, score_set
from newsevents.evaluation.scoring import Counts, main_event, match, pentacode

__all__ = [
    "SET_NAMES",
    "Counts",
    "EvalReport",
    "GoldCoding",
    "GoldRecord",
    "GoldSet",
    "RecordMiss",
    "SetReport",
    "default_shared",
    "evaluate",
    "load_set",
    "main_event",
    "match",
    "pentacode",
    "score_set",
]
