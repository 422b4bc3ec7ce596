# The two commands of the README: `make run` starts the dashboard, `make test` runs every test.
# Both create .venv and install what they need, system packages included when run as root on Debian.
# `make test` hands whole modules to the workers, longest first (tests/conftest.py orders them;
# xdist's own reordering, by number of tests, is off). `make check` is the inner loop: every test but
# the slow groups, in parallel: real browser, chart images, commands run in a process of their own,
# tests over a second each (large inputs, a workbook, the extraction worker), pages run with AppTest,
# sweeps.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
WORKERS ?= 2

.PHONY: run test check setup setup-dev system-packages test-system-packages

# The test processes (two workers, a dashboard server per browser module, the commands run from the
# shell) would each compile the project's modules again where PYTHONDONTWRITEBYTECODE is set, as on
# these machines: collecting the suite takes 8 s instead of 4. Compiled files go to __pycache__/.
TEST_ENV := env -u PYTHONDONTWRITEBYTECODE

run: setup system-packages
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true

test: setup-dev test-system-packages
	$(TEST_ENV) $(PY) -m pytest -n $(WORKERS) --dist loadfile --no-loadscope-reorder

check: setup-dev
	$(TEST_ENV) $(PY) -m pytest -n $(WORKERS) -m "not browser and not export and not cli and not slow and not page and not sweep" -q

setup: $(VENV)/.installed
setup-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed

system-packages:
	./scripts/install-system-packages.sh

test-system-packages:
	./scripts/install-system-packages.sh --browser-tests
