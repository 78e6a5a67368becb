# newsgraph: `make run` (set-up + the main job on seeds/) and `make test` (set-up + every test).
# Everything the project needs is installed from here; caches (pip, Maven, the Neo4j
# distribution) live outside the clone so a second run is fast.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint neo4j browser-deps bench clean

MAP    := graph/exports/static/map
MAPSTAMP := $(MAP)/node_modules/.installed

setup: $(STAMP) $(MAPSTAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --upgrade pip
	$(BIN)/pip install -qq -e ".[test,semantic]"
	touch $@

# The HTML view's world outline (Natural Earth via npm's world-atlas) and its TopoJSON decoder, pinned by
# package-lock.json; the view inlines them, so a page never fetches anything.
$(MAPSTAMP): $(MAP)/package.json $(MAP)/package-lock.json
	cd $(MAP) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Neo4j 5.26 Community from Maven Central into the cache (a no-op when present).
neo4j: setup
	$(BIN)/newsgraph neo4j install

# Debian's Chromium and ChromeDriver for the browser tests (apt; through sudo when not root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { $(SUDO) apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }
	@chromium --version 2>/dev/null | head -1

run: setup
	$(BIN)/newsgraph build seeds -o out

# Style (ruff) and the layering of the rooms (import-linter's contracts in pyproject.toml).
lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# NEWSGRAPH_TEST_SEMANTIC=1: setup installs the semantic extra, so its tests must run, not skip.
test: setup neo4j browser-deps lint
	NEWSGRAPH_TEST_SEMANTIC=1 $(BIN)/pytest -ra

bench: setup neo4j
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache test-artifacts
