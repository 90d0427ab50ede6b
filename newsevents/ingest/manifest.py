"""``published.tsv``: publication dates for the files of a directory.

Plain-text files carry no metadata, so a directory may hold a manifest named
``published.tsv`` with one line per file::

    # file<TAB>published
    2024-03-12_sanctions.txt	2024-03-12

The first column is a file name in the same directory as the manifest, the second a date
(``YYYY-MM-DD``). Blank lines and lines starting with ``#`` are ignored, and so is a header
line ``file<TAB>published``. The reader looks for the manifest next to every file it reads,
whether the file was named on the command line or found in a directory walk.

A manifest date is a default: ``--published`` overrides it, and so does a JSONL line's own
``published`` field; it overrides the date in an HTML page's metadata.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from newsevents.ingest.article import ReadProblem, parse_published
from newsevents.ingest.decode import decode

MANIFEST_NAME = "published.tsv"


@dataclass(frozen=True, slots=True)
class Manifest:
    """Publication dates by file name, and the problems met reading the manifest."""

    dates: Mapping[str, dt.date] = field(default_factory=lambda: MappingProxyType({}))
    problems: tuple[ReadProblem, ...] = ()

    def date_for(self, path: Path) -> dt.date | None:
        return self.dates.get(path.name)


def _split(line: str) -> tuple[str, str] | None:
    if "\t" in line:
        name, _, value = line.rpartition("\t")
    else:
        parts = line.rsplit(None, 1)
        if len(parts) != 2:
            return None
        name, value = parts
    return name.strip(), value.strip()


def parse_manifest(text: str, *, origin: str) -> Manifest:
    """Parse the text of a manifest; bad lines become warnings naming the line."""
    dates: dict[str, dt.date] = {}
    problems: list[ReadProblem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = _split(line)
        if parts and parts[0].casefold() == "file" and parts[1].casefold() == "published":
            continue
        try:
            date = parse_published(parts[1]) if parts else None
        except ValueError as exc:
            problems.append(ReadProblem(f"{origin}:{number}", f"{exc}; line ignored", False))
            continue
        if parts is None or date is None:
            message = "expected 'file<TAB>YYYY-MM-DD'; line ignored"
            problems.append(ReadProblem(f"{origin}:{number}", message, False))
            continue
        dates[parts[0]] = date
    return Manifest(MappingProxyType(dates), tuple(problems))


def read_manifest(directory: Path) -> Manifest | None:
    """The manifest of a directory, or None when it has none."""
    path = directory / MANIFEST_NAME
    if not path.is_file():
        return None
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Manifest(problems=(ReadProblem(origin, f"cannot read ({exc.strerror})", False),))
    decoded = decode(data)
    manifest = parse_manifest(decoded.text, origin=origin)
    if decoded.warning:
        warning = ReadProblem(origin, decoded.warning, False)
        return Manifest(manifest.dates, (warning, *manifest.problems))
    return manifest
