"""Fixtures for the store tests: databases filled with hand-built articles and events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from store_factories import KIEV, actor, article, event

from newsevents.store.cluster import ClusterRule
from newsevents.store.db import Store
from newsevents.store.writer import Outcome, write_batch


def sample_outcomes() -> list[Outcome]:
    """Three articles from two publishers reporting the Pyongyang visit, one on Kyiv."""
    a1 = article("Kim hosted Shoigu.", url="https://www.kcna.example/1", source=None)
    a2 = article("Shoigu visited Kim.", url="https://news.example/2", source="Example News")
    a3 = article("Kim welcomed Shoigu.", url="https://news.example/3", source="Example News")
    a4 = article(
        "Russia struck Kyiv.\n\nThe US accused Russia.",
        url="https://wire.example/4",
        source="Wire",
        published=dt.date(2024, 1, 2),
    )
    strike = event(
        a4, 0, cameo="190", source=actor("RUS", "MIL"), target=actor("UKR", None),
        date=dt.date(2024, 1, 1), place=KIEV,
    )  # fmt: skip
    accuse = dataclasses.replace(
        event(a4, 1, cameo="112", source=actor("USA"), target=actor("RUS"), date=None, place=None),
        span=(21, 43),  # the second paragraph
    )
    return [
        Outcome(a1, (event(a1, 0), event(a1, 1, cameo="112", target=actor("USA")))),
        Outcome(a2, (event(a2, 0, date=dt.date(2023, 7, 27), place=None),)),
        Outcome(a3, (event(a3, 0, date=dt.date(2023, 7, 25)),)),
        Outcome(a4, (strike, accuse)),
    ]


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "sample.duckdb"
    with Store.open(path) as store:
        write_batch(store.con, sample_outcomes(), ClusterRule())
    return path
