# devplan — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
WAREHOUSE ?= data/warehouse.duckdb
REPORTS   ?= seeds
GOLD      ?= ../shared/gold
export DAGSTER_HOME ?= $(CURDIR)/data/dagster_home

.PHONY: install manifest demo test ui score clean help

help:
	@echo "make demo   - set up .venv, build the warehouse from seeds/ and print the summary"
	@echo "make test   - set up .venv with dev dependencies and run the whole test suite"
	@echo "make ui     - open the Dagster UI on http://127.0.0.1:3000"
	@echo "make score  - score data/warehouse.duckdb against the answer key ($(GOLD))"

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/.installed

# dbt's manifest is parsed once here (and again only when a dbt file changes), not on every run
manifest: install
	$(BIN)/python -c "from orchestration.dbt_setup import ensure_manifest; print('dbt manifest:', ensure_manifest())"

demo: manifest
	$(BIN)/devplan build --reports $(REPORTS) --warehouse $(WAREHOUSE)

test: manifest
	$(BIN)/python -m pytest -q

ui: manifest
	$(BIN)/python -c "from pathlib import Path; from orchestration.settings import prepare_dagster_home; prepare_dagster_home(Path('$(DAGSTER_HOME)'))"
	DEVPLAN_WAREHOUSE=$(abspath $(WAREHOUSE)) DEVPLAN_REPORTS_DIR=$(abspath $(REPORTS)) \
		$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

score:
	$(BIN)/python $(GOLD)/../eval/score.py --warehouse $(WAREHOUSE) --gold $(GOLD)

clean:
	rm -rf data dbt_project/target dbt_project/logs .pytest_cache
