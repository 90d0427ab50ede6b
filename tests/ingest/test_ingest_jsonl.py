"""The JSON Lines reader: fields, broken lines and date precedence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.ingest.conftest import read_all

GOOD = {
    "id": "x1",
    "url": "https://news.example.org/x1",
    "title": "Guyana accuses Venezuela",
    "source": "Meridian News",
    "published": "2024-04-04",
    "text": "Guyana accused Venezuela on Thursday.\n\nCaracas rejected the accusation.",
}


def write_lines(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_all_fields_are_read(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "news.jsonl", [json.dumps(GOOD)])
    (article,), problems = read_all([path])
    assert problems == []
    assert (article.id, article.url, article.title, article.source) == (
        "x1",
        GOOD["url"],
        GOOD["title"],
        "Meridian News",
    )
    assert article.published == dt.date(2024, 4, 4)
    assert len(article.paragraphs) == 2
    assert article.origin == f"{path}:1"


def test_only_text_is_required(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "news.jsonl", ['{"text": "Brazil urged dialogue."}', "", " "])
    (article,), problems = read_all([path])
    assert problems == []
    assert article.text == "Brazil urged dialogue." and article.title is None
    assert len(article.id) == 16


def test_broken_lines_name_file_and_line_and_the_rest_is_read(tmp_path: Path) -> None:
    lines = [
        json.dumps(GOOD),
        '{"text": "Seoul condemned the launches."}',
        '{"text": "broken" "id": 3}',
        "[1, 2]",
        '{"title": "no text"}',
        '{"text": "   "}',
        '{"text": "Fine.", "published": "last Tuesday"}',
        '{"text": "Fine.", "title": 7}',
        '{"text": "Tehran did not respond.", "id": 42}',
    ]
    path = write_lines(tmp_path / "news.jsonl", lines)
    articles, problems = read_all([path])
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:2", f"{path}:9"]
    assert articles[2].id == "42"
    assert [p.origin for p in problems] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7, 8)]
    assert all(p.fatal for p in problems)
    assert problems[0].message.startswith("invalid JSON (Expecting ',' delimiter")
    assert problems[0].message.endswith("; fix or remove the line")
    assert "expected a JSON object, got list" in problems[1].message
    assert '"text"' in problems[2].message and '"text"' in problems[3].message
    assert "last Tuesday" in problems[4].message
    assert '"title" must be a string' in problems[5].message
    assert str(problems[0]).startswith(f"{path}:3: error: invalid JSON")


def test_published_precedence_argument_then_field_then_manifest(tmp_path: Path) -> None:
    undated = {"text": "Ethiopia denies the charge."}
    path = write_lines(tmp_path / "news.jsonl", [json.dumps(GOOD), json.dumps(undated)])
    (tmp_path / "published.tsv").write_text("news.jsonl\t2024-07-02\n", encoding="utf-8")
    articles, _ = read_all([path])
    assert [a.published for a in articles] == [dt.date(2024, 4, 4), dt.date(2024, 7, 2)]
    forced, _ = read_all([path], published=dt.date(2020, 1, 1))
    assert [a.published for a in forced] == [dt.date(2020, 1, 1)] * 2


def test_invalid_utf8_line_warns_once_and_is_read(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_bytes(b'{"text": "Caf\xe9 talks resumed."}\n{"text": "Bad \xff again."}\n')
    articles, problems = read_all([str(path)])
    assert [a.text for a in articles] == ["Caf\ufffd talks resumed.", "Bad \ufffd again."]
    assert len(problems) == 1 and not problems[0].fatal
    assert problems[0].origin == f"{path}:1" and "UTF-8" in problems[0].message
