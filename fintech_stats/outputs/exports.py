"""Downloads: every published table as CSV (with datapackage.json), one Excel workbook, or Parquet.

An export is written into a temporary directory beside the target and renamed into place, so a
failed export leaves nothing half-written (and what a killed one left is cleared by the next); an
existing target is replaced only with `force=True`, and never the store, the checkout, the current
or the home directory.  Text that a spreadsheet would run as a formula (a cell starting with
= + - @, tab or carriage return) is neutralised: in CSV it is prefixed with an apostrophe (and a
text that starts with an apostrophe gets one more, so that reading back is exact), in xlsx it is
stored as a string.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats import store
from fintech_stats._version import __version__
from fintech_stats.access import loader
from fintech_stats.access.info import cite
from fintech_stats.access.published import read_reports, read_spec
from fintech_stats.errors import ArgumentTypeError, ArgumentValueError, ExportTargetError, ExportTargetExistsError
from fintech_stats.model import vocabulary
from fintech_stats.model.citation import CITATION_PATTERN, LICENCE, LICENCE_NAME, LICENCE_TITLE, LICENCE_URL
from fintech_stats.model.fields import field
from fintech_stats.outputs import guard
from fintech_stats.store import writes

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "export", "neutralise", "sheet_names", "unneutralise", "write_xlsx"]

#: The formats of `export` (the SQLite file is written by `outputs.sqlite`).
FORMATS = tuple(vocabulary.FILE_FORMATS)
WORKBOOK = "fintech-stats.xlsx"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain negative number ("-50.0%") is not a formula, and is left as it is ("+1" is: Excel makes it =+1).
_PLAIN_NUMBER = re.compile(r"^-\d[\d,.]*%?$")
#: The Table Schema (Frictionless) type of each Arrow type name of the field registry (others: string).
_TABLE_SCHEMA_TYPES = {"int16": "integer", "int64": "integer", "float64": "number"}


def _needs_prefix(text: str) -> bool:
    # A text that starts with an apostrophe gets one too, or reading it back would drop its own.
    return text.startswith("'") or (text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text))


def neutralise(text: str) -> str:
    """The text as a CSV cell that no spreadsheet runs as a formula (apostrophe prefix)."""
    return "'" + text if _needs_prefix(text) else text


def unneutralise(text: str) -> str:
    """Undo `neutralise` (for reading an exported CSV back): `unneutralise(neutralise(t)) == t`."""
    if text.startswith("'") and _needs_prefix(text[1:]):
        return text[1:]
    return text


def sheet_names(tables: Sequence[str]) -> dict[str, str]:
    """A unique Excel sheet name (at most 31 characters) for each published table.

    A name too long for a sheet drops its topic prefix (from the table's spec) before it is cut.
    """
    names: dict[str, str] = {}
    used = {"README", "catalog"}
    for table in tables:
        topic = read_spec(table).topic
        base = table.removeprefix(topic + "_") if len(table) > 31 and topic else table
        name = base[:31]
        n = 2
        while name in used:
            suffix = f"~{n}"
            name = base[: 31 - len(suffix)] + suffix
            n += 1
        used.add(name)
        names[table] = name
    return names


def _headers(columns: Sequence[str], labels: str) -> list[str]:
    return [field(c).zh if labels == "zh" else c for c in columns]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _frame(table: str, labels: str) -> pd.DataFrame:
    return loader.load(table, labels=labels)


def _text_columns(frame: pd.DataFrame) -> list[str]:
    from pandas.api.types import is_numeric_dtype

    return [c for c in frame.columns if not is_numeric_dtype(frame[c])]


def _schema(table: str, frame: pd.DataFrame, labels: str) -> dict[str, Any]:
    spec = read_spec(table)
    dims = {d.name: d for d in spec.dimensions}
    fields: list[dict[str, Any]] = []
    for column, header in zip(frame.columns, _headers(list(frame.columns), labels), strict=True):
        info = field(column)
        item: dict[str, Any] = {
            "name": header,
            "title": info.en,
            "description": info.description,
            "type": _TABLE_SCHEMA_TYPES.get(info.type, "string"),
        }
        codes = dims[column].codes if column in dims else None
        if codes is not None:
            item["constraints"] = {"enum": [c.label(labels) for c in codes]}
            item["x-codelist"] = dims[column].document()["codes"]
        if not info.nullable:
            item.setdefault("constraints", {})["required"] = True
        if column == "value":
            item["x-units"] = list(spec.units)
        fields.append(item)
    return {"fields": fields, "primaryKey": _headers(spec.primary_key, labels), "missingValues": [""]}


def _sources() -> dict[str, dict[str, str]]:
    return {
        r["report_id"]: {"title": f"{r['publisher']}:{r['title']}", "report_id": r["report_id"]} for r in read_reports()
    }


def _write_csv(frame: pd.DataFrame, path: Path, labels: str) -> None:
    out = frame.copy()
    for column in _text_columns(out):
        out[column] = out[column].astype(object).map(lambda v: v if v is None or v != v else neutralise(str(v)))
    out.columns = [neutralise(h) for h in _headers(list(frame.columns), labels)]
    # CRLF rows (RFC 4180): the csv writer quotes a cell holding any character of the line
    # terminator, so a carriage return inside a cell is quoted too (with "\n" it was not).
    out.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")


def _write_parquet(table: str, frame: pd.DataFrame, path: Path, labels: str) -> None:
    if labels == "code":
        entry = store.entry(table)
        shutil.copyfile(store.verified_path(entry["path"], entry["sha256"]), path)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = frame.copy()
    out.columns = _headers(list(frame.columns), labels)
    pq.write_table(pa.Table.from_pandas(out, preserve_index=False), path, compression="zstd")


def _datapackage(
    resources: list[dict[str, Any]], used_reports: set[str], sources: dict[str, dict[str, str]]
) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": "fintech-stats",
        "title": "fintech-stats: numeric claims of 2023 Chinese fintech reports",
        "version": __version__,
        "licenses": [{"name": LICENCE_NAME, "title": LICENCE_TITLE, "path": LICENCE_URL}],
        "x-licence-statement": LICENCE,
        "sources": [sources[r] for r in sorted(used_reports)],
        "resources": resources,
    }


def _readme(fmt: str, tables: Sequence[str], labels: str) -> str:
    lines = [
        "# fintech-stats download",
        "",
        f"Package version {__version__}; {len(tables)} tables as {fmt}; dimension labels: {labels}.",
        "",
        "Every row is one numeric claim of a report, with the exact span of report text it was read from "
        "(report_id, span_start, span_end, literal). `datapackage.json` describes every file: columns, types, "
        "codelists, units, sha256.",
        "",
        "Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) "
        "are prefixed with an apostrophe in CSV files, and so is a text that starts with an apostrophe: drop one "
        "leading apostrophe to read a cell back exactly.",
        "",
        f"How to cite: `{CITATION_PATTERN}` Each table's citation is listed under Files.",
        "",
        LICENCE,
        "",
        "## Files",
        "",
        *[f"- {t}: {cite(t)}" for t in tables],
        "",
    ]
    return "\n".join(lines)


def write_xlsx(tables: Sequence[str], path: Path, labels: str) -> None:
    """Write one workbook of `tables` at `path`: a README sheet, a catalog sheet, a sheet per table."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    readme = workbook.active
    assert readme is not None
    readme.title = "README"
    rows: list[list[Any]] = [
        ["fintech-stats: numeric claims of 2023 Chinese fintech reports"],
        [f"Package version {__version__}; dimension labels: {labels}"],
        ["Every row is one claim, with the exact span of report text it was read from."],
        [f"How to cite: {CITATION_PATTERN} The catalog sheet gives each table's citation."],
        [LICENCE],
        [],
        ["Sources"],
        *[[s["report_id"], s["title"]] for s in _sources().values()],
        [],
        ["Column", "Chinese", "Meaning"],
    ]
    columns_seen: list[str] = []
    frames = {t: _frame(t, labels) for t in tables}
    for frame in frames.values():
        columns_seen += [c for c in frame.columns if c not in columns_seen]
    rows += [[c, field(c).zh, field(c).description] for c in columns_seen]
    for row in rows:
        _append(readme, row)
    readme.column_dimensions["A"].width = 34
    readme.column_dimensions["B"].width = 60

    sheets = sheet_names(tables)
    catalog_sheet = workbook.create_sheet("catalog")
    _append(catalog_sheet, ["sheet", "table", "version", "title", "report_id", "source", "rows", "sha256", "citation"])
    for table in tables:
        e = store.entry(table)
        _append(
            catalog_sheet,
            [
                sheets[table],
                table,
                e["version"],
                e["title"],
                e["report_id"],
                e["source"],
                e["rows"],
                e["sha256"],
                cite(table),
            ],
        )
    catalog_sheet.freeze_panes = "A2"

    for table in tables:
        frame = frames[table]
        sheet = workbook.create_sheet(sheets[table])
        headers = _headers(list(frame.columns), labels)
        _append(sheet, headers)
        units = frame["unit"].astype(str).tolist()
        value_cols = {list(frame.columns).index("value") + 1, list(frame.columns).index("value_high") + 1}
        widths = [_width(h) for h in headers]
        for r, record in enumerate(frame.itertuples(index=False), start=2):
            for c, raw in enumerate(record, start=1):
                value = None if raw is None or (isinstance(raw, float) and raw != raw) else raw
                if value is not None and not isinstance(value, (int, float)):
                    value = str(value)
                cell = sheet.cell(row=r, column=c)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                if c in value_cols and units[r - 2] == "percent":
                    cell.number_format = '0.0##"%"'
                widths[c - 1] = max(widths[c - 1], _width(value))
        sheet.freeze_panes = "A2"
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = min(60, width + 2)
    workbook.save(path)


def _append(sheet: Any, row: Sequence[Any]) -> None:
    """Append a row whose text cells are strings, never formulas, whatever they start with."""
    sheet.append(list(row))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _table_names(tables: Iterable[str] | None) -> list[str]:
    """The validated `tables` argument (None: every table)."""
    if tables is None:
        return loader.tables()
    if isinstance(tables, (str, bytes)):
        raise ArgumentTypeError(f"tables must be a list of table names, not the string {tables!r}: tables=[{tables!r}]")
    if not isinstance(tables, Iterable):
        raise ArgumentTypeError(f"tables must be a list of table names or None; got {type(tables).__name__}")
    names = list(tables)
    if not names:
        raise ArgumentValueError("tables is an empty list: name at least one table, or pass None for every table")
    for name in names:
        loader.check_name(name, "table")
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise ArgumentValueError(f"tables names {name!r} twice: each table is exported once")
        seen.add(name)
    for name in names:
        store.entry(name)  # unknown tables fail before anything is written
    return names


def _is_export(path: Path) -> bool:
    """Whether a directory holds nothing but what an export writes (an earlier export)."""
    if not path.is_dir() or path.is_symlink():
        return False
    names = {p.name for p in path.iterdir()}
    return names <= {WORKBOOK} or ("datapackage.json" in names and "README.md" in names)


def _check_target(target: Path) -> Path:
    """The target's absolute location, after refusing one that may not or cannot be written.

    The places no output may go (`guard.check_target`), and two rules of exports: inside the
    checkout only a new or empty folder or an earlier export, and never a file.
    """
    location = guard.check_target(target, "export")
    resolved = location.resolve()
    checkout = guard.package_dir().parent
    inside_checkout = (checkout / "pyproject.toml").is_file() and guard.holds(checkout, resolved) and resolved.exists()
    if inside_checkout and not (_is_export(resolved) or (resolved.is_dir() and not any(resolved.iterdir()))):
        raise ExportTargetError(
            f"export target {target} is a part of the checkout ({checkout}), not an earlier export: "
            "choose another directory"
        )
    if location.exists() and not location.is_dir():
        raise ExportTargetError(f"export target {target} is a file, not a directory")
    return location


def export(
    out: str | Path,
    format: str = "csv",
    tables: Sequence[str] | None = None,
    labels: str = "code",
    force: bool = False,
    notify: Callable[[str], None] | None = None,
) -> Path:
    """Write the latest version of `tables` (default: all) into directory `out`; return it.

    `format`: csv (one UTF-8-with-BOM CSV per table, datapackage.json, README.md), xlsx (one workbook),
    parquet (one Parquet file per table, datapackage.json, README.md).  `labels`: code, zh or en; zh
    also writes Chinese column headers.  An existing `out` is replaced only with `force=True`; the
    store, the checkout (but for an earlier export inside it), the current and the home directory
    never.  `notify` hears of leftovers of killed exports cleared (default: a logging warning).
    """
    if not isinstance(format, str):
        raise ArgumentTypeError(f"format must be a string, one of {', '.join(FORMATS)}; got {type(format).__name__}")
    if format not in FORMATS:
        raise ArgumentValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if not isinstance(out, (str, os.PathLike)):
        raise ArgumentTypeError(f"out must be a directory path (str or Path); got {type(out).__name__}")
    if not isinstance(force, bool):
        raise ArgumentTypeError(f"force must be True or False; got {type(force).__name__} {force!r}")
    loader.check_labels(labels)
    names = _table_names(tables)
    target = Path(out)
    location = _check_target(target)
    try:
        writes.clear_stale(location, notify or logging.getLogger(__name__).warning, "export")
        if location.exists() and (not location.is_dir() or any(location.iterdir())) and not force:
            raise ExportTargetExistsError(
                f"export target {target} exists; choose another or pass --force to replace it"
            )
        location.parent.mkdir(parents=True, exist_ok=True)
        _write(location, format, names, labels)
    except OSError as exc:
        if isinstance(exc, (ExportTargetError, ExportTargetExistsError)):
            raise
        raise ExportTargetError(f"cannot write export target {target}: {exc}") from exc
    return target


def _write(location: Path, format: str, names: list[str], labels: str) -> None:
    with writes.replacing(location) as stage:
        _write_stage(stage, format, names, labels)


def _write_stage(stage: Path, format: str, names: list[str], labels: str) -> None:
    if format == "xlsx":
        write_xlsx(names, stage / WORKBOOK, labels)
        return
    resources: list[dict[str, Any]] = []
    used: set[str] = set()
    sources = _sources()
    for name in names:
        frame = _frame(name, labels)
        file = stage / f"{name}.{format}"
        if format == "csv":
            _write_csv(frame, file, labels)
        else:
            _write_parquet(name, frame, file, labels)
        entry = store.entry(name)
        used.add(entry["report_id"])
        resource: dict[str, Any] = {
            "name": name,
            "path": file.name,
            "title": entry["title"],
            "description": entry["description"],
            "version": entry["version"],
            "profile": "tabular-data-resource",
            "format": format,
            "mediatype": "text/csv" if format == "csv" else "application/vnd.apache.parquet",
            "hash": f"sha256:{_sha256(file)}",
            "bytes": file.stat().st_size,
            "sources": [sources[entry["report_id"]]],
            "schema": _schema(name, frame, labels),
        }
        if format == "parquet":
            # Frictionless reads Parquet through its parser, not as bytes, so it cannot check a byte
            # count or hash (it reports "actual is None"): they are kept, under names it leaves alone.
            resource["x-sha256"] = resource.pop("hash").removeprefix("sha256:")
            resource["x-bytes"] = resource.pop("bytes")
        if format == "csv":
            resource["encoding"] = "utf-8"
            resource["dialect"] = {"delimiter": ",", "header": True}
        resources.append(resource)
    (stage / "datapackage.json").write_text(
        json.dumps(_datapackage(resources, used, sources), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    (stage / "README.md").write_text(_readme(format, names, labels), encoding="utf-8")
