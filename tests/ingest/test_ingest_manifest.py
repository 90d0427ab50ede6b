"""published.tsv: publication dates for the files of a directory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsevents.ingest.manifest import parse_manifest
from tests.ingest.conftest import read_all

TEXT = "North Korea threatened on Thursday to retaliate against South Korea."
PAGE = (
    "<html><head><title>T</title>"
    '<meta property="article:published_time" content="2024-02-24T09:15:00+01:00"></head>'
    "<body><article><p>Hungary hosted the Swedish prime minister in Budapest on Friday, and "
    "the two leaders held talks for two hours.</p></article></body></html>"
)


def make_dir(tmp_path: Path, manifest: str) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT + " Seoul condemned it.", encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "published.tsv").write_text(manifest, encoding="utf-8")
    return tmp_path


def test_manifest_dates_files_in_walks_and_when_named(tmp_path: Path) -> None:
    folder = make_dir(tmp_path, "file\tpublished\n# comment\n\na.txt\t2024-05-30\n")
    articles, problems = read_all([str(folder)])
    dates = {Path(a.origin or "").name: a.published for a in articles}
    assert problems == []
    assert dates == {
        "a.txt": dt.date(2024, 5, 30),
        "b.txt": None,
        "page.html": dt.date(2024, 2, 24),
    }
    (named,), _ = read_all([str(folder / "a.txt")])
    assert named.published == dt.date(2024, 5, 30)


def test_published_argument_beats_manifest_which_beats_html_metadata(tmp_path: Path) -> None:
    folder = make_dir(tmp_path, "a.txt\t2024-05-30\npage.html\t2024-02-25\n")
    articles, _ = read_all([str(folder)])
    dates = {Path(a.origin or "").name: a.published for a in articles}
    assert dates["page.html"] == dt.date(2024, 2, 25)
    forced, _ = read_all([str(folder)], published=dt.date(2023, 1, 1))
    assert {a.published for a in forced} == {dt.date(2023, 1, 1)}


def test_bad_manifest_lines_are_warnings_naming_the_line(tmp_path: Path) -> None:
    folder = make_dir(tmp_path, "a.txt\t2024-05-30\nb.txt\tsoon\nloneword\n")
    articles, problems = read_all([str(folder)])
    manifest = str(folder / "published.tsv")
    assert [(p.origin, p.fatal) for p in problems] == [
        (f"{manifest}:2", False),
        (f"{manifest}:3", False),
    ]
    assert "soon" in problems[0].message and "file<TAB>YYYY-MM-DD" in problems[1].message
    assert len(articles) == 3


def test_manifest_names_with_spaces_and_space_separator() -> None:
    manifest = parse_manifest("my story.txt\t2024-01-04\nother.txt 2024-01-05\n", origin="m")
    assert dict(manifest.dates) == {
        "my story.txt": dt.date(2024, 1, 4),
        "other.txt": dt.date(2024, 1, 5),
    }
