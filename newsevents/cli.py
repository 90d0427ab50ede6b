"""The command line: thin commands over library functions.

Exit codes (also in the README):
    0  success (an empty file only warns)
    1  some input could not be read or coded (the rest was processed)
    2  usage error: a missing path, a bad option value, a model that cannot be loaded
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from newsevents.errors import InputError, NewsEventsError
from newsevents.model import Article, Event
from newsevents.render import event_table, table_console, write_events
from newsevents.settings import DEFAULT_MODEL, Settings

app = typer.Typer(
    name="newsevents",
    help="Political event data from news text: who did what to whom, when, where, "
    "and according to whom.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
T = TypeVar("T")

PROGRESS_MIN_ARTICLES = 4

PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date YYYY-MM-DD: anchors 'on Wednesday'; overrides dates in the input.",
    ),
]
ModelOpt = Annotated[str, typer.Option("--model", help="Installed spaCy English pipeline to load.")]
DictionaryOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--dictionary",
        "-d",
        help="Extra dictionary (actor YAML, PETRARCH/TABARI actors, agents or verbs); repeatable.",
    ),
]


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def make_settings(*, model: str, dictionaries: Sequence[Path] | None) -> Settings:
    for path in dictionaries or ():
        if not path.exists():
            raise typer.BadParameter(f"dictionary {path} does not exist", param_hint="--dictionary")
    return replace(Settings(), model=model, dictionaries=tuple(dictionaries or ()))


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    published: PublishedOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or table.")] = "jsonl",
    model: ModelOpt = DEFAULT_MODEL,
    dictionary: DictionaryOpt = None,
) -> None:
    """Code news articles into events and print them."""
    if fmt not in ("jsonl", "json", "table"):
        raise typer.BadParameter("choose jsonl, json or table", param_hint="--format")
    settings = make_settings(model=model, dictionaries=dictionary)
    articles, failures = read_inputs(paths, published=parse_date(published), settings=settings)
    if not articles and not failures:
        err.print("[yellow]No articles to code.[/yellow]")
        raise typer.Exit(0)
    events, coding_failures = run_extract(articles, settings=settings)
    if fmt == "table":
        table_console().print(event_table(events))
    else:
        write_events(events, sys.stdout, fmt=fmt)
    raise typer.Exit(1 if failures or coding_failures else 0)


def read_inputs(
    paths: Sequence[str], *, published: dt.date | None, settings: Settings
) -> tuple[list[Article], int]:
    """Read every input; print warnings and failures on stderr; count the failures."""
    from newsevents.ingest import read_articles

    articles: list[Article] = []
    failures = 0
    try:
        for item in read_articles(paths, published=published, max_chars=settings.max_article_chars):
            if isinstance(item, Article):
                articles.append(item)
            else:
                level = "error" if item.fatal else "warning"
                colour = "red" if item.fatal else "yellow"
                err.print(f"[{colour}]{level}:[/{colour}] {item.origin}: {item.message}")
                failures += int(item.fatal)
    except InputError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    return articles, failures


def run_extract(articles: list[Article], *, settings: Settings) -> tuple[list[Event], int]:
    from newsevents.pipeline import Pipeline

    try:
        pipeline = Pipeline.build(settings)
    except NewsEventsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    events: list[Event] = []
    failures = 0
    for result in with_progress(pipeline.process(articles), total=len(articles)):
        if result.error:
            failures += 1
            err.print(
                f"[red]error:[/red] {result.article.origin or result.article.id}: {result.error}"
            )
        events.extend(result.events)
    return events, failures


def with_progress(items: Iterator[T], *, total: int) -> Iterator[T]:
    """Show a progress bar on stderr when it is a terminal and the job is more than a few items."""
    if total < PROGRESS_MIN_ARTICLES or not err.is_terminal:
        yield from items
        return
    from rich.progress import Progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("coding articles", total=total)
        for item in items:
            yield item
            progress.advance(task)


@app.command()
def settings() -> None:
    """List every setting with its default and meaning."""
    from newsevents.settings import describe

    for name, default, help_text in describe():
        typer.echo(f"{name} = {default}\n    {help_text}")


def _register_optional() -> None:
    """Commands that live with their own concern (store, evaluation)."""
    from newsevents.cli_store import register as register_store
    from newsevents.evaluation.cli import register as register_eval

    register_store(app)
    register_eval(app)


def main() -> None:
    _register_optional()
    try:
        app()
    except NewsEventsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
