"""Score the coder on the gold sets and print the figures the accuracy gate pins.

    .venv/bin/python bench/bench_eval.py [gsr|unittest|conflibert|all]

Reads the sets from ``$NEWSEVENTS_SHARED`` or ``../shared/data``; prints one line per figure.
"""

from __future__ import annotations

import sys
import time

from newsevents.evaluation import evaluate


def main() -> None:
    started = time.perf_counter()
    report = evaluate(sys.argv[1] if len(sys.argv) > 1 else "all")
    for result in report.sets:
        for name, value in result.metrics.items():
            print(f"{result.name}.{name}\t{value:.4f}")
        print(f"{result.name}.seconds\t{result.seconds:.1f}")
    print(f"total_seconds\t{time.perf_counter() - started:.1f}")


if __name__ == "__main__":
    main()
