PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	-$(BIN)/copyfix lint seeds/
	-$(BIN)/copyfix fix --diff seeds/
	-$(BIN)/copyfix lint -v examples/
	-$(BIN)/copyfix fix --diff examples/

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py

# The evaluation kit (not part of `make test`): build the corpus if needed, inject slips, score.
# EVAL_ARGS is passed to the scorer, e.g. EVAL_ARGS="--dump evaluation/.corpus/tuning-dump.jsonl".
EVAL_ARGS ?=
eval: $(VENV)/.installed
	$(BIN)/python evaluation/build_corpus.py --if-needed
	$(BIN)/python evaluation/inject.py
	$(BIN)/python evaluation/score.py $(EVAL_ARGS)

clean:
	rm -rf $(VENV) .copyfix_cache .pytest_cache .hypothesis
