"""The published store: where its files are, the catalog (the root of trust) and verified reads.
Needs the standard library only (and `errors`); never the corpus, pandas or pyarrow at import.
"""
