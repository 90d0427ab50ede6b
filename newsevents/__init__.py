"""newsevents: political event data from news text.

Who did what to whom, when, where, and according to whom, with the sentence that says so.

    >>> import newsevents
    >>> events = newsevents.extract("Kim Jong Un hosted Sergei Shoigu in Pyongyang.")
"""

from __future__ import annotations

__version__ = "0.1.0"

import datetime as _dt
from functools import cache as _cache
from typing import TYPE_CHECKING as _TYPE_CHECKING

from newsevents.errors import (
    ArticleTooLarge,
    DictionaryError,
    EvalError,
    InputError,
    ModelError,
    NewsEventsError,
    StoreError,
    StoreLockedError,
)
from newsevents.model import SCHEMA_VERSION, Actor, Article, Event, EventType, Place
from newsevents.settings import Settings

if _TYPE_CHECKING:
    from newsevents.pipeline import Pipeline

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "ArticleTooLarge",
    "DictionaryError",
    "EvalError",
    "Event",
    "EventType",
    "InputError",
    "ModelError",
    "NewsEventsError",
    "Place",
    "Settings",
    "StoreError",
    "StoreLockedError",
    "__version__",
    "extract",
]


@_cache
def _default_pipeline(settings: Settings) -> Pipeline:
    from newsevents.pipeline import Pipeline

    return Pipeline.build(settings)


def extract(
    text: str, *, published: _dt.date | None = None, settings: Settings | None = None
) -> list[Event]:
    """Code one article's text into events.

    ``published`` anchors relative dates ("on Wednesday"); without it they stay unresolved.
    The pipeline (and the spaCy model) is built once per process and settings.
    """
    pipeline = _default_pipeline(settings or Settings())
    return pipeline.extract_text(text, published=published)
