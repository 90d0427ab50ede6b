"""The clustering rule, its counts, and that clustering is incremental and idempotent."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_factories import KIEV, PYONGYANG, actor, article, cluster_events, event

from newsevents.settings import Settings
from newsevents.store import migrate
from newsevents.store.cluster import ClusterRule, ClusterState, Member, assign, rebuild
from newsevents.store.db import Store
from newsevents.store.writer import Outcome, write_batch

D = dt.date(2023, 7, 26)


def _m(
    eid: str, days: int = 0, place: str | None = None, key: str = "PRK|GOV|RUS|MIL|04"
) -> Member:
    return Member(eid, key, D + dt.timedelta(days=days), place, place)


def test_rule_follows_settings() -> None:
    assert ClusterRule.from_settings(Settings(cluster_window_days=3)).window_days == 3
    assert ClusterRule.from_settings(Settings()) == ClusterRule(window_days=1, match_place=True)


def test_dates_within_the_window_join_and_farther_ones_do_not() -> None:
    got = assign([_m("a"), _m("b", 1), _m("c", -1), _m("d", 2)], [], ClusterRule(), 1).members
    assert got == {"a": 1, "b": 1, "c": 1, "d": 2}
    wide = assign([_m("a"), _m("d", 2)], [], ClusterRule(window_days=2), 1).members
    assert wide == {"a": 1, "d": 1}


def test_same_place_or_no_place_and_first_place_is_adopted() -> None:
    got = assign(
        [_m("a"), _m("b", 0, "gn:1"), _m("c", 0, "gn:2"), _m("d", 0, "gn:1"), _m("e")],
        [], ClusterRule(), 1,
    )  # fmt: skip
    assert got.members == {"a": 1, "b": 1, "c": 2, "d": 1, "e": 1}
    assert got.new[0].place_key == "gn:1"
    loose = assign([_m("a", 0, "gn:1"), _m("c", 0, "gn:2")], [], ClusterRule(match_place=False), 1)
    assert loose.members == {"a": 1, "c": 1}


def test_other_actor_root_or_no_date_never_join() -> None:
    members = [
        _m("a"),
        _m("b", key="PRK|GOV|RUS|GOV|04"),
        _m("c", key="PRK|GOV|RUS|MIL|05"),
        Member("d", "PRK|GOV|RUS|MIL|04", None, None, None),
    ]
    assert assign(members, [], ClusterRule(), 1).members == {"a": 1, "b": 2, "c": 3, "d": 4}


def test_nearest_existing_cluster_wins() -> None:
    existing = [
        ClusterState(5, "PRK|GOV|RUS|MIL|04", D, None, None),
        ClusterState(6, "PRK|GOV|RUS|MIL|04", D + dt.timedelta(days=2), None, None),
    ]
    got = assign([_m("x", 2), _m("y", 1)], existing, ClusterRule(), 7).members
    assert got == {"x": 6, "y": 5}


def test_cluster_counts_mentions_articles_sources_and_reports(sample_db: Path) -> None:
    with Store.open(sample_db, read_only=True) as store:
        rows = store.rows("SELECT * FROM clusters ORDER BY id")
    first = rows[0]
    assert (first["num_mentions"], first["num_articles"], first["num_sources"]) == (3, 3, 2)
    assert (first["date_first"], first["date_last"]) == (dt.date(2023, 7, 25), dt.date(2023, 7, 27))
    assert first["first_report"] == first["last_report"] == dt.date(2023, 7, 28)
    assert first["place_name"] == "Pyongyang" and first["cameo_root"] == "04"
    assert [r["num_mentions"] for r in rows] == [3, 1, 1, 1]
    # an undated event takes its article's publication date
    assert rows[3]["anchor_date"] == dt.date(2024, 1, 2)


def test_new_article_joins_existing_cluster(sample_db: Path) -> None:
    late = article("Shoigu ended his visit.", url="https://other.example/9", source="Other")
    with Store.open(sample_db) as store:
        report = write_batch(
            store.con, [Outcome(late, (event(late, 0, date=dt.date(2023, 7, 26)),))], ClusterRule()
        )
        assert report.clusters == {1}
        row = store.rows("SELECT num_mentions, num_articles, num_sources FROM clusters WHERE id=1")
    assert row == [{"num_mentions": 4, "num_articles": 4, "num_sources": 3}]


_IDS = itertools.count()


@st.composite
def corpus(draw: st.DrawFn) -> list[Outcome]:
    out = []
    for _ in range(draw(st.integers(1, 8))):
        art = article(f"art {next(_IDS)}", source=draw(st.sampled_from(["a", "b", "c"])))
        n = draw(st.integers(0, 3))
        out.append(Outcome(art, tuple(draw(cluster_events(art.id, i)) for i in range(n))))
    return out


def _clusters(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple], list[tuple]]:  # type: ignore[type-arg]
    events = con.execute("SELECT id, cluster_id FROM events ORDER BY id").fetchall()
    clusters = con.execute("SELECT * FROM clusters ORDER BY id").fetchall()
    return events, clusters


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus(), st.data())
def test_clustering_is_incremental_and_clustering_twice_changes_nothing(
    outcomes: list[Outcome], data: st.DataObject
) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(1, len(outcomes)), max_size=3)))
    con = duckdb.connect(":memory:")
    migrate.upgrade(con)
    start = 0
    for cut in [*cuts, len(outcomes)]:  # the same articles, written in several batches
        write_batch(con, outcomes[start:cut], ClusterRule())
        start = cut
    incremental = _clusters(con)
    rebuild(con, ClusterRule())
    assert _clusters(con) == incremental  # one pass over everything gives the same clusters
    rebuild(con, ClusterRule())
    write_batch(con, outcomes, ClusterRule())  # and writing again changes nothing either
    assert _clusters(con) == incremental
    con.close()


def test_places_in_fixtures_differ() -> None:
    assert PYONGYANG.geonames_id != KIEV.geonames_id and actor("PRK").code == "PRKGOV"
