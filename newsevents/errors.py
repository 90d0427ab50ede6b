"""The exception tree of newsevents. Every message says what went wrong and what to do.

NewsEventsError
├── InputError            a path, file or line that cannot be read as an article
│   └── ArticleTooLarge   an article over the size limit
├── ModelError            the spaCy pipeline cannot be loaded
├── DictionaryError       a user or PETRARCH dictionary cannot be parsed
├── StoreError            the DuckDB store cannot be opened or written
│   └── StoreLockedError  another process holds the write lock
└── EvalError             a gold set is missing or malformed
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class of every error newsevents raises on purpose."""


class InputError(NewsEventsError):
    """An input path, file or line cannot be read as an article."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        where = path or ""
        if path and line is not None:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.line = line


class ArticleTooLarge(InputError):
    """An article is larger than ``Settings.max_article_chars``."""


class ModelError(NewsEventsError):
    """The spaCy pipeline cannot be loaded."""


class DictionaryError(NewsEventsError):
    """A user dictionary (YAML) or an imported PETRARCH/TABARI dictionary cannot be parsed."""


class StoreError(NewsEventsError):
    """The DuckDB store cannot be opened, migrated or written."""


class StoreLockedError(StoreError):
    """Another process holds the write lock on the database file."""


class EvalError(NewsEventsError):
    """A gold set is missing or malformed."""
