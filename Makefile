# Two commands on a fresh machine: `make site` builds the site, `make test` runs the tests.
# Both create the virtual environment in .venv first, with the exact versions in
# constraints.txt, so every machine builds with the same packages.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site serve test check chromium clean

site: $(VENV)/.installed
	$(BIN)/readinglist build

serve: $(VENV)/.installed
	$(BIN)/readinglist serve

check: $(VENV)/.installed
	$(BIN)/readinglist check

test: $(VENV)/.installed chromium
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) docs site
