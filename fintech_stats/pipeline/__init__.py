"""The build: extract (run every curation) -> tabulate (Arrow tables, specs, store-wide files)
-> publish (lock, atomic writes, the catalog last) and verify (`build --check`), plus the writer of
the search index.  The only writer of `datasets/`.  Imports `curation`, `store` and below.
"""
