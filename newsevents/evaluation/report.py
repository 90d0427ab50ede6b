"""Printing an :class:`EvalReport` with rich: one table per set, and the misses on request."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from newsevents.evaluation.runner import EvalReport, SetReport
from newsevents.evaluation.scoring import PENTACODE_NAMES, Counts


def print_report(report: EvalReport, console: Console, *, show_misses: bool = False) -> None:
    """One table per set; with ``show_misses`` each missed or extra coding with its sentence."""
    for result in report.sets:
        console.print(set_table(result))
        notes = [f"{result.records} sentences scored in {result.seconds:.1f} s"]
        if result.skipped:
            notes.append(f"{len(result.skipped)} records left out ({_reasons(result)})")
        if result.one_sided:
            notes.append(f"{result.one_sided} one-sided codings not scored (require_dyad)")
        if result.errors:
            notes.append(f"{result.errors} articles failed in the pipeline")
        if result.full is not None:
            share = result.exact_records / result.records if result.records else 0.0
            notes.append(
                f"coded exactly: {result.exact_records}/{result.records} records ({share:.1%}); "
                f"coding recall {result.full.recall:.3f}"
            )
        console.print("  " + "; ".join(notes), highlight=False)
        if show_misses:
            print_misses(result, console)
        console.print()


def set_table(result: SetReport) -> Table:
    table = Table(title=f"{result.title} [{result.name}]", title_justify="left")
    if result.pentacode is not None:
        for column in ("class", "P", "R", "F1", "TP", "FP", "FN"):
            table.add_column(column, justify="left" if column == "class" else "right")
        for index, counts in enumerate(result.pentacode.per_class):
            table.add_row(f"{index} {PENTACODE_NAMES[index]}", *_cells(counts))
        table.add_row(
            "macro",
            "",
            "",
            f"{result.pentacode.macro_f1:.3f}",
            "",
            "",
            "",
            end_section=True,
        )
        table.add_row("accuracy", "", "", f"{result.pentacode.accuracy:.3f}", "", "", "")
        return table
    for column in ("match", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column == "match" else "right")
    rows: list[tuple[str, Counts | None]] = [
        ("dyad + root", result.dyad_root),
        ("exact code", result.exact),
    ]
    if result.full is not None:
        rows.append(("full actor codes + code", result.full))
    for label, row in rows:
        if row is not None:
            table.add_row(label, *_cells(row))
    return table


def print_misses(result: SetReport, console: Console) -> None:
    for miss in result.misses:
        console.print(f"[bold]{miss.record_id}[/bold] {miss.text}", highlight=False, markup=True)
        for coding in miss.missed:
            console.print(f"    missed  {coding}", highlight=False, markup=False)
        for coding in miss.extra:
            console.print(f"    extra   {coding}", highlight=False, markup=False)
        if miss.note:
            console.print(f"    note    {miss.note}", highlight=False, markup=False)


def _cells(counts: Counts) -> tuple[str, ...]:
    return (
        f"{counts.precision:.3f}",
        f"{counts.recall:.3f}",
        f"{counts.f1:.3f}",
        str(counts.tp),
        str(counts.fp),
        str(counts.fn),
    )


def _reasons(result: SetReport) -> str:
    counts: dict[str, int] = {}
    for _, reason in result.skipped:
        counts[reason] = counts.get(reason, 0) + 1
    return ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items()))
