from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from newsevents.errors import EvalError
from newsevents.evaluation.gold import (
    GoldCoding,
    load_set,
    parse_conflibert,
    parse_date,
    parse_gsr,
    parse_unittest,
    resolve_shared,
    set_path,
)

# The GSR file's shape: a self-closed <Sentence .../> later closed by </Sentence>, a bare-text
# header, codings before the text, multi-line text with entities.
GSR_SNIPPET = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
# header comment as bare text <Sentence> mentioned here is not a record
<Sentences>
<Sentence category="GOLD" date="20150609" id="GOLD_4" evaluate="true"/>
<EventCoding eventcode="057" sourcecode="UKR" targetcode="IGOEUREEC" />
<Text>
Ukraine ratified a sweeping agreement with the
European Union &amp; others on Tuesday.
</Text>
<Parse>
1	Ukraine	Ukraine	PROPN	NNP	_	2	nsubj	_	_
</Parse>
</Sentence>
<Sentence category="AFP" date="121108" id="AFP_2" evaluate="true">
<!-- Discard -->
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
"""


def test_parse_gsr_snippet() -> None:
    records = parse_gsr(GSR_SNIPPET.replace("<Sentence> mentioned", "mentioned"), origin="g.xml")
    assert [r.id for r in records] == ["GOLD_4", "AFP_2"]
    first, second = records
    assert first.codings == (GoldCoding("UKR", "IGOEUREEC", "057"),)
    assert (
        first.text
        == "Ukraine ratified a sweeping agreement with the European Union & others on Tuesday."
    )
    assert first.published == dt.date(2015, 6, 9)
    assert first.category == "GOLD"
    assert first.origin == "g.xml:5"
    assert second.codings == () and second.noevents
    assert second.published is None  # "121108" is not YYYYMMDD


def test_parse_gsr_rejects_a_record_without_text() -> None:
    with pytest.raises(EvalError, match=r"g\.xml:1: .*without an id or a <Text>"):
        parse_gsr('<Sentence id="X"/><EventCoding noevents="True"/>', origin="g.xml")


def test_parse_date() -> None:
    assert parse_date("20080804") == dt.date(2008, 8, 4)
    assert parse_date("20081399") is None
    assert parse_date(None) is None


def test_parse_unittest_skips_errors_and_quoted_actors() -> None:
    text = """<Validation><Sentences>
    <Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
    <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
    <Text>Arnor is about to restore
    full diplomatic ties with Gondor.</Text></Sentence>
    <Sentence date = "20080801" id = "A-2" category="DEMO" sentence="true">
    <EventCoding noevents = "True"></EventCoding><Text>Nothing.</Text></Sentence>
    <Sentence date="19950101" id="E-1" category="ERROR" sentence="true">
    <EventCoding error="storydiscard"></EventCoding><Text>Discard me.</Text></Sentence>
    <Sentence date="19950101" id="Q-1" category="ACTOR" sentence="true">
    <EventCoding sourcecode='"THE MINISTRY"' targetcode="GON" eventcode="023"></EventCoding>
    <Text>The Ministry said.</Text></Sentence>
    </Sentences></Validation>"""
    records, skipped = parse_unittest(text, origin="u.xml")
    assert [r.id for r in records] == ["A-1", "A-2"]
    assert records[0].text == "Arnor is about to restore full diplomatic ties with Gondor."
    assert records[0].published == dt.date(1995, 1, 1)
    assert records[1].noevents and records[1].published == dt.date(2008, 8, 1)
    assert [s[0] for s in skipped] == ["E-1", "Q-1"]
    assert "storydiscard" in skipped[0][1]


def test_parse_unittest_reads_require_dyad_config() -> None:
    text = """<Validation><Sentences>
    <Sentence id="A" date="19950101"><Text>One.</Text></Sentence>
    <Config option="require_dyad" value="FALSE"></Config>
    <Config option="comma_max" value="0"></Config>
    <Sentence id="B" date="19950101"><Text>Two.</Text></Sentence>
    <Config option="require_dyad" value="True"></Config>
    <Sentence id="C" date="19950101"><Text>Three.</Text></Sentence>
    </Sentences></Validation>"""
    records, _ = parse_unittest(text, origin="u.xml")
    assert [(r.id, r.require_dyad) for r in records] == [("A", True), ("B", False), ("C", True)]


def test_parse_unittest_rejects_broken_xml() -> None:
    with pytest.raises(EvalError, match=r"u\.xml: not well-formed"):
        parse_unittest("<Validation><Sentence>", origin="u.xml")


def test_parse_conflibert() -> None:
    records = parse_conflibert("A said B.\t0\n\nC attacked D.\t4\n", origin="t.tsv")
    assert [(r.text, r.label, r.published) for r in records] == [
        ("A said B.", 0, None),
        ("C attacked D.", 4, None),
    ]
    assert records[1].origin == "t.tsv:3"
    with pytest.raises(EvalError, match=r"t\.tsv:1: expected 'sentence<TAB>label'"):
        parse_conflibert("no label here\n", origin="t.tsv")
    with pytest.raises(EvalError, match=r"t\.tsv:1"):
        parse_conflibert("bad label\t7\n", origin="t.tsv")


def test_missing_set_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"looked for .*PETR2_GSR_validation\.xml.*--shared"):
        set_path("gsr", tmp_path)
    with pytest.raises(EvalError, match="unknown gold set"):
        set_path("nope", tmp_path)


def test_resolve_shared_accepts_the_parent_folder(shared_data: Path) -> None:
    assert resolve_shared(shared_data.parent) == shared_data.parent / "data"
    assert resolve_shared(shared_data) == shared_data


def test_real_gsr(shared_data: Path) -> None:
    gold = load_set("gsr", shared_data)
    assert len(gold.records) == 78
    assert (
        sum(len(r.codings) for r in gold.records) == 80
    )  # + 12 noevents; SOURCE.md counts 93 with the header mention
    assert sum(r.noevents for r in gold.records) == 12
    first = gold.records[0]
    assert first.id == "AFP0808020625_4" and first.published == dt.date(2008, 8, 4)
    assert first.text.startswith("The stopover came as the US leader")


def test_real_unittest(shared_data: Path) -> None:
    gold = load_set("unittest", shared_data)
    assert len(gold.records) + len(gold.skipped) == 284
    reasons = Counter("error" if "error" in r else "quoted" for _, r in gold.skipped)
    assert reasons["error"] == 7 and reasons["quoted"] >= 3
    assert gold.records[0].id == "DEMO-00"
    assert gold.records[0].codings == (GoldCoding("ARN", "GON", "064"),)


def test_real_conflibert(shared_data: Path) -> None:
    gold = load_set("conflibert", shared_data)
    labels = Counter(r.label for r in gold.records)
    assert labels == {0: 240, 1: 248, 2: 303, 3: 337, 4: 221}
