# Two commands matter on a fresh machine: `make site` and `make test`.
# Everything else is for day-to-day work.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# One stamp per package group: `make site` needs only the runtime packages,
# `make test` adds the test ones (the test stamp implies the runtime one).
STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test
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

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "make: this project needs Python 3.11 or newer as '$(PYTHON)'; run make PYTHON=python3.12 (or another)" >&2; \
	  exit 1; }
	@echo "Creating the Python environment $(VENV)/ with $$($(PYTHON) --version) (once; everything make installs for Python goes there)"
	$(PYTHON) -m venv $(VENV)

# Each group is installed again (only what changed) when pyproject.toml is
# newer than its stamp; tools/install_packages.py says what before pip starts.
$(STAMP): pyproject.toml | $(PY)
	@$(PY) tools/install_packages.py runtime
	@touch $@

$(TEST_STAMP): pyproject.toml $(STAMP)
	@$(PY) tools/install_packages.py test
	@touch $@

site: $(STAMP)
	$(PY) tools/build_site.py --site-dir site

test: $(TEST_STAMP) browsers node_modules/.package-lock.json
	$(PY) -m pytest $(PYTEST_ARGS)

serve: $(STAMP)
	@$(PY) tools/serve.py --port $(PORT)

check: $(STAMP)
	$(PY) -m ssesite.cli.check

new-study: $(STAMP)
	$(PY) -m ssesite.cli.scaffold $(COUNTRY)

bench: $(STAMP)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# axe-core, injected into pages by the accessibility tests (never shipped).
node_modules/.package-lock.json: package.json package-lock.json
	@echo "Installing axe-core from npm (package-lock.json) for the accessibility tests"
	npm ci --no-audit --no-fund

# Browser tests drive Debian's Chromium; install it when it is missing
# (tools/install-chromium.sh says what it installs before it asks apt).
browsers:
	@command -v chromium >/dev/null 2>&1 || tools/install-chromium.sh

format: $(TEST_STAMP)
	$(PY) -m ruff format hooks tests tools
	$(PY) -m ruff check --fix hooks tests tools

clean:
	rm -rf site .site-build-* .site-previous-* .pytest_cache node_modules .cache
