# The single entry point: `make run` serves the demo, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test test-quick lint format seed demo-users bench bench-smoke clean messages

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seeds
	$(PY) manage.py create_demo_users
	$(PY) manage.py runserver 127.0.0.1:8000

seed: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seeds

demo-users: $(VENV)/.runtime
	$(PY) manage.py create_demo_users

# The Arabic and Persian catalogues (docs/i18n.md): gather the marked strings into locale/*/django.po,
# then compile them. Both files are committed; a test fails when they fall behind the code.
MESSAGES := --no-location --no-obsolete --ignore=.venv --ignore=tests --ignore=bench --ignore=staticfiles \
	--ignore=seeds --ignore=locale --ignore=media
messages: $(VENV)/.runtime
	$(PY) manage.py makemessages -l ar -l fa $(MESSAGES)
	$(PY) manage.py compilemessages -l ar -l fa

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Runs on SQLite by default; set DATABASE_URL=postgres://... to run on PostgreSQL.
# Every test: the fast ones on two processes, then the slow ones (timing, races, real workers,
# benchmark smoke runs) alone, so that no timing is taken on a machine busy with other tests.
TEST_PROCESSES ?= 2
test: $(VENV)/.dev lint
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -m "not slow" -n $(TEST_PROCESSES)
	$(PY) -m pytest -m slow

# While working: every test but the slow ones (timing, races, scale, benchmark smoke runs).
test-quick: $(VENV)/.dev
	$(PY) -m pytest -m "not slow"

# Full benchmarks on PostgreSQL (docs/performance.md); needs wrk (apt-get install wrk).
bench: $(VENV)/.dev
	PY=$(PY) bash bench/run.sh

# The same benchmarks at sizes in the hundreds; they also run in `make test`.
bench-smoke: $(VENV)/.dev
	$(PY) -m pytest tests/bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis staticfiles
