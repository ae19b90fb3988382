"""The curator's tools: propose candidate claims for a new report, draft its rows, score the
proposals, run or ledger one curation folder, ingest a PDF into the corpus.  Imports `curation`,
`corpus`, `access` and below.
"""
