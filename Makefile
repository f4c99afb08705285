# The two commands of the README: `make serve` and `make test`. Everything runs in .venv,
# installed from requirements.lock (the tested set of versions).
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve site pages test check clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

pages: $(STAMP)
	$(BIN)/briefing build

# Build into a temporary directory and swap it in: a failed build leaves site/ as it was.
site: $(STAMP)
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp
	rm -rf site && mv site.tmp site

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/briefing check

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf site site.tmp .cache docs/index.md docs/articles
