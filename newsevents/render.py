"""Output of events for people and programs: JSON Lines, JSON, and a rich table."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table

from newsevents.model import Actor, Event

STATUS_STYLE = {"asserted": "green", "alleged": "yellow", "denied": "red"}
PIPED_TABLE_WIDTH = 160  # a table written to a file or a pipe is not cut to 80 columns


def table_console() -> Console:
    """A console for tables on stdout: the terminal's width, or a wide page when piped."""
    console = Console()
    return console if console.is_terminal else Console(width=PIPED_TABLE_WIDTH)


def write_events(events: Sequence[Event], out: TextIO, *, fmt: str = "jsonl") -> None:
    if fmt == "json":
        json.dump([e.to_dict() for e in events], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")


def actor_label(actor: Actor | None) -> str:
    if actor is None:
        return "—"
    code = actor.code or "/".join(x for x in (actor.country, actor.sector, actor.org) if x)
    return f"{actor.name} ({code})" if code else actor.name


def event_table(events: Sequence[Event], *, title: str | None = None) -> Table:
    """Who, code and name, whom, date, place, status (with polarity and modality), attribution."""
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("who", "did what", "to whom", "date", "place", "status", "according to"):
        table.add_column(column, overflow="fold")
    for e in events:
        status: str = e.status
        if e.polarity == "negated":
            status += ", negated"
        if e.modality != "actual":
            status += f", {e.modality}"
        when = e.date.isoformat() if e.date else "—"
        if e.date_precision and e.date_precision != "day":
            when += f" ({e.date_precision})"
        place = e.place.name if e.place else "—"
        if e.place and e.place.country:
            place += f", {e.place.country}"
        table.add_row(
            actor_label(e.source),
            f"{e.type.cameo} {e.type.name}",
            actor_label(e.target),
            when,
            place,
            f"[{STATUS_STYLE.get(e.status, 'white')}]{status}[/]",
            actor_label(e.attributed_to) if e.attributed_to else "article",
        )
    return table
