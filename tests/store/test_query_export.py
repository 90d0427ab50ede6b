"""Query functions, read-only SQL, and exports read back with standard readers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import sample_outcomes

from newsevents.errors import StoreError
from newsevents.model import Event
from newsevents.store import query
from newsevents.store.export import GDELT_COLUMNS, export


def test_event_filters(sample_db: Path) -> None:
    assert len(query.events(sample_db)) == 6
    assert set(query.events(sample_db, actor="RUS")["source_country"]) == {"PRK", "RUS", "USA"}
    assert list(query.events(sample_db, source="USA")["cameo"]) == ["112"]
    assert len(query.events(sample_db, code="04*")) == 3
    assert list(query.events(sample_db, root="19")["target_country"]) == ["UKR"]
    since = query.events(sample_db, since=dt.date(2024, 1, 1))
    assert sorted(since["cameo"]) == ["112", "190"]  # the undated one counts by publication
    assert len(query.events(sample_db, until=dt.date(2023, 7, 25))) == 1
    assert list(query.events(sample_db, place="kyiv")["cameo"]) == ["190"]
    assert len(query.events(sample_db, status="denied")) == 0


def test_clusters_most_reported_first(sample_db: Path) -> None:
    frame = query.clusters(sample_db, top=2)
    assert list(frame["num_mentions"]) == [3, 1]
    assert frame.iloc[0]["place_name"] == "Pyongyang"
    assert list(query.clusters(sample_db, root="19")["first_cameo"]) == ["190"]


def test_sql_is_read_only(sample_db: Path) -> None:
    frame = query.sql(sample_db, "SELECT count(*) AS n FROM events WHERE cameo_root = '04'")
    assert frame["n"].tolist() == [3]
    with pytest.raises(StoreError, match="read-only"):
        query.sql(sample_db, "DELETE FROM events")
    assert len(query.events(sample_db)) == 6


def test_gdelt_export_has_61_columns_in_codebook_order(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(sample_db, "gdelt", out=out) == 4
    frame = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str)
    assert frame.shape == (4, 61)
    first = frame.iloc[0]
    assert first["GLOBALEVENTID"] == "1"
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20230726", "202307", "2023")
    assert first["FractionDate"] == "2023.5644"
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"]) == (
        "PRKGOV", "KIM JONG UN", "PRK",
    )  # fmt: skip
    assert (first["Actor1Type1Code"], first["Actor2Code"], first["Actor2Type1Code"]) == (
        "GOV", "RUSMIL", "MIL",
    )  # fmt: skip
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "043", "043", "04",
    )  # fmt: skip
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("1", "2.8")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("3", "2", "3")
    assert (first["ActionGeo_Type"], first["ActionGeo_CountryCode"]) == ("4", "KN")
    assert (first["ActionGeo_ADM1Code"], first["ActionGeo_FeatureID"]) == ("KN12", "1871859")
    assert float(first["ActionGeo_Lat"]) == 39.03 and float(first["ActionGeo_Long"]) == 125.75
    assert first["SOURCEURL"] == "https://www.kcna.example/1" and len(first["DATEADDED"]) == 14
    assert first["IsRootEvent"] == "1" and pd.isna(first["AvgTone"])
    accuse = frame.iloc[3]  # second paragraph, no place
    assert accuse["IsRootEvent"] == "0" and pd.isna(accuse["ActionGeo_Type"])
    # DuckDB reads it too
    count = duckdb.sql(f"SELECT count(*) FROM read_csv('{out}', delim='\t', header=false)")
    assert count.fetchall() == [(4,)]


def test_plover_export(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    export(sample_db, "plover", out=out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 6
    first = records[0]
    assert set(first) == {
        "id", "date", "actor", "recipient", "event", "mode", "event_loc", "text",
        "text_info", "cite_info", "coder",
    }  # fmt: skip
    assert first["event"] == "CONSULT" and first["date"] == "2023-07-26"
    assert first["actor"]["actor"] == "Kim Jong Un" and first["recipient"]["country"] == "RUS"
    assert first["event_loc"]["name"] == "Pyongyang" and first["coder"] == "newsevents test"
    assert first["cite_info"]["url"] == "https://www.kcna.example/1"


def test_jsonl_export_is_the_event_contract(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(sample_db, "jsonl", out=out)
    back = [Event.from_dict(json.loads(line)) for line in out.read_text().splitlines()]
    expected = [e for o in sample_outcomes() for e in o.events]
    assert back == expected


def test_parquet_export_one_file_per_table(sample_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pq"
    export(sample_db, "parquet", out=folder)
    names = {p.stem for p in folder.glob("*.parquet")}
    assert {"articles", "events", "actors", "clusters", "schema_migrations"} <= names
    events = pd.read_parquet(folder / "events.parquet")
    assert len(events) == 6 and "span_start" in events.columns
    clusters = duckdb.sql(f"SELECT max(num_mentions) FROM '{folder / 'clusters.parquet'}'")
    assert clusters.fetchall() == [(3,)]
