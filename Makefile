# The two commands of the README: `make serve` and `make test`. Everything runs in .venv,
# installed from requirements.lock (the tested set of versions).
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: MkDocs dates the sitemap from this, not from the wall clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve site offline pages test check clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

pages: $(STAMP)
	$(BIN)/briefing build

# All three editions (pages generated once, then each edition built by MkDocs, concurrently),
# into a temporary folder swapped in at the end: a failed build leaves site/ as it was.
# Incremental when site/ holds a build of the same configuration: only changed pages are
# rebuilt (`briefing site --full` rebuilds everything). BRIEFING_PDF=0 skips the PDFs (it sets the
# briefing plugin's `pdf` option in mkdocs.yml, which `make serve` reads too).
site: $(STAMP)
	$(BIN)/briefing site

# A copy for email: opens from the zip via file://, search included (build_tools/search/ works from file://).
offline: $(STAMP)
	rm -rf site-offline briefing-offline.zip
	$(BIN)/briefing build
	for e in "" zh-Hant en; do \
	  BRIEFING_PREBUILT=1 BRIEFING_DIRECTORY_URLS=false $(BIN)/mkdocs build --strict \
	    $${e:+-f mkdocs.$$e.yml} --site-dir site-offline/$$e || exit 1; done
	cd site-offline && $(abspath $(BIN))/python -m zipfile -c ../briefing-offline.zip .
	@echo "briefing-offline.zip: unzip and open index.html"

# Serves one edition with live reload (EDITION=zh-Hant or EDITION=en for the others).
EDITION ?=
# --dirty: after the first build, a change rebuilds only the pages it changed.
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 $(if $(EDITION),-f mkdocs.$(EDITION).yml)

check: $(STAMP)
	$(BIN)/briefing check

# Two workers (pytest-xdist): the suite spends most of its time waiting on MkDocs and Chromium.
test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2

clean:
	rm -rf site site.tmp site.tmp-* site.old site-offline briefing-offline.zip .cache docs/index.md docs/articles \
	  docs/glossary docs/tags docs/pdf docs/zh-Hant docs/en docs/.search docs/search docs/feed.xml
