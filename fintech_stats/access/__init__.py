"""The reader's side: the loader API (`load`, `claims`, ...), a table's info card and search.
Reads the store; needs the corpus only for `report_text`.  Imports `store`, `corpus`, `text`, `model`.
"""
