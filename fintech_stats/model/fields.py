"""The field registry: every column of every table, with its zh header, en header, meaning and type.

One answer for which columns a table has, in which order, and what each means and holds (after
PUDL's `metadata/fields.py`), read from the homes of that knowledge: the standard columns in
`fintech_stats.model.vocabulary.COLUMNS`, the dimension columns in the codelists
(`fintech_stats/model/codelists/*.toml`), `year`, and the few columns only the long table of claims
(claims.parquet) has.  A type is an Arrow type name (`int16`, `int64`, `float64`, `string`); a field
with `codes` is dictionary-encoded (int16 indices) with those codes, in that order, as its dictionary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fintech_stats.model import codelists, vocabulary

__all__ = [
    "CLAIMS_COLUMNS",
    "MEASURE_COLUMNS",
    "PROVENANCE_COLUMNS",
    "SPAN_COLUMNS",
    "STANDARD_COLUMNS",
    "Field",
    "field",
    "is_registered",
    "table_columns",
]


@dataclass(frozen=True)
class Field:
    """A column: Chinese header, English header, description, Arrow type name, whether it may be
    empty, and the codes of a dictionary-encoded column in dictionary order (ordinal or not)."""

    zh: str
    en: str
    description: str
    type: str = "string"
    nullable: bool = False
    codes: tuple[str, ...] = ()
    ordered: bool = False


#: The standard columns of every table after its dimensions, in order.
STANDARD_COLUMNS: tuple[str, ...] = tuple(vocabulary.COLUMNS)
#: The standard columns that hold the value and how to read it.
MEASURE_COLUMNS: tuple[str, ...] = tuple(c.name for c in vocabulary.COLUMNS.values() if c.group == "measure")
#: The standard columns that say where the value was read.
PROVENANCE_COLUMNS: tuple[str, ...] = tuple(c.name for c in vocabulary.COLUMNS.values() if c.group == "provenance")
#: The columns that name a place in a report's text: `report_text(report_id)[span_start:span_end]`.
SPAN_COLUMNS: tuple[str, ...] = ("report_id", "span_start", "span_end")

_YEAR = Field("年份", "Year", "Calendar year the value refers to.", "int16")

#: The columns only claims.parquet has (beside standard columns): which table, and the dimensions as text.
_CLAIMS_ONLY = {
    "table": Field("表名", "Table", "The table the observation belongs to."),
    "version": Field("版本", "Version", "The version of the table (MAJOR.MINOR.PATCH)."),
    "dims": Field("维度", "Dimensions", "JSON text of the row's dimension codes."),
    "dims_zh": Field("维度(中文)", "Dimensions (zh)", "JSON text of the row's dimension labels in Chinese."),
    "dims_en": Field("维度(英文)", "Dimensions (en)", "JSON text of the row's dimension labels in English."),
    "mention": Field(
        "提及", "Mention", "How the row relates to the fact it states: " + ", ".join(vocabulary.MENTIONS) + "."
    ),
}

#: The columns of claims.parquet, in their published order (`fs.claims()` shows all but dims_zh and
#: dims_en, which `labels=` puts in place of dims).
CLAIMS_COLUMNS: tuple[str, ...] = (
    "table",
    "version",
    "report_id",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "repair",
    "literal",
    "span_start",
    "span_end",
    "location",
    "dims",
    "dims_zh",
    "dims_en",
    "mention",
    "note",
)


def table_columns(dimensions: Sequence[str]) -> tuple[str, ...]:
    """Every column of a table with these dimensions, in order: the dimensions, then the standard columns."""
    return (*dimensions, *STANDARD_COLUMNS)


def is_registered(name: str) -> bool:
    """Whether `name` may be a column of a table: a standard column, `year`, or the column of a codelist."""
    return name in vocabulary.COLUMNS or name in codelists.NUMERIC_DIMENSIONS or name in codelists.dimensions()


def field(name: str) -> Field:
    """The Field of a column (KeyError names the column)."""
    if name in vocabulary.COLUMNS:
        column = vocabulary.COLUMNS[name]
        return Field(column.zh, column.en, column.description, column.type, column.nullable, column.codes)
    if name == "year":
        return _YEAR
    if name in codelists.dimensions():
        dim = codelists.dimension(name)
        return Field(dim.zh, dim.en, dim.description, "string", False, tuple(dim.codes), dim.ordered)
    if name in _CLAIMS_ONLY:
        return _CLAIMS_ONLY[name]
    raise KeyError(f"column {name!r} is not in the field registry (vocabulary.COLUMNS or a codelist)")
