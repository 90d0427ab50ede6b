"""Building :class:`~newsevents.model.Article` records from text, and the problem record.

Every reader ends here, so every article gets the same treatment: paragraphs normalised
(:mod:`newsevents.ingest.paragraphs`), page furniture trimmed from both ends
(:mod:`newsevents.ingest.boilerplate`), paragraphs joined by exactly one blank line, the size
limit checked and a stable id computed from the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.errors import ArticleTooLarge, InputError
from newsevents.ingest.boilerplate import Boilerplate, default_boilerplate
from newsevents.ingest.paragraphs import normalise_paragraph, split_paragraphs
from newsevents.model import Article

DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """A warning or a failure met while reading, for the CLI to print and count.

    ``origin`` is ``"path"`` or ``"path:line"``. ``fatal`` is True when an article could not be
    read (the CLI exits 1); False for a warning (the article was read anyway, or there was
    nothing to read, as in an empty file).
    """

    origin: str
    message: str
    fatal: bool

    def __str__(self) -> str:
        kind = "error" if self.fatal else "warning"
        return f"{self.origin}: {kind}: {self.message}"


def problem_from_error(exc: InputError, origin: str, *, fatal: bool) -> ReadProblem:
    """A ReadProblem from an InputError, without the ``origin:`` prefix its message carries."""
    text = str(exc)
    prefix = f"{origin}: "
    return ReadProblem(origin, text[len(prefix) :] if text.startswith(prefix) else text, fatal)


def article_id(text: str) -> str:
    """A stable id: the first 16 hex digits of SHA-256 of the NFC, whitespace-collapsed text.

    The same words give the same id whatever the line breaks, spacing or Unicode composition.
    """
    key = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_published(value: object) -> dt.date | None:
    """A publication date from a date, a datetime, ``YYYY-MM-DD`` or an ISO 8601 datetime.

    A datetime keeps the calendar date as written (no time-zone conversion). Raises
    ValueError for anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise ValueError(
                f"published {value!r} is not a date (YYYY-MM-DD) or an ISO 8601 datetime"
            ) from None
    raise ValueError(f"published must be a string date (YYYY-MM-DD), not {type(value).__name__}")


def too_large(size: int, max_chars: int, *, what: str = "article", unit: str = "characters") -> str:
    """The message for an article (or a file or line too big to hold one) over the limit."""
    return (
        f"{what} of {size:,} {unit} is larger than max_article_chars ({max_chars:,} characters) "
        "allows; split it into several articles or raise max_article_chars"
    )


def check_size(text: str, max_chars: int | None, *, origin: str | None = None) -> None:
    """Raise :class:`ArticleTooLarge` when ``text`` has more than ``max_chars`` characters."""
    if max_chars is not None and len(text) > max_chars:
        raise ArticleTooLarge(too_large(len(text), max_chars), path=origin)


def _clean(value: str | None) -> str | None:
    return (normalise_paragraph(value) or None) if value else None


def article_from_paragraphs(
    paragraphs: Sequence[str],
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: dt.date | None = None,
    origin: str | None = None,
    boilerplate: Boilerplate | None = None,
) -> Article:
    """An Article from paragraphs already split (as trafilatura gives them).

    Raises :class:`InputError` when no text is left after furniture is trimmed.
    """
    cleaned = [p for p in (normalise_paragraph(x) for x in paragraphs) if p]
    kept = (boilerplate or default_boilerplate()).trim(cleaned)
    text = "\n\n".join(kept)
    if not text:
        raise InputError("no article text (empty, or only page furniture)", path=origin)
    return Article(
        id=str(id) if id is not None and str(id).strip() else article_id(text),
        text=text,
        title=_clean(title),
        url=_clean(url),
        source=_clean(source),
        published=published,
        origin=origin,
    )


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: dt.date | dt.datetime | str | None = None,
    origin: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    boilerplate: Boilerplate | None = None,
) -> Article:
    """An Article from plain text, split into paragraphs by the plain-text rule.

    ``published`` takes a date or an ISO string. Raises :class:`ArticleTooLarge` when the text
    has more than ``max_chars`` characters (None: no limit), and :class:`InputError` when the
    text is empty or ``published`` is not a date.
    """
    check_size(text, max_chars, origin=origin)
    try:
        date = parse_published(published)
    except ValueError as exc:
        raise InputError(f"{exc}; pass a date such as 2024-03-12", path=origin) from None
    return article_from_paragraphs(
        split_paragraphs(text),
        id=id,
        title=title,
        url=url,
        source=source,
        published=date,
        origin=origin,
        boilerplate=boilerplate,
    )
