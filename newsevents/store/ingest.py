"""Ingest: code articles in worker processes and store them, safe to interrupt and re-run.

The workers start first, so they load the model while the main process opens the database
and starts reading. The main process reads the inputs lazily, skips articles already stored
(the key is the article id, a content hash), keeps at most two batches per worker in flight,
and writes the results in input order as they arrive: memory stays flat however large the
corpus. It writes in transactions of whole articles and holds the database file only while
it writes: every ``flush_seconds`` (or ``flush_articles``) it opens the file, commits every
article coded since the last commit in one transaction, and closes it, so readers get their
turn between commits. A second ingest into the same file is refused at once through a lock
file next to the database. ``workers=0`` codes in the main process (no second copy of the
model, no inter-process traffic).
"""

from __future__ import annotations

import fcntl
import itertools
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.errors import NewsEventsError, StoreError, StoreLockedError
from newsevents.model import Article
from newsevents.settings import Settings
from newsevents.store.cluster import ClusterRule, rebuild_pending
from newsevents.store.db import Store
from newsevents.store.fingerprint import coder_fingerprint
from newsevents.store.workers import Coded, InlinePool, WorkerPool
from newsevents.store.writer import BatchReport, Outcome, write_batch

Progress = Callable[[int, int], None]  # (articles handled so far, events stored so far)


@dataclass(slots=True)
class IngestSummary:
    """What one ingest did."""

    new: int = 0
    skipped: int = 0
    skipped_failed: int = 0
    retried: int = 0
    events: int = 0
    superseded: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    coded_by_other: int = 0  # stored current articles whose events another coder made
    rebuild_pending: bool = False  # an interrupted recode left the clusters to rebuild

    @property
    def handled(self) -> int:
        return self.new + self.skipped + self.skipped_failed + len(self.failed)

    def add(self, report: BatchReport) -> None:
        self.new += report.new
        self.skipped += report.skipped
        self.retried += report.retried
        self.events += report.events
        self.superseded += report.superseded
        self.failed.extend(report.failed)

    def lines(self) -> list[str]:
        rate = self.handled / self.seconds if self.seconds else 0.0
        out = [
            f"articles new: {self.new:,}"
            + (f" (of which {self.retried:,} failed before)" if self.retried else ""),
            f"skipped as already stored: {self.skipped:,}",
            f"failed: {len(self.failed):,}",
            f"events stored: {self.events:,}",
        ]
        if self.skipped_failed:
            out.append(f"skipped as failed before: {self.skipped_failed:,} (use --retry-failed)")
        if self.superseded:
            out.append(f"older versions superseded: {self.superseded:,}")
        out.append(f"time: {self.seconds:.1f} s ({rate:.1f} articles/s)")
        if self.coded_by_other or self.rebuild_pending:
            out.append(
                f"stored articles coded by another coder: {self.coded_by_other:,}; "
                "`newsevents recode` refreshes them"
                + (" (and finishes an interrupted recode)" if self.rebuild_pending else "")
            )
        return out


class WriterLock:
    """An exclusive lock file next to the database, held for a whole ingest (or a recode, a
    cluster rebuild, a migration: ``command`` names it in the message a second writer gets).

    The kernel drops it when the process ends, even on SIGKILL, so a crash never leaves the
    database locked.
    """

    def __init__(self, db: Path, command: str = "ingest") -> None:
        self.path = db.with_name(db.name + ".ingest.lock")
        self.command = command
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)  # a new database's folder
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(
                f"{self.path.parent}: cannot create the database here ({exc.strerror}); "
                "choose another --db path"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid, _, command = os.read(fd, 64).decode(errors="replace").strip().partition(" ")
            os.close(fd)
            raise StoreLockedError(
                f"{self.path.with_name(self.path.name.removesuffix('.ingest.lock'))}: another "
                f"{command or 'ingest'} (pid {pid or '?'}) is writing to this database; wait "
                "for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {self.command}".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a coding run (ingest, recode) uses workers and writes."""

    workers: int = 1
    flush_seconds: float = 3.0  # commit at least this often (readers get in between commits)
    flush_articles: int = 500  # and whenever this many articles wait to be written
    timeout: float = 60.0  # how long to wait for readers to release the file


@dataclass(frozen=True, slots=True)
class IngestOptions(RunOptions):
    retry_failed: bool = False


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class CodingRun:
    """What ingest and recode share: coded articles wait in a buffer and are written in
    transactions of whole articles every ``flush_seconds`` or ``flush_articles``; the file is
    held only while a transaction is written. Subclasses say how to write (:meth:`write`)."""

    def __init__(self, db: Path, settings: Settings, options: RunOptions) -> None:
        self.db = db
        self.settings = settings
        self.options = options
        self.rule = ClusterRule.from_settings(settings)
        self.fingerprint = coder_fingerprint(settings)
        self.buffer: list[Outcome] = []
        self.last_flush = time.monotonic()

    def take(self, articles: Sequence[Article], coded: Sequence[Coded]) -> None:
        limit = self.settings.max_article_chars
        for article, (events, error) in zip(articles, coded, strict=True):
            self.buffer.append(Outcome(article, events, error, len(article.text) <= limit))
        due = time.monotonic() - self.last_flush >= self.options.flush_seconds
        if due or len(self.buffer) >= self.options.flush_articles:
            self.flush()

    def waiting(self) -> bool:
        """Whether anything waits to be written."""
        return bool(self.buffer)

    def flush(self) -> None:
        if self.waiting():
            # the schema was upgraded when the run began, and the WriterLock keeps it so
            with Store.open(self.db, timeout=self.options.timeout, upgrade=False) as store:
                self.write(store)
            self.buffer = []
            self.tick()
        self.last_flush = time.monotonic()

    def write(self, store: Store) -> None:
        """Write the buffer in one transaction."""
        raise NotImplementedError

    def tick(self) -> None:
        """Report progress."""

    def code(self, pool: WorkerPool | InlinePool, articles: Iterable[Article]) -> None:
        """Code ``articles`` (read lazily) in the pool and write them as they come back."""
        pending: deque[list[Article]] = deque()

        def remembered() -> Iterator[list[Article]]:
            for batch in _batches(articles, self.settings.batch_size):
                pending.append(batch)
                yield batch

        try:
            for coded in pool.map(remembered()):
                self.take(pending.popleft(), coded)
        except (NewsEventsError, KeyboardInterrupt) as exc:
            if not isinstance(exc, StoreError):
                self.flush()  # keep what was coded before a worker died or Ctrl-C
            raise
        self.flush()


class _Run(CodingRun):
    """State of one ingest: what to skip, what waits to be written, the running summary."""

    def __init__(
        self, db: Path, settings: Settings, options: IngestOptions, progress: Progress | None
    ):
        super().__init__(db, settings, options)
        self.retry_failed = options.retry_failed
        self.progress = progress
        self.summary = IngestSummary()
        self.problems: list[tuple[str, str]] = []
        with Store.open(db, timeout=options.timeout) as store:
            self.known = store.article_status()
            self.failed_stored = store.failed_articles() if options.retry_failed else []

    def wanted(self, items: Iterable[object]) -> Iterator[Article]:
        """Articles to code; record read problems and count the skipped ones."""
        seen: set[str] = set()
        for item in itertools.chain(self.failed_stored, items):  # lazily
            if not isinstance(item, Article):
                if getattr(item, "fatal", True):
                    self.problems.append((str(getattr(item, "origin", "?")), str(item)))
                    self.summary.failed.append(
                        (str(getattr(item, "origin", "?")), str(getattr(item, "message", item)))
                    )
                continue
            status = self.known.get(item.id)
            if item.id in seen or status == "ok":
                self.summary.skipped += 1
            elif status == "failed" and not self.retry_failed:
                self.summary.skipped_failed += 1
            else:
                seen.add(item.id)
                yield item
                continue
            self.tick()

    def waiting(self) -> bool:
        return bool(self.buffer or self.problems)

    def write(self, store: Store) -> None:
        self.summary.add(
            write_batch(
                store.con,
                self.buffer,
                self.rule,
                read_failures=self.problems,
                fingerprint=self.fingerprint,
            )
        )
        self.problems = []

    def tick(self) -> None:
        if self.progress:
            self.progress(self.summary.handled, self.summary.events)

    def backlog(self) -> None:
        """Count the stored articles another coder made, for the hint in the summary."""
        with Store.open(self.db, timeout=self.options.timeout, read_only=True) as store:
            self.summary.coded_by_other = store.coded_by_other(self.fingerprint)
            self.summary.rebuild_pending = rebuild_pending(store.con)


def ingest(
    items: Iterable[object],
    *,
    db: Path | str,
    settings: Settings | None = None,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Code and store ``items`` (Articles; ReadProblems are recorded as failures).

    ``items`` is consumed lazily, as the workers ask for work. Raises
    :class:`StoreLockedError` when another ingest writes to ``db``, and :class:`StoreError`
    when a batch cannot be written (nothing of that batch is stored).
    """
    settings = settings or Settings()
    options = options or IngestOptions(workers=settings.workers)
    db = Path(db)
    started = time.monotonic()
    with WriterLock(db), start_pool(settings, options.workers) as pool:
        run = _Run(db, settings, options, progress)  # while the workers load the model
        run.code(pool, run.wanted(items))
        run.backlog()
    run.summary.seconds = time.monotonic() - started
    return run.summary


def start_pool(settings: Settings, workers: int) -> WorkerPool | InlinePool:
    """Worker processes (they start loading the model at once), or the pipeline in-process."""
    return WorkerPool(settings, workers) if workers > 0 else InlinePool(settings)
