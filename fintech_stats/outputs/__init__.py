"""What is made for people from the published store: the output-target guard, the CSV, xlsx and
Parquet downloads, the SQLite export, the static site (with its assets), the data dictionary,
charts and the citation text.  Imports `access`, `store`, `model` and below.
"""
