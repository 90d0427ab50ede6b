"""The flagship article: every row of the design table, through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.ingest import article_from_text
from newsevents.model import Event


@pytest.fixture(scope="module")
def events(pipeline, seed_text) -> list[Event]:  # type: ignore[no-untyped-def]
    article = article_from_text(seed_text, published=dt.date(2023, 7, 28))
    (result,) = list(pipeline.process([article]))
    assert result.error is None
    return list(result.events)


def find(events: list[Event], code: str, source: str | None, target: str | None) -> list[Event]:
    def country(actor):  # type: ignore[no-untyped-def]
        return actor.country if actor else None

    return [
        e
        for e in events
        if e.type.cameo.startswith(code)
        and (source is None or country(e.source) == source)
        and (target is None or country(e.target) == target)
    ]


def test_kim_hosts_shoigu_on_wednesday_in_pyongyang(events: list[Event]) -> None:
    (host,) = find(events, "043", "PRK", "RUS")
    assert host.source is not None and host.source.name == "Kim Jong Un"
    assert host.target is not None and host.target.name == "Sergei Shoigu"
    assert host.status == "asserted" and host.attributed_to is None
    assert host.date == dt.date(2023, 7, 26) and host.date_precision == "day"
    assert host.place is not None and host.place.name == "Pyongyang"
    assert host.place.lat is not None and abs(host.place.lat - 39.03) < 0.1


def test_talks_are_attributed_to_kcna(events: list[Event]) -> None:
    talks = find(events, "040", "PRK", "RUS")
    assert talks
    assert any(e.attributed_to is not None and "KCNA" in e.attributed_to.name for e in talks)


def test_gratitude_to_putin(events: list[Event]) -> None:
    (praise,) = find(events, "051", "PRK", "RUS")[:1]
    assert praise.target is not None and praise.target.name == "Vladimir Putin"


def test_support_for_russia_according_to_kcna(events: list[Event]) -> None:
    support = [
        e for e in find(events, "05", "PRK", "RUS") if e.source and e.source.name == "North Korea"
    ]
    assert any(e.attributed_to is not None and "KCNA" in e.attributed_to.name for e in support)


def test_accusation_allegation_condemnation_and_denial(events: list[Event]) -> None:
    (accuse,) = find(events, "112", None, "PRK")
    assert accuse.status == "asserted"
    (shipping,) = find(events, "07", "PRK", "RUS")
    assert shipping.status == "alleged"
    (condemn,) = find(events, "111", "USA", "PRK")
    assert condemn.source is not None and condemn.source.sector == "GOV"
    assert condemn.status == "asserted"
    (deny,) = find(events, "016", "PRK", None)
    assert deny.status == "asserted"


def test_nothing_from_page_furniture(events: list[Event], seed_text: str) -> None:
    start = seed_text.index("Leave a Reply")
    assert all(e.span[1] <= start for e in events)
    assert all("Leave a Reply" not in e.evidence for e in events)


def test_spans_point_at_the_evidence(events: list[Event], seed_text: str) -> None:
    article = article_from_text(seed_text)
    for e in events:
        assert article.text[e.span[0] : e.span[1]] == e.evidence
