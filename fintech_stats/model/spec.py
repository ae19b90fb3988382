"""TableSpec: what one published table is (name, title, dimensions, units, source, version).

The column order and dtypes of every table derive from its spec, so the Parquet schema, the
loaders and the docs all say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fintech_stats.model import codelists, fields, vocabulary

__all__ = ["TABLE_NAME_RE", "TableSpec", "UsageWarning"]

#: Table names: lowercase ASCII snake_case, starting with the report's topic (README: naming).
TABLE_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
_VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")


@dataclass(frozen=True)
class UsageWarning:
    """A caveat a user of the table must know (after PUDL's usage_warnings)."""

    type: str
    description: str


@dataclass(frozen=True)
class TableSpec:
    """Metadata of one table: everything except its rows."""

    name: str
    title: str
    description: str
    dimensions: tuple[str, ...]
    units: tuple[str, ...]
    report_id: str
    source: str
    version: str = "1.0.0"
    title_zh: str = ""
    usage_warnings: tuple[UsageWarning, ...] = field(default_factory=tuple)
    topic: str = ""

    def __post_init__(self) -> None:
        if not TABLE_NAME_RE.match(self.name) or len(self.name) > 60:
            raise ValueError(f"table name {self.name!r} does not follow the naming scheme")
        if not _VERSION_RE.match(self.version):
            raise ValueError(f"table {self.name}: version {self.version!r} is not MAJOR.MINOR.PATCH")
        for unit in self.units:
            if unit not in vocabulary.UNITS:
                raise ValueError(f"table {self.name}: unit {unit!r} not in the vocabulary {tuple(vocabulary.UNITS)}")
        for dim in self.dimensions:
            if dim not in codelists.NUMERIC_DIMENSIONS:
                codelists.dimension(dim)
        for w in self.usage_warnings:
            if w.type not in vocabulary.WARNING_KINDS:
                raise ValueError(f"table {self.name}: warning kind {w.type!r} is not in vocabulary.WARNING_KINDS")
        if self.topic and not self.name.startswith(self.topic + "_"):
            raise ValueError(f"table {self.name}: the name must start with its topic {self.topic!r}")
        if len(set(self.dimensions)) != len(self.dimensions):
            raise ValueError(f"table {self.name}: a dimension is listed twice")

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column of the table, in order (`fields.table_columns`)."""
        return fields.table_columns(self.dimensions)

    @property
    def primary_key(self) -> tuple[str, ...]:
        """The dimensions: one row per combination."""
        return self.dimensions
