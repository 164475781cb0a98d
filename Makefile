# Two commands on a fresh machine: `make site` builds the site, `make test` runs the tests.
# Both create the virtual environment in .venv first, with the exact versions in
# constraints.txt, so every machine builds with the same packages.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site serve test check lint links chromium clean

# --strict: any MkDocs warning (a broken link, a missing page) fails the build.
site: $(VENV)/.installed
	$(BIN)/readinglist build --strict

serve: $(VENV)/.installed
	$(BIN)/readinglist serve

check: $(VENV)/.installed
	$(BIN)/readinglist check

# pytest exits 5 when it collected no test at all: that is a failure, said plainly.
# The browser tests launch the chromium found on PATH (or $READINGLIST_CHROMIUM).
test: $(VENV)/.installed chromium
	@status=0; \
	export READINGLIST_CHROMIUM="$${READINGLIST_CHROMIUM:-$$(command -v chromium)}"; \
	$(BIN)/python -m pytest || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; fi; \
	exit $$status

lint: $(VENV)/.installed
	$(BIN)/ruff check generator tests

links: $(VENV)/.installed
	$(BIN)/readinglist links

# The browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  command -v apt-get >/dev/null 2>&1 || { \
	    echo "make test: no chromium and no apt-get; install Chromium so that 'chromium' is on PATH" >&2; \
	    exit 1; }; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

$(VENV)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "Python 3.11 or newer is needed; found $(PYTHON)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@

# Deletes .venv, site/ (and what a killed build left beside it), .cache/ and the pages in
# docs/ (generator/makeclean.py), once no build is writing them: it waits for one that
# is, as builds wait for each other (deleted under it, its staging folder and pages
# made it fail or publish half a site). Run with the system's Python: .venv goes too;
# -S (no site module: it needs the standard library only) to start sooner, so that a
# Ctrl-C seldom meets Python's start-up, which it cannot catch (a traceback).
clean:
	@test -n "$(PYTHON)" || { echo "make clean: no python3 found (it takes the builds' locks)" >&2; exit 1; }
	@$(PYTHON) -S -m generator.makeclean
