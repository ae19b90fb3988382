"""The loader API: reports(), report_text(), tables(), catalog(), load(), claims().

Everything here reads the published `datasets/` only (verified against the catalog's sha256);
only `report_text` needs the corpus.  pandas and pyarrow are imported when a function needs them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats import store
from fintech_stats.access.published import read_registry, read_reports, spec_of
from fintech_stats.errors import ArgumentTypeError, ArgumentValueError, UnknownReportError, did_you_mean
from fintech_stats.model import fields, vocabulary
from fintech_stats.model.spec import PublishedSpec

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LABELS",
    "catalog",
    "checks",
    "claims",
    "codes",
    "conflicts",
    "gaps",
    "load",
    "report_text",
    "reports",
    "restatements",
    "tables",
]

#: How dimension values are shown: codes, the report's Chinese labels, or English labels.
LABELS = tuple(vocabulary.LABELS)


def reports() -> pd.DataFrame:
    """One row per report of the corpus: id, publisher, title, pages, dates, text status, claims, gaps.

    `text_status`: full, truncated (the text stops early; `text_extent` says how far it goes),
    snippet or digits_lost.  `curation_note` says what the curation found (why a report yields no
    claims, for example).
    """
    import pandas as pd

    rows = read_reports()
    columns = [
        "report_id",
        "publisher",
        "title",
        "pages",
        "site_published",
        "views",
        "text_chars",
        "text_status",
        "text_extent",
        "n_tables",
        "n_claims",
        "n_gaps",
        "curation_note",
    ]
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns)
    frame["site_published"] = pd.to_datetime(frame["site_published"]).dt.date
    frame["text_status"] = pd.Categorical(frame["text_status"], categories=list(vocabulary.TEXT_STATUSES))
    return frame


def gaps() -> pd.DataFrame:
    """The places in any report where the text evidently lost a number, one row each.

    Columns: report_id, span_start, span_end, text (the characters at the span, such as `%` or
    `超过万户`), kind (see `fintech_stats.model.vocabulary.GAP_KINDS`), location, note.  Read from the
    published store (verified by sha256); `report_text(report_id)[span_start:span_end] == text`.
    """
    return read_registry("gaps")


def codes(table: str | None = None) -> pd.DataFrame:
    """The codes every dimension of every table (latest versions) uses, in codelist order.

    Columns: table, version, column, position (0, 1, ... in the codelist's order), code, zh, en,
    ordered (the codelist is ordinal: buckets, bands).  Pandas gets this order from `load()`'s
    categoricals; for DuckDB, polars or SQL, `codes.parquet` beside the tables is what to join on
    to sort a bucket column in its order, not as text.  `table=` keeps one table's codes.
    """
    check_name(table, "table", optional=True)
    frame = read_registry("codes")
    if table is not None:
        store.entry(table)  # UnknownTableError, with close matches
        frame = frame[frame["table"] == table].reset_index(drop=True)
    return frame


def checks() -> pd.DataFrame:
    """Every consistency check computed at build time, one row each; failures are data, not errors.

    Columns: check_id, report_id, table, kind (see `fintech_stats.model.vocabulary.CHECK_KINDS`),
    expected, observed, tolerance, passed, claims (the rows involved, as `table:span_start-span_end`),
    note.
    """
    return read_registry("checks")


def unaccounted() -> pd.DataFrame:
    """The numbers of the reports' texts that are neither a claim, nor a gap, nor excluded with a kind.

    Columns: report_id, span_start, span_end, text (the number's characters).  Empty for every report
    whose text is full or truncated: the coverage ledger is closed (a test keeps it so).
    """
    frame = read_registry("numbers")
    out = frame[frame["status"] == "unaccounted"][[*fields.SPAN_COLUMNS, "text"]]
    return out.reset_index(drop=True)


def coverage() -> pd.DataFrame:
    """Per report: numbers found in its text, claimed, gaps, excluded (in all and by kind), unaccounted.

    Computed at build time from every number of the text (digit runs, Chinese-numeral counts, 半数);
    see `fintech_stats.text.numbers` and `fintech_stats.ledger`.
    """
    import pandas as pd

    frame = read_registry("numbers")
    reports_frame = reports()
    base = frame.groupby("report_id")["status"].value_counts().unstack(fill_value=0)
    statuses = list(vocabulary.LEDGER_STATUSES)
    for status in statuses:
        if status not in base.columns:
            base[status] = 0
    excluded = frame[frame["status"] == "excluded"]
    kinds = excluded.groupby("report_id")["kind"].value_counts().unstack(fill_value=0)
    kinds.columns = [f"excluded_{k}" for k in kinds.columns]
    out = pd.DataFrame({"report_id": reports_frame["report_id"], "text_status": reports_frame["text_status"]})
    out = out.join(base[statuses], on="report_id").join(kinds, on="report_id")
    out = out.fillna(0)
    counts = [c for c in out.columns if c not in ("report_id", "text_status")]
    out[counts] = out[counts].astype("int64")
    out.insert(2, "numbers", out[statuses].sum(axis=1))
    return out.rename(columns={"claim": "claimed", "gap": "gaps"})


def report_text(report_id: str) -> str:
    """The exact text every span of `report_id` indexes (needs the corpus: see the README)."""
    from fintech_stats.corpus.reports import get_report

    check_name(report_id, "report_id")
    return get_report(report_id).text


def tables() -> list[str]:
    """The names of the published tables, sorted."""
    return sorted(store.catalog_entries())


def catalog() -> pd.DataFrame:
    """One row per published table version: table, version, title, description, report, rows, sha256, path."""
    import pandas as pd

    base = store.datasets_dir().resolve()
    rows = [
        {
            "table": name,
            "version": version,
            "title": e["title"],
            "description": e["description"],
            "report_id": e["report_id"],
            "source": e["source"],
            "rows": e["rows"],
            "restatements": e["restatements"],
            "conflicts": e.get("conflicts", 0),
            "warnings": len(spec_of(e).usage_warnings),
            "sha256": e["sha256"],
            "path": str(base / e["path"]),
        }
        for name, versions in sorted(store.catalog_entries().items())
        for version, e in sorted(versions.items(), key=lambda kv: store.version_key(kv[0]))
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "table",
            "version",
            "title",
            "description",
            "report_id",
            "source",
            "rows",
            "restatements",
            "conflicts",
            "warnings",
            "sha256",
            "path",
        ],
    )


def check_labels(labels: str) -> None:
    """Raise ValueError (TypeError for a non-string) unless `labels` is one of LABELS."""
    if not isinstance(labels, str):
        raise ArgumentTypeError(f"labels must be a string, one of {', '.join(LABELS)}; got {_kind(labels)}")
    if labels not in LABELS:
        raise ArgumentValueError(
            f"labels must be one of {', '.join(LABELS)}, not {labels!r}" + did_you_mean(labels, LABELS)
        )


def _kind(value: object) -> str:
    return f"{type(value).__name__} {value!r}"[:120]


def check_name(value: object, argument: str, optional: bool = False) -> None:
    """Raise TypeError unless `value` is a string (or None, when `optional`), naming the argument."""
    if isinstance(value, str) or (optional and value is None):
        return
    wanted = "a table name (str)" if argument == "table" else f"a {argument} string"
    raise ArgumentTypeError(f"{argument} must be {wanted}{' or None' if optional else ''}; got {_kind(value)}")


def _read(relative: str, sha256: str) -> pd.DataFrame:
    import pyarrow.parquet as pq

    path = store.verified_path(relative, sha256)
    frame: pd.DataFrame = pq.read_table(path).to_pandas()
    return frame


def _relabel(frame: pd.DataFrame, spec: PublishedSpec, labels: str) -> pd.DataFrame:
    if labels == "code":
        return frame
    for dim in spec.dimensions:
        if dim.codes is None:
            continue
        mapping = dim.labels(labels)
        column = frame[dim.name]
        frame[dim.name] = column.cat.rename_categories([mapping[c] for c in column.cat.categories])
    return frame


def load(table: str, version: str | None = None, labels: str = "code") -> pd.DataFrame:
    """A published table as a DataFrame (the latest version unless `version` is given).

    `labels`: show dimension values as codes (`code`), the report's Chinese (`zh`) or English
    (`en`) labels; the column names are the same in every mode.
    """
    entry = _checked_entry(table, version, labels)
    frame = _read(entry["path"], entry["sha256"])
    spec = spec_of(entry)
    frame = _relabel(frame, spec, labels)
    frame.attrs.update(_attrs(spec, entry))
    return frame


def _attrs(spec: PublishedSpec, entry: dict[str, Any]) -> dict[str, Any]:
    """What a user must know, on the frame (`frame.attrs`); `fs.info(table)` says it in full."""
    return {
        "table": spec.name,
        "version": spec.version,
        "title": spec.title,
        "title_zh": spec.title_zh,
        "description": spec.description,
        "report_id": spec.report_id,
        "source": spec.source,
        "units": list(spec.units),
        "primary_key": list(spec.primary_key),
        "usage_warnings": [w.document() for w in spec.usage_warnings],
        "sha256": entry["sha256"],
    }


def _checked_entry(table: str, version: str | None, labels: str) -> dict[str, Any]:
    """The catalog entry of a table version, once the arguments of a read of it are checked."""
    check_name(table, "table")
    check_name(version, "version", optional=True)
    check_labels(labels)
    return store.entry(table, version)


def _mentions(key: str, table: str, version: str | None, labels: str) -> pd.DataFrame:
    entry = _checked_entry(table, version, labels)
    if entry.get(f"{key}_path") is None:
        return load(table, version, labels).iloc[0:0]
    frame = _read(entry[f"{key}_path"], entry[f"{key}_sha256"])
    return _relabel(frame, spec_of(entry), labels)


def restatements(table: str, version: str | None = None, labels: str = "code") -> pd.DataFrame:
    """The facts of a table stated again elsewhere in the report, agreeing with it (empty if none)."""
    return _mentions("restatements", table, version, labels)


def conflicts(table: str, version: str | None = None, labels: str = "code") -> pd.DataFrame:
    """Second statements of a table's facts that disagree with it, each with a note (empty if none)."""
    return _mentions("conflicts", table, version, labels)


#: What `claims()` shows: the columns of claims.parquet but the label variants of dims (`labels=` picks one).
_CLAIM_COLUMNS = [c for c in fields.CLAIMS_COLUMNS if not c.startswith("dims_")]


@cache
def _claims(directory: str) -> pd.DataFrame:
    # One read of the long table the build writes (claims.parquet), not one per table.
    return read_registry("claims", Path(directory))


def claims(labels: str = "code", table: str | None = None, report_id: str | None = None) -> pd.DataFrame:
    """Every observation of every table (latest versions): primary rows, restatements, conflicts.

    Columns: table, version, report_id, value, value_high, unit, qualifier, repair, literal,
    span_start, span_end, location, dims (JSON text of the row's dimension codes, or with
    `labels="zh"`/`"en"` of their labels), mention, note.  `table=` and `report_id=` keep the rows
    of one table or one report (an unknown name is an error, never an empty answer).
    """
    check_labels(labels)
    for name, arg in (("table", table), ("report_id", report_id)):
        if arg is not None and not isinstance(arg, str):
            raise ArgumentTypeError(f"{name} must be a string or None, not {type(arg).__name__}")
    frame = _claims(str(store.datasets_dir()))
    if table is not None:
        store.entry(table)  # UnknownTableError, with close matches
        frame = frame[frame["table"] == table]
    if report_id is not None:
        known = set(frame["report_id"]) if table is not None else set(_claims(str(store.datasets_dir()))["report_id"])
        if report_id not in known:
            raise UnknownReportError(f"no claims of report {report_id!r}" + did_you_mean(report_id, known))
        frame = frame[frame["report_id"] == report_id]
    if labels != "code":
        frame = frame.assign(dims=frame[f"dims_{labels}"])
    return frame[_CLAIM_COLUMNS].reset_index(drop=True)


store.register_cache(_claims.cache_clear)
