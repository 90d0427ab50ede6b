"""A name written in lower case right after a title is still a name."""

from __future__ import annotations

import datetime as dt

from newsevents.pipeline import Pipeline


def test_a_lower_case_name_after_a_title_is_resolved(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "President macron criticized Russia on Monday.", published=dt.date(2023, 5, 1)
    )
    assert [(e.source.name if e.source else None, e.type.cameo[:2]) for e in events] == [
        ("Emmanuel Macron", "11")
    ]


def test_a_lower_case_word_without_a_title_is_no_name(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "The farmers said turkey and chad were cheap this year, then criticized the price.",
        published=dt.date(2023, 5, 1),
    )
    assert all(e.source is None or e.source.country not in ("TUR", "TCD") for e in events)
