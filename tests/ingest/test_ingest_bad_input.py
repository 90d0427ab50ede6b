"""Bad input: every case gives a clear message and never a crash or a hang."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from newsevents.errors import InputError
from newsevents.ingest import ReadProblem, read_articles
from tests.ingest.conftest import read_all

TEXT = "Police fired tear gas at protesters in Dakar on Friday."


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    missing = tmp_path / "nope" / "missing.txt"
    with pytest.raises(InputError, match=r"missing\.txt: no such file or directory") as info:
        read_articles([str(good), str(missing)])
    assert info.value.path == str(missing)


def test_empty_file_is_a_warning_without_article(tmp_path: Path) -> None:
    for name, content in (("empty.txt", b""), ("blank.txt", b" \n\n\t\n"), ("e.html", b"")):
        (tmp_path / name).write_bytes(content)
        articles, problems = read_all([str(tmp_path / name)])
        assert articles == []
        assert len(problems) == 1 and not problems[0].fatal
        assert problems[0].origin == str(tmp_path / name)
        assert "empty" in problems[0].message


def test_binary_files_are_skipped_with_a_message(tmp_path: Path) -> None:
    nul = tmp_path / "image.txt"
    nul.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    controls = tmp_path / "blob.jsonl"
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 65]) * 100)
    articles, problems = read_all([str(nul), str(controls)])
    assert articles == []
    assert [p.origin for p in problems] == [str(nul), str(controls)]
    assert all(p.fatal and "binary file" in p.message for p in problems)
    assert "NUL" in problems[0].message and "control bytes" in problems[1].message


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    (article,), problems = read_all([str(path)])
    assert problems == [] and article.text == TEXT


def test_invalid_utf8_is_replaced_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le président a reçu le ministre.".encode("latin-1"))
    (article,), (warning,) = read_all([str(path)])
    assert article.text == "Le pr\ufffdsident a re\ufffdu le ministre."
    assert warning.origin == str(path) and not warning.fatal
    assert "not valid UTF-8" in warning.message and "offset 5" in warning.message


def test_article_over_the_limit_is_refused_with_size_and_setting(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 300, encoding="utf-8")
    articles, (problem,) = read_all([str(path)], max_chars=1000)
    assert articles == [] and problem.fatal and problem.origin == str(path)
    assert "1,500 characters" in problem.message
    assert "max_article_chars (1,000 characters)" in problem.message


def test_fifty_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: all NUL would be binary, so add text
        handle.write(b"A" * 8192)
    start = time.perf_counter()
    articles, (problem,) = read_all([str(path)])
    assert time.perf_counter() - start < 2.0
    assert articles == [] and problem.fatal
    assert "52,428,800 bytes" in problem.message and "was not read" in problem.message


def test_large_jsonl_line_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text('{"text": "' + "x" * 2000 + '"}\n{"text": "Short."}\n', encoding="utf-8")
    articles, (problem,) = read_all([str(path)], max_chars=1000)
    assert [a.text for a in articles] == ["Short."]
    assert problem.origin == f"{path}:1" and problem.fatal and "2,000 characters" in problem.message


def test_directory_without_article_files_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(TEXT, encoding="utf-8")
    articles, (problem,) = read_all([str(tmp_path)])
    assert articles == [] and problem.fatal and problem.origin == str(tmp_path)
    assert "no article files (.txt, .html, .htm, .jsonl)" in problem.message


def test_directory_with_only_empty_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n", encoding="utf-8")
    articles, problems = read_all([str(tmp_path)])
    assert articles == []
    assert problems[-1].origin == str(tmp_path) and not problems[-1].fatal
    assert "no readable articles in its 2 article file(s)" in problems[-1].message


def test_directory_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.htm", "a/c.txt", ".git/x.txt", "notes.md", "c.TXT"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Story {name} was filed.", encoding="utf-8")
    (tmp_path / "a" / "z.htm").write_text(
        "<html><body><article><p>Story a/z.htm was filed"
        " from Budapest on Friday by the news agency.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    articles, _ = read_all([str(tmp_path)])
    names = [Path(a.origin or "").relative_to(tmp_path).as_posix() for a in articles]
    assert names == ["a/c.txt", "a/z.htm", "b.txt", "c.TXT"]


def test_json_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    path.write_text('[{"text": "x"}]', encoding="utf-8")
    articles, (problem,) = read_all([str(path)])
    assert articles == [] and problem.fatal and ".jsonl" in problem.message


def test_oversized_stdin_is_refused_without_reading_it_all() -> None:
    stream = io.StringIO("word " * 3000)
    (problem,) = list(read_articles(["-"], max_chars=1000, stdin=stream))
    assert isinstance(problem, ReadProblem) and problem.fatal and problem.origin == "<stdin>"
    assert "more than 8,000 characters on stdin" in problem.message
    assert stream.tell() <= 8001
    (problem,) = list(read_articles(["-"], max_chars=1000, stdin=io.StringIO("word " * 300)))
    assert isinstance(problem, ReadProblem) and "1,500 characters" in problem.message
