# Two commands matter on a fresh machine: `make site` and `make test`.
# Everything else is for day-to-day work.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-from-pyproject
PORT ?= 8000

# Material 9.8 prints an end-of-life banner on every build; we know, and the
# banner would drown the messages researchers need to read.
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks
# Reproducible builds: any date MkDocs would take from the clock (the sitemap's
# lastmod) comes from the last commit instead.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1600732800)
export SOURCE_DATE_EPOCH

.PHONY: site test serve check new-study bench browsers clean format

# The venv is rebuilt whenever pyproject.toml is newer than the last install.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check '.[test]'
	@touch $@

site: $(STAMP)
	$(PY) tools/build_site.py --site-dir site

test: $(STAMP) browsers node_modules/.package-lock.json
	$(PY) -m pytest $(PYTEST_ARGS)

serve: $(STAMP)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

check: $(STAMP)
	$(PY) -m ssesite.cli.check

new-study: $(STAMP)
	$(PY) -m ssesite.cli.scaffold $(COUNTRY)

bench: $(STAMP)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# axe-core, injected into pages by the accessibility tests (never shipped).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

# Browser tests drive Debian's Chromium; install it when it is missing.
browsers:
	@command -v chromium >/dev/null 2>&1 || tools/install-chromium.sh

format: $(STAMP)
	$(PY) -m ruff format hooks tests tools
	$(PY) -m ruff check --fix hooks tests tools

clean:
	rm -rf site .site-build-* .site-previous-* .pytest_cache node_modules .cache
