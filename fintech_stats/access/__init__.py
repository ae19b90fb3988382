"""The reader's side: the loader API (`load`, `claims`, ...), a table's info card and its citation,
search, and the one reader of each published metadata file (`published`: a version's spec as a
typed `PublishedSpec`, the store-wide tables).  Reads the store; needs the corpus only for
`report_text`.  Imports `store`, `corpus`, `text`, `model`.
"""
