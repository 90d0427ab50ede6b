"""The extract command as a user runs it: formats, exit codes and messages for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "Russian President Vladimir Putin hosted Chinese President Xi Jinping in Moscow on Monday.\n\n"
    "The two leaders signed a defence pact, state media reported.\n"
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["extract", *args], input=stdin)


def test_jsonl_output_is_the_contract(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = run(runner, str(path), "--published", "2024-03-20")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    host = [r for r in records if r["cameo"] == "043"]
    assert host and host[0]["source"]["country"] == "RUS" and host[0]["target"]["country"] == "CHN"
    assert host[0]["date"] == "2024-03-18"
    assert host[0]["place"]["name"] == "Moscow"


def test_table_and_json_formats(runner: CliRunner) -> None:
    table = run(runner, "-", "--format", "table", stdin=STORY)
    assert table.exit_code == 0
    assert "043" in table.stdout and "Host a visit" in table.stdout
    as_json = run(runner, "-", "--format", "json", stdin=STORY)
    assert isinstance(json.loads(as_json.stdout), list)


def test_missing_path_exits_2_and_names_it(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = run(runner, str(missing))
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr


def test_empty_file_warns_and_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run(runner, str(empty))
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr and result.stdout == ""


def test_binary_file_is_skipped_with_a_message(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    result = run(runner, str(binary), str(good))
    assert "image.txt" in result.stderr
    assert result.exit_code == 1
    assert '"043"' in result.stdout  # the good file was still coded


def test_invalid_utf8_is_decoded_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes(STORY.encode("utf-8") + b"Caf\xe9 owners protested.\n")
    result = run(runner, str(bad))
    assert result.exit_code == 0
    assert "latin.txt" in result.stderr and "UTF-8" in result.stderr
    assert '"043"' in result.stdout


def test_broken_jsonl_line_names_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": STORY}),
        "{not json",
        json.dumps({"id": "b", "text": STORY}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(runner, str(batch))
    assert result.exit_code == 1
    assert "batch.jsonl:2" in result.stderr
    ids = {json.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert ids == {"a", "b"}


def test_oversized_article_is_refused_not_crashed(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(("Word " * 220_000 + "\n\n") * 1, encoding="utf-8")
    result = run(runner, str(big))
    assert result.exit_code == 1
    assert "big.txt" in result.stderr


def test_directory_without_articles_says_so(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = run(runner, str(tmp_path))
    assert str(tmp_path) in result.stderr
    assert result.exit_code != 0 or "No articles" in result.stderr


def test_console_script_runs_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    exe = Path(sys.executable).parent / "newsevents"
    proc = subprocess.run(
        [str(exe), "extract", str(path), "--published", "2024-03-20"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert '"cameo": "043"' in proc.stdout
