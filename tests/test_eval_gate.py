"""Accuracy gate: the coder's scores on the gold sets must not drop below the pinned floors.

The floors live in ``tests/eval_floors.json`` and only go up. The gold sets are read from
``../shared/data`` next to the repository (or ``$NEWSEVENTS_SHARED``); they are never copied here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.evaluation import SET_NAMES, EvalReport, evaluate
from newsevents.evaluation.gold import SET_FILES, resolve_shared

FLOORS = Path(__file__).parent / "eval_floors.json"


def floors() -> dict[str, dict[str, float]]:
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {name: figures for name, figures in data.items() if not name.startswith("_")}


@pytest.fixture(scope="session")
def report() -> EvalReport:
    shared = resolve_shared(None)
    if not all((shared / f).is_file() for f in SET_FILES.values()):
        pytest.skip(f"gold sets not found under {shared} (set NEWSEVENTS_SHARED)")
    return evaluate("all", shared=shared)


def test_floors_file_covers_every_set() -> None:
    pinned = floors()
    assert set(pinned) == set(SET_NAMES)
    for figures in pinned.values():
        assert figures and all(0.0 <= v <= 1.0 for v in figures.values())


@pytest.mark.parametrize("set_name", SET_NAMES)
def test_scores_at_or_above_floors(report: EvalReport, set_name: str) -> None:
    measured = report.get(set_name).metrics
    below = {
        name: (round(measured[name], 4), floor)
        for name, floor in floors()[set_name].items()
        if measured[name] + 1e-9 < floor
    }
    assert not below, f"{set_name}: figures below their floors (measured, floor): {below}"
    assert report.get(set_name).errors == 0, f"{set_name}: the pipeline failed on some articles"
