"""Ingest benchmark: throughput with 1 and 2 workers, overhead over bare extract, peak memory,
and database size per 1,000 events.

    .venv/bin/python bench/bench_ingest.py                 # 5,000 articles (several minutes)
    .venv/bin/python bench/bench_ingest.py --articles 300  # a quick look

The corpus is made here: variations of the example articles (examples/ and the seed article),
each with a distinct closing line, so every file has its own content hash. Each figure runs
the real command line (`newsevents extract`, `newsevents ingest`) in a fresh process, and
memory is the peak of the summed resident memory of that process and its workers.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.15
TARGET_MEMORY_GB = 1.5


def sources() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    seed = ROOT.parent / "shared" / "seed"
    texts += [p.read_text(encoding="utf-8") for p in sorted(seed.glob("*.txt"))]
    if not texts:
        raise SystemExit("no example articles under examples/ or ../shared/seed/")
    return texts


def build_corpus(folder: Path, count: int) -> None:
    if folder.exists() and len(list(folder.glob("*.txt"))) == count:
        return
    folder.mkdir(parents=True, exist_ok=True)
    texts = sources()
    for i in range(count):
        base = texts[i % len(texts)].rstrip()
        note = f"\n\nThis report, number {i}, was filed by desk {i % 97} of the wire service."
        (folder / f"a{i:06d}.txt").write_text(base + note + "\n", encoding="utf-8")


def _tree_rss(pid: int) -> int:
    """Resident memory in bytes of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak tree memory of one newsevents command."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsevents", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newsevents {' '.join(args)} failed:\n{err.decode()[-2000:]}")
    return seconds, peak[0]


def count_events(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    corpus = args.out / f"corpus_{args.articles}"
    build_corpus(corpus, args.articles)
    n = args.articles
    print(f"corpus: {n:,} articles in {corpus}")

    bare, bare_mem = run(["extract", str(corpus), "--published", "2023-07-28"])
    print(f"bare extract: {bare:.1f} s, {n / bare:.1f} articles/s, peak {bare_mem / 2**30:.2f} GB")
    results = {}
    for workers in (1, 2):
        db = args.out / f"bench_{workers}w.duckdb"
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
        seconds, memory = run(
            ["ingest", str(corpus), "--db", str(db), "--workers", str(workers),
             "--published", "2023-07-28"]
        )  # fmt: skip
        events = count_events(db)
        results[workers] = (seconds, memory)
        print(
            f"ingest, {workers} worker(s): {seconds:.1f} s, {n / seconds:.1f} articles/s, "
            f"peak {memory / 2**30:.2f} GB, {events:,} events, "
            f"{db.stat().st_size / max(events, 1) * 1000 / 2**20:.2f} MB per 1,000 events"
        )
    ratio = results[1][0] / bare
    print(f"ingest (1 worker) / bare extract time: {ratio:.3f} (target <= {TARGET_RATIO})")
    print(
        f"peak memory with 2 workers: {results[2][1] / 2**30:.2f} GB "
        f"(target < {TARGET_MEMORY_GB} GB)"
    )


if __name__ == "__main__":
    main()
