"""article_from_text, ids, dates, furniture and the .txt reader."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from newsevents.errors import ArticleTooLarge, InputError
from newsevents.ingest import (
    Boilerplate,
    ReadProblem,
    article_from_text,
    article_id,
    parse_published,
    read_articles,
)
from newsevents.ingest.boilerplate import DEFAULT_PHRASES
from newsevents.model import Article
from tests.ingest.conftest import read_all

TEXT = "Japan pledged aid to Bangladesh on Sunday.\n\nThe EU promised a further 1.1 million euros."


def test_id_is_stable_across_spacing_and_composition() -> None:
    first = article_id("Café  talks\n resumed.")
    assert first == article_id("Cafe\u0301 talks resumed.")
    assert first == article_id("  Café talks resumed.  ")
    assert len(first) == 16 and int(first, 16) >= 0
    assert first != article_id("Café talks stalled.")


def test_article_id_matches_the_article_text() -> None:
    article = article_from_text(TEXT + "\n\nShare this:")
    assert article.id == article_id(article.text)
    assert article_from_text(TEXT.replace("\n\n", "\n\n\n  ")).id == article.id


def test_given_id_and_metadata_are_kept() -> None:
    article = article_from_text(
        TEXT,
        id="a-1",
        title=" Aid  pledged ",
        url="https://x.example/a",
        source="Wire",
        published="2024-08-25T10:00:00+06:00",
        origin="mem",
    )
    assert (article.id, article.title, article.url, article.source) == (
        "a-1",
        "Aid pledged",
        "https://x.example/a",
        "Wire",
    )
    assert article.published == dt.date(2024, 8, 25)
    assert article.origin == "mem"


def test_published_accepts_dates_and_iso_strings_only() -> None:
    assert parse_published("2024-03-12") == dt.date(2024, 3, 12)
    assert parse_published("2024-03-12T23:30:00Z") == dt.date(2024, 3, 12)
    assert parse_published(dt.datetime(2024, 3, 12, 8)) == dt.date(2024, 3, 12)
    assert parse_published(None) is None
    with pytest.raises(ValueError, match="not a date"):
        parse_published("yesterday")
    with pytest.raises(InputError, match="2024-03-12"):
        article_from_text(TEXT, published="12/03/2024")


def test_furniture_is_dropped_at_the_edges_only() -> None:
    text = "Advertisement\n\n" + TEXT + "\n\nRead more\n\nLeave a Reply\n\nComments"
    article = article_from_text(text)
    assert article.text == TEXT
    middle = "Japan pledged aid.\n\nComments\n\nThe EU promised more."
    assert article_from_text(middle).text == middle


def test_furniture_phrases_come_from_the_data_file(tmp_path: Path) -> None:
    phrases = DEFAULT_PHRASES.read_text(encoding="utf-8")
    assert "leave a reply" in phrases and "share this" in phrases
    custom = tmp_path / "furniture.txt"
    custom.write_text("# mine\nDonate now\n", encoding="utf-8")
    mine = Boilerplate.load(custom)
    assert article_from_text(TEXT + "\n\nDONATE NOW!", boilerplate=mine).text == TEXT
    assert article_from_text(TEXT + "\n\nLeave a Reply", boilerplate=mine).text.endswith("Reply")


def test_empty_or_furniture_only_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        article_from_text("  \n\n \t ")
    with pytest.raises(InputError, match="no article text"):
        article_from_text("Share this:\n\nLeave a Reply")


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(ArticleTooLarge, match=r"1,001 characters.*max_article_chars \(1,000"):
        article_from_text("x" * 1001, max_chars=1000, origin="big.txt")
    assert article_from_text("x" * 1001, max_chars=None).text == "x" * 1001


def test_txt_file_and_stdin_give_the_same_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    (from_file,), problems = read_all([str(path)])
    (from_stdin,), _ = read_all(["-"], stdin=io.StringIO(TEXT))
    assert problems == []
    assert from_file.id == from_stdin.id
    assert from_file.origin == str(path) and from_stdin.origin == "<stdin>"
    assert from_file.title is None and from_file.published is None


def test_published_argument_dates_every_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (article,), _ = read_all([str(tmp_path / "a.txt")], published=dt.date(2024, 8, 25))
    assert article.published == dt.date(2024, 8, 25)


def test_process_stdin_bytes_are_decoded_with_replacement(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO("Seoul condemned the launches. Caf\xe9.".encode("latin-1"))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    (warning, article) = list(read_articles(["-"]))
    assert isinstance(warning, ReadProblem) and warning.origin == "<stdin>"
    assert not warning.fatal and "UTF-8" in warning.message
    assert isinstance(article, Article) and article.text.endswith("Caf\ufffd.")
