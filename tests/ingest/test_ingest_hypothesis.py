"""Hostile text: article_from_text never crashes, and ids are stable."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.errors import InputError
from newsevents.ingest import article_from_text, article_id, split_paragraphs

# Any Unicode (including lone surrogates and controls), biased towards line breaks and spaces.
hostile = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=()),
        st.sampled_from(["\n", " ", "\r", "\u2028", "\u00a0", ".", "A", "a", "\x00"]),
    ),
    max_size=400,
)


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_any_text_gives_an_article_or_an_input_error(text: str) -> None:
    try:
        article = article_from_text(text)
    except InputError as exc:
        assert "no article text" in str(exc)
        return
    assert article.id == article_id(article.text) == article_from_text(text).id
    assert article.text == article.text.strip() and "\n\n\n" not in article.text
    parts = article.text.split("\n\n")
    assert all(part and part == " ".join(part.split()) for part in parts)
    assert [p.text for p in article.paragraphs] == parts
    assert article.text.encode("utf-8")  # no lone surrogates survive


@settings(max_examples=200, deadline=None)
@given(hostile)
def test_splitting_is_idempotent(text: str) -> None:
    once = split_paragraphs(text)
    assert split_paragraphs("\n\n".join(once)) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([" ", "\n", "  \t", "\u00a0"]))
def test_id_ignores_spacing(text: str, gap: str) -> None:
    words = text.split()
    assert article_id(" ".join(words)) == article_id(gap.join(words))


def test_hostile_strategy_can_produce_empty_text() -> None:
    with pytest.raises(InputError):
        article_from_text("\x00\u200b \n\n \ufeff")
