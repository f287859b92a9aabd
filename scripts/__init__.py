"""Maintenance scripts; those that use test helpers run as modules (python -m scripts.golden)."""
