"""Every setting is documented in docs/settings.md, and the docs name no setting that is gone."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from newsevents.settings import Settings

DOC = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def test_settings_are_documented() -> None:
    documented = set(re.findall(r"^### `(\w+)`", DOC.read_text(encoding="utf-8"), re.M))
    declared = {f.name for f in fields(Settings)}
    assert documented == declared


def test_every_setting_has_help() -> None:
    for f in fields(Settings):
        assert len(f.metadata["help"]) > 20, f.name
