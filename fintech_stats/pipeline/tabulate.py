"""Tabulate: from observations to typed, sorted Arrow tables following each table's spec, and the
store-wide tables, the reports document and the search index (the build's second step).

Dimension columns are dictionary-encoded with the codes the file uses, in codelist order, as the
dictionary (ordered where the codelist is ordinal: buckets, bands), so that pandas reads them as
categoricals holding only the table's codes, sorting as the codelist does; `year` is int16.  The
rows are stored sorted by their dimensions in codelist order, so a reader that ignores the
dictionary still gets them in that order.  `unit` and `qualifier` are dictionary-encoded in
vocabulary order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from fintech_stats.curation.consistency import Check
from fintech_stats.curation.ledger import LedgerEntry
from fintech_stats.model import codelists, fields, vocabulary
from fintech_stats.model.observation import Gap, Observation
from fintech_stats.model.spec import PublishedCode, PublishedDimension, PublishedSpec, PublishedWarning, TableSpec
from fintech_stats.pipeline.extract import Extracted
from fintech_stats.pipeline.index import index_document
from fintech_stats.store.paths import MENTION_FILES

__all__ = [
    "CHECK_SCHEMA",
    "CLAIMS_SCHEMA",
    "GAP_SCHEMA",
    "LEDGER_SCHEMA",
    "TableVersion",
    "Tabulated",
    "arrow_schema",
    "checks_arrow",
    "claims_arrow",
    "codes_arrow",
    "gaps_arrow",
    "ledger_arrow",
    "published_spec",
    "sort_key",
    "spec_document",
    "tabulate",
    "to_arrow",
]


def _arrow_type(column: str, encoded: bool = True) -> pa.DataType:
    """The Arrow type of a column (its field's type name), dictionary-encoded in its codes' order
    when the field has codes and `encoded` (claims.parquet holds those columns as plain text)."""
    f = fields.field(column)
    base = pa.type_for_alias(f.type)
    return pa.dictionary(pa.int16(), base, ordered=f.ordered) if f.codes and encoded else base


def _arrow_field(column: str, encoded: bool = True) -> pa.Field:
    return pa.field(column, _arrow_type(column, encoded), nullable=fields.field(column).nullable)


#: The fields of the columns that name a place in a report's text (report_id, span_start, span_end).
_SPAN_FIELDS = [_arrow_field(column) for column in fields.SPAN_COLUMNS]

#: The schema of the gaps registry (gaps.parquet).
GAP_SCHEMA = pa.schema(
    [
        *_SPAN_FIELDS,
        pa.field("text", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        _arrow_field("location"),
        _arrow_field("note"),
    ]
)


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """The Arrow schema of a table: dimensions, then the standard columns (`fields.table_columns`)."""
    return pa.schema([_arrow_field(column) for column in spec.columns])


def sort_key(spec: TableSpec, obs: Observation) -> tuple[Any, ...]:
    """Rows sort by their dimensions in codelist order, then by position in the text."""
    dims = obs.dim_dict
    key: list[Any] = []
    for dim in spec.dimensions:
        if dim in codelists.NUMERIC_DIMENSIONS:
            key.append(dims[dim])
        else:
            key.append(list(codelists.codelist(dim)).index(str(dims[dim])))
    return (*key, obs.span_start)


def _dictionary_column(values: Sequence[str], vocabulary_order: Sequence[str], ordered: bool = False) -> pa.Array:
    used = set(values)
    dictionary = [v for v in vocabulary_order if v in used]
    index = {v: i for i, v in enumerate(dictionary)}
    return pa.DictionaryArray.from_arrays(
        pa.array([index[v] for v in values], pa.int16()), pa.array(dictionary, pa.string()), ordered=ordered
    )


def _cell(obs: Observation, column: str) -> Any:
    """What the observation holds in `column`: a dimension's code (text unless an integer
    dimension) or a standard column's attribute (a value as a float)."""
    if column in obs.dim_dict:
        value = obs.dim_dict[column]
        return value if column in codelists.NUMERIC_DIMENSIONS else str(value)
    value = getattr(obs, column)
    return float(value) if value is not None and fields.field(column).type.startswith("float") else value


def to_arrow(spec: TableSpec, observations: Sequence[Observation]) -> pa.Table:
    """The observations as an Arrow table of the spec's schema, sorted (see `sort_key`)."""
    rows = sorted(observations, key=lambda o: sort_key(spec, o))
    schema = arrow_schema(spec)
    columns: list[pa.Array] = []
    for column in spec.columns:
        f = fields.field(column)
        values = [_cell(o, column) for o in rows]
        if f.codes:
            columns.append(_dictionary_column(values, f.codes, f.ordered))
        else:
            columns.append(pa.array(values, schema.field(column).type))
    return pa.Table.from_arrays(columns, schema=schema)


def spec_document(spec: TableSpec, observations: Sequence[Observation]) -> dict[str, Any]:
    """The JSON description of a table version: metadata, columns, and its dimensions' codes.

    Each dimension lists the codes its rows use (primary rows and restatements), in codelist order,
    with their labels: the published metadata is self-contained, and adding codes to a shared
    codelist later changes no published table.
    """
    return published_spec(spec, observations).document()


def published_spec(spec: TableSpec, observations: Sequence[Observation]) -> PublishedSpec:
    """What the spec.json of the table version says (see `spec_document`)."""
    return PublishedSpec(
        name=spec.name,
        version=spec.version,
        title=spec.title,
        title_zh=spec.title_zh,
        description=spec.description,
        report_id=spec.report_id,
        topic=spec.topic,
        source=spec.source,
        units=spec.units,
        primary_key=spec.primary_key,
        dimensions=tuple(_published_dimension(dim, observations) for dim in spec.dimensions),
        columns=spec.columns,
        usage_warnings=tuple(
            PublishedWarning(w.type, w.description, vocabulary.WARNING_KINDS[w.type].lost) for w in spec.usage_warnings
        ),
    )


def _published_dimension(dim: str, observations: Sequence[Observation]) -> PublishedDimension:
    header = fields.field(dim)
    if dim in codelists.NUMERIC_DIMENSIONS:
        return PublishedDimension(dim, header.zh, header.en, header.description, "integer", None, True, None)
    codes = codelists.dimension(dim)
    used = {str(o.dim_dict[dim]) for o in observations}
    return PublishedDimension(
        dim,
        header.zh,
        header.en,
        header.description,
        "code",
        codes.name,
        codes.ordered,
        tuple(PublishedCode(c, zh, en) for c, (zh, en) in codes.codes.items() if c in used),
    )


#: The schema of the coverage ledger (numbers.parquet).
LEDGER_SCHEMA = pa.schema(
    [
        *_SPAN_FIELDS,
        pa.field("text", pa.string(), nullable=False),
        pa.field("status", pa.string(), nullable=False),
        pa.field("kind", pa.string()),
    ]
)


def _records_table(
    rows: Sequence[Any], schema: pa.Schema, convert: Mapping[str, Callable[[Any], Any]] | None = None
) -> pa.Table:
    """Records (dataclasses whose attributes are named like the schema's columns) as an Arrow table;
    `convert` turns the attributes it names into what their column holds."""
    out = convert or {}
    return pa.Table.from_pylist(
        [{name: out.get(name, _same)(getattr(r, name)) for name in schema.names} for r in rows], schema=schema
    )


def _same(value: Any) -> Any:
    return value


def ledger_arrow(entries: Sequence[LedgerEntry]) -> pa.Table:
    """The coverage ledger as an Arrow table, sorted by report and position."""
    return _records_table(sorted(entries, key=lambda e: (e.report_id, e.span_start)), LEDGER_SCHEMA)


#: The schema of the published checks (checks.parquet).
CHECK_SCHEMA = pa.schema(
    [
        pa.field("check_id", pa.string(), nullable=False),
        _arrow_field("report_id"),
        _arrow_field("table"),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("expected", pa.float64()),
        pa.field("observed", pa.float64()),
        pa.field("tolerance", pa.float64()),
        pa.field("passed", pa.bool_(), nullable=False),
        pa.field("claims", pa.string(), nullable=False),
        _arrow_field("note"),
    ]
)


def checks_arrow(checks: Sequence[Check]) -> pa.Table:
    """The checks as an Arrow table, sorted by report and check id; `claims` lists table:start-end."""
    rows = sorted(checks, key=lambda c: (c.report_id, c.check_id))
    return _records_table(rows, CHECK_SCHEMA, {"claims": " ".join})


#: The schema of claims.parquet: every observation of every table's current version, stacked.
CLAIMS_SCHEMA = pa.schema([_arrow_field(column, encoded=False) for column in fields.CLAIMS_COLUMNS])


def _dims_json(obs: Observation, language: str | None) -> str:
    out: dict[str, str | int] = {}
    for dim, code in obs.dims:
        if language is None or dim in codelists.NUMERIC_DIMENSIONS:
            out[dim] = code
        else:
            out[dim] = codelists.label(dim, str(code), language)
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def claims_arrow(tables: Sequence[tuple[TableSpec, Sequence[Observation]]]) -> pa.Table:
    """Every observation of the given table versions as one long table (`fs.claims()` reads it):
    dims as JSON text of codes, and of zh and en labels; sorted by report, position and table."""
    rows = [(spec, o) for spec, observations in tables for o in observations]
    rows.sort(key=lambda r: (r[1].report_id, r[1].span_start, r[0].name, r[1].span_end, r[1].dims))
    return pa.Table.from_pylist([_claim_row(spec, o) for spec, o in rows], schema=CLAIMS_SCHEMA)


def _claim_row(spec: TableSpec, obs: Observation) -> dict[str, Any]:
    """One row of claims.parquet: the observation's standard columns, its table and its dimensions as text."""
    row = {column: _cell(obs, column) for column in fields.STANDARD_COLUMNS}
    row.update(
        table=spec.name,
        version=spec.version,
        dims=_dims_json(obs, None),
        dims_zh=_dims_json(obs, "zh"),
        dims_en=_dims_json(obs, "en"),
        mention=obs.mention,
    )
    return row


#: The schema of codes.parquet: every code of every dimension of every table, in codelist order.
CODES_SCHEMA = pa.schema(
    [
        pa.field("table", pa.string(), nullable=False),
        pa.field("version", pa.string(), nullable=False),
        pa.field("column", pa.string(), nullable=False),
        pa.field("position", pa.int16(), nullable=False),
        pa.field("code", pa.string(), nullable=False),
        pa.field("zh", pa.string(), nullable=False),
        pa.field("en", pa.string(), nullable=False),
        pa.field("ordered", pa.bool_(), nullable=False),
    ]
)


def codes_arrow(specs: Sequence[Mapping[str, Any]]) -> pa.Table:
    """The codes each table's dimensions use (from its spec document), with their position in the
    codelist: what a reader without pandas' ordered categoricals (DuckDB, polars, SQL) joins on to
    sort a bucket or band column in its order rather than as text."""
    rows = [
        {
            "table": spec["name"],
            "version": spec["version"],
            "column": dim["name"],
            "position": position,
            "code": code["code"],
            "zh": code["zh"],
            "en": code["en"],
            "ordered": bool(dim["ordered"]),
        }
        for spec in sorted(specs, key=lambda s: s["name"])
        for dim in spec["dimensions"]
        for position, code in enumerate(dim["codes"] or [])
    ]
    return pa.Table.from_pylist(rows, schema=CODES_SCHEMA)


def gaps_arrow(gaps: Sequence[Gap]) -> pa.Table:
    """The gaps registry as an Arrow table, sorted by report and position."""
    return _records_table(sorted(gaps, key=lambda g: (g.report_id, g.span_start, g.span_end)), GAP_SCHEMA)


def _reports_document(extracted: Extracted) -> list[dict[str, Any]]:
    reports, built, gaps = extracted.reports, extracted.tables, extracted.gaps
    claims = Counter(o.report_id for b in built for o in (*b.primary, *b.restatements, *b.conflicts))
    tables = Counter(b.spec.report_id for b in built)
    gap_counts = Counter(g.report_id for g in gaps)
    ledger = Counter((e.report_id, e.status) for e in extracted.ledger)
    checks = Counter((c.report_id, c.passed) for c in extracted.checks)
    return [
        {
            "report_id": r.report_id,
            "publisher": r.publisher,
            "title": r.title,
            "pages": r.pages,
            "site_published": r.site_published.isoformat(),
            "views": r.views,
            "text_chars": r.text_chars,
            "text_status": r.text_status,
            "text_extent": r.text_extent,
            "n_claims": claims.get(r.report_id, 0),
            "n_tables": tables.get(r.report_id, 0),
            "n_gaps": gap_counts.get(r.report_id, 0),
            "n_numbers": sum(ledger[(r.report_id, s)] for s in vocabulary.LEDGER_STATUSES),
            "n_unaccounted": ledger[(r.report_id, "unaccounted")],
            "n_checks_passed": checks[(r.report_id, True)],
            "n_checks_failed": checks[(r.report_id, False)],
            "curation_note": extracted.notes.get(r.report_id),
            "source_file": r.source_file,
            "position": r.position,
        }
        for r in reports
    ]


@dataclass(frozen=True)
class TableVersion:
    """One table version as it will be written: its data, its mention files, its spec document."""

    spec: TableSpec
    data: pa.Table
    mentions: dict[str, pa.Table]  # MENTION_FILES key -> rows (only the keys that have rows)
    counts: dict[str, int]  # MENTION_FILES key -> how many rows
    document: dict[str, Any]


@dataclass(frozen=True)
class Tabulated:
    """Everything a build publishes, in memory: table versions, store-wide tables, reports, index."""

    versions: list[TableVersion]
    store_wide: dict[str, pa.Table]  # REGISTRY_FILES key (but search) -> table
    reports: list[dict[str, Any]]
    search_index: dict[str, Any]


def tabulate(extracted: Extracted) -> Tabulated:
    """The Arrow tables, spec documents, reports document and search index of an extraction."""
    versions = []
    for built in extracted.tables:
        spec = built.spec
        mentions = {key: to_arrow(spec, built.mentions(key)) for key in MENTION_FILES if built.mentions(key)}
        versions.append(
            TableVersion(
                spec,
                to_arrow(spec, built.primary),
                mentions,
                {key: len(built.mentions(key)) for key in MENTION_FILES},
                spec_document(spec, [*built.primary, *built.restatements, *built.conflicts]),
            )
        )
    store_wide = {
        "gaps": gaps_arrow(extracted.gaps),
        "numbers": ledger_arrow(extracted.ledger),
        "checks": checks_arrow(extracted.checks),
        "codes": codes_arrow([v.document for v in versions]),
        "claims": claims_arrow([(b.spec, b.primary + b.restatements + b.conflicts) for b in extracted.tables]),
    }
    index = index_document(
        [
            (v.spec.name, v.spec.version, {"report_id": v.spec.report_id, "rows": v.data.num_rows}, v.document)
            for v in versions
        ]
    )
    return Tabulated(versions, store_wide, _reports_document(extracted), index)
