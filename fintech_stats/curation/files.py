"""Read a report's curation files (tables.toml, rows.tsv, gaps.tsv) into plain records, validated.

Every problem is a `CurationError` naming the file, the line and (for TSV) the column.  Nothing here
reads the report text: that is the engine's job.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from fintech_stats.curation.consistency import CheckDef
from fintech_stats.errors import CurationError
from fintech_stats.model import codelists, vocabulary

__all__ = [
    "GAPS_FILE",
    "QUALIFIERS_FILE",
    "ROWS_FILE",
    "TABLES_FILE",
    "Curation",
    "LayoutDef",
    "RowDef",
    "SpanRule",
    "TableDef",
    "read_curation",
]

TABLES_FILE = "tables.toml"
ROWS_FILE = "rows.tsv"
GAPS_FILE = "gaps.tsv"
EXCLUSIONS_FILE = "exclusions.tsv"
QUALIFIERS_FILE = "qualifiers.tsv"
CHECKS_FILE = "checks.tsv"
CHECK_COLUMNS = ("check_id", "kind", "table", "parts", "total", "total_table", "tolerance", "note")

ROW_COLUMNS = (
    "table",
    "anchor",
    "dims",
    "unit",
    "qualifier",
    "repair",
    "mention",
    "location",
    "after",
    "before",
    "note",
)
# A row may give the qualifier that a word outside its literal says (约在 ... 7740 亿日元);
# exact and range come from the literal itself.
_ROW_QUALIFIERS = tuple(q for q in vocabulary.QUALIFIERS if q not in ("exact", "range"))
SPAN_COLUMNS = ("anchor", "kind", "matches", "location", "note")
_TABLE_KEYS = {
    "name",
    "title",
    "title_zh",
    "description",
    "source",
    "dims",
    "fixed",
    "unit",
    "units",
    "version",
    "warnings",
    "layouts",
}
_DECLARED_CHECK_KINDS = tuple(k for k, kind in vocabulary.CHECK_KINDS.items() if kind.declared)
_DIM_RE = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)=(?P<value>\S+)$")
_INT_RE = re.compile(r"^-?\d+$")


@dataclass(frozen=True)
class RowDef:
    """One line of rows.tsv: an anchor and what its value (or values) stand for."""

    where: str  # "path:line"
    table: str
    anchor: str
    dims: tuple[tuple[dict[str, str | int], ...], ...]  # per {Q} of the anchor: the rows it gives
    units: tuple[str | None, ...]
    repair: str | None
    mention: str
    qualifier: str | None
    location: str | None
    after: str | None
    before: str | None
    note: str | None


@dataclass(frozen=True)
class LayoutDef:
    """A layout of a table: a named generic parser and its parameters."""

    where: str
    parser: str
    name: str
    params: dict[str, Any]


@dataclass(frozen=True)
class TableDef:
    """A table of tables.toml: its metadata, the dimensions all its rows share, its layouts."""

    where: str
    name: str
    title: str
    title_zh: str
    description: str
    source: str
    dims: tuple[str, ...]
    fixed: dict[str, str | int]
    units: tuple[str, ...]
    version: str
    warnings: tuple[tuple[str, str], ...]
    layouts: tuple[LayoutDef, ...]
    rows: list[RowDef] = field(default_factory=list)


@dataclass(frozen=True)
class SpanRule:
    """One line of gaps.tsv or exclusions.tsv: a regex whose one group marks a span of a kind.

    In gaps.tsv the span is where a number was lost; in exclusions.tsv it holds numbers that are
    not claims (dates, page numbers, ...).  The regex must match exactly `matches` times.
    """

    where: str
    anchor: str
    kind: str
    matches: int
    location: str | None
    note: str | None


@dataclass(frozen=True)
class Curation:
    """A report's curation: its folder, report id, topic, tables (with their rows) and gaps."""

    folder: Path
    report_id: str
    topic: str
    tables: tuple[TableDef, ...]
    gaps: tuple[SpanRule, ...]
    note: str | None = None
    exclusions: tuple[SpanRule, ...] = ()
    checks: tuple[CheckDef, ...] = ()
    #: qualifiers.tsv: qualifier words by a claim that are not its qualifier, and why.
    qualifier_rules: tuple[SpanRule, ...] = ()


def _toml_line(text: str, needle: str, start: int = 0) -> int:
    index = text.find(needle, start)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def _str(value: Any, where: str, key: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise CurationError(f"{where}: {key!r} must be a non-empty string, not {value!r}")
    return value


def _read_tables(path: Path) -> tuple[str, str, str | None, list[TableDef]]:
    if not path.is_file():
        raise CurationError(f"{path}: missing (every curation folder has a {TABLES_FILE})")
    raw = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(f"{path}: not valid TOML: {exc}") from None
    report_id = _str(data.get("report_id"), str(path), "report_id")
    topic = _str(data.get("topic"), str(path), "topic")
    note = _str(data.get("note"), str(path), "note", required=False) or None
    unknown_top = set(data) - {"report_id", "topic", "note", "table"}
    if unknown_top:
        raise CurationError(f"{path}: unknown keys {sorted(unknown_top)}; known: report_id, topic, note, table")
    tables: list[TableDef] = []
    search_from = 0
    for index, item in enumerate(data.get("table", [])):
        name = item.get("name")
        line = _toml_line(raw, f'name = "{name}"', search_from) if isinstance(name, str) else 0
        search_from = raw.find(f'name = "{name}"', search_from) + 1 if line else search_from
        where = f"{path}:{line or '?'} (table {index + 1}{f' {name}' if name else ''})"
        unknown = set(item) - _TABLE_KEYS
        if unknown:
            raise CurationError(f"{where}: unknown keys {sorted(unknown)}; known: {sorted(_TABLE_KEYS)}")
        name = _str(name, where, "name")
        if not name.startswith(topic + "_"):
            raise CurationError(f"{where}: table name {name!r} must start with the topic prefix {topic + '_'!r}")
        dims = item.get("dims")
        if not isinstance(dims, list) or not dims or not all(isinstance(d, str) for d in dims):
            raise CurationError(f"{where}: 'dims' must be a non-empty list of dimension names")
        for dim in dims:
            if dim not in codelists.NUMERIC_DIMENSIONS and dim not in codelists.dimensions():
                raise CurationError(
                    f"{where}: dimension {dim!r} is not year nor the column of a codelist "
                    "(fintech_stats/model/codelists/)"
                )
        if "unit" in item and "units" in item:
            raise CurationError(f"{where}: give 'unit' or 'units', not both")
        units = item.get("units", [item["unit"]] if "unit" in item else None)
        if not isinstance(units, list) or not units:
            raise CurationError(f"{where}: needs 'unit' (one unit) or 'units' (a list)")
        for unit in units:
            if unit not in vocabulary.UNITS:
                raise CurationError(f"{where}: unit {unit!r} is not in the vocabulary ({', '.join(vocabulary.UNITS)})")
        fixed = item.get("fixed", {})
        if not isinstance(fixed, dict) or not set(fixed) <= set(dims):
            raise CurationError(f"{where}: 'fixed' must be a table of dimensions listed in 'dims'")
        warnings = []
        for w in item.get("warnings", []):
            kind, text = w.get("kind"), w.get("text")
            if kind not in vocabulary.WARNING_KINDS:
                raise CurationError(
                    f"{where}: warning kind {kind!r} is not one of {', '.join(vocabulary.WARNING_KINDS)}"
                )
            warnings.append((str(kind), _str(text, where, "warnings.text")))
        layouts = []
        for lay in item.get("layouts", []):
            params = {k: v for k, v in lay.items() if k not in ("parser", "name")}
            layouts.append(
                LayoutDef(where, _str(lay.get("parser"), where, "layouts.parser"), str(lay.get("name", "")), params)
            )
        tables.append(
            TableDef(
                where=where,
                name=name,
                title=_str(item.get("title"), where, "title"),
                title_zh=_str(item.get("title_zh"), where, "title_zh", required=False),
                description=_str(item.get("description"), where, "description"),
                source=_str(item.get("source"), where, "source"),
                dims=tuple(dims),
                fixed=dict(fixed),
                units=tuple(units),
                version=_str(item.get("version", "1.0.0"), where, "version"),
                warnings=tuple(warnings),
                layouts=tuple(layouts),
            )
        )
    return report_id, topic, note, tables


def _tsv(path: Path, columns: tuple[str, ...], required: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    """The data lines of a TSV file as (path:line, {column: cell}); empty cells are left out."""
    out: list[tuple[str, dict[str, str]]] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    header: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        if header is None:
            header = cells
            unknown = [c for c in header if c not in columns]
            missing = [c for c in required if c not in header]
            if unknown or missing:
                raise CurationError(
                    f"{path}:{number}: header: unknown columns {unknown}, missing {missing}; "
                    f"columns: {', '.join(columns)}"
                )
            continue
        if len(cells) > len(header):
            raise CurationError(f"{path}:{number}: {len(cells)} cells but the header has {len(header)} columns")
        record = {c: v.strip() for c, v in zip(header, cells, strict=False) if v.strip()}
        for column in required:
            if column not in record:
                raise CurationError(f"{path}:{number}, column {column}: required, and empty")
        out.append((f"{path}:{number}", record))
    return out


def _code(value: str) -> str | int:
    return int(value) if _INT_RE.match(value) else value


def _dims(where: str, text: str, n: int) -> tuple[tuple[dict[str, str | int], ...], ...]:
    """Per {Q}, the dimension dicts of the rows it gives.

    `a|b|c` gives each {Q} its own code, in order; with one {Q}, it gives that one value one row per
    code (one printed number that states several facts, such as a case of two organisations).
    """
    out: list[dict[str, str | int]] = [{} for _ in range(n)]
    spread: tuple[str, list[str]] | None = None
    for token in text.split():
        match = _DIM_RE.match(token)
        if match is None:
            raise CurationError(f"{where}, column dims: {token!r} is not name=code")
        name, values = match.group("name"), match.group("value").split("|")
        if len(values) > 1 and n == 1:
            if spread is not None:
                raise CurationError(f"{where}, column dims: only one dimension may list several codes for one {{Q}}")
            spread = (name, values)
            continue
        if len(values) not in (1, n):
            raise CurationError(
                f"{where}, column dims: {token!r} gives {len(values)} codes for an anchor with {n} {{Q}}"
            )
        for i in range(n):
            out[i][name] = _code(values[0] if len(values) == 1 else values[i])
    if spread is not None:
        name, values = spread
        return (tuple({**out[0], name: _code(v)} for v in values),)
    return tuple((d,) for d in out)


def _read_rows(path: Path, tables: dict[str, TableDef]) -> None:
    if not path.is_file():
        return
    for where, record in _tsv(path, ROW_COLUMNS, ("table", "anchor")):
        table = tables.get(record["table"])
        if table is None:
            raise CurationError(f"{where}, column table: {record['table']!r} is not a table of {TABLES_FILE}")
        anchor = record["anchor"]
        n = anchor.count("{Q}")
        if n == 0:
            raise CurationError(f"{where}, column anchor: the anchor holds no {{Q}}")
        units_text = record.get("unit", "")
        units: tuple[str | None, ...] = tuple([None] * n)
        if units_text:
            parts = units_text.split("|")
            if len(parts) not in (1, n):
                raise CurationError(f"{where}, column unit: {len(parts)} units for {n} {{Q}}")
            units = tuple(parts * n if len(parts) == 1 else parts)
            for unit in units:
                if unit not in table.units:
                    raise CurationError(f"{where}, column unit: {unit!r} is not a unit of table {table.name}")
        repair = record.get("repair")
        if repair is not None and repair not in vocabulary.REPAIRS:
            raise CurationError(f"{where}, column repair: {repair!r} is not one of {', '.join(vocabulary.REPAIRS)}")
        mention = record.get("mention", "primary")
        if mention not in vocabulary.MENTIONS:
            raise CurationError(f"{where}, column mention: {mention!r} is not one of {', '.join(vocabulary.MENTIONS)}")
        qualifier = record.get("qualifier")
        if qualifier is not None and qualifier not in _ROW_QUALIFIERS:
            raise CurationError(f"{where}, column qualifier: {qualifier!r} is not one of {', '.join(_ROW_QUALIFIERS)}")
        dims = tuple(tuple({**table.fixed, **d} for d in per_q) for per_q in _dims(where, record.get("dims", ""), n))
        table.rows.append(
            RowDef(
                where=where,
                table=table.name,
                anchor=anchor,
                dims=dims,
                units=units,
                repair=repair,
                mention=mention,
                qualifier=qualifier,
                location=record.get("location"),
                after=record.get("after"),
                before=record.get("before"),
                note=record.get("note"),
            )
        )


def _read_spans(path: Path, kinds: dict[str, vocabulary.Term]) -> list[SpanRule]:
    if not path.is_file():
        return []
    rules = []
    for where, record in _tsv(path, SPAN_COLUMNS, ("anchor", "kind")):
        kind = record["kind"]
        if kind not in kinds:
            raise CurationError(f"{where}, column kind: {kind!r} is not one of {', '.join(kinds)}")
        matches = record.get("matches", "1")
        if not matches.isdigit() or int(matches) < 1:
            raise CurationError(f"{where}, column matches: {matches!r} is not a positive whole number")
        try:
            groups = re.compile(record["anchor"]).groups
        except re.error as exc:
            raise CurationError(f"{where}, column anchor: not a valid regex: {exc}") from None
        if groups != 1:
            raise CurationError(f"{where}, column anchor: needs exactly one capturing group (the span), has {groups}")
        rules.append(SpanRule(where, record["anchor"], kind, int(matches), record.get("location"), record.get("note")))
    return rules


def read_curation(folder: Path) -> Curation:
    """A report's curation folder, read and validated (not yet run against the text)."""
    report_id, topic, note, tables = _read_tables(folder / TABLES_FILE)
    by_name: dict[str, TableDef] = {}
    for table in tables:
        if table.name in by_name:
            raise CurationError(f"{table.where}: table {table.name} is defined twice")
        by_name[table.name] = table
    _read_rows(folder / ROWS_FILE, by_name)
    for table in tables:
        if not table.rows and not table.layouts:
            raise CurationError(f"{table.where}: table {table.name} has no rows and no layout")
    return Curation(
        folder,
        report_id,
        topic,
        tuple(tables),
        tuple(_read_spans(folder / GAPS_FILE, vocabulary.GAP_KINDS)),
        note,
        tuple(_read_spans(folder / EXCLUSIONS_FILE, vocabulary.EXCLUSION_KINDS)),
        tuple(_read_checks(folder / CHECKS_FILE, by_name)),
        tuple(_read_spans(folder / QUALIFIERS_FILE, vocabulary.QUALIFIER_RULE_KINDS)),
    )


def _filter(where: str, column: str, text: str) -> dict[str, tuple[str | int, ...]]:
    out: dict[str, tuple[str | int, ...]] = {}
    for token in text.split():
        match = _DIM_RE.match(token)
        if match is None:
            raise CurationError(f"{where}, column {column}: {token!r} is not name=code (or name=a|b)")
        out[match.group("name")] = tuple(_code(v) for v in match.group("value").split("|"))
    return out


def _read_checks(path: Path, tables: dict[str, TableDef]) -> list[CheckDef]:
    if not path.is_file():
        return []
    out = []
    seen: set[str] = set()
    for where, record in _tsv(path, CHECK_COLUMNS, ("check_id", "kind", "table", "parts")):
        kind = record["kind"]
        if kind not in _DECLARED_CHECK_KINDS:
            raise CurationError(f"{where}, column kind: {kind!r} is not one of {', '.join(_DECLARED_CHECK_KINDS)}")
        if record["table"] not in tables:
            raise CurationError(f"{where}, column table: {record['table']!r} is not a table of {TABLES_FILE}")
        if kind == "sum_to_total" and "total" not in record:
            raise CurationError(f"{where}, column total: a sum_to_total check needs the filter of its total row")
        if record["check_id"] in seen:
            raise CurationError(f"{where}, column check_id: {record['check_id']!r} is used twice")
        seen.add(record["check_id"])
        tolerance = record.get("tolerance")
        try:
            value = None if tolerance is None else Decimal(tolerance)
        except InvalidOperation:
            raise CurationError(f"{where}, column tolerance: {tolerance!r} is not a number") from None
        out.append(
            CheckDef(
                where,
                record["check_id"],
                kind,
                record["table"],
                _filter(where, "parts", record["parts"]),
                _filter(where, "total", record.get("total", "")),
                record.get("total_table"),
                value,
                record.get("note"),
            )
        )
    return out
