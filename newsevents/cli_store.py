"""Store commands: ingest, recode, events, clusters, sql, export, migrate.

Exit codes: 0 success; 1 some articles could not be read or coded (the rest were stored);
2 usage error; 3 the database is held by another process (StoreLockedError) or cannot be
written (StoreError), and nothing half-written was left behind.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsevents.errors import StoreError
from newsevents.settings import Settings

err = Console(stderr=True)
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
WorkersOpt = Annotated[
    int, typer.Option("--workers", "-w", help="Worker processes; 0 codes in this process.")
]
CommitOpt = Annotated[
    int, typer.Option("--commit-every", help="Articles per transaction, at most.")
]
DEFAULT_DB = Settings().db
DEFAULT_WORKERS = Settings().workers
EXIT_STORE = 3


def _fail(exc: StoreError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(EXIT_STORE)


def count_inputs(paths: list[str]) -> int | None:
    """About how many articles ``paths`` hold, without reading them: article files, plus the
    lines of JSON Lines files (counted as bytes, not decoded). None when stdin is read."""
    from newsevents.ingest.reader import ARTICLE_SUFFIXES, STDIN

    total = 0
    for path in map(Path, paths):
        if str(path) == STDIN:
            return None
        files = [path] if path.is_file() else _files_under(path, ARTICLE_SUFFIXES)
        total += sum(_lines(f) if f.suffix.lower() == ".jsonl" else 1 for f in files)
    return total


def _files_under(root: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                yield Path(folder, name)


def _lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _coding_settings(
    db: Path, workers: int, dictionaries: list[Path] | None, commit_every: int
) -> Settings:
    """Settings of an ingest or recode run; a batch is never larger than a transaction."""
    from newsevents.cli import make_settings

    settings = replace(
        make_settings(model=Settings().model, dictionaries=dictionaries), db=db, workers=workers
    )
    return replace(settings, batch_size=max(1, min(settings.batch_size, commit_every)))


def _warned(items: Iterator[Any]) -> Iterator[Any]:
    """Pass items on, printing the warnings among them (non-fatal ReadProblems) as they come."""
    for item in items:
        if type(item).__name__ == "ReadProblem" and not item.fatal:
            err.print(f"[yellow]{item}[/yellow]")
        yield item


def ingest_cmd(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories, or -.")] = None,
    db: DbOpt = DEFAULT_DB,
    workers: WorkersOpt = DEFAULT_WORKERS,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date YYYY-MM-DD.")
    ] = None,
    dictionary: Annotated[
        list[Path] | None, typer.Option("--dictionary", "-d", help="Extra dictionary.")
    ] = None,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Code articles that failed before again.")
    ] = False,
    top: Annotated[int, typer.Option("--top", help="Clusters to list at the end.")] = 0,
    commit_every: CommitOpt = 500,
) -> None:
    """Code articles and store them in the database; safe to interrupt and run again."""
    from newsevents.cli import parse_date
    from newsevents.ingest import read_articles
    from newsevents.store.ingest import IngestOptions, ingest

    settings = _coding_settings(db, workers, dictionary, commit_every)
    if not paths and not retry_failed:
        raise typer.BadParameter("give files or directories to ingest, or --retry-failed")
    day = parse_date(published)
    items = _warned(read_articles(paths or [], published=day, max_chars=settings.max_article_chars))
    total = count_inputs(paths or [])
    options = IngestOptions(
        workers=workers, retry_failed=retry_failed, flush_articles=max(1, commit_every)
    )
    try:
        with _progress(total) as progress:
            summary = ingest(items, db=db, settings=settings, options=options, progress=progress)
    except StoreError as exc:
        raise _fail(exc) from None
    _report(summary.lines(), summary.failed)
    if len(summary.failed) > 20:
        err.print(
            f"... and {len(summary.failed) - 20} more: "
            "newsevents sql \"SELECT origin, error FROM articles WHERE status = 'failed'\""
        )
    if top:
        clusters_cmd(db=db, top=top)
    typer.echo(f'query: newsevents events --db {db}   |   newsevents sql --db {db} "SELECT ..."')
    raise typer.Exit(1 if summary.failed else 0)


def _report(lines: list[str], failed: list[tuple[str, str]]) -> None:
    """The summary lines on stdout, then the first 20 failures on stderr."""
    for line in lines:
        typer.echo(line)
    for origin, reason in failed[:20]:
        err.print(f"[red]failed:[/red] {origin}: {reason}")


def recode_cmd(
    db: DbOpt = DEFAULT_DB,
    workers: WorkersOpt = DEFAULT_WORKERS,
    dictionary: Annotated[
        list[Path] | None,
        typer.Option("--dictionary", "-d", help="Extra dictionary (give the same as to ingest)."),
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Recode every article, whichever coder made it.")
    ] = False,
    commit_every: CommitOpt = 500,
) -> None:
    """Code the stored articles again with the current coder and replace their events;
    articles this coder made already are skipped. Safe to interrupt and run again."""
    from newsevents.store.recode import RecodeOptions, recode

    settings = _coding_settings(db, workers, dictionary, commit_every)
    options = RecodeOptions(
        workers=workers, everything=everything, flush_articles=max(1, commit_every)
    )
    try:
        with _progress(None, label="recode", late_total=True) as bar:
            summary = recode(
                db=db,
                settings=settings,
                options=options,
                progress=(lambda done, total, events: bar(done, events, total)) if bar else None,
            )
    except StoreError as exc:
        raise _fail(exc) from None
    _report(summary.lines(), summary.failed)
    if len(summary.failed) > 20:
        err.print(f"... and {len(summary.failed) - 20} more")
    raise typer.Exit(1 if summary.failed else 0)


class _progress:
    """A rich progress bar on stderr (articles, events, articles/s, time left); with no
    total (stdin) the bar is indeterminate. ``late_total``: the total comes with the first
    update (a recode counts its articles in the database), and the bar starts then."""

    def __init__(self, total: int | None, label: str = "ingest", late_total: bool = False):
        self.total = total
        self.label = label
        self.late_total = late_total
        self._progress: Any = None
        self._task: Any = None
        self._started = time.monotonic()

    def __enter__(self) -> Any:
        if not err.is_terminal:
            return None
        if self.late_total:
            return self.update
        return self.update if self._start() else None

    def _start(self) -> bool:
        if self.total is not None and self.total < 2:
            return False
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn(self.label),
            BarColumn(),
            TextColumn(
                "{task.completed} articles"
                if self.total is None
                else "{task.completed}/{task.total}"
            ),
            TextColumn("{task.fields[events]} events"),
            TextColumn("{task.fields[rate]:.1f} art/s"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.label, total=self.total, events=0, rate=0.0)
        return True

    def update(self, articles: int, events: int, total: int | None = None) -> None:
        if self._progress is None:  # late_total: start once the total is known
            self.total = total
            if not self._start():
                return
        rate = articles / max(time.monotonic() - self._started, 1e-6)
        self._progress.update(self._task, completed=articles, events=events, rate=rate)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def _print_frame(frame: Any, fmt: str) -> None:
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "jsonl":
        frame.to_json(sys.stdout, orient="records", lines=True, date_format="iso")
    else:
        from newsevents.render import table_console

        table = Table(show_lines=False)
        for name in frame.columns:
            table.add_column(str(name), overflow="fold")
        for values in frame.itertuples(index=False):
            table.add_row(*(_cell(v) for v in values))
        table_console().print(table)


def _cell(value: Any) -> str:
    if value is None or value != value:  # None, NaN, NaT
        return ""
    if hasattr(value, "date") and hasattr(value, "hour"):  # pandas Timestamp of a DATE
        return str(value.date())
    return str(value)[:60]


FmtOpt = Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")]


def events_cmd(
    db: DbOpt = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="Source or target: code, country, name.")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source actor.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code; 04* for a prefix.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code, e.g. 19.")] = None,
    since: Annotated[str | None, typer.Option(help="First date YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date YYYY-MM-DD.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name or country code.")] = None,
    status: Annotated[str | None, typer.Option(help="asserted, alleged or denied.")] = None,
    clusters: Annotated[bool, typer.Option("--clusters", help="List clusters instead.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    fmt: FmtOpt = "table",
) -> None:
    """List stored events (or clusters) matching the filters."""
    from newsevents.cli import parse_date
    from newsevents.store import query

    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("choose table, jsonl or csv", param_hint="--format")
    filters: dict[str, Any] = {
        "actor": actor,
        "source": source,
        "target": target,
        "code": code,
        "root": root,
        "since": parse_date(since),
        "until": parse_date(until),
        "place": place,
        "status": status,
    }
    try:
        if clusters:
            frame = query.clusters(db, top=limit, **filters)
        else:
            frame = query.events(db, limit=limit, **filters)
    except StoreError as exc:
        raise _fail(exc) from None
    _print_frame(frame, fmt)


def clusters_cmd(
    db: DbOpt = DEFAULT_DB,
    top: Annotated[int, typer.Option(help="The most reported clusters.")] = 10,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Cluster all events again (after a rule change).")
    ] = False,
    window_days: Annotated[
        int, typer.Option("--window-days", help="Cluster window in days, with --rebuild.")
    ] = Settings().cluster_window_days,
    fmt: FmtOpt = "table",
) -> None:
    """List the most reported clusters, or rebuild the clusters."""
    from newsevents.store import query
    from newsevents.store.cluster import ClusterRule
    from newsevents.store.cluster import rebuild as rebuild_clusters
    from newsevents.store.db import Store
    from newsevents.store.ingest import WriterLock

    try:
        if rebuild:
            with WriterLock(db, "cluster rebuild"), Store.open(db) as store:
                count = rebuild_clusters(store.con, ClusterRule(window_days=window_days))
            typer.echo(f"clusters rebuilt: {count:,}")
        frame = query.clusters(db, top=top)
    except StoreError as exc:
        raise _fail(exc) from None
    if fmt == "table":
        frame = frame[list(_CLUSTER_COLUMNS)].rename(columns=_CLUSTER_COLUMNS)
    _print_frame(frame, fmt)


_CLUSTER_COLUMNS = {
    "id": "cluster",
    "num_mentions": "mentions",
    "num_articles": "articles",
    "num_sources": "sources",
    "anchor_date": "date",
    "source_name": "source",
    "first_cameo": "cameo",
    "first_cameo_name": "event",
    "target_name": "target",
    "place_name": "place",
}


def sql_cmd(
    statement: Annotated[str, typer.Argument(help="A SELECT (or other read-only) statement.")],
    db: DbOpt = DEFAULT_DB,
    fmt: FmtOpt = "table",
) -> None:
    """Run a read-only SQL query on the database."""
    from newsevents.store import query

    try:
        frame = query.sql(db, statement)
    except StoreError as exc:
        raise _fail(exc) from None
    _print_frame(frame, fmt)


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="gdelt, plover, parquet, jsonl.")],
    db: DbOpt = DEFAULT_DB,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File (folder for parquet); stdout if none.")
    ] = None,
) -> None:
    """Export the database as GDELT 2.0 TSV, PLOVER JSON, Parquet or event JSON Lines."""
    from newsevents.store.export import FORMATS, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose {', '.join(FORMATS)}", param_hint="--format")
    try:
        count = export(db, fmt, out=out)
    except StoreError as exc:
        raise _fail(exc) from None
    if out is not None:
        err.print(f"wrote {count:,} {'tables' if fmt == 'parquet' else 'records'} to {out}")


def migrate_cmd(db: DbOpt = DEFAULT_DB) -> None:
    """Create the database or upgrade it to the current schema."""
    from newsevents.store.db import Store
    from newsevents.store.ingest import WriterLock

    try:
        with WriterLock(db, "migration"), Store.open(db) as store:
            typer.echo(f"{db}: schema version {store.schema_version()}")
    except StoreError as exc:
        raise _fail(exc) from None


def register(app: typer.Typer) -> None:
    """Add the store commands to the newsevents CLI."""
    app.command("ingest")(ingest_cmd)
    app.command("recode")(recode_cmd)
    app.command("events")(events_cmd)
    app.command("clusters")(clusters_cmd)
    app.command("sql")(sql_cmd)
    app.command("export")(export_cmd)
    app.command("migrate")(migrate_cmd)
