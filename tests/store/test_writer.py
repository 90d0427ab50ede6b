"""Idempotent, versioned, all-or-nothing writes of whole articles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import sample_outcomes
from store_factories import article, event

from newsevents.errors import StoreError
from newsevents.store.cluster import ClusterRule
from newsevents.store.db import Store
from newsevents.store.writer import Outcome, write_batch

RULE = ClusterRule()


def _snapshot(store: Store) -> dict[str, object]:
    return {
        "articles": store.rows(
            "SELECT id, seq, status, version, superseded_by FROM articles ORDER BY id"
        ),
        "events": store.rows("SELECT id, cluster_id, superseded FROM events ORDER BY id"),
        "clusters": store.rows("SELECT * EXCLUDE (first_event) FROM clusters ORDER BY id"),
        "actors": store.rows("SELECT id FROM actors ORDER BY id"),
    }


def test_writing_the_same_articles_again_adds_nothing(sample_db: Path) -> None:
    with Store.open(sample_db) as store:
        before = _snapshot(store)
        report = write_batch(store.con, sample_outcomes(), RULE)
        assert (report.new, report.skipped, report.events) == (0, 4, 0)
        assert _snapshot(store) == before
        assert store.counts()["events"] == 6


def test_a_changed_article_is_a_new_version_and_old_events_are_superseded(
    sample_db: Path,
) -> None:
    old = sample_outcomes()[0].article
    new = article("Kim hosted Shoigu, and more.", url=old.url, source=None)
    with Store.open(sample_db) as store:
        report = write_batch(store.con, [Outcome(new, (event(new, 0),))], RULE)
        assert report.superseded == 1
        rows = store.rows(
            "SELECT id, version, superseded_by FROM articles WHERE url = ?", [old.url]
        )
        assert {(r["id"], r["version"], r["superseded_by"]) for r in rows} == {
            (old.id, 1, new.id),
            (new.id, 2, None),
        }
        flags = store.rows(
            "SELECT article_id, bool_and(superseded) AS s FROM events GROUP BY article_id"
        )
        assert {r["article_id"]: r["s"] for r in flags}[old.id] is True
        assert len(store.events(article_id=old.id, include_superseded=True)) == 2  # kept
        assert store.events(article_id=old.id) == []
        # the superseded report no longer counts in its cluster; the new one does
        first = store.rows("SELECT num_mentions, num_articles FROM clusters WHERE id = 1")[0]
        assert first == {"num_mentions": 3, "num_articles": 3}


def test_failed_article_is_recorded_and_retried(tmp_path: Path) -> None:
    art = article("A text the coder choked on.")
    with Store.open(tmp_path / "f.duckdb") as store:
        report = write_batch(store.con, [Outcome(art, (), "parser failure: boom")], RULE)
        assert report.failed == [(art.origin, "parser failure: boom")]
        assert store.article_status() == {art.id: "failed"}
        assert store.failed_articles()[0].text == art.text
        report = write_batch(store.con, [Outcome(art, (event(art, 0),))], RULE)
        assert (report.new, report.retried, report.events) == (1, 1, 1)
        assert store.article_status() == {art.id: "ok"}
        assert store.rows("SELECT error FROM articles")[0]["error"] is None


def test_events_that_repeat_an_id_fail_their_article_only(tmp_path: Path) -> None:
    good, bad = article("good"), article("bad")
    twice = event(bad, 0)
    with Store.open(tmp_path / "d.duckdb") as store:
        report = write_batch(
            store.con, [Outcome(good, (event(good, 0),)), Outcome(bad, (twice, twice))], RULE
        )
        assert report.new == 1 and len(report.failed) == 1
        assert "occurs twice" in report.failed[0][1]
        assert store.article_status() == {good.id: "ok", bad.id: "failed"}


def test_a_batch_that_cannot_be_written_leaves_nothing_behind(sample_db: Path) -> None:
    art = article("an article whose event breaks a NOT NULL column")
    broken = dataclasses.replace(
        event(art, 0),
        type=dataclasses.replace(event(art, 0).type, name=None),  # type: ignore[arg-type]
    )
    fine = article("a fine article in the same batch")
    with Store.open(sample_db) as store:
        before = _snapshot(store)
        with pytest.raises(StoreError, match="nothing of this batch was stored"):
            write_batch(
                store.con, [Outcome(fine, (event(fine, 0),)), Outcome(art, (broken,))], RULE
            )
        assert _snapshot(store) == before
