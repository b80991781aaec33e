# Two commands for a new user: `make run` starts the app, `make test` runs every check.
# Both create .venv and install into it when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check bench db-server clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,import,server]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy studyapp
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py --quick

check: $(STAMP)
	$(BIN)/python main.py check

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

# A throwaway PostgreSQL cluster for trying class mode by hand (the tests start their own).
db-server: $(STAMP)
	$(BIN)/python -m tests.pg_server

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
