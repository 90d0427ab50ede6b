"""Loaders for the development gold sets under ``../shared/data`` (never copied into the repo).

* ``gsr``: the PETRARCH-2 validation records (``universalpetrarch-gsr/PETR2_GSR_validation.xml``).
  The file is not well-formed XML (each record opens with a self-closed ``<Sentence .../>``),
  so records are split on ``<Sentence `` and their parts read with regular expressions.
* ``unittest``: the PETRARCH unit-test records (``petrarch2-unittest/PETR.UnitTest.records.xml``,
  well-formed XML) with the fictional-world dictionaries next to them.
* ``conflibert``: ConfliBERT's CAMEO pentacode training split
  (``conflibert-cameo/cameo_class/train.tsv``: ``sentence<TAB>label``).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import EvalError

SET_NAMES: tuple[str, ...] = ("gsr", "unittest", "conflibert")
GSR_FILE = Path("universalpetrarch-gsr") / "PETR2_GSR_validation.xml"
UNITTEST_DIR = Path("petrarch2-unittest")
UNITTEST_FILE = UNITTEST_DIR / "PETR.UnitTest.records.xml"
UNITTEST_DICTIONARIES: tuple[str, ...] = (
    "PETR.Validate.actors.txt",
    "PETR.Validate.agents.txt",
    "PETR.Validate.verbs.txt",
)
CONFLIBERT_FILE = Path("conflibert-cameo") / "cameo_class" / "train.tsv"
SET_FILES: dict[str, Path] = {
    "gsr": GSR_FILE,
    "unittest": UNITTEST_FILE,
    "conflibert": CONFLIBERT_FILE,
}
ENV_SHARED = "NEWSEVENTS_SHARED"


@dataclass(frozen=True, slots=True)
class GoldCoding:
    """One expected event: CAMEO actor codes and event code as written in the gold file."""

    source: str
    target: str
    code: str

    def __str__(self) -> str:
        return f"{self.source or '-'} {self.code} {self.target or '-'}"


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One sentence of a gold set and what a coder should produce from it."""

    id: str
    text: str
    published: dt.date | None
    codings: tuple[GoldCoding, ...] = ()
    label: int | None = None  # ConfliBERT pentacode class
    category: str = ""
    origin: str = ""  # file:line
    require_dyad: bool = True  # unit tests: <Config option="require_dyad"> in force for the record

    @property
    def noevents(self) -> bool:
        return not self.codings and self.label is None


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The records of one set, and the records left out with the reason."""

    name: str
    path: Path
    records: tuple[GoldRecord, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (record id, reason)


def default_shared() -> Path:
    """``$NEWSEVENTS_SHARED`` if set, else ``../shared/data`` next to the repository."""
    env = os.environ.get(ENV_SHARED)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def resolve_shared(shared: Path | None) -> Path:
    """The folder that holds the gold sets; accepts ``shared`` or ``shared/data``."""
    base = Path(shared) if shared is not None else default_shared()
    if not any((base / f).exists() for f in SET_FILES.values()) and (base / "data").is_dir():
        base = base / "data"
    return base


def set_path(name: str, shared: Path) -> Path:
    """The gold file of set ``name``; :class:`EvalError` saying where it looked when missing."""
    if name not in SET_FILES:
        raise EvalError(f"unknown gold set {name!r}; choose one of {', '.join(SET_NAMES)} or all.")
    path = shared / SET_FILES[name]
    if not path.is_file():
        raise EvalError(
            f"gold set {name!r} not found: looked for {path}. Point to the folder that holds "
            f"{SET_FILES[name].parts[0]}/ with --shared PATH or the {ENV_SHARED} environment "
            "variable (default: ../shared/data next to the repository)."
        )
    return path


def load_set(name: str, shared: Path) -> GoldSet:
    """Load gold set ``name`` (one of :data:`SET_NAMES`) from the ``shared`` data folder."""
    path = set_path(name, shared)
    text = _read(path)
    if name == "gsr":
        return GoldSet(name, path, tuple(parse_gsr(text, origin=str(path))))
    if name == "unittest":
        records, skipped = parse_unittest(text, origin=str(path))
        return GoldSet(name, path, tuple(records), tuple(skipped))
    return GoldSet(name, path, tuple(parse_conflibert(text, origin=str(path))))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read the gold set ({exc}).") from exc


def parse_date(value: str | None) -> dt.date | None:
    """``YYYYMMDD`` as a date; anything else (``121108``, empty) gives None."""
    if not value or not re.fullmatch(r"\d{8}", value.strip()):
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def _clean(text: str) -> str:
    return " ".join(html.unescape(text).split())


_GSR_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_GSR_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")
_GSR_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)


def parse_gsr(text: str, *, origin: str) -> list[GoldRecord]:
    """Records of the PETRARCH-2 validation file (split on ``<Sentence ``, not an XML parse)."""
    records: list[GoldRecord] = []
    pieces = text.split("<Sentence ")
    line = pieces[0].count("\n") + 1
    for piece in pieces[1:]:
        where = f"{origin}:{line}"
        line += piece.count("\n")
        head = piece.split(">", 1)[0]
        attrs = dict(_GSR_ATTR.findall(head))
        body = _GSR_TEXT.search(piece)
        if "id" not in attrs or body is None:
            raise EvalError(
                f"{where}: a <Sentence> record without an id or a <Text>; is the file cut?"
            )
        codings = []
        for raw in _GSR_CODING.findall(piece):
            coding = dict(_GSR_ATTR.findall(raw))
            if coding.get("noevents", "").lower() == "true":
                continue
            if not {"sourcecode", "targetcode", "eventcode"} <= coding.keys():
                raise EvalError(
                    f"{where}: <EventCoding{raw}> lacks sourcecode/targetcode/eventcode."
                )
            codings.append(
                GoldCoding(coding["sourcecode"], coding["targetcode"], coding["eventcode"])
            )
        records.append(
            GoldRecord(
                id=attrs["id"],
                text=_clean(body.group(1)),
                published=parse_date(attrs.get("date")),
                codings=tuple(codings),
                category=attrs.get("category", ""),
                origin=where,
            )
        )
    if not records:
        raise EvalError(f"{origin}: no <Sentence records found; is this the PETR2 GSR file?")
    return records


def parse_unittest(text: str, *, origin: str) -> tuple[list[GoldRecord], list[tuple[str, str]]]:
    """Records of the PETRARCH unit-test file, and (id, reason) of the records left out.

    Left out: records whose expected coding is an ``error=`` (discards, bad parses: the coder
    has no such outcome) and records whose expected codes are quoted actor text
    (``"THE MINISTRY OF MAGIC"``: unknown actors, not a code to compare).

    ``<Config option="require_dyad" value="...">`` elements between the records switch
    PETRARCH's ``require_dyad`` option (default true) for the records that follow; each record
    carries the value in force as :attr:`GoldRecord.require_dyad`.
    """
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise EvalError(f"{origin}: not well-formed XML ({exc}).") from exc
    records: list[GoldRecord] = []
    skipped: list[tuple[str, str]] = []
    require_dyad = True
    for sentence in root.iter():
        if sentence.tag == "Config" and sentence.get("option", "").strip() == "require_dyad":
            require_dyad = sentence.get("value", "").strip().lower() != "false"
        if sentence.tag != "Sentence":
            continue
        ident = (sentence.get("id") or "").strip()
        body = sentence.findtext("Text")
        if not ident or body is None:
            raise EvalError(f"{origin}: a <Sentence> without an id or a <Text> (near {ident!r}).")
        codings: list[GoldCoding] = []
        reason = None
        for element in sentence.iter("EventCoding"):
            attrs = {k.strip(): v.strip() for k, v in element.attrib.items()}
            if "error" in attrs:
                reason = f"expects error {attrs['error']!r}"
            elif attrs.get("noevents", "").lower() == "true":
                continue
            elif any(attrs.get(k, "").startswith('"') for k in ("sourcecode", "targetcode")):
                reason = "expects quoted actor text, not a code"
            else:
                codings.append(
                    GoldCoding(attrs["sourcecode"], attrs["targetcode"], attrs["eventcode"])
                )
        if reason:
            skipped.append((ident, reason))
            continue
        records.append(
            GoldRecord(
                id=ident,
                text=_clean(body),
                published=parse_date(sentence.get("date")),
                codings=tuple(codings),
                category=(sentence.get("category") or "").strip(),
                origin=f"{origin}#{ident}",
                require_dyad=require_dyad,
            )
        )
    return records, skipped


def parse_conflibert(text: str, *, origin: str) -> list[GoldRecord]:
    """``sentence<TAB>label`` lines, label 0-4 (the pentacode class of the main event)."""
    records: list[GoldRecord] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        sentence, sep, label = raw.rpartition("\t")
        if not sep or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise EvalError(
                f"{origin}:{number}: expected 'sentence<TAB>label' with a label 0-4, "
                f"got {raw[:80]!r}."
            )
        records.append(
            GoldRecord(
                id=f"conflibert-{number}",
                text=sentence.strip(),
                published=None,
                label=int(label),
                origin=f"{origin}:{number}",
            )
        )
    return records
