"""From observations to typed, sorted Arrow tables, following each table's spec.

Dimension columns are dictionary-encoded with the whole codelist, in codelist order, as the
dictionary, so that pandas reads them as ordered-by-codelist categoricals; `year` is int16.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from fintech_stats import codelists
from fintech_stats.observation import Observation
from fintech_stats.spec import TableSpec

__all__ = ["arrow_schema", "sort_key", "spec_document", "to_arrow"]


def _dim_type(dim: str) -> pa.DataType:
    if dim in codelists.NUMERIC_DIMENSIONS:
        return pa.int16()
    return pa.dictionary(pa.int16(), pa.string())


def arrow_schema(spec: TableSpec) -> pa.Schema:
    """The Arrow schema of a table: dimensions, measure columns, provenance columns."""
    fields = [pa.field(dim, _dim_type(dim), nullable=False) for dim in spec.dimensions]
    fields += [
        pa.field("value", pa.float64()),
        pa.field("value_high", pa.float64()),
        pa.field("unit", pa.dictionary(pa.int16(), pa.string()), nullable=False),
        pa.field("qualifier", pa.dictionary(pa.int16(), pa.string()), nullable=False),
        pa.field("report_id", pa.string(), nullable=False),
        pa.field("span_start", pa.int64(), nullable=False),
        pa.field("span_end", pa.int64(), nullable=False),
        pa.field("literal", pa.string(), nullable=False),
        pa.field("repair", pa.string()),
        pa.field("note", pa.string()),
    ]
    return pa.schema(fields)


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


def _dictionary_column(values: Sequence[str], vocabulary: Sequence[str]) -> pa.Array:
    index = {v: i for i, v in enumerate(vocabulary)}
    return pa.DictionaryArray.from_arrays(
        pa.array([index[v] for v in values], pa.int16()), pa.array(list(vocabulary), pa.string())
    )


def to_arrow(spec: TableSpec, observations: Sequence[Observation]) -> pa.Table:
    """The observations as an Arrow table of the spec's schema, sorted (see `sort_key`)."""
    rows = sorted(observations, key=lambda o: sort_key(spec, o))
    columns: list[pa.Array] = []
    for dim in spec.dimensions:
        values = [o.dim_dict[dim] for o in rows]
        if dim in codelists.NUMERIC_DIMENSIONS:
            columns.append(pa.array(values, pa.int16()))
        else:
            columns.append(_dictionary_column([str(v) for v in values], list(codelists.codelist(dim))))
    columns += [
        pa.array([None if o.value is None else float(o.value) for o in rows], pa.float64()),
        pa.array([None if o.value_high is None else float(o.value_high) for o in rows], pa.float64()),
        _dictionary_column([o.unit for o in rows], sorted(spec.units)),
        _dictionary_column([o.qualifier for o in rows], ["exact", "approx", "over", "under", "range"]),
        pa.array([o.report_id for o in rows], pa.string()),
        pa.array([o.span_start for o in rows], pa.int64()),
        pa.array([o.span_end for o in rows], pa.int64()),
        pa.array([o.literal for o in rows], pa.string()),
        pa.array([o.repair for o in rows], pa.string()),
        pa.array([o.note for o in rows], pa.string()),
    ]
    return pa.Table.from_arrays(columns, schema=arrow_schema(spec))


def spec_document(spec: TableSpec) -> dict[str, Any]:
    """The JSON description of a table version: metadata, columns, and its dimensions' codelists."""
    dims: list[dict[str, Any]] = []
    for dim in spec.dimensions:
        if dim in codelists.NUMERIC_DIMENSIONS:
            dims.append({"name": dim, "type": "integer", "codes": None})
        else:
            dims.append(
                {
                    "name": dim,
                    "type": "code",
                    "codes": [{"code": c, "zh": zh, "en": en} for c, (zh, en) in codelists.codelist(dim).items()],
                }
            )
    return {
        "name": spec.name,
        "version": spec.version,
        "title": spec.title,
        "title_zh": spec.title_zh,
        "description": spec.description,
        "report_id": spec.report_id,
        "source": spec.source,
        "units": list(spec.units),
        "primary_key": list(spec.primary_key),
        "dimensions": dims,
        "columns": list(spec.columns),
        "usage_warnings": [{"type": w.type, "description": w.description} for w in spec.usage_warnings],
    }
