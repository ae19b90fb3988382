"""The writer of the search index (search.json): every table's metadata cut into terms
(`fintech_stats.text.tokens`) and inverted, so that `fs.search()` reads one file and decodes only
the terms of its query.  The reader is `fintech_stats.access.query`.
"""

from __future__ import annotations

from typing import Any

from fintech_stats.text.tokens import DIMENSION_LABEL, INDEX_FORMAT, terms

__all__ = ["DIMENSION_WEIGHT", "NAME_WEIGHT", "TEXT_WEIGHT", "index_document"]

#: The weight of a field: a name or title hit outranks a dimension-label hit, which outranks the rest.
NAME_WEIGHT = 3.0
DIMENSION_WEIGHT = 2.0
TEXT_WEIGHT = 1.0


def _field(label: str, weight: float, *texts: str) -> tuple[str, float, frozenset[str]]:
    return label, weight, frozenset(t.text for text in texts for t in terms(text))


def _table_fields(name: str, spec: dict[str, Any]) -> list[tuple[str, float, frozenset[str]]]:
    fields = [
        _field("name", NAME_WEIGHT, name),
        _field("title", NAME_WEIGHT, spec["title"]),
        _field("title_zh", NAME_WEIGHT, spec["title_zh"]),
    ]
    for dim in spec["dimensions"]:
        labels = [label for code in dim["codes"] or [] for label in (code["zh"], code["en"])]
        headers = [dim.get("zh", ""), dim.get("en", "")]
        fields.append(_field(f"{DIMENSION_LABEL}{dim['name']}", DIMENSION_WEIGHT, dim["name"], *headers, *labels))
    fields += [
        _field("units", TEXT_WEIGHT, *spec["units"]),
        _field("description", TEXT_WEIGHT, spec["description"]),
        _field("source", TEXT_WEIGHT, spec["source"]),
    ]
    return fields


def index_document(tables: list[tuple[str, str, dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """The search index the build writes (search.json) from (name, version, catalog entry, spec
    document) per table: an inverted index (see `fintech_stats.access.query`), so that search() reads one file, not
    every spec, and decodes only what a query needs."""
    ordered = sorted(tables, key=lambda t: t[0])
    fields = [_table_fields(name, spec) for name, _, _, spec in ordered]
    terms = sorted({term for table in fields for _, _, held in table for term in held})
    position = {term: i for i, term in enumerate(terms)}
    postings: list[dict[int, list[int]]] = [{} for _ in terms]
    for t, table in enumerate(fields):
        for f, (_, _, held) in enumerate(table):
            for term in held:
                postings[position[term]].setdefault(t, []).append(f)
    return {
        "format": INDEX_FORMAT,
        "terms": terms,
        "postings": [";".join(f"{t}:{','.join(map(str, fs))}" for t, fs in sorted(p.items())) for p in postings],
        "tables": {
            "name": [name for name, _, _, _ in ordered],
            "version": [version for _, version, _, _ in ordered],
            "title": [spec["title"] for _, _, _, spec in ordered],
            "report_id": [entry["report_id"] for _, _, entry, _ in ordered],
            "rows": [int(entry["rows"]) for _, _, entry, _ in ordered],
            "fields": [
                "\n".join(f"{label}\t{weight}\t{len(held)}" for label, weight, held in table) for table in fields
            ],
        },
    }
