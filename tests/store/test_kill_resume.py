"""A real `newsevents ingest` killed with SIGKILL and run again ends with the same rows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from newsevents.errors import StoreError
from newsevents.store import query
from newsevents.store.db import Store

COUNTRIES = [
    "Russia", "Ukraine", "China", "Japan", "France", "Germany", "Iran", "Israel", "Turkey",
    "Egypt", "India", "Pakistan", "Brazil", "Mexico",
]  # fmt: skip
VERBS = ["accused", "condemned", "praised", "threatened"]


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 5 + 3) % len(COUNTRIES)]
        verb = VERBS[i % len(VERBS)]
        text = (
            f"The government of {a} {verb} {b} on Monday, officials said in report {i}.\n\n"
            f"Leaders of {b} met the foreign minister of {a} in Geneva on Tuesday."
        )
        (folder / f"article_{i:03d}.txt").write_text(text, encoding="utf-8")


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsevents", "ingest", str(corpus), "--db", str(db),
         "--published", "2023-07-28", "--commit-every", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (read from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _stored(db: Path) -> int:
    try:
        return int(query.sql(db, "SELECT count(*) AS n FROM articles", timeout=0.2)["n"][0])
    except StoreError:
        return -1  # not created yet, or held by the writer at this moment


def _state(db: Path) -> dict[str, object]:
    with Store.open(db, read_only=True) as store:
        return {
            "articles": store.rows("SELECT id, seq, status, version FROM articles ORDER BY id"),
            "events": store.rows("SELECT id, article_id, cluster_id FROM events ORDER BY id"),
            "clusters": store.rows("SELECT * EXCLUDE (first_event) FROM clusters ORDER BY id"),
            "actors": store.rows("SELECT id FROM actors ORDER BY id"),
        }


def test_sigkill_at_several_points_then_resume_equals_one_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 40)
    reference = tmp_path / "reference.duckdb"
    assert _ingest(corpus, reference).wait(timeout=120) in (0, 1)
    expected = _state(reference)
    assert len(expected["articles"]) == 40 and expected["events"]  # type: ignore[arg-type]

    db = tmp_path / "killed.duckdb"
    kills = []
    orphans: set[int] = set()
    for threshold in (1, 13, 27):
        proc = _ingest(corpus, db)
        deadline = time.monotonic() + 60
        while _stored(db) < threshold and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        kills.append(_stored(db))
        orphans.update(workers)
    assert any(0 < k < 40 for k in kills), f"no kill landed mid-ingest: {kills}"
    deadline = time.monotonic() + 30  # the killed ingests' workers notice and exit
    while any(_alive(pid) for pid in orphans) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in orphans if _alive(pid)], "worker processes outlived their ingest"
    assert _ingest(corpus, db).wait(timeout=120) in (0, 1)
    got = _state(db)
    assert got == expected
    ids = [e["id"] for e in got["events"]]  # type: ignore[union-attr, index]
    assert len(ids) == len(set(ids))
