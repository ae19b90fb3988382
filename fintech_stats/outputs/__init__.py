"""What is made for people from the published store: the output-target guard, the CSV, xlsx and
Parquet downloads, the SQLite export, the static site (with its assets), the data dictionary and
charts (the citation and licence they state are `fintech_stats.model.citation`'s).  Imports
`access`, `store`, `model` and below.
"""
