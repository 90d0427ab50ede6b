"""The example articles shipped in examples/ read cleanly and cover what they promise."""

from __future__ import annotations

import json

from newsevents.ingest import ARTICLE_SUFFIXES
from tests.ingest.conftest import EXAMPLES, read_all


def test_examples_read_without_problems_and_all_dated() -> None:
    articles, problems = read_all([str(EXAMPLES)])
    assert problems == []
    files = [p for p in EXAMPLES.rglob("*") if p.suffix in ARTICLE_SUFFIXES]
    assert len(files) >= 13
    assert len(articles) >= 18
    assert all(a.published is not None for a in articles)
    assert len({a.id for a in articles}) == len(articles)


def test_every_text_example_is_listed_in_manifest_and_readme() -> None:
    manifest = (EXAMPLES / "published.tsv").read_text(encoding="utf-8")
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert "written for the newsevents project" in readme
    for path in EXAMPLES.glob("*.txt"):
        assert f"{path.name}\t{path.name[:10]}" in manifest
        assert path.name in readme


def test_text_examples_have_two_to_five_paragraphs() -> None:
    articles, _ = read_all([str(p) for p in sorted(EXAMPLES.glob("*.txt"))])
    assert len(articles) >= 11
    for article in articles:
        assert 2 <= len(article.paragraphs) <= 5, article.origin


def test_scraped_layout_example_keeps_its_first_line_apart() -> None:
    (article,), _ = read_all([str(EXAMPLES / "2023-09-14_xinhua_maduro_beijing.txt")])
    first = article.paragraphs[0].text
    assert first.endswith("state news agency Xinhua reported")
    assert article.paragraphs[1].text.startswith("The two leaders agreed")
    assert "Share this" not in article.text


def test_batch_has_five_complete_records() -> None:
    lines = (EXAMPLES / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert len(records) >= 5
    for record in records:
        assert {"id", "url", "title", "source", "published", "text"} <= record.keys()


def test_examples_cover_the_promised_phrasings() -> None:
    articles, _ = read_all([str(EXAMPLES)])
    corpus = "\n".join(a.text for a in articles)
    for phrase in (
        "hosted",
        "signed",
        "fired tear gas",
        "arrested",
        "air strikes",
        "shelled",
        "imposed sanctions",
        "expel",
        "accused",
        "rejected the accusation",
        "state news agency Xinhua reported",
        "did not meet",
        "No talks were held",
        "refused to attend",
        "threatened",
        "will visit",
        "pledged $2 million",
    ):
        assert phrase in corpus, phrase
