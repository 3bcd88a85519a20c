# IMI — the two commands of the README: `make run` (the app with demo data) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PYTHONPATH := $(CURDIR)/backend
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run test bench setup system-packages frontend conformance-tools lint check-schema schema lock clean

## run: install what is missing, migrate, seed the demo data on first start, serve http://127.0.0.1:8000
run: setup system-packages frontend
	$(PY) -m imi db upgrade
	$(PY) -m imi seed demo --if-empty
	IMI_ENV=$${IMI_ENV:-development} $(PY) -m imi serve

## test: install what is missing, then lint, type-check and run every test (SQLite, then PostgreSQL)
test: setup system-packages frontend conformance-tools
	$(PY) -m ruff check backend tests bench
	$(PY) -m mypy
	$(PY) -m pytest -q
	IMI_TEST_DATABASE_URL=$(POSTGRES_TEST_URL) $(PY) -m pytest -q -m db
	$(MAKE) -C frontend test

## bench: run the benchmarks and write bench/results.md
bench: setup system-packages frontend
	$(PY) bench/run.py

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

## system-packages: the Debian packages of system-packages.txt, installed when root and missing
system-packages:
	@missing=$$(grep -v '^\s*#' system-packages.txt | xargs -r -n1 sh -c 'dpkg-query -W -f="\$${Status}" "$$0" 2>/dev/null | grep -q "ok installed" || echo "$$0"'); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "not root: please install the Debian packages" $$missing; fi; \
	fi

frontend:
	$(MAKE) -C frontend build

## conformance-tools: the GraphQL over HTTP audit suite (graphql-http) the conformance tests run with Node
conformance-tools: tests/conformance/node_modules/.installed

tests/conformance/node_modules/.installed: tests/conformance/package-lock.json
	cd tests/conformance && npm ci --no-audit --no-fund --silent
	touch $@

## schema: write schema.graphql from the code
schema: setup
	$(PY) -m imi export-schema

## lock: regenerate requirements.lock from requirements.txt in a fresh environment
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.txt
	( echo "# Every Python package, pinned (regenerate with: make lock)."; .venv-lock/bin/pip freeze ) > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) var frontend/dist frontend/node_modules
