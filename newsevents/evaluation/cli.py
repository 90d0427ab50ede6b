"""The ``newsevents eval`` command: a thin layer over :func:`newsevents.evaluation.evaluate`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsevents.errors import NewsEventsError
from newsevents.evaluation.gold import ENV_SHARED
from newsevents.evaluation.report import print_report
from newsevents.evaluation.runner import evaluate
from newsevents.settings import Settings


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to ``app``."""

    @app.command("eval")
    def eval_command(
        set_name: Annotated[
            str,
            typer.Option("--set", help="Gold set: gsr, unittest, conflibert or all."),
        ] = "all",
        show_misses: Annotated[
            bool, typer.Option("--show-misses", help="Print each missed or extra coding.")
        ] = False,
        limit: Annotated[
            int | None,
            typer.Option("--limit", min=1, help="Score only the first N sentences of each set."),
        ] = None,
        shared: Annotated[
            Path | None,
            typer.Option(
                "--shared",
                help=f"Folder holding the gold sets (default ${ENV_SHARED}, else "
                "../shared/data next to the repository).",
            ),
        ] = None,
        dictionary: Annotated[
            list[Path] | None,
            typer.Option("--dictionary", "-d", help="Extra dictionary file (repeatable)."),
        ] = None,
    ) -> None:
        """Score the coder on the gold sets: precision, recall and F1 per set."""
        settings = Settings(dictionaries=tuple(dictionary or ()))
        console = Console()
        try:
            report = evaluate(set_name, settings=settings, shared=shared, limit=limit)
        except NewsEventsError as exc:
            Console(stderr=True).print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(code=2) from exc
        print_report(report, console, show_misses=show_misses)
