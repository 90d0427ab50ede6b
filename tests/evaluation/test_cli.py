from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from newsevents.evaluation.cli import register


def app() -> typer.Typer:
    application = typer.Typer()
    register(application)

    @application.command("version")  # a second command keeps "eval" a named subcommand
    def version() -> None:
        pass

    return application


def test_missing_gold_sets_exit_with_where_it_looked(tmp_path: Path) -> None:
    result = CliRunner().invoke(app(), ["eval", "--set", "gsr", "--shared", str(tmp_path)])
    assert result.exit_code == 2
    assert "looked for" in result.output and "--shared" in result.output


def test_eval_runs_the_pipeline_on_a_few_records(shared_data: Path) -> None:
    result = CliRunner().invoke(
        app(),
        ["eval", "--set", "gsr", "--limit", "3", "--show-misses", "--shared", str(shared_data)],
    )
    assert result.exit_code == 0, result.output
    assert "PETRARCH-2 validation set" in result.output
    assert "3 sentences scored" in result.output
    assert "dyad + root" in result.output
