"""Benchmarks: run by hand (`python -m bot.benchmarks.NAME`), not part of `make test`."""
