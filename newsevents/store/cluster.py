"""Clusters: reports of the same event across articles, merged.

The rule (:class:`ClusterRule`, documented in ``docs/store.md``): an event joins a cluster
when it has

* the same source and the same target, each compared by country (or organisation code when
  the actor has no country) and sector,
* the same CAMEO root code,
* a date within ``window_days`` of the cluster's anchor date (the date of its first member;
  an event's date is its own date, else its article's publication date), and
* the same place as the cluster, or no place (when ``match_place``; a cluster without a place
  takes the place of the first member that has one).

When several clusters qualify, the one whose anchor is nearest wins, then the lowest id.
Events without any date form clusters of their own. Events are clustered in storage order,
one at a time, so the result does not depend on how the events were split into batches, and
clustering again changes nothing: only events without a cluster are assigned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from newsevents.settings import Settings


@dataclass(frozen=True, slots=True)
class ClusterRule:
    """When two reports describe the same event. See the module docstring."""

    window_days: int = 1
    match_place: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> ClusterRule:
        return cls(window_days=settings.cluster_window_days)


@dataclass(frozen=True, slots=True)
class Member:
    """What clustering reads from one stored event."""

    event_id: str
    key: str
    date: dt.date | None
    place_key: str | None
    place_name: str | None


@dataclass(slots=True)
class ClusterState:
    """A cluster as clustering sees it (mutable only inside :func:`assign`)."""

    id: int
    key: str
    anchor: dt.date | None
    place_key: str | None
    place_name: str | None


@dataclass(slots=True)
class Assignment:
    """What :func:`assign` decided: event -> cluster, new clusters, clusters given a place."""

    members: dict[str, int] = field(default_factory=dict)
    new: list[ClusterState] = field(default_factory=list)
    placed: dict[int, ClusterState] = field(default_factory=dict)


def cluster_key(
    source_country: str | None,
    source_sector: str | None,
    target_country: str | None,
    target_sector: str | None,
    root: str,
) -> str:
    return "|".join(
        part or "" for part in (source_country, source_sector, target_country, target_sector, root)
    )


def place_key(name: str | None, country: str | None, geonames_id: int | None) -> str | None:
    if geonames_id is not None:
        return f"gn:{geonames_id}"
    if name is None:
        return None
    return f"{name.strip().lower()}|{country or ''}"


def _fits(cluster: ClusterState, member: Member, rule: ClusterRule) -> int | None:
    """Days between anchor and member when the member may join, else None."""
    if cluster.anchor is None or member.date is None:
        return None
    days = abs((member.date - cluster.anchor).days)
    if days > rule.window_days:
        return None
    both = None not in (cluster.place_key, member.place_key)
    if rule.match_place and both and cluster.place_key != member.place_key:
        return None
    return days


def assign(
    members: Iterable[Member], existing: Iterable[ClusterState], rule: ClusterRule, next_id: int
) -> Assignment:
    """Assign each member, in order, to the nearest fitting cluster or a new one."""
    index: dict[str, list[ClusterState]] = {}
    for cluster in existing:
        index.setdefault(cluster.key, []).append(cluster)
    out = Assignment()
    for member in members:
        best: tuple[int, int, ClusterState] | None = None
        for cluster in index.get(member.key, ()):
            days = _fits(cluster, member, rule)
            if days is not None and (best is None or (days, cluster.id) < best[:2]):
                best = (days, cluster.id, cluster)
        if best is None:
            chosen = ClusterState(
                next_id, member.key, member.date, member.place_key, member.place_name
            )
            next_id += 1
            out.new.append(chosen)
            if member.date is not None:
                index.setdefault(member.key, []).append(chosen)
        else:
            chosen = best[2]
            if chosen.place_key is None and member.place_key is not None:
                chosen.place_key, chosen.place_name = member.place_key, member.place_name
                out.placed[chosen.id] = chosen
        out.members[member.event_id] = chosen.id
    return out


_PENDING = """
SELECT e.id, e.seq, e.cameo_root,
       coalesce(e.source_country, e.source_org) AS sc, e.source_sector AS ss,
       coalesce(e.target_country, e.target_org) AS tc, e.target_sector AS ts,
       coalesce(e.date, a.published) AS day,
       e.place_name, e.place_country, e.place_geonames_id
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.cluster_id IS NULL AND NOT e.superseded
ORDER BY e.seq
"""


def _pending(con: duckdb.DuckDBPyConnection) -> list[Member]:
    out = []
    for row in con.execute(_PENDING).fetchall():
        eid, _seq, root, sc, ss, tc, ts, day, pname, pcountry, pgid = row
        out.append(
            Member(
                event_id=eid,
                key=cluster_key(sc, ss, tc, ts, root),
                date=day,
                place_key=place_key(pname, pcountry, pgid),
                place_name=pname,
            )
        )
    return out


def _candidates(
    con: duckdb.DuckDBPyConnection, members: Sequence[Member], rule: ClusterRule
) -> list[ClusterState]:
    dates = [m.date for m in members if m.date is not None]
    if not dates:
        return []
    keys = pa.table({"key": sorted({m.key for m in members})})
    con.register("_ne_keys", keys)
    try:
        rows = con.execute(
            "SELECT id, cluster_key, anchor_date, place_key, place_name FROM clusters "
            "WHERE cluster_key IN (SELECT key FROM _ne_keys) AND anchor_date BETWEEN ? AND ? "
            "ORDER BY id",
            [
                min(dates) - dt.timedelta(days=rule.window_days),
                max(dates) + dt.timedelta(days=rule.window_days),
            ],
        ).fetchall()
    finally:
        con.unregister("_ne_keys")
    return [ClusterState(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


def _split_key(key: str) -> list[str | None]:
    return [part or None for part in key.split("|")]


def cluster_pending(con: duckdb.DuckDBPyConnection, rule: ClusterRule) -> set[int]:
    """Cluster every current event that has no cluster yet; return the clusters touched.

    Runs inside the caller's transaction and refreshes the counts of the touched clusters.
    """
    members = _pending(con)
    if not members:
        return set()
    row = con.execute("SELECT coalesce(max(id), 0) + 1 FROM clusters").fetchall()[0]
    result = assign(members, _candidates(con, members, rule), rule, int(row[0]) if row else 1)
    new_rows: list[dict[str, Any]] = []
    for c in result.new:
        sc, ss, tc, ts, root = _split_key(c.key)
        new_rows.append(
            {
                "id": c.id,
                "cluster_key": c.key,
                "source_country": sc,
                "source_sector": ss,
                "target_country": tc,
                "target_sector": ts,
                "cameo_root": root or "",
                "anchor_date": c.anchor,
                "place_key": c.place_key,
                "place_name": c.place_name,
            }
        )
    if new_rows:
        con.register("_ne_new", pa.Table.from_pylist(new_rows, schema=_NEW_SCHEMA))
        con.execute(
            "INSERT INTO clusters BY NAME SELECT *, 0 AS num_mentions, 0 AS num_articles, "
            "0 AS num_sources FROM _ne_new"
        )
        con.unregister("_ne_new")
    for c in result.placed.values():
        con.execute(
            "UPDATE clusters SET place_key = ?, place_name = ? WHERE id = ?",
            [c.place_key, c.place_name, c.id],
        )
    mapping = pa.table(
        {
            "event_id": pa.array(list(result.members), pa.string()),
            "cluster_id": pa.array(list(result.members.values()), pa.int64()),
        }
    )
    con.register("_ne_map", mapping)
    con.execute(
        "UPDATE events SET cluster_id = m.cluster_id FROM _ne_map m WHERE events.id = m.event_id"
    )
    con.unregister("_ne_map")
    touched = set(result.members.values())
    refresh(con, touched)
    return touched


_NEW_SCHEMA = pa.schema(
    [
        ("id", pa.int64()),
        ("cluster_key", pa.string()),
        ("source_country", pa.string()),
        ("source_sector", pa.string()),
        ("target_country", pa.string()),
        ("target_sector", pa.string()),
        ("cameo_root", pa.string()),
        ("anchor_date", pa.date32()),
        ("place_key", pa.string()),
        ("place_name", pa.string()),
    ]
)

_REFRESH = """
UPDATE clusters SET
    num_mentions = s.n, num_articles = s.na, num_sources = s.ns,
    first_report = s.fr, last_report = s.lr, date_first = s.df, date_last = s.dl,
    first_event = s.fe
FROM (
    SELECT c.id,
           count(e.id) AS n,
           count(DISTINCT e.article_id) AS na,
           count(DISTINCT CASE WHEN e.id IS NOT NULL THEN coalesce(a.publisher, '') END) AS ns,
           min(coalesce(a.published, e.date)) AS fr,
           max(coalesce(a.published, e.date)) AS lr,
           min(e.date) AS df, max(e.date) AS dl,
           arg_min(e.id, e.seq) AS fe
    FROM clusters c
    LEFT JOIN events e ON e.cluster_id = c.id AND NOT e.superseded
    LEFT JOIN articles a ON a.id = e.article_id
    WHERE c.id IN (SELECT id FROM _ne_touched)
    GROUP BY c.id
) s
WHERE clusters.id = s.id
"""


def refresh(con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[int]) -> None:
    """Recount members, articles, sources and dates of the given clusters."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    con.register("_ne_touched", pa.table({"id": pa.array(ids, pa.int64())}))
    try:
        con.execute(_REFRESH)
    finally:
        con.unregister("_ne_touched")


# The task a recode sets in the ``maintenance`` table and a rebuild clears (0002 migration).
REBUILD_TASK = "rebuild_clusters"


def rebuild_pending(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a recode changed events since the clusters were last rebuilt."""
    row = con.execute("SELECT count(*) FROM maintenance WHERE task = ?", [REBUILD_TASK]).fetchall()
    return bool(row and row[0][0])


def rebuild(con: duckdb.DuckDBPyConnection, rule: ClusterRule) -> int:
    """Drop every cluster and cluster all current events again under ``rule``.

    Runs in one transaction, which also clears a pending rebuild (:data:`REBUILD_TASK`);
    returns the number of clusters with members.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
        con.execute("DELETE FROM clusters")
        cluster_pending(con, rule)
        con.execute("DELETE FROM maintenance WHERE task = ?", [REBUILD_TASK])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    row = con.execute("SELECT count(*) FROM clusters WHERE num_mentions > 0").fetchall()[0]
    return int(row[0]) if row else 0
