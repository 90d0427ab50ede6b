"""Shared, session-scoped fixtures for the when/where tests: the real model, loaded once."""

from __future__ import annotations

import pytest

from newsevents.when import DateResolver
from newsevents.where import Gazetteer, PlaceResolver

# `nlp` (the pipeline as the project loads it) comes from tests/conftest.py.


@pytest.fixture(scope="session")
def dates() -> DateResolver:
    return DateResolver()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def places(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)
