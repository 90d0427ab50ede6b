"""User YAML dictionaries and the PETRARCH/TABARI import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.actors import ActorKnowledge
from newsevents.actors.petrarch import read_actors, read_agents, sniff
from newsevents.actors.yamldict import read_yaml_dictionary
from newsevents.errors import DictionaryError

SECTORS = frozenset({"GOV", "MIL", "REB", "MED", "COP", "ELI", "CVL"})
EXAMPLE = Path(__file__).resolve().parents[2] / "examples/dictionaries/example-actors.yaml"

GOOD = """\
people:
  - name: Ada Quill
    aliases: [Ada M. Quill]
    short: [Quill]
    country: GBR
    roles:
      - {from: 2020-01-01, to: 2022-01-01, role: mayor}
      - {from: 2022-01-01, sector: OPP, role: opposition leader}
organizations:
  - {name: Blue Lantern Society, aliases: [BLS], org: BLS, code: NGOBLS}
sectors:
  MIL: [lancer, "cavalry {}"]
block: [Quill Street]
"""


def test_yaml_dictionary_entries(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD, encoding="utf-8")
    d = read_yaml_dictionary(path)
    ada = d.actors[0]
    assert ada.names == ("Ada Quill", "Ada M. Quill") and ada.short == ("Quill",)
    assert ada.entry.at(dt.date(2021, 6, 1))[0].code == "GBRGOV"
    assert ada.entry.at(dt.date(2023, 6, 1))[0].code == "GBROPP"
    assert d.actors[1].entry.at(None)[0].code == "NGOBLS"
    assert [(a.phrase, a.suffix) for a in d.agents] == [("lancer", "MIL"), ("cavalry {}", "MIL")]
    assert d.block == ["Quill Street"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("people:\n  - name: A\n    country: GBR\n   bad: [\n", 4, "not valid YAML"),
        ("people:\n  - name: A\n    country: GBR\n  - name: B\n    colour: red\n", 4, "colour"),
        ("people:\n  - name: A\n    roles:\n      - {from: 2020-13-01, role: x}\n", 4, "date"),
        ("actors:\n  - {name: X}\n", 2, "country, sector, org or code"),
        ("villains:\n  - {name: X}\n", 1, "unknown section"),
    ],
)
def test_bad_yaml_names_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        ActorKnowledge.load(dictionaries=[path])
    assert f"bad.yaml:{line}:" in str(info.value)
    assert words in str(info.value)


def test_example_dictionary_loads() -> None:
    knowledge = ActorKnowledge.load(dictionaries=[EXAMPLE])
    assert knowledge.index.lookup(("ruritania",))


def test_petrarch_actor_dates_synonyms_and_multiple_codes(
    petrarch_files: tuple[Path, Path],
) -> None:
    path = petrarch_files[0]
    entries = {e.names[0]: e for e in read_actors(path, path.read_text(), sectors=SECTORS)}
    gollum = entries["GOLLUM"]
    assert gollum.names == ("GOLLUM", "SMEAGOL", "SLINKER", "STINKER")
    assert gollum.entry.at(dt.date(1995, 1, 1))[0].code == "HOB"
    assert gollum.entry.at(dt.date(1997, 1, 1))[0].code == "HOBGOV"
    assert gollum.entry.at(dt.date(2001, 1, 1))[0].code == "HOBREB"
    assert [v.code for v in entries["THE SHIRE"].entry.at(dt.date(1995, 1, 1))] == [
        "FRO",
        "BIL",
        "SAM",
    ]
    assert entries["BOROMIR"].entry.at(dt.date(1995, 1, 1)) == ()  # [---]: no actor
    assert entries["ARNOR"].entry.at(None)[0].code == "ARN"  # trailing "_" dropped
    assert entries["INTERNATIONAL CRIMINAL POLICE ORGANIZATION"].names[1] == "INTERPOL"
    prince = entries["PRINCE OF DOL AMROTH"].entry
    assert prince.at(dt.date(1995, 1, 1)) == () and prince.at(dt.date(1999, 8, 9))[0].code == "DOL"
    sam = entries["SAM GAMGEE"].entry
    assert sam.at(dt.date(2010, 1, 10))[0].code == "ORCHOB"  # first valid block wins
    assert sam.at(dt.date(2014, 1, 1))[0].code == "HOBELI"


def test_petrarch_agents(petrarch_files: tuple[Path, Path]) -> None:
    path = petrarch_files[1]
    agents = read_agents(path, path.read_text())
    by_phrase = {a.phrase: a for a in agents}
    assert by_phrase["MSF {}"].prefix == "NGO" and by_phrase["MSF {}"].suffix == ""
    assert by_phrase["POLICE {}"].suffix == "COP"
    assert by_phrase["FOREIGN MINISTER"].suffix == "GOVFRM"
    assert by_phrase["GOLDEN GOOSE {GOLDEN GEESE}"].suffix == "GGS"
    assert "MINISTRY OF SILLY WALKS {}" in by_phrase  # !MINST! substitution
    assert "CONGRESSWOMEN {}" in by_phrase


def test_sniff_tells_dictionary_kinds_apart(petrarch_files: tuple[Path, Path]) -> None:
    folder = petrarch_files[0].parent
    kinds = {
        name: sniff(folder / name, (folder / name).read_text())
        for name in (
            "PETR.Validate.actors.txt",
            "PETR.Validate.agents.txt",
            "PETR.Validate.verbs.txt",
            "PETR.Validate.discards.txt",
        )
    }
    assert kinds == {
        "PETR.Validate.actors.txt": "actors",
        "PETR.Validate.agents.txt": "agents",
        "PETR.Validate.verbs.txt": "verbs",
        "PETR.Validate.discards.txt": "discards",
    }


def test_verb_files_are_skipped_and_bad_codes_name_the_line(
    petrarch_files: tuple[Path, Path], tmp_path: Path
) -> None:
    verbs = petrarch_files[0].parent / "PETR.Validate.verbs.txt"
    ActorKnowledge.load(dictionaries=[verbs])  # no error: the coder reads verb files
    bad = tmp_path / "bad.actors.txt"
    bad.write_text("# test\nGONDOR [GON]\nMORDOR\n    [MOR 1995x]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"bad\.actors\.txt:4: .*date"):
        ActorKnowledge.load(dictionaries=[bad])
    unclosed = tmp_path / "unclosed.actors.txt"
    unclosed.write_text("GONDOR [GON\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"unclosed\.actors\.txt:1:"):
        ActorKnowledge.load(dictionaries=[unclosed])
