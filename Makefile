# Allyport: `make run` serves the portal with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install run test lint imports bench faults clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Allyport needs Python 3.11 or newer"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@rm -f $(VENV)/.installed-*; touch $(STAMP)

# axe-core for the accessibility browser test (package-lock.json); the portal needs no Node.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "npm is missing: the accessibility browser test will install axe-core or fail"; fi

install: $(STAMP) node_modules/.package-lock.json

run: install
	@bash scripts/run.sh

test: install
	@bash scripts/test.sh

lint: install imports
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy allyport

# The layers of docs/ARCHITECTURE.md (contracts in pyproject.toml, [tool.importlinter]).
imports: install
	$(BIN)/lint-imports

bench: install
	@bash scripts/bench.sh

# Faults on its own PostgreSQL and Redis (docs/benchmarks.md, "Faults"); FAULTS_BUDGET=small in CI.
faults: install
	@bash scripts/faults.sh

clean:
	rm -rf $(VENV) var staticfiles node_modules
