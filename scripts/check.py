"""The one check script, run by `make test` locally and in CI: ruff, mypy, pytest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
STEPS = [
    ("ruff lint", [str(BIN / "ruff"), "check", "newsevents", "tests", "bench", "scripts"]),
    (
        "ruff format",
        [str(BIN / "ruff"), "format", "--check", "newsevents", "tests", "bench", "scripts"],
    ),
    ("mypy", [str(BIN / "mypy")]),
    ("pytest", [str(BIN / "pytest"), "-q", *sys.argv[1:]]),
]


def main() -> int:
    for name, cmd in STEPS:
        print(f"==> {name}", flush=True)
        code = subprocess.call(cmd, cwd=ROOT)
        if code != 0:
            print(f"FAILED: {name} (exit {code})", flush=True)
            return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
