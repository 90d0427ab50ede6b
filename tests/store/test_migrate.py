"""Numbered migrations: applied once, recorded, and an older database is upgraded in place."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.store import migrate
from newsevents.store.db import Store


def test_migrations_are_numbered_from_one_without_gaps() -> None:
    versions = [m.version for m in migrate.migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert migrate.latest_version() == len(versions) >= 1


def test_new_database_records_every_migration(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.duckdb") as store:
        rows = store.rows("SELECT version, name FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in rows] == [m.version for m in migrate.migrations()]
        assert rows[0]["name"] == "init"
        tables = {r["table_name"] for r in store.rows("SELECT table_name FROM duckdb_tables()")}
    assert {"articles", "events", "actors", "clusters", "schema_migrations"} <= tables


def test_older_database_is_upgraded_in_place_and_only_once(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    migrate.upgrade(con, target=0)  # a database made before the first schema
    con.execute("CREATE TABLE keep_me (x INTEGER)")
    con.execute("INSERT INTO keep_me VALUES (7)")
    con.close()
    with pytest.raises(StoreError, match="older than this newsevents"):
        Store.open(path, read_only=True)
    with Store.open(path) as store:
        assert store.schema_version() == migrate.latest_version()
        assert store.rows("SELECT x FROM keep_me") == [{"x": 7}]
    with Store.open(path) as store:  # nothing applied twice
        count = store.rows("SELECT count(*) AS n FROM schema_migrations")[0]["n"]
        assert count == migrate.latest_version()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with Store.open(path) as store:
        store.con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer than this newsevents"):
        Store.open(path)


def test_read_only_open_of_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="newsevents ingest"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
