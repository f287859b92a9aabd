"""Markdown generated from the data (python -m footnote.docgen.rules, footnote.docgen.kb)."""
