"""Import PETRARCH / TABARI actor and agent dictionaries.

Actors (``*.actors.txt``)::

    GOLLUM  # a base phrase; words joined by "_" or " "
    +SMEAGOL                      # synonyms of the entry above
        [HOB < 950601]            # codes, optionally restricted by date:
        [HOBGOV 19950601 - 19990815]   # <date (before), >date (from), d1-d2 (inclusive)
        [HOBREB > 990816]
    THE_SHIRE  [FRO/BIL/SAM]      # several actors at once
    BOROMIR  [---]                # "---" (also "+++", "###"): a known name that is no actor

Agents (``*.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      # substitution set
    CONGRESS!PERSON! [~LEG]      # CONGRESSMAN, CONGRESSMEN ... (no plurals added)
    POLICE {} [~COP]             # {}: no plural; {GEESE}: irregular plural
    MSF {} [NGO~]                # code before the actor's code: NGO + ARN = NGOARN
    SOLDIER [~MIL]               # regular plural SOLDIERS added

Comments: ``#`` to the end of a line, ``<!-- ... -->`` (also over several lines), lines starting
with ``<!``. A trailing underscore ("ARNOR_", "UN_") marks an exact word; newsevents matches
every word exactly (PETRARCH-2 behaviour), so it is simply dropped. Two-digit years are 19YY
(20YY for 00-30), as in TABARI. Files whose codes contain neither brackets nor "~" are
discard lists and verb files contain ``--- VERB [code] ---`` blocks: :func:`sniff` tells them
apart so the caller can skip them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from newsevents.actors.entries import ActorEntry, AgentEntry, Variant, split_code
from newsevents.actors.yamldict import NamedEntry
from newsevents.errors import DictionaryError

FileKind = Literal["actors", "agents", "verbs", "discards", "yaml"]
NULL_CODES = frozenset({"---", "+++", "###"})
_VERB_BLOCK = re.compile(r"^\s*---\s+\S.*\[[^\]]*\]\s*---", re.MULTILINE)
_DATE_RANGE = re.compile(r"^(\d{6,8})\s*-\s*(\d{6,8})$")


def sniff(path: Path, text: str) -> FileKind:
    """What kind of dictionary a file is, from its name and content."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return "yaml"
    if _VERB_BLOCK.search(text):
        return "verbs"
    lines = [line for _, line in clean_lines(path, text)]
    if any("~" in line and "[" in line for line in lines):
        return "agents"
    if any("[" in line for line in lines):
        return "actors"
    return "discards"


def clean_lines(path: Path, text: str) -> Iterator[tuple[int, str]]:
    """(line number, content) of the lines that are not comments or blank."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!--" in line:
            before, after = line.split("<!--", 1)
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_comment = before, True
        if line.lstrip().startswith("<!"):
            continue
        line = line.split("#", 1)[0]
        if line.strip():
            yield number, line.rstrip()


def read_actors(path: Path, text: str, *, sectors: frozenset[str]) -> list[NamedEntry]:
    """Parse a PETRARCH actors dictionary into named entries (kind ``imported``)."""
    out: list[NamedEntry] = []
    names: list[str] = []
    variants: list[Variant] = []
    start_line = 0

    def flush() -> None:
        if names:
            origin = f"{path}:{start_line}"
            if not variants:
                raise DictionaryError(f"{origin}: actor '{names[0]}' has no [CODE]; add one")
            entry = ActorEntry(names[0].title(), "imported", tuple(variants), origin=origin)
            out.append(NamedEntry(entry, tuple(names)))

    for number, line in clean_lines(path, text):
        stripped = line.strip()
        if stripped.startswith("["):
            if not names:
                raise DictionaryError(f"{path}:{number}: code block before any actor name")
            variants.extend(_codes(path, number, stripped, sectors))
            continue
        phrase, codes = _split_codes(path, number, stripped)
        if phrase.startswith("+"):
            if not names:
                raise DictionaryError(f"{path}:{number}: synonym '+...' before any actor name")
            names.append(_phrase(phrase[1:]))
        else:
            flush()
            names, variants, start_line = [_phrase(phrase)], [], number
        if codes:
            variants.extend(_codes(path, number, codes, sectors))
    flush()
    return out


def _split_codes(path: Path, number: int, line: str) -> tuple[str, str]:
    if "[" not in line:
        return line, ""
    if "]" not in line.split("[", 1)[1]:
        raise DictionaryError(f"{path}:{number}: '[' without ']' in {line.strip()!r}")
    phrase, rest = line.split("[", 1)
    return phrase.strip(), "[" + rest


def _phrase(text: str) -> str:
    return text.strip().rstrip("_").replace("_", " ").strip()


def _codes(path: Path, number: int, block: str, sectors: frozenset[str]) -> Iterator[Variant]:
    if not block.endswith("]") or block.count("[") != 1:
        raise DictionaryError(f"{path}:{number}: malformed code block {block!r}; use [CODE date]")
    body = block[1:-1].strip()
    if not body:
        raise DictionaryError(f"{path}:{number}: empty code block []")
    code, _, restriction = body.partition(" ")
    start, end = _restriction(path, number, restriction.strip())
    for one in code.upper().split("/"):
        if one in NULL_CODES:
            yield Variant("", start=start, end=end)
            continue
        if not re.fullmatch(r"[A-Z0-9]+", one):
            raise DictionaryError(f"{path}:{number}: {one!r} is not a code (letters and digits)")
        country, sector = split_code(one, sectors)
        yield Variant(one, country, sector, None, None, start, end)


def _restriction(path: Path, number: int, text: str) -> tuple[dt.date | None, dt.date | None]:
    text = text.replace(" ", "")
    if not text:
        return None, None
    if text[0] in "<>":
        date = _date(path, number, text[1:])
        return (None, date) if text[0] == "<" else (date, None)
    m = _DATE_RANGE.match(text)
    if m:
        last = _date(path, number, m.group(2))
        return _date(path, number, m.group(1)), last + dt.timedelta(days=1)
    raise DictionaryError(f"{path}:{number}: date restriction {text!r}: use <date, >date or d1-d2")


def _date(path: Path, number: int, text: str) -> dt.date:
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            yy = int(text[:2])
            return dt.date(2000 + yy if yy <= 30 else 1900 + yy, int(text[2:4]), int(text[4:]))
    except ValueError:
        pass
    raise DictionaryError(f"{path}:{number}: {text!r} is not a date; use YYYYMMDD or YYMMDD")


def read_agents(path: Path, text: str) -> list[AgentEntry]:
    """Parse a PETRARCH agents dictionary; lines without a code are skipped, as PETRARCH does."""
    out: list[AgentEntry] = []
    markers: dict[str, list[str]] = {}
    for number, line in clean_lines(path, text):
        origin = f"{path}:{number}"
        if "!" in line and "=" in line and "[" not in line:
            name, _, items = line.partition("=")
            markers[name.strip().strip("!").upper()] = [i.strip() for i in items.split(",")]
            continue
        if "[" not in line:
            continue  # PETRARCH: "Codes are required for agents", line skipped
        phrase, block = _split_codes(path, number, line)
        code = block[1 : block.index("]")].replace(" ", "").upper()
        prefix, suffix = (code[:-1], "") if code.endswith("~") else ("", code.lstrip("~"))
        if not re.fullmatch(r"[A-Z0-9]*", prefix + suffix) or not prefix + suffix:
            raise DictionaryError(f"{origin}: agent code {code!r} must look like ~GOV or NGO~")
        for form in _agent_forms(origin, phrase, markers):
            out.append(AgentEntry(form, suffix=suffix, prefix=prefix, role=None, origin=origin))
    return out


def _agent_forms(origin: str, phrase: str, markers: dict[str, list[str]]) -> list[str]:
    """The phrase (with "{plural}" kept for the index) or its marker substitutions."""
    m = re.search(r"!([A-Z]+)!", phrase.upper())
    if m is None:
        return [phrase.replace("_", " ")]
    if m.group(1) not in markers:
        raise DictionaryError(f"{origin}: substitution set !{m.group(1)}! is not defined above")
    head, tail = phrase[: m.start()], phrase[m.end() :].split("{", 1)[0]
    return [(head + sub + tail).replace("_", " ") + " {}" for sub in markers[m.group(1)]]
