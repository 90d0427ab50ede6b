"""Actor resolution cases from news writing: lower-case names after titles, capitals as places."""

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


def test_police_in_a_capital_are_the_countrys_police(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Protesters clashed with police in Nairobi on Tuesday.", published=dt.date(2024, 6, 25)
    )
    assert any(e.target is not None and e.target.code == "KENCOP" for e in events), [
        (e.source, e.target) for e in events
    ]


def test_armed_men_are_an_unidentified_armed_force(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Armed men kidnapped 20 students in Kaduna.")
    assert [e.source.code for e in events if e.source] == ["---UAF"]


def test_government_agencies_known_by_name(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("The CIA accused the FSB of hacking the election.")
    assert [(e.source.code, e.type.cameo, e.target.code) for e in events if e.source and e.target][
        :1
    ] == [("USASPY", "112", "RUSSPY")]


def test_both_countries_are_the_pair_named_together(pipeline: Pipeline) -> None:
    events = pipeline.extract_text(
        "Armenia and Azerbaijan agreed on Monday to resume talks. Russia, which hosted the "
        "last round, and France welcomed the news. Germany praised both countries. The United "
        "States urged the two sides to keep talking.",
        published=dt.date(2024, 5, 1),
    )
    praised = {e.target.country for e in events if e.trigger == "praised" and e.target}
    assert praised == {"ARM", "AZE"}
    urged = {e.target.country for e in events if e.trigger == "urged" and e.target}
    assert urged == {"ARM", "AZE"}


def test_agreeing_to_resume_talks_is_the_talks(pipeline: Pipeline) -> None:
    events = pipeline.extract_text("Serbia and Kosovo agreed to resume talks.")
    assert {e.type.cameo for e in events} == {"036"}
