"""A database path in a folder that does not exist yet, or cannot exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.store.ingest import WriterLock


def test_the_folder_of_a_new_database_is_created(tmp_path: Path) -> None:
    db = tmp_path / "new" / "folder" / "events.duckdb"
    with WriterLock(db):
        assert db.parent.is_dir()


def test_an_impossible_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with (
        pytest.raises(StoreError, match="cannot create the database here"),
        WriterLock(blocker / "events.duckdb"),
    ):
        pass
