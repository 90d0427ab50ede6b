"""HTML pages to articles, through trafilatura.

trafilatura (``bare_extraction`` with metadata) finds the main text of the page and drops the
navigation, comments, share buttons and footer. Its text has one block element (paragraph,
heading, list item) per line, and each line becomes a paragraph of the article. The title,
canonical URL, site name and publication date come from the page's metadata (``<title>``,
``og:*``, ``<link rel="canonical">``, ``article:published_time`` and the other places
trafilatura and htmldate look). When the text starts with the headline, that line is dropped
from the text, since it is kept in ``Article.title``.

Pages are decoded as UTF-8; a page that is not valid UTF-8 is decoded with the charset its
``<meta>`` tag declares (windows-1252, ISO-8859-1, ...), and with replacement characters when
it declares none.
"""

from __future__ import annotations

import datetime as dt
import re

import trafilatura

from newsevents.errors import InputError
from newsevents.ingest.article import article_from_paragraphs, check_size, parse_published
from newsevents.ingest.boilerplate import Boilerplate, furniture_key
from newsevents.ingest.decode import Decoded, decode
from newsevents.model import Article

_MARKERS = ("<!doctype html", "<html", "<body", "<head", "<article", "<p>", "<div")


def looks_like_html(text: str) -> bool:
    """True when text read from stdin is an HTML page rather than plain text."""
    start = text.lstrip()[:2000].lower()
    return start.startswith("<") and any(marker in start for marker in _MARKERS)


def _metadata_date(value: str | None) -> dt.date | None:
    try:
        return parse_published(value)
    except ValueError:
        return None


def _extract(html: str, origin: str | None) -> trafilatura.settings.Document | None:
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
    except (ValueError, TypeError, LookupError, AttributeError) as exc:
        raise InputError(f"trafilatura cannot parse this page ({exc})", path=origin) from exc
    if document is None or isinstance(document, dict):
        return None
    return document


def article_from_html(
    html: str,
    *,
    published: dt.date | None = None,
    origin: str | None = None,
    max_chars: int | None = None,
    boilerplate: Boilerplate | None = None,
) -> Article:
    """The main text and metadata of an HTML page as an Article.

    ``published`` overrides the page's own date. Raises :class:`InputError` when the page has
    no main text, :class:`~newsevents.errors.ArticleTooLarge` when the text is over
    ``max_chars``.
    """
    document = _extract(html, origin)
    if document is None or not (document.text or "").strip():
        raise InputError(
            "no article text found in this HTML page (trafilatura found no main content); "
            "if it holds an article, save its text as a .txt file",
            path=origin,
        )
    text = document.text or ""
    check_size(text, max_chars, origin=origin)
    lines = text.split("\n")
    title = document.title or None
    if title and lines and furniture_key(lines[0]) == furniture_key(title):
        lines = lines[1:]
    return article_from_paragraphs(
        lines,
        title=title,
        url=document.url or None,
        source=document.sitename or document.hostname or None,
        published=published or _metadata_date(document.date),
        origin=origin,
        boilerplate=boilerplate,
    )


_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes) -> Decoded:
    """Decode a page: UTF-8 when it is valid, else the charset its ``<meta>`` declares."""
    decoded = decode(data)
    if decoded.warning is None:
        return decoded
    match = _CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii")
        try:
            return Decoded(data.decode(name))
        except (LookupError, UnicodeDecodeError):
            pass
    return decoded
