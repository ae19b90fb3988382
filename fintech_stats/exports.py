"""Downloads: every published table as CSV (with datapackage.json), one Excel workbook, or Parquet.

An export is written into a temporary directory beside the target and renamed into place, so a
failed export leaves nothing half-written; an existing target is replaced only with `force=True`.
Text that a spreadsheet would run as a formula (a cell starting with = + - @, tab or carriage
return) is neutralised: in CSV it is prefixed with an apostrophe, in xlsx it is stored as a string.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats import api, store
from fintech_stats._version import __version__
from fintech_stats.errors import ExportTargetExistsError
from fintech_stats.fields import field

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "export", "neutralise", "sheet_names", "unneutralise"]

FORMATS = ("csv", "xlsx", "parquet")
WORKBOOK = "fintech-stats.xlsx"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain negative number ("-50.0%") is not a formula, and is left as it is ("+1" is: Excel makes it =+1).
_PLAIN_NUMBER = re.compile(r"^-\d[\d,.]*%?$")
_LICENCE = (
    "The tables are facts extracted from the publicly listed reports named in `sources`; each report remains "
    "the work of its publisher. The curation (codes, labels, structure) is released under CC BY 4.0."
)


def neutralise(text: str) -> str:
    """The text as a CSV cell that no spreadsheet runs as a formula (apostrophe prefix)."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """Undo `neutralise` (for reading an exported CSV back)."""
    if text.startswith("'") and text[1:].startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text[1:]):
        return text[1:]
    return text


def sheet_names(tables: Sequence[str]) -> dict[str, str]:
    """A unique Excel sheet name (at most 31 characters) for each published table.

    A name too long for a sheet drops its topic prefix (from the table's spec) before it is cut.
    """
    names: dict[str, str] = {}
    used = {"README", "catalog"}
    for table in tables:
        topic = str(_spec(table).get("topic", ""))
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
    return api.load(table, labels=labels)


def _text_columns(frame: pd.DataFrame) -> list[str]:
    from pandas.api.types import is_numeric_dtype

    return [c for c in frame.columns if not is_numeric_dtype(frame[c])]


def _spec(table: str) -> dict[str, Any]:
    entry = store.entry(table)
    spec: dict[str, Any] = store.read_json(entry["spec_path"], entry["spec_sha256"])
    return spec


def _schema(table: str, frame: pd.DataFrame, labels: str) -> dict[str, Any]:
    spec = _spec(table)
    dims = {d["name"]: d for d in spec["dimensions"]}
    fields: list[dict[str, Any]] = []
    for column, header in zip(frame.columns, _headers(list(frame.columns), labels), strict=True):
        info = field(column)
        item: dict[str, Any] = {"name": header, "title": info.en, "description": info.description}
        if column in ("year", "span_start", "span_end"):
            item["type"] = "integer"
        elif column in ("value", "value_high"):
            item["type"] = "number"
        else:
            item["type"] = "string"
        if column in dims and dims[column]["codes"] is not None:
            key = "code" if labels == "code" else labels
            item["constraints"] = {"enum": [c[key] for c in dims[column]["codes"]]}
            item["x-codelist"] = [{"code": c["code"], "zh": c["zh"], "en": c["en"]} for c in dims[column]["codes"]]
        if column in dims or column in ("unit", "qualifier", "report_id", "span_start", "span_end", "literal"):
            item.setdefault("constraints", {})["required"] = True
        if column == "value":
            item["x-units"] = spec["units"]
        fields.append(item)
    return {"fields": fields, "primaryKey": _headers(spec["primary_key"], labels), "missingValues": [""]}


def _sources() -> dict[str, dict[str, str]]:
    return {
        r["report_id"]: {"title": f"{r['publisher']}:{r['title']}", "report_id": r["report_id"]}
        for r in store.read_json(store.REPORTS_FILE)
    }


def _write_csv(frame: pd.DataFrame, path: Path, labels: str) -> None:
    out = frame.copy()
    for column in _text_columns(out):
        out[column] = out[column].astype(object).map(lambda v: v if v is None or v != v else neutralise(str(v)))
    out.columns = _headers(list(frame.columns), labels)
    out.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")


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
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
        "x-licence-statement": _LICENCE,
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
        "Text cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed with an "
        "apostrophe in CSV files.",
        "",
        "How to cite: <table title>. fintech-stats table `<name>` version <version>. Source: <publisher>, "
        "<report title>.",
        "",
        _LICENCE,
        "",
        "## Files",
        "",
        *[f"- {t}" for t in tables],
        "",
    ]
    return "\n".join(lines)


def _write_xlsx(tables: Sequence[str], path: Path, labels: str) -> None:
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
        [
            "How to cite: <table title>. fintech-stats table <name> version <version>. Source: <publisher>, "
            "<report title>."
        ],
        [_LICENCE],
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
        readme.append(row)
    readme.column_dimensions["A"].width = 34
    readme.column_dimensions["B"].width = 60

    sheets = sheet_names(tables)
    catalog_sheet = workbook.create_sheet("catalog")
    catalog_sheet.append(["sheet", "table", "version", "title", "report_id", "source", "rows", "sha256"])
    for table in tables:
        e = store.entry(table)
        catalog_sheet.append(
            [sheets[table], table, e["version"], e["title"], e["report_id"], e["source"], e["rows"], e["sha256"]]
        )
    catalog_sheet.freeze_panes = "A2"

    for table in tables:
        frame = frames[table]
        sheet = workbook.create_sheet(sheets[table])
        headers = _headers(list(frame.columns), labels)
        sheet.append(headers)
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


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def export(
    out: str | Path,
    format: str = "csv",
    tables: Sequence[str] | None = None,
    labels: str = "code",
    force: bool = False,
) -> Path:
    """Write the latest version of `tables` (default: all) into directory `out`; return it.

    `format`: csv (one UTF-8-with-BOM CSV per table, datapackage.json, README.md), xlsx (one workbook),
    parquet (one Parquet file per table, datapackage.json, README.md).  `labels`: code, zh or en; zh
    also writes Chinese column headers.  An existing `out` is replaced only with `force=True`.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    api.check_labels(labels)
    names = list(tables) if tables else api.tables()
    for name in names:
        store.entry(name)  # unknown tables fail before anything is written
    target = Path(out)
    if target.exists() and (not target.is_dir() or any(target.iterdir())) and not force:
        raise ExportTargetExistsError(f"export target {target} exists; choose another or pass --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{target.name}-", dir=target.parent) as tmp:
        stage = Path(tmp) / "export"
        stage.mkdir()
        if format == "xlsx":
            _write_xlsx(names, stage / WORKBOOK, labels)
        else:
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
                if format == "csv":
                    resource["encoding"] = "utf-8"
                    resource["dialect"] = {"delimiter": ",", "header": True}
                resources.append(resource)
            (stage / "datapackage.json").write_text(
                json.dumps(_datapackage(resources, used, sources), ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8",
            )
            (stage / "README.md").write_text(_readme(format, names, labels), encoding="utf-8")
        if target.exists():
            old = Path(tmp) / "old"
            target.rename(old)
        stage.rename(target)
    return target
