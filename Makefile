# The two commands of the README Quickstart: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo/newsevents.duckdb

.PHONY: demo test check bench clean install dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
dev: $(VENV)/.installed-dev

## demo: code the bundled example articles, then store them and show the top clusters
demo: $(VENV)/.installed
	$(BIN)/newsevents extract examples --format table
	@mkdir -p demo
	@rm -f $(DEMO_DB) $(DEMO_DB).wal  # a fresh store: the demo shows what this coder makes
	$(BIN)/newsevents ingest examples --db $(DEMO_DB)
	$(BIN)/newsevents clusters --db $(DEMO_DB) --top 10
	@echo
	@echo "Query it:   $(BIN)/newsevents events --db $(DEMO_DB) --root 19"
	@echo "            $(BIN)/newsevents sql --db $(DEMO_DB) \"SELECT cameo_root, count(*) FROM events GROUP BY 1\""
	@echo "Export it:  $(BIN)/newsevents export --db $(DEMO_DB) --format gdelt --out demo/events.tsv"

## test: lint, type-check and run the test suite (what CI runs)
test: $(VENV)/.installed-dev
	$(BIN)/python scripts/check.py

## bench: the benchmarks (slow; not part of make test)
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/bench_coder_speed.py
	$(BIN)/python bench/bench_when_where.py
	$(BIN)/python bench/bench_ingest.py

clean:
	rm -rf demo .pytest_cache .mypy_cache .ruff_cache
