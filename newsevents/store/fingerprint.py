"""The coder fingerprint: which coder made an article's events, as a short hash.

It covers what decides the events of a stored text: the newsevents version, the contents of
the coding data the pipeline reads (``newsevents/data/`` but for ``ingest/``, which only
shapes how inputs are read), the coder's own Python modules, the extra dictionaries (name and
contents, in the order given), the settings that change coding, and the installed version of
the spaCy model. Ingest stores it
per article; ``newsevents recode`` re-codes the current articles whose fingerprint differs.
Settings that do not change the events of a stored article (batch size, workers, the database,
the cluster window, the size limit) are left out.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path
from typing import Any

from newsevents import __version__
from newsevents.errors import DictionaryError
from newsevents.settings import Settings

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PACKAGE_DIR / "data"
CODING_DATA = ("actors", "cameo", "grammar", "lexicon", "places", "when")
# The code that turns a parse into events: a change here changes events even when the version
# number stays (a development checkout, a patched install).
CODING_CODE = ("coding", "actors", "when", "where", "nlp.py", "pipeline.py", "doctree.py")
LENGTH = 16  # hex digits kept


def coding_files(root: Path = DATA_DIR) -> list[Path]:
    """The data files the coder reads, in a stable order."""
    files = [p for part in CODING_DATA for p in (root / part).rglob("*") if p.is_file()]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def coding_code(root: Path = PACKAGE_DIR) -> list[Path]:
    """The Python modules of the coder, in a stable order."""
    files: list[Path] = []
    for part in CODING_CODE:
        path = root / part
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return sorted((p for p in files if p.is_file()), key=lambda p: p.relative_to(root).as_posix())


def _model_version(model: str) -> str:
    """The model's package and version: what the parse depends on, not just its name."""
    try:
        return f"{model}=={metadata.version(model)}"
    except (metadata.PackageNotFoundError, ValueError):
        pass
    from newsevents.nlp import MODEL_ALIASES  # imports spaCy: only for an alias

    for name in MODEL_ALIASES.get(model, ()):
        try:
            return f"{name}=={metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return model  # a path or a model installed without metadata: its name is all we know


def _feed(digest: Any, label: str, data: bytes) -> None:
    digest.update(f"{label}\x00{len(data)}\x00".encode())
    digest.update(data)


def coder_fingerprint(
    settings: Settings, *, data_dir: Path = DATA_DIR, code_dir: Path = PACKAGE_DIR
) -> str:
    """The fingerprint of the coder ``settings`` build (see the module docstring)."""
    digest = hashlib.sha256()
    _feed(digest, "version", __version__.encode())
    _feed(digest, "model", _model_version(settings.model).encode())
    _feed(
        digest,
        "settings",
        f"builtin_lexicon={settings.builtin_lexicon};min_confidence={settings.min_confidence!r}".encode(),
    )
    for path in coding_files(data_dir):
        _feed(digest, "data:" + path.relative_to(data_dir).as_posix(), path.read_bytes())
    for path in coding_code(code_dir):
        _feed(digest, "code:" + path.relative_to(code_dir).as_posix(), path.read_bytes())
    for path in map(Path, settings.dictionaries):
        try:
            contents = path.read_bytes()
        except OSError as exc:
            raise DictionaryError(f"dictionary {path}: {exc.strerror or exc}") from None
        _feed(digest, "dictionary:" + path.name, contents)
    return digest.hexdigest()[:LENGTH]
