"""Benchmarks; run as modules from the project root (python -m bench.load) or as files."""
