"""`newsevents recode` with the real coder: the articles an older coder stored (here: coded
without an actor dictionary) are coded again with the new one (with it), and the database ends
exactly as a fresh ingest with the new coder makes it, also after real SIGKILLs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import typer
from test_kill_resume import _alive, _children
from test_recode import consistent, state
from typer.testing import CliRunner

from newsevents.cli_store import register
from newsevents.errors import StoreLockedError
from newsevents.ingest import read_articles
from newsevents.settings import Settings
from newsevents.store.cluster import ClusterRule
from newsevents.store.db import Store
from newsevents.store.fingerprint import coder_fingerprint
from newsevents.store.ingest import IngestOptions, ingest
from newsevents.store.recode import RecodeOptions, recode, replace_batch
from newsevents.store.writer import Outcome

COUNT = 16
DAY = dt.date(2023, 7, 28)
COUNTRIES = ["Russia", "Ukraine", "China", "Japan", "France", "Iran", "Egypt", "India"]
VERBS = ["accused", "condemned", "praised", "threatened"]
DICTIONARY = "actors:\n  - name: Ruritania\n    aliases: [Ruritanian]\n    country: RUR\n"


@dataclasses.dataclass(frozen=True)
class Stores:
    old: Path  # COUNT - 1 articles by the old coder, the last one by the new coder
    reference: Path  # a fresh ingest of all of them by the new coder
    dictionary: Path
    new: Settings
    hint: list[str]  # the summary of the ingest that added the last article


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(COUNT):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 5 + 3) % len(COUNTRIES)]
        if i % 3 == 1:
            a = "Ruritania"  # an actor only the new coder knows
        text = (
            f"The government of {a} {VERBS[i % 4]} {b} on Monday, officials said in report {i}."
            f"\n\nLeaders of {b} met the foreign minister of {a} in Geneva on Tuesday."
        )
        (folder / f"article_{i:03d}.txt").write_text(text, encoding="utf-8")


def _ingest(paths: list[str], db: Path, settings: Settings) -> list[str]:
    items = read_articles(paths, published=DAY)
    options = IngestOptions(workers=0, flush_articles=2)
    return ingest(items, db=db, settings=settings, options=options).lines()


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Stores:
    root = tmp_path_factory.mktemp("recode")
    corpus = root / "corpus"
    _corpus(corpus)
    dictionary = root / "ruritania.yaml"
    dictionary.write_text(DICTIONARY, encoding="utf-8")
    old_coder = Settings(batch_size=2)  # as `--commit-every 2` sets it
    new_coder = dataclasses.replace(old_coder, dictionaries=(dictionary,))
    files = sorted(str(p) for p in corpus.iterdir())
    old, reference = root / "old.duckdb", root / "reference.duckdb"
    _ingest(files[:-1], old, old_coder)
    hint = _ingest([str(corpus)], old, new_coder)  # adds the last article only
    _ingest([str(corpus)], reference, new_coder)
    return Stores(old, reference, dictionary, new_coder, hint)


def _copy(stores: Stores, folder: Path) -> Path:
    db = folder / "recoded.duckdb"
    shutil.copy(stores.old, db)
    return db


def _state(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store.open(db, read_only=True) as store:
        return state(store.con)


def test_ingest_hints_at_recode_and_the_new_coder_changes_events(stores: Stores) -> None:
    assert "articles new: 1" in stores.hint
    assert any(
        line.startswith(f"stored articles coded by another coder: {COUNT - 1}")
        and "newsevents recode" in line
        for line in stores.hint
    ), stores.hint
    old, new = _state(stores.old), _state(stores.reference)
    assert len(old["articles"]) == len(new["articles"]) == COUNT
    assert old["events"] != new["events"] and any("RUR" in str(r) for r in new["events"])
    assert not any("RUR" in str(r) for r in old["events"])


def test_recode_all_equals_a_fresh_ingest_and_a_second_recode_does_nothing(
    stores: Stores, tmp_path: Path
) -> None:
    db = _copy(stores, tmp_path)
    reference = _state(stores.reference)
    options = RecodeOptions(workers=0, flush_articles=2, everything=True)
    ticks: list[tuple[int, int, int]] = []
    summary = recode(
        db=db, settings=stores.new, options=options, progress=lambda *t: ticks.append(t)
    )
    # --all: the last article, which the new coder made already, is coded again too
    assert (summary.recoded, summary.unchanged, summary.failed) == (COUNT, 0, [])
    assert summary.events_before == len(_state(stores.old)["events"])
    assert summary.events_after == len(reference["events"])
    assert summary.clusters == len(reference["clusters"])
    assert ticks[0] == (0, COUNT, 0) and ticks[-1] == (COUNT, COUNT, summary.events_after)
    assert _state(db) == reference

    again = recode(db=db, settings=stores.new, options=RecodeOptions(workers=0))
    assert (again.recoded, again.unchanged, again.clusters) == (0, COUNT, None)
    assert _state(db) == reference


def test_a_recode_killed_before_its_cluster_rebuild_is_finished_by_the_next(
    stores: Stores, tmp_path: Path
) -> None:
    db = _copy(stores, tmp_path)
    fingerprint = coder_fingerprint(stores.new)
    with Store.open(stores.reference, read_only=True) as ref:
        outcomes = [
            Outcome(article, tuple(ref.events(article_id=article.id)))
            for article in map(ref.get_article, _ids(ref))
            if article is not None
        ]
    with Store.open(db) as store:  # every article replaced, as by a recode killed just after
        replace_batch(
            store.con, outcomes, ClusterRule.from_settings(stores.new), fingerprint=fingerprint
        )
    summary = recode(db=db, settings=stores.new, options=RecodeOptions(workers=0))
    assert summary.recoded == 0 and summary.clusters is not None
    assert _state(db) == _state(stores.reference)


def _ids(store: Store) -> list[str]:
    return [str(r["id"]) for r in store.rows("SELECT id FROM articles ORDER BY seq")]


# ---- a real process, killed ---------------------------------------------------------


def _recode(db: Path, dictionary: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsevents", "recode", "--db", str(db),
         "--dictionary", str(dictionary), "--commit-every", "2", "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _recoded(store: Store, fingerprint: str) -> int:
    sql = "SELECT count(*) AS n FROM articles WHERE coder_fingerprint = ?"
    return int(store.rows(sql, [fingerprint])[0]["n"])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    os.kill(proc.pid, signal.SIGSTOP)
    while proc.poll() is None and _state_of(proc.pid) not in ("T", "t"):
        time.sleep(0.001)


def _state_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def _kill_inside_a_write(proc: subprocess.Popen[bytes], db: Path, fingerprint: str) -> int:
    """SIGKILL ``proc`` while it holds the database to write, after it has committed a batch;
    return the articles recoded then. The process is paused (SIGSTOP) at random moments and
    looked at: when the file is free it is between writes and goes on; when it is held after a
    commit was seen, the process is in the middle of writing a batch and is killed there."""
    seen = 0
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        _stop(proc)
        try:
            with Store.open(db, read_only=True, timeout=0) as store:
                seen = _recoded(store, fingerprint)
        except StoreLockedError:
            if seen > 1:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                with Store.open(db, read_only=True) as store:
                    return _recoded(store, fingerprint)
        os.kill(proc.pid, signal.SIGCONT)
        time.sleep(0.01)
    return -1


def _by_article(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store.open(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT * EXCLUDE (cluster_id) FROM events ORDER BY article_id, seq"
        ).fetchall()
    out: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        out.setdefault(row[1], []).append(row)
    return out


def _wholly_old_or_new(db: Path, stores: Stores, fingerprint: str) -> None:
    """Every article has its old events and fingerprint, or its new ones; nothing between."""
    old, new, now = _by_article(stores.old), _by_article(stores.reference), _by_article(db)
    with Store.open(db, read_only=True) as store:
        fps = dict(store.con.execute("SELECT id, coder_fingerprint FROM articles").fetchall())
        consistent(store.con)
    for article_id, fp in fps.items():
        expected = new if fp == fingerprint else old
        assert now.get(article_id, []) == expected.get(article_id, []), article_id


def _holder(lock: Path) -> str:
    try:
        return lock.read_text()
    except FileNotFoundError:
        return ""


def _second_writer_is_refused(db: Path) -> None:
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["recode", "--db", str(db), "--workers", "0"])
    assert result.exit_code == 3, result.output
    assert "another recode" in result.output


def test_sigkill_mid_recode_then_resume_equals_one_run(stores: Stores, tmp_path: Path) -> None:
    db = _copy(stores, tmp_path)
    fingerprint = coder_fingerprint(stores.new)
    proc = _recode(db, stores.dictionary)
    lock = db.with_name(db.name + ".ingest.lock")
    deadline = time.monotonic() + 60
    while _holder(lock) != f"{proc.pid} recode" and time.monotonic() < deadline:
        time.sleep(0.05)  # it takes the writer lock first, then loads the model
    _second_writer_is_refused(db)
    workers: set[int] = set()
    while not workers and proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.05)
    killed_at = _kill_inside_a_write(proc, db, fingerprint)
    assert 1 < killed_at < COUNT, f"the kill did not land mid-recode: {killed_at}"
    _wholly_old_or_new(db, stores, fingerprint)
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert workers and not [pid for pid in workers if _alive(pid)], "workers outlived recode"
    proc = _recode(db, stores.dictionary)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    lines = out.decode().splitlines()
    assert f"articles recoded: {COUNT - killed_at}" in lines  # only the rest
    assert f"skipped as coded by this coder already: {killed_at}" in lines
    assert _state(db) == _state(stores.reference)
