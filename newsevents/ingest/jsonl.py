"""JSON Lines: one article per line.

Each non-blank line is a JSON object. ``text`` is required; ``id``, ``url``, ``title``,
``source`` and ``published`` (``YYYY-MM-DD`` or an ISO 8601 datetime) are optional, and other
keys are ignored. A line that cannot be read (invalid JSON, not an object, no text, a field of
the wrong type, a bad date, too large) is a failure naming the file and line; the other lines
are still read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsevents.errors import InputError
from newsevents.ingest.article import (
    ReadProblem,
    article_from_text,
    parse_published,
    problem_from_error,
    too_large,
)
from newsevents.ingest.boilerplate import Boilerplate
from newsevents.ingest.decode import decode
from newsevents.model import Article

OPTIONAL_FIELDS = ("id", "url", "title", "source", "published")
_FIX = "fix or remove the line"


class LineError(ValueError):
    """A JSONL line that is not an article; the message ends with what to do."""


@dataclass(frozen=True, slots=True)
class JsonlOptions:
    """How to read the lines of one file."""

    published: dt.date | None = None  # overrides every line's own date
    default_published: dt.date | None = None  # for lines without a date (from a manifest)
    max_chars: int | None = None
    boilerplate: Boilerplate | None = None


def _load_object(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON ({exc}); {_FIX}") from None
    except RecursionError:
        raise LineError(f"invalid JSON (nested too deeply); {_FIX}") from None
    if not isinstance(value, dict):
        raise LineError(f"expected a JSON object, got {type(value).__name__}; {_FIX}")
    return value


def _string_field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise LineError(f'"{key}" must be a string, not {type(value).__name__}; {_FIX}')
    return value


def _line_article(line: str, origin: str, options: JsonlOptions) -> Article:
    record = _load_object(line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "has no" if text is None else "has an empty or non-string"
        raise LineError(f'the object {problem} "text" field; {_FIX}')
    fields = {key: _string_field(record, key) for key in OPTIONAL_FIELDS}
    try:
        own_date = parse_published(fields["published"])
    except ValueError as exc:
        raise LineError(f"{exc}; {_FIX}") from None
    return article_from_text(
        text,
        id=fields["id"],
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        published=options.published or own_date or options.default_published,
        origin=origin,
        max_chars=options.max_chars,
        boilerplate=options.boilerplate,
    )


def read_jsonl_lines(
    lines: Iterable[bytes], *, path: str, options: JsonlOptions
) -> Iterator[Article | ReadProblem]:
    """Articles and problems from the raw lines of one JSONL file, in order."""
    bad_encoding = False
    for number, raw in enumerate(lines, start=1):
        origin = f"{path}:{number}"
        if options.max_chars is not None and len(raw) > 8 * options.max_chars + 1024:
            yield ReadProblem(
                origin,
                f"{too_large(len(raw), options.max_chars, what='line', unit='bytes')}; {_FIX}",
                fatal=True,
            )
            continue
        decoded = decode(raw)
        if decoded.warning and not bad_encoding:
            bad_encoding = True
            yield ReadProblem(origin, decoded.warning, fatal=False)
        line = decoded.text.strip()
        if not line:
            continue
        try:
            yield _line_article(line, origin, options)
        except LineError as exc:
            yield ReadProblem(origin, str(exc), fatal=True)
        except InputError as exc:
            yield problem_from_error(exc, origin, fatal=True)
