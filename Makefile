# Shortcuts; the README has the plain commands.
.PHONY: test bench bench-quick venv

venv:
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev,bench]'

test: venv
	.venv/bin/pytest -q

bench: venv
	.venv/bin/python -m bench

bench-quick: venv
	.venv/bin/python -m bench --quick
