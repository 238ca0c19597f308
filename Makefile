# patronage: `make demo` and `make test` work on a fresh clone; they create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= patronage.duckdb

.PHONY: demo test lint typecheck unit install lock clean train-events train-quotes

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DB) $(DB).wal
	$(BIN)/patronage run examples/articles.jsonl --db $(DB)
	$(BIN)/patronage summary --db $(DB)

# the quote attribution model shipped in src/patronage/extract/quotes/data, from PolNeAR train only
POLNEAR ?= ../shared/data/polnear/data
train-quotes: $(STAMP)
	$(BIN)/patronage train quotes $(POLNEAR)/train -o src/patronage/extract/quotes/data

lint: $(STAMP)
	$(BIN)/ruff check --no-cache src tests training
	$(BIN)/ruff format --no-cache --check src tests training

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

test: lint typecheck unit

# rebuild the event scorer's weights from training/events and ../shared (about 20 minutes)
train-events: $(STAMP)
	$(BIN)/python training/events/train.py ../shared

lock: $(STAMP)
	{ echo "# Exact versions for a reproducible install: runtime, the web/export extras and dev tools."; \
	  echo "# Regenerate after changing pyproject.toml: make lock"; \
	  echo "setuptools==80.9.0"; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^patronage'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist src/*.egg-info
