"""``read_articles``: paths (files, directories, ``-`` for stdin) to Articles and problems.

Formats by extension: ``.txt`` (and any other name given explicitly) is plain text,
``.html``/``.htm`` goes through trafilatura, ``.jsonl`` holds one article per line. A
directory is walked recursively for ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files, in
sorted order of their relative paths, skipping hidden files and folders. ``-`` reads one
article from stdin: HTML when it starts like an HTML page, else plain text.

Publication date, first found wins: the ``published`` argument (``--published``), a JSONL
line's ``published`` field, the directory's ``published.tsv`` manifest, the HTML page's
metadata.

What goes wrong is yielded as a :class:`ReadProblem`, in order with the articles, so the CLI
can print it and count it:

==================================  ======================================================
input                               result
==================================  ======================================================
missing path                        :class:`InputError` raised before anything is read
empty file, only page furniture     warning, no article
HTML page without main text         warning, no article
binary file                         failure, skipped
invalid UTF-8                       warning, decoded with U+FFFD replacement characters
broken JSONL line                   failure naming ``file:line``; other lines still read
article over ``max_chars``          failure, refused (files over 4 x ``max_chars`` bytes,
                                    8 x for HTML, are refused without being read)
directory with no article files     failure; with files but no article: warning
==================================  ======================================================
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from newsevents.errors import ArticleTooLarge, InputError
from newsevents.ingest.article import (
    DEFAULT_MAX_CHARS,
    ReadProblem,
    article_from_text,
    problem_from_error,
    too_large,
)
from newsevents.ingest.boilerplate import Boilerplate, default_boilerplate
from newsevents.ingest.decode import SNIFF_BYTES, Decoded, binary_reason, decode
from newsevents.ingest.html import article_from_html, decode_html, looks_like_html
from newsevents.ingest.jsonl import JsonlOptions, read_jsonl_lines
from newsevents.ingest.manifest import MANIFEST_NAME, Manifest, read_manifest
from newsevents.model import Article

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
STDIN = "-"
STDIN_ORIGIN = "<stdin>"
_HTML_SUFFIXES = (".html", ".htm")

Item = Article | ReadProblem


@dataclass(slots=True)
class _Reading:
    """The state of one ``read_articles`` call: its options, and the manifests read so far
    (each directory's ``published.tsv`` is read once per call). Never shared between calls."""

    published: dt.date | None
    max_chars: int
    boilerplate: Boilerplate
    stdin: TextIO | None
    manifests: dict[Path, Manifest | None] = field(default_factory=dict)

    def manifest(self, directory: Path) -> tuple[Manifest | None, bool]:
        """The manifest of ``directory`` and whether it was read just now."""
        if directory in self.manifests:
            return self.manifests[directory], False
        self.manifests[directory] = read_manifest(directory)
        return self.manifests[directory], True


def read_articles(
    paths: Sequence[str],
    *,
    published: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    stdin: TextIO | None = None,
    boilerplate: Boilerplate | None = None,
) -> Iterator[Article | ReadProblem]:
    """Articles and problems from files, directories and ``-`` (stdin), in order.

    Raises :class:`InputError` naming the first missing path before anything is read.
    """
    for path in paths:
        if path != STDIN and not Path(path).exists():
            raise InputError("no such file or directory; check the path", path=path)
    state = _Reading(published, max_chars, boilerplate or default_boilerplate(), stdin)
    return _read_all(list(paths), state)


def _read_all(paths: list[str], state: _Reading) -> Iterator[Item]:
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(state)
        elif Path(path).is_dir():
            yield from _read_directory(Path(path), state)
        else:
            yield from _read_file(Path(path), state)


def _article_files(root: Path) -> list[Path]:
    """Article files under ``root`` (not following links to folders), hidden ones skipped."""
    found = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            path = Path(folder, name)
            if not name.startswith(".") and path.suffix.lower() in ARTICLE_SUFFIXES:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read_directory(root: Path, state: _Reading) -> Iterator[Item]:
    files = _article_files(root)
    if not files:
        kinds = ", ".join(ARTICLE_SUFFIXES)
        message = f"no article files ({kinds}) in this directory; point to a folder of articles"
        yield ReadProblem(str(root), message, fatal=True)
        return
    articles = 0
    for path in files:
        for item in _read_file(path, state):
            articles += isinstance(item, Article)
            yield item
    if not articles:
        message = (
            f"no readable articles in its {len(files)} article file(s); see the messages above"
        )
        yield ReadProblem(str(root), message, fatal=False)


def _default_date(path: Path, state: _Reading) -> tuple[dt.date | None, list[ReadProblem]]:
    manifest, fresh = state.manifest(path.parent)
    if manifest is None:
        return None, []
    return manifest.date_for(path), list(manifest.problems) if fresh else []


def _read_file(path: Path, state: _Reading) -> Iterator[Item]:
    origin = str(path)
    default, problems = _default_date(path, state)
    yield from problems
    if path.name == MANIFEST_NAME:
        return
    suffix = path.suffix.lower()
    if suffix == ".json":
        message = "JSON files are not read; write one article object per line in a .jsonl file"
        yield ReadProblem(origin, message, fatal=True)
        return
    try:
        with path.open("rb") as handle:
            reason = binary_reason(handle.read(SNIFF_BYTES))
            if reason:
                message = f"binary file ({reason}), skipped; give .txt, .html or .jsonl files"
                yield ReadProblem(origin, message, fatal=True)
                return
            handle.seek(0)
            if suffix == ".jsonl":
                options = JsonlOptions(state.published, default, state.max_chars, state.boilerplate)
                yield from read_jsonl_lines(handle, path=origin, options=options)
            else:
                yield from _read_document(handle, path, default, state)
    except OSError as exc:
        yield ReadProblem(origin, f"cannot read the file ({exc.strerror}); check it", fatal=True)


def _read_document(
    handle: BinaryIO, path: Path, default: dt.date | None, state: _Reading
) -> Iterator[Item]:
    origin = str(path)
    is_html = path.suffix.lower() in _HTML_SUFFIXES
    limit = state.max_chars * (8 if is_html else 4)
    size = path.stat().st_size
    if size > limit:
        message = (
            f"{too_large(size, state.max_chars, what='file', unit='bytes')}; the file was not read"
        )
        yield ReadProblem(origin, message, fatal=True)
        return
    data = handle.read()
    decoded = decode_html(data) if is_html else decode(data)
    yield from _build(decoded, origin, is_html=is_html, default=default, state=state)


def _build(
    decoded: Decoded, origin: str, *, is_html: bool, default: dt.date | None, state: _Reading
) -> Iterator[Item]:
    if decoded.warning:
        yield ReadProblem(origin, decoded.warning, fatal=False)
    if not decoded.text.strip():
        kind = "input" if origin == STDIN_ORIGIN else "file"
        yield ReadProblem(origin, f"empty {kind}, no article; nothing to do", fatal=False)
        return
    date = state.published or default
    try:
        if is_html:
            yield article_from_html(
                decoded.text,
                published=date,
                origin=origin,
                max_chars=state.max_chars,
                boilerplate=state.boilerplate,
            )
        else:
            yield article_from_text(
                decoded.text,
                published=date,
                origin=origin,
                max_chars=state.max_chars,
                boilerplate=state.boilerplate,
            )
    except ArticleTooLarge as exc:
        yield problem_from_error(exc, origin, fatal=True)
    except InputError as exc:
        yield problem_from_error(exc, origin, fatal=False)


def _read_stdin(state: _Reading) -> Iterator[Item]:
    limit = state.max_chars * 8
    if state.stdin is not None:
        decoded = Decoded(state.stdin.read(limit + 1))
    else:
        decoded = decode(sys.stdin.buffer.read(limit + 1))
    if len(decoded.text) > limit:
        message = (
            f"more than {limit:,} characters on stdin, far over max_article_chars "
            f"({state.max_chars:,} characters); it was not read; give one article at a time"
        )
        yield ReadProblem(STDIN_ORIGIN, message, fatal=True)
        return
    is_html = looks_like_html(decoded.text)
    yield from _build(decoded, STDIN_ORIGIN, is_html=is_html, default=None, state=state)
