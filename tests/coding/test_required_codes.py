"""The codes the project requires for common phrasings, through the real model and pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.pipeline import Pipeline

CASES = [
    ("Chinese President Xi Jinping hosted Brazil's president in Beijing.", "043", "CHN", "BRA"),
    ("Indian Prime Minister Narendra Modi visited Russia last week.", "042", "IND", "RUS"),
    ("Kenya's president expressed his gratitude to Japan for the loan.", "051", "KEN", "JPN"),
    ("Armenia signed a defence pact with France on Monday.", "057", "ARM", "FRA"),
    ("The European Union imposed sanctions on Belarus.", "163", "IGO", "BLR"),
    ("Poland expelled Russian diplomats on Tuesday.", "166", "POL", "RUS"),
    ("Turkish police arrested 40 Kurdish activists.", "173", "TUR", None),
    ("Kenyan police fired tear gas at protesters in Nairobi.", "175", "KEN", None),
    ("Russian forces shelled Kharkiv overnight.", "195", "RUS", None),
]


@pytest.mark.parametrize(("text", "code", "source", "target"), CASES)
def test_required_code(
    pipeline: Pipeline, text: str, code: str, source: str, target: str | None
) -> None:
    events = pipeline.extract_text(text, published=dt.date(2024, 5, 1))
    found = [e for e in events if e.type.cameo == code]
    assert found, [(e.type.cameo, e.trigger) for e in events]
    event = found[0]
    assert event.source is not None
    assert (event.source.country or event.source.code[:3]) == source
    if target is not None:
        assert event.target is not None and event.target.country == target
