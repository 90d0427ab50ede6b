"""How much the coder adds to the spaCy parse time of the same articles.

Parses the articles once (timed), then runs every coding stage (actors, frames, claims,
dates, places, event records) on the parsed documents (timed), several rounds, and prints the
ratio of the medians. Target (issue 3): at most 0.25.

    .venv/bin/python bench/bench_coder_speed.py [--articles N] [--rounds R] [PATH ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from newsevents.ingest import read_articles
from newsevents.model import Article
from newsevents.pipeline import Pipeline, code_document
from newsevents.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def corpus(paths: list[str], count: int) -> list[Article]:
    found = [a for a in read_articles(paths) if isinstance(a, Article)]
    if not found:
        sys.exit("no articles found")
    return [found[i % len(found)] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    pipeline = Pipeline.build(settings)
    articles = corpus(args.paths, args.articles)
    parse_times, code_times = [], []
    events = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        docs = list(pipeline.nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events = 0
        for article, doc in zip(articles, docs, strict=True):
            events += len(code_document(pipeline.stages, article, doc, settings))
        code_times.append(time.perf_counter() - start)
    tokens = sum(len(d) for d in docs)
    parse, code = statistics.median(parse_times), statistics.median(code_times)
    print(f"articles: {len(articles)}, tokens: {tokens:,}, events: {events:,}")
    print(f"parse: {parse:.2f} s ({tokens / parse:,.0f} tokens/s), coding: {code:.2f} s")
    print(f"coding / parse time ratio: {code / parse:.3f} (target <= 0.25)")


if __name__ == "__main__":
    main()
