# devplan — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
WAREHOUSE ?= data/warehouse.duckdb
REPORTS   ?= seeds
GOLD      ?= ../shared/gold
export DAGSTER_HOME ?= $(CURDIR)/data/dagster_home

.PHONY: install manifest demo test test-fast lint browser ui docs score clean help

help:
	@echo "make demo   - set up .venv, build the warehouse from seeds/ and print the summary"
	@echo "make test   - set up .venv with dev dependencies, lint, and run the whole test suite"
	@echo "make test-fast - the inner loop: every test but the end-to-end ones that build warehouses (-m 'not e2e')"
	@echo "make lint   - ruff (Python) and sqlfluff (the dbt models)"
	@echo "make ui     - open the Dagster UI on http://127.0.0.1:3000"
	@echo "make docs   - build and serve the dbt docs (lineage, column docs) on http://127.0.0.1:8080"
	@echo "make score  - score data/warehouse.duckdb against the answer key ($(GOLD))"

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/.installed

# dbt's manifest, prepared by dagster-dbt (`dbt parse`, partial parsing): after editing dbt files outside `dagster dev`
# run this again (`devplan build` prepares it only when there is none)
manifest: install
	$(BIN)/python -c "from orchestration.dbt.project import prepare_manifest; print('dbt manifest:', prepare_manifest())"

demo: manifest
	$(BIN)/devplan build --reports $(REPORTS) --warehouse $(WAREHOUSE)

# two pytest-xdist workers, a module at a time (tests/conftest.py orders the modules, longest first);
# `make test PYTEST_WORKERS=0` runs the suite in one process
PYTEST_WORKERS ?= 2
PYTEST_PARALLEL = $(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder)

test: lint manifest browser
	DEVPLAN_CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest -q $(PYTEST_PARALLEL)

# the inner loop: no test that builds a warehouse through Dagster and dbt (those are marked e2e)
test-fast: manifest
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) -m "not e2e"

lint: install
	$(BIN)/ruff check .
	@$(MAKE) --no-print-directory lint-sql

# Chromium for the browser test (tests/test_ui_e2e.py, Playwright drives the system binary). Never fails: without
# apt or root it says why, and the test is skipped with that reason.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ -x "$(CHROMIUM)" ]; then echo "chromium: $(CHROMIUM)"; \
	elif ! command -v apt-get >/dev/null 2>&1; then echo "chromium: not installed and no apt-get here: the browser test will be skipped"; \
	elif [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then echo "chromium: not installed and not root: run 'apt-get install chromium' as root, or the browser test is skipped"; \
	else SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo -n); \
		($$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
		&& echo "chromium: installed $(CHROMIUM)" || echo "chromium: apt-get install failed: the browser test will be skipped"; fi

UI_PORT   ?= 3000
DOCS_PORT ?= 8080

# PATH: dagster-dbt looks for the dbt executable of the venv
ui: manifest
	$(BIN)/python -c "from pathlib import Path; from orchestration.settings import prepare_dagster_home; prepare_dagster_home(Path('$(DAGSTER_HOME)'))"
	PATH="$(abspath $(BIN)):$$PATH" DEVPLAN_WAREHOUSE=$(abspath $(WAREHOUSE)) DEVPLAN_REPORTS_DIR=$(abspath $(REPORTS)) \
		$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p $(UI_PORT)

# dbt docs: the lineage graph and every model's column docs, read from the warehouse's catalog
docs: manifest
	@test -f $(WAREHOUSE) || { echo "no warehouse at $(WAREHOUSE): run 'make demo' first (dbt docs read its catalog)"; exit 1; }
	cd dbt_project && DEVPLAN_WAREHOUSE=$(abspath $(WAREHOUSE)) $(abspath $(BIN))/dbt docs generate --profiles-dir . --project-dir . --target-path target/docs
	cd dbt_project && DEVPLAN_WAREHOUSE=$(abspath $(WAREHOUSE)) $(abspath $(BIN))/dbt docs serve --profiles-dir . --project-dir . --target-path target/docs \
		--host 127.0.0.1 --port $(DOCS_PORT) --no-browser

score:
	$(BIN)/python $(GOLD)/../eval/score.py --warehouse $(WAREHOUSE) --gold $(GOLD)

clean:
	rm -rf data dbt_project/target dbt_project/logs .pytest_cache

# SQL style of the dbt project: sqlfluff with the dbt templater (each model linted as dbt compiles it; rules in
# dbt_project/.sqlfluff). dbt compiles against a throwaway DuckDB file, so linting never opens or locks a warehouse.
.PHONY: lint-sql
lint-sql: install
	@tmp=$$(mktemp -d) && cd dbt_project && DEVPLAN_WAREHOUSE=$$tmp/lint.duckdb $(abspath $(BIN))/sqlfluff lint models tests macros; \
		rc=$$?; rm -rf $$tmp; exit $$rc
