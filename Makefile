# jiuye — in pelican-quickstart's tradition, each target calls an invoke task (tasks.py).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test setup scrape build serve check lint clean

## demo: set up, scrape the bundled demo sources (no network), build, serve on http://127.0.0.1:8000
demo: setup
	$(BIN)/invoke scrape --quiet
	$(BIN)/invoke build
	$(BIN)/invoke serve

## test: set up and run the whole test suite (browser tests use /usr/bin/chromium)
test: setup
	$(BIN)/python -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml package-lock.json
	@$(PYTHON) -c 'import sys; sys.exit("jiuye needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	@command -v npm >/dev/null || { echo "jiuye needs Node.js and npm (for lunr.js)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

scrape build serve check: setup
	$(BIN)/invoke $@

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf output .cache content/scraped node_modules
