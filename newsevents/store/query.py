"""Read the store into pandas DataFrames: events, clusters, and read-only SQL.

Each function opens the database read-only for the length of one query (waiting up to
``timeout`` seconds while an ingest holds the file), so it can run while an ingest is going on
and sees each article's events all at once or not at all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from newsevents.errors import StoreError
from newsevents.store.db import DEFAULT_TIMEOUT, Store

EVENT_VIEW = """
SELECT e.id, e.article_id, coalesce(e.date, a.published) AS date, e.date_precision,
       e.source_name, e.source_code, e.source_country, e.source_sector,
       e.cameo, e.cameo_root, e.cameo_name, e.plover, e.quad_class, e.goldstein,
       e.target_name, e.target_code, e.target_country, e.target_sector,
       e.status, e.polarity, e.modality, e.attributed_name,
       e.place_name, e.place_country, e.place_lat, e.place_lon,
       e.confidence, e.cluster_id, e.evidence, a.url, a.publisher, a.published
FROM events e JOIN articles a ON a.id = e.article_id
"""


def _actor_clause(role: str, value: str) -> tuple[str, list[Any]]:
    """A side matches a code, a country, a sector code prefix, an org or a name."""
    cols = (f"e.{role}_country", f"e.{role}_org")
    clause = (
        f"({cols[0]} = ? OR {cols[1]} = ? OR e.{role}_code LIKE ? "
        f"OR lower(e.{role}_name) = lower(?))"
    )
    return clause, [value.upper(), value.upper(), value.upper() + "%", value]


def _code_pattern(code: str) -> str:
    return code.replace("*", "%") if "*" in code else code


def event_filters(
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    code: str | None = None,
    root: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    place: str | None = None,
    status: str | None = None,
) -> tuple[list[str], list[Any]]:
    """WHERE clauses over ``events e JOIN articles a`` for the filters given."""
    where, params = ["NOT e.superseded"], []
    for role, value in (("source", source), ("target", target)):
        if value:
            clause, args = _actor_clause(role, value)
            where.append(clause)
            params += args
    if actor:
        a, pa_ = _actor_clause("source", actor)
        b, pb = _actor_clause("target", actor)
        where.append(f"({a} OR {b})")
        params += pa_ + pb
    if code:
        where.append("e.cameo LIKE ?")
        params.append(_code_pattern(code))
    if root:
        where.append("e.cameo_root = ?")
        params.append(root.zfill(2))
    if since:
        where.append("coalesce(e.date, a.published) >= ?")
        params.append(since)
    if until:
        where.append("coalesce(e.date, a.published) <= ?")
        params.append(until)
    if place:
        where.append("(lower(e.place_name) = lower(?) OR e.place_country = upper(?))")
        params += [place, place]
    if status:
        where.append("e.status = ?")
        params.append(status)
    return where, params


def _frame(db: Path | str, sql: str, params: list[Any], timeout: float) -> pd.DataFrame:
    with Store.open(db, read_only=True, timeout=timeout) as store:
        try:
            return store.con.execute(sql, params).df()
        except duckdb.Error as exc:
            raise StoreError(f"{db}: query failed: {exc}") from exc


def events(
    db: Path | str,
    *,
    limit: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    **filters: Any,
) -> pd.DataFrame:
    """Current events matching the filters (see :func:`event_filters`), oldest first."""
    where, params = event_filters(**filters)
    sql = f"{EVENT_VIEW} WHERE {' AND '.join(where)} ORDER BY e.seq"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _frame(db, sql, params, timeout)


def event_ids(db: Path | str, *, timeout: float = DEFAULT_TIMEOUT, **filters: Any) -> list[str]:
    frame = events(db, timeout=timeout, **filters)
    return [str(x) for x in frame["id"]]


def clusters(
    db: Path | str,
    *,
    top: int | None = None,
    min_mentions: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    **filters: Any,
) -> pd.DataFrame:
    """Clusters with at least one current member matching the filters, most reported first."""
    where, params = event_filters(**filters)
    sql = f"""
        SELECT c.id, c.source_country, c.source_sector, c.target_country, c.target_sector,
               c.cameo_root, c.anchor_date, c.place_name, c.num_mentions, c.num_articles,
               c.num_sources, c.first_report, c.last_report, c.date_first, c.date_last,
               f.cameo AS first_cameo, f.cameo_name AS first_cameo_name,
               f.source_name, f.target_name, f.evidence
        FROM clusters c JOIN events f ON f.id = c.first_event
        WHERE c.num_mentions >= ? AND c.id IN (
            SELECT e.cluster_id FROM events e JOIN articles a ON a.id = e.article_id
            WHERE {" AND ".join(where)})
        ORDER BY c.num_mentions DESC, c.num_sources DESC, c.id
    """
    if top is not None:
        sql += f" LIMIT {int(top)}"
    return _frame(db, sql, [min_mentions, *params], timeout)


def sql(db: Path | str, query: str, *, timeout: float = DEFAULT_TIMEOUT) -> pd.DataFrame:
    """Run any SELECT on a read-only connection. Statements that write are refused."""
    with Store.open(db, read_only=True, timeout=timeout) as store:
        try:
            return store.con.execute(query).df()
        except duckdb.Error as exc:
            hint = ""
            if "read-only" in str(exc).lower() or "read only" in str(exc).lower():
                hint = " (the database is opened read-only here: use `newsevents ingest` to add)"
            raise StoreError(f"SQL error: {exc}{hint}") from exc
