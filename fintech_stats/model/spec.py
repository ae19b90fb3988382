"""TableSpec: what one table is (name, title, dimensions, units, source, version); PublishedSpec:
what a published version's spec.json says of it, as one typed object.

The column order and dtypes of every table derive from its spec, so the Parquet schema, the
loaders and the docs all say the same thing.  `PublishedSpec.document()` is the JSON the build
writes as spec.json, `PublishedSpec.from_document` reads it back (also the specs published
before a key existed: what they lack reads as empty).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fintech_stats.model import codelists, fields, vocabulary

__all__ = [
    "TABLE_NAME_RE",
    "PublishedCode",
    "PublishedDimension",
    "PublishedSpec",
    "PublishedWarning",
    "TableSpec",
    "UsageWarning",
]

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


@dataclass(frozen=True)
class PublishedCode:
    """A code a published table version uses, with its Chinese and English labels."""

    code: str
    zh: str
    en: str

    def label(self, labels: str) -> str:
        """The code itself (`code`), or its `zh` or `en` label."""
        return self.code if labels == "code" else self.zh if labels == "zh" else self.en


@dataclass(frozen=True)
class PublishedDimension:
    """A dimension of a published table version: its headers, its codelist, and the codes its rows
    use in codelist order (`codes` is None for an integer dimension such as `year`)."""

    name: str
    zh: str
    en: str
    description: str
    type: str  # "integer" or "code"
    codelist: str | None
    ordered: bool
    codes: tuple[PublishedCode, ...] | None

    def labels(self, labels: str) -> dict[str, str]:
        """code -> the code (`code`) or its `zh` or `en` label, in codelist order; empty for an integer dimension."""
        return {c.code: c.label(labels) for c in self.codes or ()}

    def document(self) -> dict[str, Any]:
        """The dimension as spec.json holds it."""
        return {
            "name": self.name,
            "zh": self.zh,
            "en": self.en,
            "description": self.description,
            "type": self.type,
            "codelist": self.codelist,
            "ordered": self.ordered,
            "codes": None if self.codes is None else [{"code": c.code, "zh": c.zh, "en": c.en} for c in self.codes],
        }

    @classmethod
    def from_document(cls, data: Mapping[str, Any]) -> PublishedDimension:
        """The dimension of a spec.json (one published before headers were recorded has them empty)."""
        codes = data["codes"]
        return cls(
            name=str(data["name"]),
            zh=str(data.get("zh", "")),
            en=str(data.get("en", "")),
            description=str(data.get("description", "")),
            type=str(data.get("type", "")),
            codelist=data.get("codelist"),
            ordered=bool(data.get("ordered", False)),
            codes=None if codes is None else tuple(PublishedCode(c["code"], c["zh"], c["en"]) for c in codes),
        )


@dataclass(frozen=True)
class PublishedWarning:
    """A usage warning of a published table version; `lost` (whether it marks data lost, damaged or
    misprinted) is None in the specs published before it was recorded."""

    type: str
    description: str
    lost: bool | None = None

    def document(self) -> dict[str, Any]:
        """The warning as spec.json holds it (without `lost` where it was not recorded)."""
        out: dict[str, Any] = {"type": self.type, "description": self.description}
        if self.lost is not None:
            out["lost"] = self.lost
        return out


@dataclass(frozen=True)
class PublishedSpec:
    """What the spec.json of a published table version says: its metadata, the dimensions with the
    codes its rows use, its columns and its usage warnings."""

    name: str
    version: str
    title: str
    title_zh: str
    description: str
    report_id: str
    topic: str
    source: str
    units: tuple[str, ...]
    primary_key: tuple[str, ...]
    dimensions: tuple[PublishedDimension, ...]
    columns: tuple[str, ...]
    usage_warnings: tuple[PublishedWarning, ...]

    def dimension(self, name: str) -> PublishedDimension | None:
        """The dimension column `name`, None if the table has none of that name."""
        return next((d for d in self.dimensions if d.name == name), None)

    def document(self) -> dict[str, Any]:
        """The spec as spec.json holds it (the build writes this)."""
        return {
            "name": self.name,
            "version": self.version,
            "title": self.title,
            "title_zh": self.title_zh,
            "description": self.description,
            "report_id": self.report_id,
            "topic": self.topic,
            "source": self.source,
            "units": list(self.units),
            "primary_key": list(self.primary_key),
            "dimensions": [d.document() for d in self.dimensions],
            "columns": list(self.columns),
            "usage_warnings": [w.document() for w in self.usage_warnings],
        }

    @classmethod
    def from_document(cls, data: Mapping[str, Any]) -> PublishedSpec:
        """The spec of a spec.json document (KeyError or TypeError: not a spec document)."""
        return cls(
            name=str(data["name"]),
            version=str(data["version"]),
            title=str(data["title"]),
            title_zh=str(data.get("title_zh", "")),
            description=str(data["description"]),
            report_id=str(data["report_id"]),
            topic=str(data.get("topic", "")),
            source=str(data["source"]),
            units=tuple(data["units"]),
            primary_key=tuple(data["primary_key"]),
            dimensions=tuple(PublishedDimension.from_document(d) for d in data["dimensions"]),
            columns=tuple(data["columns"]),
            usage_warnings=tuple(
                PublishedWarning(str(w["type"]), str(w["description"]), w.get("lost")) for w in data["usage_warnings"]
            ),
        )
