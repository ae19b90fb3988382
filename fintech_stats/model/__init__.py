"""The model: what a claim is and the words it may use.

The controlled vocabularies (units, qualifiers, repairs, statuses, mention, gap, exclusion and
check kinds), the codelists of the dimensions, the one registry of columns (`fields`), a table's
spec and the observation record.  Imports only `fintech_stats.errors`.
"""
