"""Recode: code stored articles again with the current coder and replace their events.

Each stored article carries the fingerprint of the coder that made its events
(:mod:`newsevents.store.fingerprint`). :func:`recode` codes again every current article coded
without error whose fingerprint differs from the running coder's (all of them with
``everything``), in worker processes like ingest, and replaces its events in transactions of
whole articles (:func:`replace_batch`): the old events and the actors only they named go, the
new events come in with the article's seq, the clusters they leave or join are recounted, and
the article gets the new fingerprint, all in one transaction. A SIGKILL therefore leaves every
article fully old or fully recoded, and running again recodes only the rest.

Replacing events batch by batch keeps the clusters correct but not in the order a fresh ingest
would have made them, so the first batch also records a pending cluster rebuild
(``maintenance`` table) and the recode ends by rebuilding the clusters from the events, which
clears it. A recode killed before that rebuild leaves it pending, and the next recode does it
even when nothing is left to code. The end state is the one a fresh ingest of the same articles
with the current coder gives (superseded versions, which are not recoded, aside).

Articles whose coding fails now keep their old events and old fingerprint; they are reported
and tried again by the next recode.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from newsevents.errors import StoreError
from newsevents.model import Article, Event
from newsevents.settings import Settings
from newsevents.store import cluster as clustering
from newsevents.store.codec import event_to_row, row_to_article
from newsevents.store.db import CURRENT_OK, Store
from newsevents.store.ingest import CodingRun, RunOptions, WriterLock, start_pool
from newsevents.store.writer import (
    EVENTS_PER_ARTICLE,
    Outcome,
    check,
    insert_events,
    transaction,
    utcnow,
)

# (articles done, articles to recode, events stored for them so far)
RecodeProgress = Callable[[int, int, int], None]
READ_CHUNK = 256  # article texts read from the database at a time

_ACTORS_OF = """
SELECT DISTINCT a FROM (
    SELECT unnest([source_actor, target_actor, attributed_actor]) AS a
    FROM events WHERE article_id IN (SELECT unnest(?))
) WHERE a IS NOT NULL
"""
_DROP_UNUSED_ACTORS = """
DELETE FROM actors WHERE id IN (SELECT unnest(?)) AND id NOT IN (
    SELECT source_actor FROM events WHERE source_actor IS NOT NULL
    UNION SELECT target_actor FROM events WHERE target_actor IS NOT NULL
    UNION SELECT attributed_actor FROM events WHERE attributed_actor IS NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class RecodeOptions(RunOptions):
    everything: bool = False  # recode every current article, whatever its fingerprint


@dataclass(slots=True)
class ReplaceReport:
    """What one :func:`replace_batch` did."""

    recoded: int = 0
    events_before: int = 0
    events_after: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class RecodeSummary:
    """What one recode did."""

    recoded: int = 0
    unchanged: int = 0  # current articles already coded by this coder, skipped
    events_before: int = 0  # events of the recoded articles before
    events_after: int = 0  # and after
    failed: list[tuple[str, str]] = field(default_factory=list)
    clusters: int | None = None  # clusters with members after the rebuild; None: no rebuild
    seconds: float = 0.0

    def add(self, report: ReplaceReport) -> None:
        self.recoded += report.recoded
        self.events_before += report.events_before
        self.events_after += report.events_after
        self.failed.extend(report.failed)

    def lines(self) -> list[str]:
        done = self.recoded + len(self.failed)
        rate = done / self.seconds if self.seconds else 0.0
        out = [
            f"articles recoded: {self.recoded:,}",
            f"events of the recoded articles: {self.events_before:,} before, "
            f"{self.events_after:,} after",
            f"skipped as coded by this coder already: {self.unchanged:,}",
            f"failed (their old events are kept): {len(self.failed):,}",
        ]
        if self.clusters is not None:
            out.append(f"clusters rebuilt: {self.clusters:,}")
        out.append(f"time: {self.seconds:.1f} s ({rate:.1f} articles/s)")
        return out


def replace_batch(
    con: duckdb.DuckDBPyConnection,
    outcomes: Sequence[Outcome],
    rule: clustering.ClusterRule,
    *,
    fingerprint: str,
    now: dt.datetime | None = None,
) -> ReplaceReport:
    """Replace the events of the stored articles of ``outcomes`` in one transaction.

    An outcome with an error (or events that do not fit its article) changes nothing: its
    article keeps its events and its fingerprint. Articles that are not current stored
    articles coded without error are left alone.
    """
    report = ReplaceReport()
    seen: set[str] = set()
    coded: dict[str, tuple[Event, ...]] = {}
    for raw in outcomes:
        outcome = check(raw, seen)
        art = outcome.article
        if outcome.error is not None:
            report.failed.append((art.origin or art.url or art.id, outcome.error))
        else:
            coded[art.id] = outcome.events
    if not coded:
        return report
    with transaction(con):
        seqs = dict(
            con.execute(
                f"SELECT id, seq FROM articles WHERE id IN (SELECT unnest(?)) AND {CURRENT_OK}",
                [list(coded)],
            ).fetchall()
        )
        ids = [article_id for article_id in coded if article_id in seqs]
        if not ids:
            return report
        old_actors = [row[0] for row in con.execute(_ACTORS_OF, [ids]).fetchall()]
        touched = {
            int(row[0])
            for row in con.execute(
                "SELECT DISTINCT cluster_id FROM events "
                "WHERE article_id IN (SELECT unnest(?)) AND cluster_id IS NOT NULL",
                [ids],
            ).fetchall()
        }
        row = con.execute(
            "SELECT count(*) FROM events WHERE article_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        report.events_before = int(row[0][0]) if row else 0
        con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", [ids])
        rows, records = [], []
        for article_id in ids:
            base = int(seqs[article_id]) * EVENTS_PER_ARTICLE
            for pos, event in enumerate(coded[article_id]):
                rows.append(event_to_row(event, seq=base + pos))
                records.append(event)
        insert_events(con, rows, records)
        if old_actors:
            con.execute(_DROP_UNUSED_ACTORS, [old_actors])
        con.execute(
            "UPDATE articles SET coder_fingerprint = ? WHERE id IN (SELECT unnest(?))",
            [fingerprint, ids],
        )
        con.execute(
            "INSERT OR IGNORE INTO maintenance VALUES (?, ?)",
            [clustering.REBUILD_TASK, now or utcnow()],
        )
        touched |= clustering.cluster_pending(con, rule)
        clustering.refresh(con, touched)
        report.recoded, report.events_after = len(ids), len(rows)
    return report


class _Recode(CodingRun):
    """One recode: the articles to code again, what waits to be written, the summary."""

    def __init__(
        self,
        db: Path,
        settings: Settings,
        options: RecodeOptions,
        progress: RecodeProgress | None,
    ) -> None:
        super().__init__(db, settings, options)
        self.progress = progress
        self.summary = RecodeSummary()
        stale = "" if options.everything else " AND coder_fingerprint IS DISTINCT FROM ?"
        with Store.open(db, timeout=options.timeout) as store:  # upgrades an older schema
            self.targets = [
                str(r[0])
                for r in store.con.execute(
                    f"SELECT id FROM articles WHERE {CURRENT_OK}{stale} ORDER BY seq",
                    [] if options.everything else [self.fingerprint],
                ).fetchall()
            ]
            row = store.con.execute(f"SELECT count(*) FROM articles WHERE {CURRENT_OK}").fetchall()
        self.summary.unchanged = (int(row[0][0]) if row else 0) - len(self.targets)

    def articles(self) -> Iterator[Article]:
        """The articles to recode, read from the database a chunk at a time."""
        for start in range(0, len(self.targets), READ_CHUNK):
            chunk = self.targets[start : start + READ_CHUNK]
            with Store.open(self.db, timeout=self.options.timeout, read_only=True) as store:
                rows = store.rows(
                    "SELECT * FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY seq", [chunk]
                )
            yield from (row_to_article(row) for row in rows)

    def write(self, store: Store) -> None:
        self.summary.add(
            replace_batch(store.con, self.buffer, self.rule, fingerprint=self.fingerprint)
        )

    def tick(self) -> None:
        if self.progress:
            done = self.summary.recoded + len(self.summary.failed)
            self.progress(done, len(self.targets), self.summary.events_after)

    def finish(self) -> None:
        """Rebuild the clusters when a recode (this one or a killed one) left that pending."""
        with Store.open(self.db, timeout=self.options.timeout, upgrade=False) as store:
            if clustering.rebuild_pending(store.con):
                try:
                    self.summary.clusters = clustering.rebuild(store.con, self.rule)
                except duckdb.Error as exc:
                    raise StoreError(
                        f"the clusters could not be rebuilt ({exc}); the events are recoded: "
                        "run `newsevents recode` again to rebuild them"
                    ) from exc


def recode(
    *,
    db: Path | str,
    settings: Settings | None = None,
    options: RecodeOptions | None = None,
    progress: RecodeProgress | None = None,
) -> RecodeSummary:
    """Code the stored articles another coder made again, and replace their events.

    Raises :class:`StoreLockedError` when another writer holds ``db``, and :class:`StoreError`
    when ``db`` does not exist or a batch cannot be written (nothing of that batch is stored).
    """
    settings = settings or Settings()
    options = options or RecodeOptions(workers=settings.workers)
    db = Path(db)
    if not db.exists():
        raise StoreError(f"{db}: no such database; run `newsevents ingest` to create one")
    started = time.monotonic()
    with WriterLock(db, "recode"):
        run = _Recode(db, settings, options, progress)
        run.tick()
        if run.targets:
            with start_pool(settings, options.workers) as pool:
                run.code(pool, run.articles())
        run.finish()
    run.summary.seconds = time.monotonic() - started
    return run.summary
