"""Replacing stored events (the recode writer), the coder fingerprint and the 0002 migration,
with hand-built events; test_recode_process.py runs the real coder in real processes."""

from __future__ import annotations

import dataclasses
import itertools
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_factories import article, cluster_events, event, events_for
from typer.testing import CliRunner

from newsevents.cli_store import register
from newsevents.errors import StoreError
from newsevents.settings import Settings
from newsevents.store import migrate
from newsevents.store.cluster import REBUILD_TASK, ClusterRule, rebuild, rebuild_pending
from newsevents.store.db import Store
from newsevents.store.fingerprint import DATA_DIR, PACKAGE_DIR, coder_fingerprint
from newsevents.store.ingest import WriterLock
from newsevents.store.recode import RecodeOptions, recode, replace_batch
from newsevents.store.writer import Outcome, write_batch

RULE = ClusterRule()
_IDS = itertools.count()


def state(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that a recode must get right, ingestion times aside."""
    return {
        name: con.execute(sql).fetchall()
        for name, sql in (
            ("articles", "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id"),
            ("events", "SELECT * FROM events ORDER BY id"),
            ("clusters", "SELECT * FROM clusters ORDER BY id"),
            ("actors", "SELECT * FROM actors ORDER BY id"),
            ("maintenance", "SELECT task FROM maintenance"),
        )
    }


def consistent(con: duckdb.DuckDBPyConnection) -> None:
    """What holds between any two transactions: every current event is in a cluster whose
    counts are right, and the actors are exactly those the events name."""
    assert con.execute(
        "SELECT count(*) FROM events WHERE cluster_id IS NULL AND NOT superseded"
    ).fetchall() == [(0,)]
    wrong = con.execute(
        "SELECT c.id FROM clusters c LEFT JOIN (SELECT cluster_id, count(*) AS n FROM events "
        "WHERE NOT superseded GROUP BY cluster_id) e ON e.cluster_id = c.id "
        "WHERE c.num_mentions != coalesce(e.n, 0)"
    ).fetchall()
    assert wrong == []
    named = con.execute(
        "SELECT DISTINCT a FROM (SELECT unnest([source_actor, target_actor, attributed_actor]) "
        "AS a FROM events) WHERE a IS NOT NULL ORDER BY a"
    ).fetchall()
    assert con.execute("SELECT id FROM actors ORDER BY id").fetchall() == named


@st.composite
def recoding(draw: st.DrawFn) -> tuple[list[Outcome], list[Outcome]]:
    """Articles as an old coder stored them (any actors), and as the new one codes them."""
    old, new = [], []
    for _ in range(draw(st.integers(1, 7))):
        art = article(f"art {next(_IDS)}", source=draw(st.sampled_from(["a", "b", "c"])))
        n_old, n_new = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        old.append(Outcome(art, tuple(draw(events_for(art.id, i)) for i in range(n_old))))
        new.append(Outcome(art, tuple(draw(cluster_events(art.id, i)) for i in range(n_new))))
    return old, new


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recoding(), st.data())
def test_replacing_in_batches_then_rebuilding_equals_a_fresh_write(
    corpus: tuple[list[Outcome], list[Outcome]], data: st.DataObject
) -> None:
    old, new = corpus
    fresh = duckdb.connect(":memory:")
    migrate.upgrade(fresh)
    write_batch(fresh, new, RULE, fingerprint="new")
    con = duckdb.connect(":memory:")
    migrate.upgrade(con)
    write_batch(con, old, RULE, fingerprint="old")
    cuts = sorted(data.draw(st.sets(st.integers(1, len(new)), max_size=3)))
    start = 0
    for cut in [*cuts, len(new)]:
        report = replace_batch(con, new[start:cut], RULE, fingerprint="new")
        assert report.recoded == cut - start
        assert report.events_after == sum(len(o.events) for o in new[start:cut])
        consistent(con)  # where a recode killed now would leave it
        done = {o.article.id for o in new[:cut]}
        for before, after in zip(old, new, strict=True):  # each article wholly old or new
            rows = con.execute(
                "SELECT id, evidence FROM events WHERE article_id = ? ORDER BY seq",
                [before.article.id],
            ).fetchall()
            expected = after if after.article.id in done else before
            assert rows == [(e.id, e.evidence) for e in expected.events]
        start = cut
    assert rebuild_pending(con)
    rebuild(con, RULE)
    assert not rebuild_pending(con)
    assert state(con) == state(fresh)
    fresh.close()
    con.close()


def test_each_article_is_wholly_old_or_wholly_new_after_every_batch(tmp_path: Path) -> None:
    arts = [article(f"whole {i}") for i in range(4)]
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate.upgrade(con)
    write_batch(con, [Outcome(a, (event(a, 0), event(a, 1))) for a in arts], RULE, fingerprint="o")
    new = [Outcome(a, (event(a, 0, cameo="112"),)) for a in arts]
    replace_batch(con, new[:2], RULE, fingerprint="n")
    rows = con.execute(
        "SELECT a.seq, a.coder_fingerprint, list(e.cameo ORDER BY e.seq) FROM articles a "
        "JOIN events e ON e.article_id = a.id GROUP BY ALL ORDER BY a.seq"
    ).fetchall()
    assert [(r[1], r[2]) for r in rows] == [("n", ["112"])] * 2 + [("o", ["043", "043"])] * 2
    consistent(con)


def test_a_failed_recoding_keeps_the_old_events_and_fingerprint(sample_db: Path) -> None:
    with Store.open(sample_db) as store:
        store.con.execute("UPDATE articles SET coder_fingerprint = 'old'")
        before = state(store.con)
        arts = [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY seq")]
        first = store.get_article(arts[0])
        assert first is not None
        broken = Outcome(first, (), "coding failure: ValueError: boom")
        report = replace_batch(store.con, [broken], RULE, fingerprint="new")
        assert report.failed == [(first.origin, "coding failure: ValueError: boom")]
        assert report.recoded == 0 and state(store.con) == before
        # events that name another article fail theirs, and the others in the batch go on
        second = store.get_article(arts[1])
        assert second is not None
        wrong = Outcome(second, (event(first, 7),))
        fine = Outcome(first, (event(first, 0, cameo="112"),))
        report = replace_batch(store.con, [wrong, fine], RULE, fingerprint="new")
        assert report.recoded == 1 and "names article" in report.failed[0][1]
        fps = dict(store.con.execute("SELECT id, coder_fingerprint FROM articles").fetchall())
        assert fps[first.id] == "new" and fps[second.id] == "old"
        assert len(store.events(article_id=second.id)) == 1  # its old event
        consistent(store.con)


def test_a_batch_that_cannot_be_written_changes_nothing(sample_db: Path) -> None:
    with Store.open(sample_db) as store:
        before = state(store.con)
        arts = [r["id"] for r in store.rows("SELECT id FROM articles ORDER BY seq")]
        art = store.get_article(arts[0])
        assert art is not None
        broken = dataclasses.replace(
            event(art, 0),
            type=dataclasses.replace(event(art, 0).type, name=None),  # type: ignore[arg-type]
        )
        with pytest.raises(StoreError, match="nothing of this batch was stored"):
            replace_batch(store.con, [Outcome(art, (broken,))], RULE, fingerprint="new")
        assert state(store.con) == before


def test_superseded_articles_are_not_replaced(sample_db: Path) -> None:
    with Store.open(sample_db) as store:
        old = store.get_article(store.rows("SELECT id FROM articles ORDER BY seq")[0]["id"])
        assert old is not None
        newer = article("Kim hosted Shoigu again.", url=old.url, source=None)
        write_batch(store.con, [Outcome(newer, (event(newer, 0),))], RULE)
        report = replace_batch(store.con, [Outcome(old, ())], RULE, fingerprint="new")
        assert report.recoded == 0
        assert len(store.events(article_id=old.id, include_superseded=True)) == 2


def test_an_old_database_is_upgraded_and_its_articles_count_as_another_coder(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    migrate.upgrade(con, target=1)
    con.execute(
        "INSERT INTO articles (id, seq, text, chars, status, version, ingested_at) "
        "VALUES ('a1', 1, 'Russia accused Ukraine.', 23, 'ok', 1, now()), "
        "('a2', 2, 'x', 1, 'failed', 1, now())"
    )
    con.close()
    with Store.open(path) as store:
        assert store.schema_version() == 2
        rows = store.rows("SELECT id, coder_fingerprint FROM articles ORDER BY id")
        assert rows == [
            {"id": "a1", "coder_fingerprint": None},
            {"id": "a2", "coder_fingerprint": None},
        ]
        assert store.coded_by_other("abc") == 1  # the current article coded without error
        assert not rebuild_pending(store.con)


def test_ingest_stores_the_fingerprint_and_a_rebuild_clears_a_pending_one(tmp_path: Path) -> None:
    path = tmp_path / "f.duckdb"
    art = article("fingerprinted")
    with Store.open(path) as store:
        write_batch(store.con, [Outcome(art, (event(art, 0),))], RULE, fingerprint="fp1")
        assert store.coded_by_other("fp1") == 0 and store.coded_by_other("fp2") == 1
        replace_batch(store.con, [Outcome(art, ())], RULE, fingerprint="fp2")
        assert store.rows("SELECT task FROM maintenance") == [{"task": REBUILD_TASK}]
        assert rebuild(store.con, RULE) == 0  # no events left: no clusters
        assert not rebuild_pending(store.con)


def test_fingerprint_follows_the_coding_data_dictionaries_and_coding_settings(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    base = coder_fingerprint(Settings(), data_dir=data)
    assert base == coder_fingerprint(Settings()) and len(base) == 16
    # settings that do not change the events of a stored text do not count
    same = Settings(batch_size=3, workers=4, cluster_window_days=5, max_article_chars=10)
    assert coder_fingerprint(same, data_dir=data) == base
    (data / "ingest" / "boilerplate.txt").write_text("read, not coded", encoding="utf-8")
    assert coder_fingerprint(Settings(), data_dir=data) == base
    verbs = data / "lexicon" / "verbs.txt"
    verbs.write_text(verbs.read_text(encoding="utf-8") + "\n# a new line\n", encoding="utf-8")
    changed = coder_fingerprint(Settings(), data_dir=data)
    assert changed != base
    assert coder_fingerprint(Settings(min_confidence=0.5), data_dir=data) != changed
    assert coder_fingerprint(Settings(builtin_lexicon=False), data_dir=data) != changed
    extra = tmp_path / "extra.yaml"
    extra.write_text("actors: []\n", encoding="utf-8")
    with_extra = coder_fingerprint(Settings(dictionaries=(extra,)), data_dir=data)
    assert with_extra != changed
    extra.write_text("actors: []  # edited\n", encoding="utf-8")
    assert coder_fingerprint(Settings(dictionaries=(extra,)), data_dir=data) != with_extra


def test_fingerprint_follows_the_coders_code(tmp_path: Path) -> None:
    code = tmp_path / "newsevents"
    shutil.copytree(PACKAGE_DIR, code, ignore=shutil.ignore_patterns("data", "__pycache__"))
    base = coder_fingerprint(Settings(), code_dir=code)
    assert base == coder_fingerprint(Settings())
    (code / "cli.py").write_text("# the command line does not code\n", encoding="utf-8")
    assert coder_fingerprint(Settings(), code_dir=code) == base
    frames = code / "coding" / "frames.py"
    frames.write_text(frames.read_text(encoding="utf-8") + "\n# a grammar change\n", "utf-8")
    assert coder_fingerprint(Settings(), code_dir=code) != base


def test_recode_refuses_a_missing_database_and_a_second_writer(
    tmp_path: Path, sample_db: Path
) -> None:
    with pytest.raises(StoreError, match="no such database"):
        recode(db=tmp_path / "missing.duckdb", options=RecodeOptions(workers=0))
    assert not (tmp_path / "missing.duckdb").exists()
    app, runner = typer.Typer(), CliRunner()
    register(app)
    with WriterLock(sample_db, "recode"):
        result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(sample_db)])
        assert result.exit_code == 3
        assert "another recode" in result.output
    with WriterLock(sample_db):
        result = runner.invoke(app, ["recode", "--db", str(sample_db), "--workers", "0"])
        assert result.exit_code == 3
        assert "another ingest" in result.output
