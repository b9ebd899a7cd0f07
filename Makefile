# Two commands on a fresh machine: `make site` builds the demo, `make test` runs every test.
# Each sets up (and then reuses) its own virtual environment in .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
TODAY  ?= 2026-11-27

.PHONY: site serve test bench check shots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)  ## build the demo site from the sample notes into site/
	NO_MKDOCS_2_WARNING=1 $(BIN)/insight build --strict --today $(TODAY)
	@echo "Open site/index.html through a web server: '$(BIN)/insight serve' (live reload) or 'python3 -m http.server -d site 8000'."

serve: $(STAMP)  ## serve the demo with live reload on http://127.0.0.1:8000/
	NO_MKDOCS_2_WARNING=1 $(BIN)/insight serve --today $(TODAY)

check: $(STAMP)  ## validate the notes
	$(BIN)/insight check

test: $(STAMP)  ## run every test (browser tests need Debian's chromium: apt-get install -y chromium)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

bench: $(STAMP)  ## time the generator, builds and live reload at 100 and 1,000 conversations (LARGE=1 adds 5,000)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m tools.bench $(if $(LARGE),--large) --out bench-out/results.md

shots: $(STAMP)  ## screenshots of every page type at 1280x800 and 390x844 into shots/ (not committed), for review
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m tools.shots --out shots

clean:
	rm -rf site .cache .pytest_cache .hypothesis shots
