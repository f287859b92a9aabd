# Two commands: `make serve` and `make test`. Everything else is set up on demand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: serve test test-python test-node lint bench bench-corpus browser clean fuzz load adversarial

$(BIN)/footnote: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.package-lock.json: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

serve: $(BIN)/footnote
	$(BIN)/footnote serve --host $(HOST) --port $(PORT)

browser:
	bash scripts/ensure-chromium.sh

lint: $(BIN)/footnote
	$(BIN)/ruff check server tests bench

test-node: node_modules/.package-lock.json
	node --test extension/tests/

test-python: $(BIN)/footnote browser node_modules/.package-lock.json
	$(BIN)/pytest

test: lint test-node test-python

bench: $(BIN)/footnote
	$(BIN)/python bench/speed.py

# Articles per second: one process, footnote analyze on every core, and Dask (docs/corpus.md).
bench-corpus: $(BIN)/footnote
	$(BIN)/python bench/corpus.py

# 10,000 generated requests against the app from its own OpenAPI document.
fuzz: $(BIN)/footnote
	FUZZ_EXAMPLES=10000 $(BIN)/pytest tests/test_openapi.py -k matches_its_spec --hypothesis-show-statistics

load: $(BIN)/footnote
	$(BIN)/python bench/load.py

adversarial: $(BIN)/footnote
	$(BIN)/python bench/adversarial.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache
