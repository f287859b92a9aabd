# Two commands: `make serve` and `make test`. Everything else is set up on demand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: serve test test-fast test-python test-node lint lint-js sync-ui package bench bench-corpus browser clean fuzz load adversarial golden

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

# Debian's Chromium and Firefox ESR for the browser tests (each installed once, when missing).
browser:
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-firefox.sh

# ruff, the import rules (pyproject [tool.importlinter]), mypy and ESLint; `make test` runs
# it first.
lint: $(BIN)/footnote lint-js
	$(BIN)/ruff check server tests bench scripts
	$(BIN)/ruff format --check server tests bench scripts
	PYTHONPATH=server:. $(BIN)/lint-imports
	$(BIN)/mypy

# ESLint (eslint.config.js) on the extension and the page's scripts, and the page's copies
# of the shared front-end files (scripts/sync-ui.py) up to date.
lint-js: node_modules/.package-lock.json
	npx --no-install eslint extension server/footnote/web/static eslint.config.js
	$(PYTHON) scripts/sync-ui.py --check

sync-ui:
	$(PYTHON) scripts/sync-ui.py

# Store-ready archives in dist/: a Chrome zip and a Firefox package (web-ext build), the
# version from pyproject.toml, the Firefox one checked with web-ext lint.
package: node_modules/.package-lock.json
	$(PYTHON) scripts/package-extension.py

test-node: node_modules/.package-lock.json
	node --test extension/tests/

test-python: $(BIN)/footnote browser node_modules/.package-lock.json
	$(BIN)/pytest

test: lint test-node test-python

# The quick loop while working: no Chromium, no server subprocesses, no Docker or schemathesis.
test-fast: $(BIN)/footnote
	$(BIN)/pytest -m "not browser and not slow"

# Rewrite tests/golden/*/expected.json after an intended change; then read `git diff tests/golden`.
golden: $(BIN)/footnote
	$(BIN)/python -m scripts.golden

bench: $(BIN)/footnote
	$(BIN)/python bench/speed.py

# Articles per second: one process, footnote analyze on every core, and Dask (docs/corpus.md).
bench-corpus: $(BIN)/footnote
	$(BIN)/python bench/corpus.py

# 10,000 generated requests against the app from its own OpenAPI document.
fuzz: $(BIN)/footnote
	FUZZ_EXAMPLES=10000 $(BIN)/pytest tests/test_openapi.py -k matches_its_spec --hypothesis-show-statistics

load: $(BIN)/footnote
	$(BIN)/python -m bench.load

adversarial: $(BIN)/footnote
	$(BIN)/python bench/adversarial.py

clean:
	rm -rf $(VENV) node_modules .pytest_cache
