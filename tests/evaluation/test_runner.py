from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.console import Console

from newsevents.errors import EvalError
from newsevents.evaluation import EvalReport, evaluate, score_set
from newsevents.evaluation.gold import GoldCoding, GoldRecord, GoldSet
from newsevents.evaluation.report import print_report
from newsevents.evaluation.runner import Outcome
from newsevents.evaluation.scoring import Counts
from newsevents.model import Article, Event
from tests.evaluation.conftest import actor, event

RECORDS = (
    GoldRecord(
        "r1",
        "Ukraine ratified a deal with the EU.",
        dt.date(2015, 6, 9),
        (GoldCoding("UKR", "IGOEUREEC", "057"),),
    ),
    GoldRecord(
        "r2",
        "Brazil and the US seek ties.",
        None,
        (GoldCoding("BRA", "USA", "031"), GoldCoding("USA", "BRA", "031")),
    ),
    GoldRecord("r3", "Nothing happened.", None),
)


def as_events(codings: Sequence[GoldCoding]) -> list[Event]:
    return [
        event(actor(c.source, country=c.source[:3]), actor(c.target, country=c.target[:3]), c.code)
        for c in codings
    ]


def test_articles_carry_id_text_and_date() -> None:
    seen: list[Article] = []

    def coder(articles: Sequence[Article]) -> list[Outcome]:
        seen.extend(articles)
        return [((), None) for _ in articles]

    score_set(GoldSet("gsr", Path("g.xml"), RECORDS), coder)
    assert [(a.id, a.text, a.published) for a in seen] == [
        (r.id, r.text, r.published) for r in RECORDS
    ]


def test_perfect_and_imperfect_coders() -> None:
    gold = GoldSet("gsr", Path("g.xml"), RECORDS)
    perfect = score_set(gold, lambda arts: [(as_events(r.codings), None) for r in RECORDS])
    assert perfect.metrics["dyad_root_f1"] == 1.0 and perfect.metrics["exact_f1"] == 1.0
    assert perfect.misses == ()

    def sloppy(articles: Sequence[Article]) -> list[Outcome]:
        return [
            (as_events([GoldCoding("UKRGOV", "IGOEUREEC", "051")]), None),  # root 05 ok, code not
            (as_events([GoldCoding("BRA", "USA", "031")]), None),  # one of two
            (as_events([GoldCoding("USA", "RUS", "111")]), "coding failure: boom"),  # extra
        ]

    report = score_set(gold, sloppy)
    assert report.dyad_root is not None and report.exact is not None
    assert (report.dyad_root.tp, report.dyad_root.fp, report.dyad_root.fn) == (2, 1, 1)
    assert (report.exact.tp, report.exact.fp, report.exact.fn) == (1, 2, 2)
    assert report.errors == 1
    assert [m.record_id for m in report.misses] == ["r2", "r3"]
    assert report.misses[1].note == "coding failure: boom"


def test_coder_must_return_one_result_per_article() -> None:
    with pytest.raises(EvalError, match="one result per article"):
        score_set(GoldSet("gsr", Path("g.xml"), RECORDS), lambda arts: [])


def test_unittest_exact_records_and_pentacode() -> None:
    unit = GoldSet("unittest", Path("u.xml"), RECORDS)
    report = score_set(
        unit,
        lambda arts: [
            (as_events(RECORDS[0].codings), None),
            (
                as_events([GoldCoding("BRAGOV", "USA", "031"), GoldCoding("USA", "BRA", "031")]),
                None,
            ),
            ((), None),
        ],
    )
    assert report.exact_records == 2  # r1 and the noevents r3; r2 has BRAGOV for BRA
    assert report.metrics["exact_records"] == pytest.approx(2 / 3)
    assert report.metrics["coding_recall"] == pytest.approx(2 / 3)
    assert report.metrics["dyad_root_f1"] == 1.0

    labelled = tuple(GoldRecord(f"c{i}", "x", None, label=i) for i in range(5))
    conf = GoldSet("conflibert", Path("t.tsv"), labelled)
    codes = ["010", "043", "190", "112", ""]
    report = score_set(
        conf, lambda arts: [([event(None, None, c)] if c else [], None) for c in codes]
    )
    assert report.pentacode is not None and report.pentacode.correct == 3  # 190 is class 4, not 2
    assert report.metrics["pentacode_accuracy"] == pytest.approx(0.6)
    assert "dyad_root_f1" not in report.metrics
    assert len(report.misses) == 2 and report.misses[-1].note == "gold class 4, predicted none"


def test_unittest_honours_require_dyad() -> None:
    """A one-sided event is no event under require_dyad; without it, its gap is ``---``."""
    said = GoldCoding("---GOV", "---", "023")
    records = (
        GoldRecord("d1", "x", None, (GoldCoding("ARN", "GON", "064"),)),
        GoldRecord("d2", "x", None, (said,), require_dyad=False),
    )
    predicted = [
        event(actor("ARN", country="ARN"), actor("GON", country="GON"), "064"),
        event(actor("---GOV", sector="GOV"), None, "023"),
    ]
    report = score_set(
        GoldSet("unittest", Path("u.xml"), records),
        lambda arts: [
            (predicted, None),
            (predicted[1:], None),
        ],
    )
    assert report.exact_records == 2
    assert report.full is not None and report.full.fp == 0
    assert report.one_sided == 1  # the 023 of d1, unscored there


def test_gsr_scores_dyads_only_as_petrarch_does() -> None:
    """GSR records are PETRARCH-2 output under require_dyad (its default): a one-sided
    prediction is no false positive, and it can still match a gold ``---``."""
    records = (
        GoldRecord("g1", "x", None, (GoldCoding("RWALEG", "---", "140"),)),
        GoldRecord("g2", "x", None, ()),
    )
    outcomes = [
        [event(actor("RWALEG", country="RWA", sector="LEG"), None, "141")],
        [
            event(None, actor("ISR", country="ISR"), "190"),
            event(actor("USA", country="USA"), actor("ISR", country="ISR"), "042"),
        ],
    ]
    report = score_set(
        GoldSet("gsr", Path("g.xml"), records), lambda arts: [(o, None) for o in outcomes]
    )
    assert report.dyad_root == Counts(tp=1, fp=1, fn=0)
    assert report.one_sided == 2


def test_print_report_shows_tables_and_misses() -> None:
    gold = GoldSet("gsr", Path("g.xml"), RECORDS, skipped=(("x", "expects error 'dateline'"),))
    report = EvalReport((score_set(gold, lambda arts: [((), None)] * 3),))
    out = io.StringIO()
    print_report(report, Console(file=out, width=120), show_misses=True)
    text = out.getvalue()
    assert "PETRARCH-2 validation set" in text and "dyad + root" in text
    assert "1 records left out (1 expects error 'dateline')" in text
    assert "missed  UKR 057 IGOEUREEC" in text
    assert "Ukraine ratified a deal" in text


def test_evaluate_fails_before_loading_the_model(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match=r"not found: looked for .*universalpetrarch-gsr"):
        evaluate("all", shared=tmp_path)
    with pytest.raises(EvalError, match="unknown gold set"):
        evaluate("nope", shared=tmp_path)
