"""`fintech-stats export --format sqlite --out FILE`: every published table in one SQLite database.

The database holds, each with a primary key:

    <table>              the latest version of every table (dimension codes, value, unit, span, ...)
    <table>_v<M>_<m>_<p> with `all_versions`, every other published version too
    claims               `fs.claims()`: every observation of every table, restatements and conflicts
    gaps, checks, coverage, numbers   the quality ledger (`fs.gaps()`, `fs.checks()`, `fs.coverage()`,
                         the numbers of every text); `checks` keys on its row number, as two checks
                         may share a check_id
    catalog              one row per table version (as `fs.catalog()`), naming its SQLite table
    reports              `fs.reports()`
    codelists            every code of every dimension: codelist, code, zh, en, position
    dimensions           every dimension of every table: table, name, codelist, zh, en, ordered

and a Datasette `metadata.json` beside it (title, description, units, source and licence of every
table, a description of every column), so `datasette FILE -m metadata.json` serves it as it is.
The file is written beside its target and renamed into place; an existing target is replaced
only with `force`, and only when it is a SQLite database.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats import store
from fintech_stats._version import __version__
from fintech_stats.access import loader
from fintech_stats.access.info import cite
from fintech_stats.access.published import read_registry, spec_of
from fintech_stats.errors import ArgumentTypeError, ArgumentValueError, ExportTargetError
from fintech_stats.model import fields, vocabulary
from fintech_stats.model.citation import LICENCE, LICENCE_URL, source_text
from fintech_stats.model.spec import PublishedSpec
from fintech_stats.outputs import guard
from fintech_stats.store import writes

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["METADATA_FILE", "add_export_arguments", "export_sqlite", "sqlite_cli", "sqlite_table_name"]

METADATA_FILE = "metadata.json"
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Columns of the reports and the catalog that hold whole numbers even where a frame reads them as
#: objects (a missing page count); a table's integer columns are integers in the frame already.
_INTEGER_COLUMNS = {"rows", "pages", "views", "text_chars"}


def sqlite_table_name(table: str, version: str, latest: bool) -> str:
    """The SQLite table of a published table version: the table's name for its latest version."""
    return table if latest else f"{table}_v{version.replace('.', '_')}"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _cell(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "item"):  # numpy scalars
        return _cell(value.item())
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, (int, str)):
        return value
    return str(value)


def _sql_type(frame: pd.DataFrame, column: str) -> str:
    from pandas.api.types import is_bool_dtype, is_float_dtype, is_integer_dtype

    dtype = frame[column].dtype
    if is_bool_dtype(dtype) or is_integer_dtype(dtype) or (column in _INTEGER_COLUMNS and not is_float_dtype(dtype)):
        return "INTEGER"
    if is_float_dtype(dtype):
        return "REAL"
    return "TEXT"


def _write_frame(
    db: sqlite3.Connection,
    name: str,
    frame: pd.DataFrame,
    primary_key: Sequence[str],
    references: dict[str, str] | None = None,
    indexes: Iterable[str] = (),
) -> None:
    columns = list(frame.columns)
    defs = []
    for column in columns:
        kind = _sql_type(frame, column)
        if list(primary_key) == [column] and kind == "INTEGER":
            defs.append(f"{_quote(column)} INTEGER PRIMARY KEY")
            continue
        ref = (references or {}).get(column)
        defs.append(f"{_quote(column)} {kind}" + (f" REFERENCES {ref}" if ref else ""))
    if not (len(primary_key) == 1 and _sql_type(frame, primary_key[0]) == "INTEGER"):
        defs.append(f"PRIMARY KEY ({', '.join(_quote(k) for k in primary_key)})")
    db.execute(f"CREATE TABLE {_quote(name)} ({', '.join(defs)})")
    rows = [tuple(_cell(v) for v in record) for record in frame.astype(object).itertuples(index=False, name=None)]
    marks = ", ".join("?" for _ in columns)
    db.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", rows)
    for column in indexes:
        db.execute(f"CREATE INDEX {_quote(f'{name}_{column}')} ON {_quote(name)} ({_quote(column)})")


def _column_descriptions(columns: Iterable[str], spec: PublishedSpec | None = None) -> dict[str, str]:
    dims = {d.name: d for d in spec.dimensions} if spec else {}
    out = {}
    for column in columns:
        if column in dims:
            d = dims[column]
            out[column] = f"{d.en or column} / {d.zh}: {d.description}".strip()
            continue
        try:
            f = fields.field(column)
        except KeyError:
            continue
        out[column] = f"{f.en} / {f.zh}: {f.description}"
    if "value" in out and spec:
        units = "; ".join(f"{u}: {vocabulary.UNITS[u].meaning}" if u in vocabulary.UNITS else u for u in spec.units)
        out["value"] += f" Units of this table: {units}."
    return out


def _table_metadata(spec: PublishedSpec, entry: dict[str, Any], reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    report = reports.get(spec.report_id, {})
    units = [f"{u} ({vocabulary.UNITS[u].meaning})" if u in vocabulary.UNITS else u for u in spec.units]
    description = spec.description
    if spec.title_zh:
        description = f"{spec.title_zh}. {description}"
    description += f" Units: {'; '.join(units)}. Version {entry['version']}, sha256 {entry['sha256']}."
    for warning in spec.usage_warnings:
        description += f" Warning ({warning.type}): {warning.description}"
    return {
        "title": spec.title,
        "description": description,
        "source": source_text(
            str(report.get("publisher", "")), str(report.get("title", "")), spec.report_id, spec.source
        ),
        "license": LICENCE,
        "license_url": LICENCE_URL,
        "units_of_value": list(spec.units),
        "columns": _column_descriptions(spec.columns, spec),
    }


#: Every table's report_id is one of the reports table.
_REPORT_REFERENCE = {"report_id": "reports(report_id)"}


@dataclass
class _Database:
    """A database being written, and the Datasette metadata of each table written into it."""

    db: sqlite3.Connection
    metadata: dict[str, Any] = field(default_factory=dict)

    def write(
        self,
        name: str,
        frame: pd.DataFrame,
        primary_key: Sequence[str],
        metadata: dict[str, Any],
        indexes: Iterable[str] = (),
        references: dict[str, str] | None = _REPORT_REFERENCE,
    ) -> None:
        """Write `frame` as the table `name` (its report_id refers to the reports table) with its metadata."""
        _write_frame(self.db, name, frame, primary_key, references, indexes)
        self.metadata[name] = metadata


def _write_database(path: Path, all_versions: bool) -> dict[str, Any]:
    """Write the database at `path` (a new file); return its Datasette table metadata."""
    out = _Database(sqlite3.connect(path))
    try:
        # A new file written in one go, renamed into place only when whole: no journal is needed.
        for pragma in ("foreign_keys = OFF", "journal_mode = OFF", "synchronous = OFF"):
            out.db.execute(f"PRAGMA {pragma}")
        out.db.execute("BEGIN")
        reports = _write_reports(out)
        _write_tables(out, all_versions, reports)
        _write_ledger(out)
        out.db.execute("COMMIT")
    finally:
        out.db.close()
    return out.metadata


def _write_reports(out: _Database) -> dict[str, dict[str, Any]]:
    """Write the reports table; return each report's record by report_id."""
    frame = loader.reports()
    frame["site_published"] = frame["site_published"].astype(str)
    frame["text_status"] = frame["text_status"].astype(str)
    out.write(
        "reports",
        frame,
        ["report_id"],
        {
            "title": "Reports",
            "description": "The reports of the corpus: publisher, title, pages, text status, tables, claims, gaps.",
            "columns": _column_descriptions(frame.columns),
        },
        references=None,
    )
    return {str(r["report_id"]): {str(k): v for k, v in r.items()} for r in frame.to_dict("records")}


def _write_tables(out: _Database, all_versions: bool, reports: dict[str, dict[str, Any]]) -> None:
    """Write every table's latest version (every version with `all_versions`), and the catalog,
    codelists and dimensions tables that describe them."""
    import pandas as pd

    catalog_rows: list[dict[str, Any]] = []
    codelist_rows: dict[tuple[str, str], dict[str, Any]] = {}
    dimension_rows: list[dict[str, Any]] = []
    for name, versions in sorted(store.catalog_entries().items()):
        latest = max(versions, key=store.version_key)
        for version in sorted(versions, key=store.version_key) if all_versions else [latest]:
            entry = versions[version]
            spec = spec_of(entry)
            sql_name = sqlite_table_name(name, version, version == latest)
            out.write(sql_name, loader.load(name, version), spec.primary_key, _table_metadata(spec, entry, reports))
            catalog_rows.append(_catalog_row(spec, entry, sql_name, version == latest))
        spec = spec_of(versions[latest])
        dimension_rows += _dimension_rows(spec)
        for row in _codelist_rows(spec):
            codelist_rows.setdefault((row["codelist"], row["code"]), row)
    out.write(
        "catalog",
        pd.DataFrame(catalog_rows),
        ["table", "version"],
        {
            "title": "Catalog",
            "description": "One row per published table version: title, report, rows, sha256, the SQLite table.",
        },
        indexes=["sqlite_table"],
    )
    out.write(
        "codelists",
        pd.DataFrame(codelist_rows.values(), columns=["codelist", "code", "zh", "en", "position"]),
        ["codelist", "code"],
        {
            "title": "Codelists",
            "description": "Every code of every dimension, with the report's Chinese label and an English one.",
        },
        references=None,
    )
    out.write(
        "dimensions",
        pd.DataFrame(dimension_rows),
        ["table", "name"],
        {"title": "Dimensions", "description": "The dimensions of every table."},
        references=None,
    )


def _catalog_row(spec: PublishedSpec, entry: dict[str, Any], sql_name: str, latest: bool) -> dict[str, Any]:
    """The catalog table's row of a table version."""
    return {
        "table": spec.name,
        "version": spec.version,
        "latest": latest,
        "sqlite_table": sql_name,
        "title": entry["title"],
        "title_zh": spec.title_zh,
        "description": entry["description"],
        "report_id": entry["report_id"],
        "source": entry["source"],
        "units": ", ".join(spec.units),
        "rows": int(entry["rows"]),
        "restatements": int(entry.get("restatements", 0)),
        "conflicts": int(entry.get("conflicts", 0)),
        "sha256": entry["sha256"],
        "path": entry["path"],
        "citation": cite(spec.name, spec.version),
    }


def _dimension_rows(spec: PublishedSpec) -> list[dict[str, Any]]:
    """The dimensions table's rows of a table version."""
    return [
        {
            "table": spec.name,
            "name": d.name,
            "codelist": d.codelist,
            "zh": d.zh,
            "en": d.en,
            "ordered": d.ordered,
            "type": d.type,
        }
        for d in spec.dimensions
    ]


def _codelist_rows(spec: PublishedSpec) -> list[dict[str, Any]]:
    """The codelists table's rows of the codes a table version uses, with their position in it (a
    dimension without a codelist counts as the codelist `<table>.<dimension>`)."""
    return [
        {
            "codelist": d.codelist or f"{spec.name}.{d.name}",
            "code": code.code,
            "zh": code.zh,
            "en": code.en,
            "position": position,
        }
        for d in spec.dimensions
        for position, code in enumerate(d.codes or ())
    ]


def _write_ledger(out: _Database) -> None:
    """Write the claims and the quality ledger: gaps, checks, coverage, the numbers of every text."""
    claims = loader.claims()
    out.write(
        "claims",
        claims,
        ["table", *fields.SPAN_COLUMNS, "dims"],
        {
            "title": "Claims",
            "description": "Every observation of every table (latest versions): primary rows, restatements, conflicts; "
            "dims is the JSON of the row's dimension codes.",
            "columns": _column_descriptions(claims.columns),
        },
        indexes=["report_id", "literal"],
    )
    out.write(
        "gaps",
        loader.gaps(),
        fields.SPAN_COLUMNS,
        {"title": "Gaps", "description": "Places where a report's text evidently lost a number."},
    )
    checks = loader.checks().reset_index(drop=True)
    checks.insert(0, "check_row", range(1, len(checks) + 1))
    out.write(
        "checks",
        checks,
        ["check_row"],
        {
            "title": "Checks",
            "description": "Consistency checks (sums, restatements), failures included; check_row numbers the rows "
            "as published.",
        },
        indexes=["check_id"],
    )
    coverage = loader.coverage()
    coverage["text_status"] = coverage["text_status"].astype(str)
    out.write(
        "coverage",
        coverage,
        ["report_id"],
        {
            "title": "Coverage",
            "description": "Per report: the numbers of its text, claimed, gaps, excluded (by kind), unaccounted.",
        },
    )
    out.write(
        "numbers",
        read_registry("numbers"),
        fields.SPAN_COLUMNS,
        {
            "title": "Numbers",
            "description": "Every number of every text: a claim, a gap, excluded (with a kind) or unaccounted.",
        },
    )


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return path.is_file() and handle.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


def _is_our_metadata(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("x-generator") == "fintech-stats"


def export_sqlite(out: Path, all_versions: bool = False, force: bool = False) -> Path:
    """Write the SQLite database `out` and `metadata.json` beside it; return `out`.

    `all_versions`: every published version of every table, not only the latest.  An existing
    `out` is replaced only with `force` and only when it is a SQLite database; an existing
    `metadata.json` beside it only with `force` and only when fintech-stats wrote it.
    """
    if not isinstance(out, (str, os.PathLike)):
        raise ArgumentTypeError(f"out must be a file path (str or Path); got {type(out).__name__}")
    for flag, value in (("all_versions", all_versions), ("force", force)):
        if not isinstance(value, bool):
            raise ArgumentTypeError(f"{flag} must be True or False; got {type(value).__name__} {value!r}")
    target = Path(out)
    location = guard.check_target(target, "SQLite file")
    if location.is_dir():
        raise ExportTargetError(f"SQLite file target {target} is a directory: name a file, such as {target}/fintech.db")
    guard.refuse_existing(target, location, force, _is_sqlite(location), "SQLite file")
    metadata_path = location.parent / METADATA_FILE
    guard.refuse_existing(
        target.parent / METADATA_FILE, metadata_path, force, _is_our_metadata(metadata_path), "Datasette metadata"
    )
    with writes.staging(location.parent, f".{location.name}-") as tmp:
        tables = _write_database(tmp / "new", all_versions)
        metadata = {
            "x-generator": "fintech-stats",
            "title": "fintech-stats: numeric claims of 2023 Chinese fintech reports",
            "description": "Curated tables of the numbers in 2023 Chinese fintech industry reports; every row says "
            "which characters of its report it was read from (report_id, span_start, span_end, literal). "
            f"fintech-stats {__version__}.",
            "license": LICENCE,
            "license_url": LICENCE_URL,
            "source": "The reports listed in the reports table",
            "databases": {location.stem: {"tables": tables}},
        }
        (tmp / "metadata").write_text(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        writes.put_in_place(tmp / "new", location, tmp / "old")
        writes.put_in_place(tmp / "metadata", metadata_path, tmp / "old-metadata")
    return target


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """Add `--all-versions` to the `export` parser (for `--format sqlite`)."""
    parser.add_argument(
        "--all-versions", action="store_true", help="with --format sqlite: every published version, not only the latest"
    )


def sqlite_cli(args: argparse.Namespace) -> int:
    """Run `export --format sqlite --out FILE [--all-versions] [--force]` from parsed arguments.

    The export command's `--tables` and `--labels` do not apply (the database holds every table,
    with codes; the codelists table has the labels): given, they are an error.
    """
    if getattr(args, "tables", None):
        raise ArgumentValueError("--tables does not apply to --format sqlite: the database holds every table")
    if getattr(args, "labels", "code") not in (None, "code"):
        raise ArgumentValueError(
            "--labels does not apply to --format sqlite: tables hold codes, the codelists table their zh and en labels"
        )
    target = export_sqlite(
        Path(args.out), all_versions=bool(getattr(args, "all_versions", False)), force=bool(args.force)
    )
    print(f"exported every table as SQLite to {target}, with {target.parent / METADATA_FILE} for Datasette")
    return 0
