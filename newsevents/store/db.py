"""The Store: one DuckDB file holding articles, events, actors and clusters.

DuckDB lets one process open a file for writing, and no other process can open it at all
while it does (not even read-only). newsevents therefore holds the file only for short
moments: the ingest writer opens it, writes a batch of whole articles in one transaction,
and closes it again; readers open it read-only and, when they find it held, retry for up to
``timeout`` seconds. See ``docs/store.md`` ("Concurrency").
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from newsevents.errors import StoreError, StoreLockedError
from newsevents.model import Article, Event
from newsevents.store import migrate
from newsevents.store.codec import row_to_article, row_to_event

DEFAULT_TIMEOUT = 10.0
# The articles whose events count: the current version, coded without error.
CURRENT_OK = "superseded_by IS NULL AND status = 'ok' AND text IS NOT NULL"


def _is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def connect(path: Path, *, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying while another process holds it, up to ``timeout`` seconds."""
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database; run `newsevents ingest` to create one")
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise StoreError(f"{path}: cannot open the database: {exc}") from exc
            if time.monotonic() >= deadline:
                raise StoreLockedError(
                    f"{path}: another process holds the database ({_holder(exc)}) and did not "
                    f"release it within {timeout:g} s; wait for it to finish or stop it"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.05)


def _holder(exc: BaseException) -> str:
    text = str(exc)
    start = text.find("Conflicting lock is held in")
    if start < 0:
        return "lock conflict"
    end = text.find(")", start)
    return text[start : end + 1 if end > 0 else len(text)]


class Store:
    """An open newsevents database. Use :meth:`open`, preferably as a context manager."""

    __slots__ = ("_con", "path", "read_only")

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        upgrade: bool = True,
    ) -> Store:
        """Open (and for writing: create or upgrade) the database at ``path``.

        ``upgrade=False`` skips the schema check of a writable open: for a writer that holds
        the :class:`~newsevents.store.ingest.WriterLock` and has upgraded the file already.
        """
        path = Path(path)
        con = connect(path, read_only=read_only, timeout=timeout)
        try:
            if not read_only and not upgrade:
                pass
            elif read_only:
                version = migrate.current_version(con)
                if version < migrate.latest_version():
                    raise StoreError(
                        f"{path}: schema version {version} is older than this newsevents "
                        f"({migrate.latest_version()}); run `newsevents migrate --db {path}`"
                    )
            else:
                migrate.upgrade(con)
        except BaseException:
            con.close()
            raise
        return cls(con, path, read_only=read_only)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        return self._con

    def schema_version(self) -> int:
        return migrate.current_version(self._con)

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts."""
        cursor = self._con.execute(sql, list(params))
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def article_status(self) -> dict[str, str]:
        """Every stored article id with its status ('ok' or 'failed')."""
        return dict(self._con.execute("SELECT id, status FROM articles").fetchall())

    def get_article(self, article_id: str) -> Article | None:
        rows = self.rows("SELECT * FROM articles WHERE id = ?", [article_id])
        return row_to_article(rows[0]) if rows else None

    def failed_articles(self) -> list[Article]:
        """Articles recorded as failed whose text is stored, in storage order."""
        rows = self.rows(
            "SELECT * FROM articles WHERE status = 'failed' AND text IS NOT NULL ORDER BY seq"
        )
        return [row_to_article(row) for row in rows]

    def events(
        self, *, article_id: str | None = None, include_superseded: bool = False
    ) -> list[Event]:
        """Stored events (of one article, if given) as Event records, in storage order."""
        where = []
        params: list[Any] = []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if not include_superseded:
            where.append("NOT superseded")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.rows(f"SELECT * FROM events {clause} ORDER BY seq", params)
        return [row_to_event(row) for row in rows]

    def coded_by_other(self, fingerprint: str) -> int:
        """Current stored articles whose events a coder other than ``fingerprint`` made
        (NULL, from a database older than the fingerprint, counts as another coder)."""
        row = self._con.execute(
            f"SELECT count(*) FROM articles WHERE {CURRENT_OK} "
            "AND coder_fingerprint IS DISTINCT FROM ?",
            [fingerprint],
        ).fetchall()[0]
        return int(row[0]) if row else 0

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, for summaries."""
        out = {}
        for name, sql in (
            ("articles", "SELECT count(*) FROM articles WHERE status = 'ok'"),
            ("failed", "SELECT count(*) FROM articles WHERE status = 'failed'"),
            ("events", "SELECT count(*) FROM events WHERE NOT superseded"),
            ("superseded_events", "SELECT count(*) FROM events WHERE superseded"),
            ("clusters", "SELECT count(*) FROM clusters WHERE num_mentions > 0"),
            ("actors", "SELECT count(*) FROM actors"),
        ):
            row = self._con.execute(sql).fetchall()[0]
            out[name] = int(row[0]) if row else 0
        return out
