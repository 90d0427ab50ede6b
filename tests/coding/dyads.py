"""The (source, code, target) codings of extracted events, for the grammar tests."""

from __future__ import annotations

import datetime as dt

from newsevents.model import Event

PUBLISHED = dt.date(2024, 5, 1)


def dyads(events: list[Event], code_prefix: str = "") -> set[tuple[str, str, str]]:
    def code(actor: object) -> str:
        return getattr(actor, "code", None) or "-"

    return {
        (code(e.source), e.type.cameo, code(e.target))
        for e in events
        if e.type.cameo.startswith(code_prefix)
    }
