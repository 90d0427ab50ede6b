"""Words before and after the verb in imported PETRARCH patterns: import, parse, match.

The parses are built by hand, so the grammar is tested without the statistical model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsevents.coding.lexicon import Lexicon, Predicate
from newsevents.coding.petrarch_verbs import load_petrarch_verbs
from newsevents.coding.verb_context import words_after, words_before
from newsevents.doctree import DocTree
from tests.coding.handparse import parse

VERBS = """&NEGAUX
+DID N'T
+WO N'T
+WILL NOT

--- CLASH  [223] ---
CLASH
- UNEXPECTEDLY &NEGAUX * OVER EFFORTS  [906]
- MOST_CERTAINLY_&NEGAUX_EVER * OVER EFFORTS  [907]
- &NEGAUX EVER * OVER EFFORTS  [905]
- &NEGAUX * OVER EFFORTS  [904]
- * OVER EFFORTS  [121]

--- DELAY [120] ---
DELAY
- % HAVE  *  [191]

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * EUROS [903]
- * NEW_ECONOMIC_AID [904]
"""

# "Romendacil most certainly really did not even ever clash over the efforts of Eriador ."
CLASH = """
Romendacil Romendacil PROPN NNP nsubj 9
most most ADV RBS advmod 3
certainly certainly ADV RB advmod 9
really really ADV RB advmod 9
did do AUX VBD aux 9
not not PART RB neg 9
even even ADV RB advmod 8
ever ever ADV RB advmod 9
clash clash VERB VB ROOT 0
over over ADP IN prep 9
the the DET DT det 12
efforts effort NOUN NNS pobj 10
of of ADP IN prep 12
Eriador Eriador PROPN NNP pobj 13
. . PUNCT . punct 9
"""

# "Romendacil most certainly did n't ever clash over the efforts ."
CLASH_ADJACENT = """
Romendacil Romendacil PROPN NNP nsubj 7
most most ADV RBS advmod 3
certainly certainly ADV RB advmod 7
did do AUX VBD aux 7
n't not PART RB neg 7
ever ever ADV RB advmod 7
clash clash VERB VB ROOT 0
over over ADP IN prep 7
the the DET DT det 10
efforts effort NOUN NNS pobj 8
. . PUNCT . punct 7
"""

# "Romendacil won't try to clash over the efforts , which failed ."
TRY = """
Romendacil Romendacil PROPN NNP nsubj 4
wo will AUX MD aux 4
n't not PART RB neg 4
try try VERB VB ROOT 0
to to PART TO aux 6
clash clash VERB VB xcomp 4
over over ADP IN prep 6
the the DET DT det 9
efforts effort NOUN NNS pobj 7
, , PUNCT , punct 9
which which PRON WDT nsubj 12
failed fail VERB VBD relcl 9
. . PUNCT . punct 4
"""


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    path: Path = tmp_path_factory.mktemp("verbs") / "ctx.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return load_petrarch_verbs(path)


def predicate(doc: Doc, lemma: str) -> Predicate:
    verb = next(t for t in doc if t.lemma_ == lemma)
    tree = DocTree.of(doc)
    return Predicate(
        lemma, form=verb.lower_, before=words_before(tree, verb.i), words=words_after(tree, verb.i)
    )


def test_words_before_climb_complements_and_spell_out_contractions() -> None:
    doc = parse(TRY)
    tree, clash = DocTree.of(doc), 5
    expected = (("will", "will"), ("not", "not"), ("try", "try"), ("to", "to"))
    assert words_before(tree, clash) == expected
    # the relative clause on "efforts" is not part of the verb phrase
    assert [form for form, _ in words_after(tree, clash)] == ["over", "the", "efforts"]


def test_groups_are_adjacent_and_ordered(lexicon: Lexicon) -> None:
    doc = parse(CLASH)
    pattern = lexicon.match_verb(predicate(doc, "clash"))
    # "did not even ever": 907 needs "did not ever" adjacent, 905 allows the gap
    assert pattern is not None and pattern.code == "905"
    assert pattern.absorbs_negation
    pattern = lexicon.match_verb(predicate(parse(CLASH_ADJACENT), "clash"))
    assert pattern is not None and pattern.code == "907"


def test_negation_through_a_control_verb(lexicon: Lexicon) -> None:
    pattern = lexicon.match_verb(predicate(parse(TRY), "clash"))
    assert pattern is not None and pattern.code == "904" and pattern.absorbs_negation
    plain = lexicon.match_verb(Predicate("clash", words=(("over", "over"), ("efforts", "effort"))))
    assert plain is not None and plain.code == "121" and not plain.absorbs_negation
    bare = lexicon.match_verb(Predicate("clash"))
    assert bare is not None and bare.code == "223"


def test_words_match_by_form_or_lemma(lexicon: Lexicon) -> None:
    # the parser may leave "euros" unlemmatized; the pattern word matches either spelling
    found = (("a", "a"), ("million", "million"), ("euros", "euros"), ("to", "to"))
    pattern = lexicon.match_verb(Predicate("contribute", words=found))
    assert pattern is not None and pattern.code == "903"
    gap = (("new", "new"), ("global", "global"), ("economic", "economic"), ("aid", "aid"))
    pattern = lexicon.match_verb(Predicate("contribute", words=gap))
    assert pattern is not None and pattern.code == "070"  # NEW_ECONOMIC_AID is one phrase
    pattern = lexicon.match_verb(Predicate("contribute", words=gap[:1] + gap[2:]))
    assert pattern is not None and pattern.code == "904"


def test_compound_marker_before_the_verb(lexicon: Lexicon) -> None:
    delay = lexicon.match_verb(Predicate("delay", before=(("have", "have"),)))
    assert delay is not None and delay.code == "191" and delay.reciprocal
    assert not delay.absorbs_negation
    assert lexicon.verb_context("delay") == (True, False)
    assert lexicon.verb_context("contribute") == (False, True)
