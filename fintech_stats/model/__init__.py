"""The model: what a claim is and the words it may use.

The controlled vocabularies (units, qualifiers, repairs, statuses, mention, gap, exclusion and
check kinds), the codelists of the dimensions, the one registry of columns (`fields`: which
columns a table has, in which order, with their types and meanings), a table's spec and what a
published spec.json says (`spec`), the observation record, and how to cite a table and the
licence of the data (`citation`).  Imports only `fintech_stats.errors`.
"""
