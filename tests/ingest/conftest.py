"""Fixtures for the reader tests: paths to the seed article and the examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.ingest import ReadProblem, read_articles
from newsevents.model import Article
from tests.conftest import ROOT, SEED

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (set NEWSEVENTS_SHARED)")
    return SEED


def read_all(paths: list[str], **kwargs: object) -> tuple[list[Article], list[ReadProblem]]:
    """Read everything and split the articles from the problems."""
    items = list(read_articles(paths, **kwargs))  # type: ignore[arg-type]
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, ReadProblem)]
    assert len(articles) + len(problems) == len(items)
    return articles, problems
