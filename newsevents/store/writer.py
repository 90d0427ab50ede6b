"""Write whole articles, their events and their cluster updates in one transaction.

:func:`write_batch` is the only place that adds articles; it and
:func:`newsevents.store.recode.replace_batch` (which replaces the events of stored articles)
are the only ones that write events, through :func:`insert_events` and :func:`transaction`.
A batch either commits whole or not at all: a process killed in the middle leaves no part of
any article behind, and writing the same batch again adds nothing (the key is the article id,
a content hash)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.errors import StoreError
from newsevents.model import Article, Event
from newsevents.store import cluster as clustering
from newsevents.store.codec import (
    ACTOR_SCHEMA,
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    actor_rows,
    article_to_row,
    event_to_row,
    table,
)

EVENTS_PER_ARTICLE = 100_000  # events.seq = article seq * this + position in the article


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article to store: its events, or why it failed."""

    article: Article
    events: tuple[Event, ...] = ()
    error: str | None = None
    keep_text: bool = True


@dataclass(slots=True)
class BatchReport:
    new: int = 0
    skipped: int = 0
    retried: int = 0
    events: int = 0
    superseded: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    clusters: set[int] = field(default_factory=set)


def check(outcome: Outcome, seen_events: set[str]) -> Outcome:
    """Refuse events that do not belong to the article or repeat an id."""
    for event in outcome.events:
        problem = None
        if event.article_id != outcome.article.id:
            problem = f"event {event.id} names article {event.article_id}"
        elif event.id in seen_events:
            problem = f"event id {event.id} occurs twice"
        if problem:
            return Outcome(outcome.article, (), f"coder error: {problem}", outcome.keep_text)
        seen_events.add(event.id)
    return outcome


def _lookup(
    con: duckdb.DuckDBPyConnection, outcomes: Sequence[Outcome]
) -> tuple[dict[str, str], dict[str, tuple[int, list[str]]]]:
    """Stored status per article id; per URL the highest version and the current ids."""
    con.register(
        "_ne_batch",
        pa.table(
            {
                "id": pa.array([o.article.id for o in outcomes], pa.string()),
                "url": pa.array([o.article.url for o in outcomes], pa.string()),
            }
        ),
    )
    try:
        status = dict(
            con.execute(
                "SELECT id, status FROM articles WHERE id IN (SELECT id FROM _ne_batch)"
            ).fetchall()
        )
        versions: dict[str, tuple[int, list[str]]] = {}
        for url, top, current in con.execute(
            "SELECT url, max(version), list(id ORDER BY seq) FILTER "
            "(WHERE superseded_by IS NULL AND status = 'ok') FROM articles "
            "WHERE url IN (SELECT url FROM _ne_batch WHERE url IS NOT NULL) GROUP BY url"
        ).fetchall():
            versions[url] = (int(top), list(current or []))
    finally:
        con.unregister("_ne_batch")
    return status, versions


@dataclass(slots=True)
class _Plan:
    articles: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_records: list[Event] = field(default_factory=list)
    retried: list[dict[str, Any]] = field(default_factory=list)
    failed_again: list[tuple[str, str]] = field(default_factory=list)
    supersede: dict[str, str] = field(default_factory=dict)  # old id -> new id


def _plan(
    con: duckdb.DuckDBPyConnection,
    outcomes: Sequence[Outcome],
    now: dt.datetime,
    fingerprint: str | None,
) -> tuple[_Plan, BatchReport]:
    status, versions = _lookup(con, outcomes)
    row = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchall()[0]
    next_seq = int(row[0]) if row else 1
    plan, report, seen_events = _Plan(), BatchReport(), set[str]()
    handled: set[str] = set()
    for raw in outcomes:
        outcome = check(raw, seen_events)
        art = outcome.article
        stored = status.get(art.id)
        if stored == "ok" or art.id in handled:
            report.skipped += 1
            continue
        handled.add(art.id)
        if outcome.error is not None:
            report.failed.append((art.origin or art.url or art.id, outcome.error))
            if stored == "failed":
                plan.failed_again.append((art.id, outcome.error))
                continue
        version, previous = 1, list[str]()
        if outcome.error is None and art.url is not None:
            top, previous = versions.get(art.url, (0, []))
            version = top + 1
            versions[art.url] = (version, [art.id])
            for old in previous:
                plan.supersede[old] = art.id
        seq = next_seq
        next_seq += 1
        cells = article_to_row(
            art,
            seq=seq,
            status="ok" if outcome.error is None else "failed",
            error=outcome.error,
            version=version,
            now=now,
            keep_text=outcome.keep_text,
            coder_fingerprint=fingerprint,
        )
        if stored == "failed":
            plan.retried.append(cells)
            report.retried += 1
        else:
            plan.articles.append(cells)
        if outcome.error is None:
            report.new += 1
            for pos, event in enumerate(outcome.events):
                plan.events.append(event_to_row(event, seq=seq * EVENTS_PER_ARTICLE + pos))
                plan.event_records.append(event)
    report.events = len(plan.events)
    report.superseded = len(plan.supersede)
    return plan, report


def _apply(con: duckdb.DuckDBPyConnection, plan: _Plan) -> set[int]:
    if plan.articles:
        con.register("_ne_articles", table(plan.articles, ARTICLE_SCHEMA))
        con.execute("INSERT INTO articles BY NAME SELECT * FROM _ne_articles")
        con.unregister("_ne_articles")
    for cells in plan.retried:
        con.execute(
            "UPDATE articles SET status = ?, error = ?, text = ?, version = ?, "
            "ingested_at = ?, title = ?, source = ?, publisher = ?, published = ?, origin = ?, "
            "coder_fingerprint = ? WHERE id = ?",
            [cells[k] for k in ("status", "error", "text", "version", "ingested_at", "title")]
            + [cells[k] for k in ("source", "publisher", "published", "origin")]
            + [cells[k] for k in ("coder_fingerprint", "id")],
        )
    for article_id, error in plan.failed_again:
        con.execute("UPDATE articles SET error = ? WHERE id = ?", [error, article_id])
    insert_events(con, plan.events, plan.event_records)
    touched: set[int] = set()
    for old, new in plan.supersede.items():
        con.execute("UPDATE articles SET superseded_by = ? WHERE id = ?", [new, old])
        ids = con.execute(
            "SELECT DISTINCT cluster_id FROM events "
            "WHERE article_id = ? AND cluster_id IS NOT NULL",
            [old],
        ).fetchall()
        touched.update(int(r[0]) for r in ids)
        con.execute("UPDATE events SET superseded = TRUE WHERE article_id = ?", [old])
    return touched


def insert_events(
    con: duckdb.DuckDBPyConnection, rows: Sequence[dict[str, Any]], events: Sequence[Event]
) -> None:
    """Insert ``events`` rows and the actors they name (actors already stored are kept)."""
    actors = actor_rows(events)
    if actors:
        con.register("_ne_actors", table(actors, ACTOR_SCHEMA))
        con.execute("INSERT OR IGNORE INTO actors BY NAME SELECT * FROM _ne_actors")
        con.unregister("_ne_actors")
    if rows:
        con.register("_ne_events", table(rows, EVENT_SCHEMA))
        con.execute("INSERT INTO events BY NAME SELECT * FROM _ne_events")
        con.unregister("_ne_events")


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back whole when it raises.

    A database error becomes a :class:`StoreError` that says nothing of the batch was stored.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except duckdb.Error as exc:
        _rollback(con)
        raise StoreError(_explain(exc)) from exc
    except BaseException:
        _rollback(con)
        raise


def write_batch(
    con: duckdb.DuckDBPyConnection,
    outcomes: Sequence[Outcome],
    rule: clustering.ClusterRule,
    *,
    read_failures: Sequence[tuple[str, str]] = (),
    now: dt.datetime | None = None,
    fingerprint: str | None = None,
) -> BatchReport:
    """Store the outcomes (and inputs that could not be read) in one transaction.

    ``fingerprint`` is the coder fingerprint stored with the new articles
    (:mod:`newsevents.store.fingerprint`).
    """
    now = now or utcnow()
    with transaction(con):
        plan, report = (
            _plan(con, outcomes, now, fingerprint) if outcomes else (_Plan(), BatchReport())
        )
        touched = _apply(con, plan)
        touched |= clustering.cluster_pending(con, rule)
        clustering.refresh(con, touched)
        _record_read_failures(con, read_failures, plan, now)
    report.clusters = touched
    return report


def utcnow() -> dt.datetime:
    """The time stored in ``ingested_at`` and ``maintenance.since``: UTC, naive."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _record_read_failures(
    con: duckdb.DuckDBPyConnection,
    problems: Sequence[tuple[str, str]],
    plan: _Plan,
    now: dt.datetime,
) -> None:
    for origin, message in problems:
        con.execute("INSERT OR REPLACE INTO read_failures VALUES (?, ?, ?)", [origin, message, now])
    stored = [a["origin"] for a in plan.articles + plan.retried if a["status"] == "ok"]
    stored = [o for o in stored if o]
    if stored:
        con.execute("DELETE FROM read_failures WHERE origin IN (SELECT unnest(?))", [stored])


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    # the transaction may already be gone (the connection failed); nothing was committed
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def _explain(exc: BaseException) -> str:
    text = str(exc)
    lowered = text.lower()
    if "no space" in lowered or "file too large" in lowered or "disk" in lowered:
        return (
            f"the database could not be written ({text.strip()}); the disk is full or a size "
            "limit was reached. Nothing of this batch was stored: free space and run again"
        )
    return f"the database could not be written: {text.strip()}; nothing of this batch was stored"
