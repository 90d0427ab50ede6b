"""The ingest reads its input lazily, writes as it goes, and counts its input cheaply."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from store_factories import article

from newsevents.cli_store import count_inputs
from newsevents.model import Article
from newsevents.settings import Settings
from newsevents.store.db import Store
from newsevents.store.ingest import IngestOptions, ingest

COUNT = 12


def test_in_process_ingest_writes_before_the_input_is_read_to_its_end(tmp_path: Path) -> None:
    pulled: list[int] = []

    def articles() -> Iterator[Article]:
        for i in range(COUNT):
            pulled.append(i)
            yield article(f"Russia accused Ukraine of shelling, report {i}.")

    at_writes: list[tuple[int, int]] = []  # (articles handled, articles pulled) at each write
    db = tmp_path / "stream.duckdb"
    summary = ingest(
        articles(),
        db=db,
        settings=dataclasses.replace(Settings(), batch_size=2),
        options=IngestOptions(workers=0, flush_articles=2),
        progress=lambda handled, events: at_writes.append((handled, len(pulled))),
    )
    assert summary.new == COUNT and summary.events > 0
    assert at_writes[0][0] >= 2 and at_writes[0][1] < COUNT, at_writes
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == COUNT


def test_count_inputs_counts_article_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub" / "b.html").write_text("<p>two</p>")
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}')
    (tmp_path / ".hidden" / "d.txt").write_text("hidden")
    (tmp_path / "notes.csv").write_text("not an article")
    single = tmp_path / "single.txt"
    single.write_text("three")
    assert count_inputs([str(tmp_path / "sub"), str(tmp_path / "a.txt")]) == 5
    assert count_inputs([str(tmp_path)]) == 6  # a, b, 3 lines of c, single
    assert count_inputs([str(single), "-"]) is None
