"""The plain-text paragraph rule, whitespace normalisation and datelines."""

from __future__ import annotations

import textwrap
from pathlib import Path

from newsevents.ingest import article_from_text, find_dateline, split_paragraphs

BODY = [
    "Kim led Shoigu on a tour of a defense exhibition being held to mark the war anniversary, "
    "KCNA says",
    "According to state media, the two men discussed the worldwide trend of weaponry "
    "development and exchanged views on regional security at length on Wednesday.",
    "The White House has accused North Korea of supplying arms to Russia for use in Ukraine, "
    "a charge that Pyongyang has repeatedly denied as groundless.",
]


def test_seed_gives_six_paragraphs_and_drops_leave_a_reply(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    paragraphs = split_paragraphs(raw)
    assert len(paragraphs) == 7
    assert paragraphs[-1] == "Leave a Reply"
    assert paragraphs[1].endswith("KCNA says")
    assert paragraphs[2].startswith("According to")
    article = article_from_text(raw)
    assert len(article.paragraphs) == 6
    assert "Leave a Reply" not in article.text
    assert [p.text for p in article.paragraphs] == paragraphs[:6]


def test_seed_without_blank_lines_splits_the_same(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    one_per_line = "\n".join(block.strip() for block in raw.split("\n\n"))
    assert split_paragraphs(one_per_line) == split_paragraphs(raw)


def test_hard_wrapped_text_with_blank_lines_is_rejoined(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    wrapped = "\n\n".join(textwrap.fill(block, 72) for block in raw.split("\n\n"))
    assert wrapped.count("\n") > 30
    assert split_paragraphs(wrapped) == split_paragraphs(raw)


def test_one_paragraph_per_line_breaks_at_line_without_full_stop() -> None:
    paragraphs = split_paragraphs("\n".join(BODY))
    assert paragraphs == BODY


def test_lowercase_continuation_and_dateline_dash_join_lines() -> None:
    text = "BUDAPEST, Feb 24 (Wire) -\nHungary hosted the Swedish prime\nminister on Friday."
    assert split_paragraphs(text) == [
        "BUDAPEST, Feb 24 (Wire) - Hungary hosted the Swedish prime minister on Friday."
    ]


def test_short_headline_line_stays_apart_in_wrapped_text() -> None:
    body = textwrap.fill(" ".join(BODY[1:]), 70)
    paragraphs = split_paragraphs("Kim hosts Shoigu\n" + body)
    assert paragraphs[0] == "Kim hosts Shoigu"
    assert paragraphs[1] == " ".join(BODY[1:])


def test_whitespace_controls_and_unicode_are_normalised() -> None:
    text = "  Kim\u00a0Jong\tUn  met\x00 Shoigu.\r\n\r\n\r\nCafe\u0301 talks\u2028resumed. \n\n\n"
    article = article_from_text(text)
    assert article.text == "Kim Jong Un met Shoigu.\n\nCafé talks resumed."
    assert "\u0301" not in article.text


def test_paragraph_offsets_index_article_text() -> None:
    article = article_from_text("\n\n".join(BODY))
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.start + len(paragraph.text)] == (
            paragraph.text
        )
    assert "\n\n\n" not in article.text


def test_dateline_found_with_place_date_and_agency() -> None:
    found = find_dateline("GRANADA, Spain, Oct 6 (Danube Wire) - Armenia's prime minister met")
    assert found is not None
    assert (found.place, found.region, found.date, found.agency) == (
        "GRANADA",
        "Spain",
        "Oct 6",
        "Danube Wire",
    )
    assert "GRANADA, Spain, Oct 6 (Danube Wire) - Armenia"[found.end :] == "Armenia"


def test_dateline_needs_a_region_date_or_agency_and_must_open_the_paragraph() -> None:
    assert find_dateline("ADDIS ABABA, Aug 23 - The African Union") is not None
    kyiv = find_dateline("KYIV, Ukraine — Russian forces attacked")
    assert kyiv is not None and "KYIV, Ukraine — Russian"[kyiv.end :] == "Russian"
    gaza = find_dateline("GAZA CITY, Palestinian Territories: Four children were killed")
    assert gaza is not None and gaza.region == "Palestinian Territories"
    assert find_dateline("NATO - the alliance said") is None
    assert find_dateline("LYON: Interpol said") is None
    assert find_dateline("North Korea said on Monday - again") is None
    assert find_dateline("He said MANILA, July 9 - was") is None


def test_word_broken_at_a_hyphen_is_joined_without_a_space() -> None:
    text = "The well-\nknown envoy arrived - \nand left."
    assert split_paragraphs(text) == ["The well-known envoy arrived - and left."]
