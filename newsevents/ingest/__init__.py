"""Input readers: text, HTML and JSON Lines files, directories and stdin to Articles.

Every reader produces :class:`~newsevents.model.Article` records whose ``text`` holds the
paragraphs joined by exactly one blank line, so that a sentence never crosses a paragraph
break. See :mod:`newsevents.ingest.reader` for formats, dates and bad input,
:mod:`newsevents.ingest.paragraphs` for the plain-text paragraph rule, and
:mod:`newsevents.ingest.boilerplate` for the page furniture that is dropped.
"""

from newsevents.ingest.article import (
    DEFAULT_MAX_CHARS,
    ReadProblem,
    article_from_paragraphs,
    article_from_text,
    article_id,
    parse_published,
)
from newsevents.ingest.boilerplate import Boilerplate
from newsevents.ingest.dateline import Dateline, find_dateline
from newsevents.ingest.html import article_from_html
from newsevents.ingest.manifest import MANIFEST_NAME
from newsevents.ingest.paragraphs import split_paragraphs
from newsevents.ingest.reader import ARTICLE_SUFFIXES, read_articles

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_CHARS",
    "MANIFEST_NAME",
    "Boilerplate",
    "Dateline",
    "ReadProblem",
    "article_from_html",
    "article_from_paragraphs",
    "article_from_text",
    "article_id",
    "find_dateline",
    "parse_published",
    "read_articles",
    "split_paragraphs",
]
