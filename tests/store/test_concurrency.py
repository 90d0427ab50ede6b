"""Readers and the ingest writer in separate, real processes (docs/store.md, Concurrency)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from newsevents.errors import StoreLockedError
from newsevents.store import query
from newsevents.store.db import Store
from newsevents.store.ingest import WriterLock

HERE = Path(__file__).parent

WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {here!r})
    from store_factories import article, event
    from newsevents.store.cluster import ClusterRule
    from newsevents.store.db import Store
    from newsevents.store.writer import Outcome, write_batch
    for batch in range(25):
        outcomes = []
        for i in range(6):
            art = article(f"batch {{batch}} article {{i}}")
            outcomes.append(Outcome(art, tuple(event(art, n) for n in range(3))))
        with Store.open({db!r}, timeout=30) as store:   # held only while writing
            write_batch(store.con, outcomes, ClusterRule())
        time.sleep(0.1)                                  # coding the next batch
    """
)


def test_readers_see_whole_articles_while_ingest_writes(tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    Store.open(db).close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER.format(here=str(HERE), db=str(db))])
    seen: list[int] = []
    try:
        while writer.poll() is None:
            frame = query.sql(
                db, "SELECT article_id, count(*) AS n FROM events GROUP BY article_id", timeout=10
            )
            assert set(frame["n"]) <= {3}, "a reader saw part of an article"
            seen.append(len(frame))
    finally:
        writer.wait(timeout=60)
    assert writer.returncode == 0
    assert seen == sorted(seen), "readers never see rows disappear"
    assert len({n for n in seen if 0 < n < 150}) >= 2, "readers got turns during the ingest"
    assert len(query.events(db)) == 25 * 6 * 3


def test_reader_gives_a_clear_error_when_the_file_stays_held(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    Store.open(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); "
         "time.sleep(20)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(StoreLockedError, match="another process holds the database"):
            query.events(db, timeout=0.5)
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
    assert len(query.events(db)) == 0  # released when the holder dies


def test_a_second_ingest_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    with WriterLock(db), pytest.raises(StoreLockedError, match="another ingest"):
        WriterLock(db).__enter__()
    with WriterLock(db):  # released at the end of the first
        pass
