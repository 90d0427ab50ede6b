"""The HTML reader (trafilatura) on the example page and on small pages."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from newsevents.ingest import read_articles
from newsevents.model import Article
from tests.ingest.conftest import EXAMPLES, read_all

PAGE = EXAMPLES / "html" / "2024-02-24_budapest_gripen.html"
FURNITURE = (
    "Share this",
    "Related posts",
    "Turkish parliament approves",
    "Finally. This should have happened",
    "Four jets is a small price",
    "Leave a Reply",
    "Sign up for our newsletter",
    "Privacy policy",
    "All rights reserved",
    "Search Danube Wire",
    "Advertisement",
    "Opinion",
)


def read_page() -> Article:
    (article,), problems = read_all([str(PAGE)])
    assert problems == []
    return article


def test_example_page_text_has_the_story_and_no_furniture() -> None:
    article = read_page()
    assert article.text.startswith("BUDAPEST, Feb 24 (Danube Wire) - Hungarian Prime Minister")
    assert "a charge that Orban's Fidesz party rejected." in article.text
    for phrase in FURNITURE:
        assert phrase not in article.text, phrase
    assert len(article.paragraphs) == 4
    assert "\n" not in article.paragraphs[0].text


def test_example_page_metadata() -> None:
    article = read_page()
    assert article.title == (
        "Orban hosts Kristersson in Budapest, Hungary to buy four more Gripen jets"
    )
    assert article.url == "https://news.example.org/world/2024/02/24/orban-hosts-kristersson-gripen"
    assert article.published == dt.date(2024, 2, 24)
    assert article.source == "Danube Wire"
    assert not article.text.startswith(article.title)


def test_published_argument_overrides_page_metadata() -> None:
    (article,), _ = read_all([str(PAGE)], published=dt.date(2024, 3, 1))
    assert article.published == dt.date(2024, 3, 1)


def test_html_from_stdin_is_recognised() -> None:
    html = PAGE.read_text(encoding="utf-8")
    (article,) = list(read_articles(["-"], stdin=io.StringIO(html)))
    assert isinstance(article, Article)
    assert article.title is not None and "Gripen" in article.title
    assert article.origin == "<stdin>"


def test_page_without_main_text_is_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(
        "<html><head><title>Gallery</title></head><body><script>var a = 1;</script>"
        "<img src='x.jpg'></body></html>",
        "utf-8",
    )
    articles, problems = read_all([str(page)])
    assert articles == []
    assert len(problems) == 1 and not problems[0].fatal
    assert "no article text found" in problems[0].message


def test_page_in_declared_charset_is_decoded(tmp_path: Path) -> None:
    body = "<p>Le président Macron a reçu son homologue à l'Élysée mardi après-midi. </p>" * 3
    html = '<html><head><meta charset="windows-1252"><title>Visite</title></head><body>'
    page = tmp_path / "latin.html"
    page.write_bytes((html + f"<article>{body}</article></body></html>").encode("cp1252"))
    (article,), problems = read_all([str(page)])
    assert problems == []
    assert "président Macron a reçu" in article.text and "\ufffd" not in article.text


def test_navigation_only_page_is_a_warning(tmp_path: Path) -> None:
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    articles, (problem,) = read_all([str(page)])
    assert articles == [] and not problem.fatal
    assert "page furniture" in problem.message
