"""Fixtures for the actor tests: the model, the knowledge and the resolvers, built once."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsevents.actors import ActorKnowledge, ActorResolver

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", ROOT.parent / "shared"))
UNITTEST = SHARED / "data" / "petrarch2-unittest"


@pytest.fixture(scope="session")
def actor_nlp(nlp: Language) -> Language:
    """The pipeline as the project loads it (tests/conftest.py), paragraph breaks included."""
    return nlp


@pytest.fixture(scope="session")
def knowledge() -> ActorKnowledge:
    return ActorKnowledge.load()


@pytest.fixture(scope="session")
def resolver(knowledge: ActorKnowledge) -> ActorResolver:
    return ActorResolver(knowledge)


@pytest.fixture(scope="session")
def petrarch_files() -> tuple[Path, Path]:
    actors, agents = UNITTEST / "PETR.Validate.actors.txt", UNITTEST / "PETR.Validate.agents.txt"
    if not actors.exists():
        pytest.skip(f"PETRARCH validation dictionaries not found under {UNITTEST}")
    return actors, agents


@pytest.fixture(scope="session")
def petrarch_resolver(petrarch_files: tuple[Path, Path]) -> ActorResolver:
    return ActorResolver(ActorKnowledge.load(dictionaries=list(petrarch_files)))


def hand_doc(
    words: Sequence[str],
    heads: Sequence[int],
    deps: Sequence[str],
    pos: Sequence[str],
) -> Doc:
    """A parse written by hand: heads are absolute token indices (the root points to itself)."""
    return Doc(_vocab(), words=list(words), heads=list(heads), deps=list(deps), pos=list(pos))


@cache
def _vocab() -> Vocab:
    """An English vocabulary (lower-case forms and the like), without a trained model."""
    return spacy.blank("en").vocab
