"""Fixtures for the evaluation tests: the shared gold-set folder and hand-made events."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation.gold import resolve_shared
from newsevents.model import Actor, Event, EventType

SHARED = resolve_shared(None)  # $NEWSEVENTS_SHARED, else ../shared/data next to the repository


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The gold sets as ``newsevents eval`` finds them; the test is skipped when absent."""
    if not (SHARED / "universalpetrarch-gsr").is_dir():
        pytest.skip(
            f"gold sets not found at {SHARED.resolve()} "
            "(clone ../shared next to the repo or set NEWSEVENTS_SHARED)"
        )
    return SHARED.resolve()


def actor(code: str, *, country: str | None = None, sector: str | None = None) -> Actor:
    return Actor(text=code, name=code, country=country, sector=sector, code=code)


def event(
    source: Actor | None,
    target: Actor | None,
    code: str,
    *,
    confidence: float = 0.5,
    start: int = 0,
) -> Event:
    return Event(
        id=f"{code}-{start}",
        article_id="a",
        sentence=0,
        evidence="",
        span=(start, start + 1),
        source=source,
        target=target,
        type=EventType(
            cameo=code, name="", root=code[:2], goldstein=0.0, quad_class=0, plover=None
        ),
        confidence=confidence,
    )
