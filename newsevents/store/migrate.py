"""Numbered schema migrations, recorded in the ``schema_migrations`` table.

Each file ``migrations/NNNN_name.sql`` moves the schema from version NNNN-1 to NNNN. A
database made by an older newsevents is upgraded in place when it is opened for writing:
the missing migrations run in order, each in its own transaction together with the row that
records it, so an interrupted upgrade leaves the database at the last complete version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import duckdb

from newsevents.errors import StoreError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> tuple[Migration, ...]:
    """Every migration shipped with the package, in version order."""
    out = []
    for entry in resources.files("newsevents.store").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            out.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    out.sort(key=lambda m: m.version)
    for index, migration in enumerate(out, start=1):
        if migration.version != index:
            raise StoreError(f"migration {index:04d} is missing; found {migration.version:04d}")
    return tuple(out)


def latest_version() -> int:
    """The schema version this newsevents writes."""
    return len(migrations())


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, 0 for an empty database."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchall()[0]
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0]
    return int(row[0]) if row else 0


def upgrade(con: duckdb.DuckDBPyConnection, *, target: int | None = None) -> list[int]:
    """Apply the missing migrations up to ``target`` (default: the latest); return them."""
    latest = latest_version()
    target = latest if target is None else target
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = current_version(con)
    if done > latest:
        raise StoreError(
            f"the database is at schema version {done}, newer than this newsevents "
            f"({latest}); upgrade newsevents to open it"
        )
    applied = []
    for migration in migrations():
        if done < migration.version <= target:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(migration.sql)
                con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                    [migration.version, migration.name],
                )
                con.execute("COMMIT")
            except duckdb.Error as exc:
                con.execute("ROLLBACK")
                raise StoreError(
                    f"migration {migration.version:04d}_{migration.name} failed: {exc}"
                ) from exc
            applied.append(migration.version)
    return applied
