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

# All three editions: pages generated once, then each edition built with its own search
# index (the two others concurrently), into a temporary directory swapped in at the end:
# a failed build leaves site/ as it was.
# BRIEFING_PDF=0 skips the briefing PDFs.
site: $(STAMP)
	rm -rf site.tmp
	$(BIN)/briefing build
	BRIEFING_PREBUILT=1 $(BIN)/mkdocs build --strict --site-dir site.tmp
	BRIEFING_PREBUILT=1 $(BIN)/mkdocs build --strict -f mkdocs.zh-Hant.yml --site-dir site.tmp/zh-Hant & \
	  p1=$$!; BRIEFING_PREBUILT=1 $(BIN)/mkdocs build --strict -f mkdocs.en.yml --site-dir site.tmp/en; \
	  s2=$$?; wait $$p1 && test $$s2 -eq 0
	rm -rf site && mv site.tmp site

# Serves one edition with live reload (EDITION=zh-Hant or EDITION=en for the others).
EDITION ?=
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 $(if $(EDITION),-f mkdocs.$(EDITION).yml)

check: $(STAMP)
	$(BIN)/briefing check

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf site site.tmp .cache docs/index.md docs/articles
