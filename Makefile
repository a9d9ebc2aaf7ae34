# Forum des Fabriques — every set-up step a newcomer needs, from a machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000
CHROMIUM ?= /usr/bin/chromium
# The forum's public address, required: links in e-mails and feeds are made from it, and requests
# for another host are refused. Set your own for another address (or FORUM_TRUSTED_HOSTS for more hosts).
export FORUM_SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: install run test test-fast browser bench bench-postgresql bench-search bench-search-quality bench-seed bench-worker bench-load migrate seed messages clean help

help:
	@echo "make run     installe, migre, charge la démo et sert http://$(HOST):$(PORT)"
	@echo "make test    lance toute la suite de tests (navigateur compris)"
	@echo "make bench   mesure le débit des pages principales (wrk + gunicorn), puis la latence de l'API"

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Reinstall when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The compiled catalogues (forum/translations/<language>/LC_MESSAGES/messages.mo) are built here from
# the committed .po files, never committed: a binary in git could silently disagree with its source.
CATALOGUES := $(wildcard forum/translations/*/LC_MESSAGES/messages.po)
install: $(VENV)/.installed $(CATALOGUES:.po=.mo)

%/LC_MESSAGES/messages.mo: %/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -i $< -o $@

# Development server: plain http on localhost, so cookies cannot be Secure here; "localhost" is
# accepted beside $(HOST) (links still use FORUM_SITE_URL). The worker runs beside it as a child
# process (e-mails land as files in instance/mail, the search index follows every change) and
# stops with it.
run: install
	$(FLASK) init-db
	$(FLASK) seed-demo --if-empty
	$(FLASK) search rebuild --if-outdated
	export FORUM_SESSION_COOKIE_SECURE=false FORUM_MAIL_BACKEND=file FORUM_TRUSTED_HOSTS=$${FORUM_TRUSTED_HOSTS:-localhost}; \
	  $(FLASK) worker & worker=$$!; \
	  trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	  $(FLASK) run --host $(HOST) --port $(PORT)

migrate: install
	$(FLASK) init-db

seed: install
	$(FLASK) seed-demo --if-empty

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium manque : sudo apt-get install chromium (les tests navigateur seront ignorés)"; \
	  fi; \
	fi

# In parallel (one worker per core), then alone the few tests that measure time (marked "timing").
test: install browser
	$(BIN)/python -m pytest -n auto --dist loadfile -m "not timing"
	$(BIN)/python -m pytest -m timing

test-fast: install
	$(BIN)/python -m pytest -m "not e2e" -x -q

bench: install
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/api.py

# The same on PostgreSQL, in a database of its own that it empties first.
BENCH_POSTGRESQL ?= postgresql+psycopg://postgres@127.0.0.1:5432/forum_bench
bench-postgresql: install
	$(BIN)/python bench/pages.py --postgresql $(BENCH_POSTGRESQL)

bench-search: install
	$(BIN)/python bench/search.py --docs 10000 100000

# Precision and recall at 10 of the judged queries (tests/search/judged_queries.toml), per query.
bench-search-quality: install
	$(BIN)/python bench/search_quality.py

bench-seed: install
	$(BIN)/python bench/seed.py

bench-worker: install
	$(BIN)/python bench/worker.py

# Locust and the Redis client are needed only here: installed on demand, not by `make install`.
bench-load: install
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/load.py

# Extract the French source strings, for a translator (Flask-Babel).
# Extract every translatable string (Python, templates, data labels: babel.cfg) and bring the
# catalogues up to date; then translate the new entries in forum/translations/en/LC_MESSAGES/messages.po.
messages: install
	mkdir -p forum/translations
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k lazy_ngettext:1,2 -k _l --ignore-dirs ".*" --sort-by-file \
	  --project "Forum des Fabriques" --no-wrap -o forum/translations/messages.pot . > /dev/null
	$(BIN)/pybabel update --no-wrap --no-fuzzy-matching --ignore-obsolete -i forum/translations/messages.pot -d forum/translations
	$(MAKE) --no-print-directory install

clean:
	rm -rf $(VENV) .pytest_cache
