"""Build newsevents/data/cameo/cameo.tsv from the public reference tables.

Run from the repository root::

    .venv/bin/python scripts/build_ontology.py [--data /work/shared/data] [--out PATH]

Inputs (read-only, under ``--data``):

* ``gdelt-lookups/CAMEO.eventcodes.txt`` and ``CAMEO.goldsteinscale.txt`` (GDELT lookups,
  311 codes): the primary source of codes, names and Goldstein values.
* ``cameo-codes-icews/cameo-codes.csv`` (ICEWS CAMEO table, via andybega/icews): the
  description of each code, names where the GDELT lookup is corrupted or contradicts its own
  sub-codes, and the one code GDELT lacks (1213), with its ICEWS Goldstein value.
* ``plover/CAMEO2PLOVER-2021.txt`` (PLOVER Draft 0.8): the PLOVER event type of each code.

The package reads only the generated TSV; it never reads ``/work/shared`` at run time.
The conventions applied here are documented in docs/ontology.md.
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "newsevents" / "data" / "cameo" / "cameo.tsv"

PLOVER_TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]

# GDELT names that are corrupted (mojibake, typos) or that contradict the CAMEO 1.1b3 manual
# and GDELT's own four-digit sub-codes (101-108: e.g. 1011-1014 are "Demand ... cooperation",
# so 101 is "Demand material cooperation", not "Demand information, investigation").
ICEWS_NAME_CODES = frozenset({"033", "044", "101", "105", "106", "107", "108", "2041"})

# Roots 01 and 02 are dropped in PLOVER ("comments"); these two are kept as PLOVER events
# by newsevents convention (see docs/ontology.md).
PLOVER_OVERRIDES = {"015": "AGREE", "016": "REJECT"}
PLOVER_DROPPED_ROOTS = frozenset({"01", "02"})

_SUFFIX = re.compile(r",?\s*not spec(ified)? below\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Row:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    source: str
    description: str


def quad_class(root: str) -> int:
    """GDELT QuadClass: 01-05 verbal cooperation, 06-09 material cooperation, ..."""
    number = int(root)
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    if number <= 14:
        return 3
    return 4


def read_tsv_pairs(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    pairs = (line.split("\t", 1) for line in lines if line.strip())
    return {code.strip(): value.strip() for code, value in pairs}


def read_icews(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def read_plover(path: Path) -> dict[str, str]:
    """Code -> PLOVER type; for a root listed twice (08) the first line wins."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match and match.group(1) not in out:
            out[match.group(1)] = match.group(2)
    unknown = set(out.values()) - set(PLOVER_TYPES)
    if unknown:
        raise SystemExit(f"{path}: PLOVER types not in the current 16: {sorted(unknown)}")
    return out


def plover_for(code: str, table: dict[str, str]) -> str | None:
    if code in PLOVER_OVERRIDES:
        return PLOVER_OVERRIDES[code]
    if code[:2] in PLOVER_DROPPED_ROOTS:
        return None
    for prefix in (code, code[:3], code[:2]):
        if prefix in table:
            return table[prefix]
    raise SystemExit(f"no PLOVER type for CAMEO {code}")


def clean_name(name: str) -> str:
    name = _SUFFIX.sub("", name.strip())
    return re.sub(r"\s+", " ", name)


def build_rows(data: Path) -> list[Row]:
    names = read_tsv_pairs(data / "gdelt-lookups" / "CAMEO.eventcodes.txt")
    goldstein = read_tsv_pairs(data / "gdelt-lookups" / "CAMEO.goldsteinscale.txt")
    icews = read_icews(data / "cameo-codes-icews" / "cameo-codes.csv")
    plover = read_plover(data / "plover" / "CAMEO2PLOVER-2021.txt")
    rows: list[Row] = []
    for code in sorted(set(names) | set(icews)):
        info = icews.get(code, {})
        in_gdelt = code in names
        use_icews_name = not in_gdelt or code in ICEWS_NAME_CODES
        name = info["name"] if use_icews_name else names[code]
        value = goldstein[code] if in_gdelt else info["goldstein"]
        description = info.get("description", "")
        rows.append(
            Row(
                code=code,
                name=clean_name(name),
                root=code[:2],
                goldstein=float(value),
                quad_class=quad_class(code[:2]),
                plover=plover_for(code, plover),
                source="gdelt" if in_gdelt else "icews",
                description="" if description in ("", "NA") else description.strip(),
            )
        )
    return rows


def write_tsv(rows: list[Row], out: Path) -> None:
    header = "code\tname\troot\tgoldstein\tquad_class\tplover\tsource\tdescription"
    lines = [
        "# CAMEO event codes, generated by scripts/build_ontology.py; do not edit by hand.",
        "# Codes, names and Goldstein values: GDELT CAMEO lookups; descriptions and code 1213:",
        "# ICEWS CAMEO table (andybega/icews, MIT); PLOVER: CAMEO2PLOVER-2021.txt (OEDA,",
        "# CC BY-SA 4.0). Conventions: docs/ontology.md.",
        header,
    ]
    for row in rows:
        fields = (
            row.code,
            row.name,
            row.root,
            f"{row.goldstein:.1f}",
            str(row.quad_class),
            row.plover or "",
            row.source,
            row.description.replace("\t", " "),
        )
        lines.append("\t".join(fields))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = build_rows(args.data)
    write_tsv(rows, args.out)
    roots = sum(1 for row in rows if len(row.code) == 2)
    print(f"wrote {len(rows)} codes ({roots} roots) to {args.out}")


if __name__ == "__main__":
    main()
