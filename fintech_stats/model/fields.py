"""The field registry: every column of every table, with its zh header, en header and meaning.

One answer for what a column means (after PUDL's `metadata/fields.py`), read from the two homes of
that knowledge: the standard columns in `fintech_stats.model.vocabulary.COLUMNS`, the dimension columns
in the codelists (`fintech_stats/codelists/*.toml`), and `year`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fintech_stats.model import codelists, vocabulary

__all__ = ["Field", "field", "is_registered"]


@dataclass(frozen=True)
class Field:
    """A column: Chinese header, English header, description."""

    zh: str
    en: str
    description: str


_YEAR = Field("年份", "Year", "Calendar year the value refers to.")


def is_registered(name: str) -> bool:
    """Whether `name` is a standard column, `year`, or the column of a codelist."""
    return name in vocabulary.COLUMNS or name in codelists.NUMERIC_DIMENSIONS or name in codelists.dimensions()


def field(name: str) -> Field:
    """The Field of a column (KeyError names the column)."""
    if name in vocabulary.COLUMNS:
        column = vocabulary.COLUMNS[name]
        return Field(column.zh, column.en, column.description)
    if name == "year":
        return _YEAR
    if name in codelists.dimensions():
        dim = codelists.dimension(name)
        return Field(dim.zh, dim.en, dim.description)
    raise KeyError(f"column {name!r} is not in the field registry (vocabulary.COLUMNS or a codelist)")
