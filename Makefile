# Gongkai — run `make` or `make help` to list the targets.
SHELL := /bin/bash
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?= -n 2

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "需要 Python 3.11 或更高版本（$(PYTHON)）"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed ## Create .venv and install Gongkai

run: install ## Set up the database, load the demo district and serve it on 127.0.0.1:$PORT
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo ""
	@echo "门户：   http://127.0.0.1:$(PORT)/"
	@echo "工作台： http://127.0.0.1:$(PORT)/console/"
	@echo "接口：   http://127.0.0.1:$(PORT)/api/docs"
	@$(PY) manage.py demo_logins
	@# The indexer and the page renderer keep search and the static copies of public pages
	@# up to date in the background and stop with the server.
	$(PY) manage.py run_indexer & indexer=$$!; \
	SITE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py run_renderer & renderer=$$!; \
	trap 'kill $$indexer $$renderer 2>/dev/null' EXIT; \
	$(PY) manage.py runserver --noreload 127.0.0.1:$(PORT)

# fonts-wqy-microhei: a Chinese font for the browser and for the paper application form's PDF.
chromium: ## Make sure Debian's chromium (and a Chinese font) are there for the browser tests
	@command -v chromium >/dev/null && test -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc && exit 0; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; \
	elif sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; \
	else echo "浏览器测试需要 Debian 的 chromium 和 fonts-wqy-microhei 软件包，请先运行：sudo apt-get install chromium fonts-wqy-microhei"; exit 1; fi

nginx: ## Make sure Debian's nginx (with brotli) is there for the static-publishing tests
	@command -v nginx >/dev/null && test -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so && exit 0; \
	pkgs="nginx libnginx-mod-http-brotli-static"; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$pkgs; \
	elif sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$pkgs; \
	else echo "静态发布测试需要 Debian 的 nginx，请先运行：sudo apt-get install $$pkgs"; exit 1; fi

lint: $(VENV)/.dev-installed ## Check style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-installed ## Reformat the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: $(VENV)/.dev-installed chromium nginx ## Lint, check migrations and run the whole test suite
	$(VENV)/bin/ruff check .
	mkdir -p var
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Moments (UTC, for faketime) at which the suite must pass as well: 01:30 on 1 January China
# time (still the old year in UTC), 07:45 on a working day (the previous UTC day), and noon.
CLOCKS ?= 2026-12-31T17:30:00 2026-09-23T23:45:00 2026-09-24T04:00:00

test-clocks: $(VENV)/.dev-installed ## Run the suite (browser tests aside) with the machine's clock moved to each of $CLOCKS
	@command -v faketime >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime; }
	mkdir -p var
	@for moment in $(CLOCKS); do \
	  echo "== the suite with the clock at $$moment UTC"; \
	  TZ=UTC faketime -f "@$${moment/T/ }" env GONGKAI_TEST_NOW="$$moment+00:00" \
	    $(VENV)/bin/pytest $(PYTEST_ARGS) -q -m "not browser" || exit 1; \
	done

.PHONY: help install run chromium nginx lint format test test-clocks
