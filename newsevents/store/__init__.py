"""The event store: one embedded DuckDB file with articles, events, actors and clusters.

    Store.open(path)        open (create, upgrade) a database; a context manager
    ingest(items, db=...)   code articles in worker processes and store them, resumable
    recode(db=...)          code the stored articles an older coder made again, resumable
    query.events / query.clusters / query.sql   read into pandas DataFrames
    export.export(db, fmt, out)                 GDELT 2.0 TSV, PLOVER JSON, Parquet, JSONL

See ``docs/store.md`` for the schema, the clustering rule and the concurrency design.
"""

from newsevents.store.cluster import ClusterRule
from newsevents.store.db import Store
from newsevents.store.ingest import IngestOptions, IngestSummary, ingest
from newsevents.store.recode import RecodeOptions, RecodeSummary, recode

__all__ = [
    "ClusterRule",
    "IngestOptions",
    "IngestSummary",
    "RecodeOptions",
    "RecodeSummary",
    "Store",
    "ingest",
    "recode",
]
