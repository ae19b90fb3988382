"""The corpus: the reports (listing entries, their text and its status), ingested reports, and
the curated report ids (data, in `ids.toml`).  Imports `model` and `text`.
"""
