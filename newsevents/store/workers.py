"""Run the pipeline in worker processes; results come back in input order.

Each worker is a spawned process that builds the :class:`~newsevents.pipeline.Pipeline` once
(loading spaCy once) and then codes batches of articles sent to it over a queue. Only the
events and the error travel back, not the article text. At most ``2 * workers`` batches are
in flight, so memory stays flat however many articles are read.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsevents.errors import ModelError, NewsEventsError
from newsevents.model import Article, Event
from newsevents.settings import Settings

Coded = tuple[tuple[Event, ...], str | None]  # events, error
# An idle worker checks this often whether its ingest process is still there (a SIGKILLed
# ingest leaves its workers orphaned; they must not live on).
PARENT_CHECK_SECONDS = 1.0


def _code(pipeline: Any, articles: Sequence[Article]) -> list[Coded]:
    out: list[Coded] = []
    for result in pipeline.process(articles):
        out.append((tuple(result.events), result.error))
    if len(out) != len(articles):
        raise NewsEventsError(f"the pipeline returned {len(out)} results for {len(articles)}")
    return out


def _worker_main(settings: Settings, tasks: Any, results: Any) -> None:
    """Body of a worker process: build the pipeline once, then code batches until None."""
    try:
        from newsevents.pipeline import Pipeline

        pipeline = Pipeline.build(settings)
    except Exception as exc:
        results.put((-1, f"{type(exc).__name__}: {exc}"))
        return
    parent = os.getppid()
    while True:
        try:
            task = tasks.get(timeout=PARENT_CHECK_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                return  # the ingest process was killed: nobody will read our results
            continue
        if task is None:
            return
        seq, articles = task
        try:
            coded: list[Coded] | str = _code(pipeline, articles)
        except Exception as exc:  # the pipeline isolates bad articles; this is a last resort
            coded = f"pipeline failure: {type(exc).__name__}: {exc}"
        results.put((seq, coded))


class WorkerPool:
    """``workers`` spawned processes running the pipeline; use as a context manager."""

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        ctx = mp.get_context("spawn")
        self._tasks: Any = ctx.Queue()
        self._results: Any = ctx.Queue()
        self._procs = [
            ctx.Process(
                target=_worker_main,
                args=(settings, self._tasks, self._results),
                name=f"newsevents-worker-{i}",
                daemon=True,
            )
            for i in range(workers)
        ]
        for proc in self._procs:
            proc.start()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for _ in self._procs:
            self._tasks.put(None)
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)

    def map(self, batches: Iterable[Sequence[Article]]) -> Iterator[list[Coded]]:
        """Code each batch; yield the results in the order of the batches."""
        pending: dict[int, Sequence[Article]] = {}
        done: dict[int, list[Coded]] = {}
        source = iter(batches)
        sent = received = 0
        limit = 2 * len(self._procs)
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                pending[sent] = batch
                self._tasks.put((sent, list(batch)))
                sent += 1
            if received == sent and exhausted:
                return
            seq, coded = self._next_result()
            batch = pending.pop(seq)
            done[seq] = [((), coded)] * len(batch) if isinstance(coded, str) else coded
            while received in done:
                yield done.pop(received)
                received += 1

    def _next_result(self) -> tuple[int, list[Coded] | str]:
        while True:
            try:
                seq, coded = self._results.get(timeout=1.0)
            except queue.Empty:
                dead = [p for p in self._procs if not p.is_alive()]
                if dead:
                    raise NewsEventsError(
                        f"worker process {dead[0].name} died (exit code {dead[0].exitcode}); "
                        "every article written so far is stored: run the ingest again"
                    ) from None
                continue
            if seq == -1:
                raise ModelError(f"a worker could not build the pipeline: {coded}")
            return seq, coded


class InlinePool:
    """The same interface in this process (``workers=0``): for tests and small jobs."""

    def __init__(self, settings: Settings) -> None:
        from newsevents.pipeline import Pipeline

        self._pipeline = Pipeline.build(settings)

    def __enter__(self) -> InlinePool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        return None

    def map(self, batches: Iterable[Sequence[Article]]) -> Iterator[list[Coded]]:
        for batch in batches:
            yield _code(self._pipeline, batch)
