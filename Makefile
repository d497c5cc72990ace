# Two commands do everything: `make run` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
export PYTHONPATH := $(CURDIR)
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
RASA_ARGS := --config config.yml --domain bot/domain --data data
# When make began, so the long commands can say how long they took.
STARTED := $(shell date +%s)
ELAPSED = echo "make $@ took $$(( ($$(date +%s) - $(STARTED)) / 60 )) min $$(( ($$(date +%s) - $(STARTED)) % 60 )) s"

.PHONY: help system system-prod run run-prod test lint validate unit stories integration integration-pg browser model eval eval-default bench assets bench-web

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt requirements-dev.txt requirements-encoder.txt requirements.lock scripts/setup-venv.sh
	@scripts/setup-venv.sh
	@touch $@

ASSETS := bot/web/frontend/build/council.css
$(ASSETS): bot/web/frontend/package.json bot/web/frontend/package-lock.json bot/web/frontend/src/council.scss scripts/install-browser.sh
	@scripts/install-browser.sh --assets-only
	@touch $@

assets: $(ASSETS) ## Install GOV.UK Frontend (npm) and build the stylesheet

system: ## Install the Debian packages every test needs (only what is missing)
	@scripts/setup-system.sh test

system-prod:
	@scripts/setup-system.sh prod

run: $(INSTALLED) $(ASSETS) ## Set up (first time only), train if needed, and run everything
	@scripts/setup-system.sh run
	@$(PY) -m bot.launcher

run-prod: system-prod $(INSTALLED) $(ASSETS) ## The production layout: PostgreSQL, Redis, 2 Rasa + 2 action servers, nginx
	@scripts/run-prod.sh

# The system packages come first, so no stage finds a program missing that a later one installs.
test: system lint validate unit stories integration integration-pg browser ## Run every test (what CI runs)
	@$(ELAPSED)

lint: $(INSTALLED) ## Ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

validate: $(INSTALLED) ## Check the domain, NLU data, rules and stories agree
	$(PY) -m rasa data validate --fail-on-warnings $(RASA_ARGS)

unit: $(INSTALLED) ## Unit tests (no servers)
	$(PY) -m pytest tests/unit -q

model: $(INSTALLED) ## Train the model if config, domain or data changed
	@$(PY) -m bot.training >/dev/null

stories: model ## Test stories against the trained model
	$(PY) -m rasa test core --model "$$($(PY) -m bot.training)" --stories tests/stories \
		--fail-on-prediction-errors --out var/results/stories

integration: model $(ASSETS) ## Integration tests against real servers on free ports
	$(PY) -m pytest tests/integration -q

integration-pg: model $(ASSETS) ## The integration tests again on PostgreSQL and a Redis lock store
	@eval "$$(scripts/test-services.sh start)" && \
	  trap 'scripts/test-services.sh stop' EXIT && \
	  $(PY) -m pytest tests/integration -q

eval: model ## The quality report: understanding, safety, signposting, language
	$(PY) -m bot.evaluation
	@$(ELAPSED)

eval-default: model ## The same, training Rasa's default pipeline (DIET) too: about an hour cold
	$(PY) -m bot.evaluation --with-default
	@$(ELAPSED)

browser: model $(ASSETS) ## Browser tests in headless Chromium (installs it the first time)
	@scripts/install-browser.sh
	$(PY) -m pytest tests/browser -q

bench: system-prod model $(ASSETS) ## Speed and memory beside Rasa's starter bot; search at scale; load test
	$(PY) -m bot.benchmarks
	$(PY) -m bot.benchmarks.load
	@$(ELAPSED)

bench-web: model $(ASSETS) ## Time a chat turn through the web app and straight to Rasa
	$(PY) -m bot.benchmarks.web_chat
