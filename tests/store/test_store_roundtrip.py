"""An Event written to the store and read back is the same Event (Hypothesis)."""

from __future__ import annotations

import itertools

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_factories import article, events_for

from newsevents.model import Event
from newsevents.store import migrate
from newsevents.store.cluster import ClusterRule
from newsevents.store.codec import event_to_row, row_to_event
from newsevents.store.writer import Outcome, write_batch

_COUNTER = itertools.count()


@st.composite
def article_with_events(draw: st.DrawFn) -> Outcome:
    art = article(f"article {next(_COUNTER)} " + draw(st.text(max_size=30)))
    n = draw(st.integers(0, 4))
    events = tuple(draw(events_for(art.id, i)) for i in range(n))
    return Outcome(art, events)


def test_row_codec_round_trip_keeps_every_field() -> None:
    @given(events_for("a1", 0))
    def check(event: Event) -> None:
        assert row_to_event(event_to_row(event, seq=1)) == event

    check()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_with_events(), min_size=1, max_size=3))
def test_events_written_and_read_back_are_equal(outcomes: list[Outcome]) -> None:
    con = duckdb.connect(":memory:")
    migrate.upgrade(con)
    write_batch(con, outcomes, ClusterRule())
    for outcome in outcomes:
        rows = con.execute(
            "SELECT * FROM events WHERE article_id = ? ORDER BY seq", [outcome.article.id]
        )
        names = [d[0] for d in rows.description or ()]
        back = [row_to_event(dict(zip(names, r, strict=True))) for r in rows.fetchall()]
        assert back == list(outcome.events)
        assert [Event.from_dict(e.to_dict()).id for e in back] == [e.id for e in outcome.events]
    con.close()
