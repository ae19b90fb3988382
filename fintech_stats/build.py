"""Build: run every extractor, validate against the specs, and publish into `datasets/`.

The build is all-or-nothing: every table is extracted and validated in memory first, new version
directories are written to a temporary directory and renamed into place, and the catalog is
replaced last.  A published version is never rewritten: if the data of a published version
changes, the build stops and asks for a new version.  One build at a time: a build holds a lock in
the datasets directory, and a second one waits for it and says so.  What a killed build left (its
temporary directory, version directories the catalog does not list) is removed by the next build;
anything else it does not recognise stops it.  `check` validates the catalog, verifies every
published sha256 and rebuilds into a temporary directory, reporting every difference from what is
published, naming table and row.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from fintech_stats import curation, store
from fintech_stats.consistency import Check, agrees, derived_checks, run_check
from fintech_stats.corpus import Report, corpus_dir, load_reports
from fintech_stats.curation.engine import spec_of
from fintech_stats.errors import (
    BuildError,
    CatalogError,
    CorpusFormatError,
    IntegrityError,
    PublishedVersionError,
    SpecError,
)
from fintech_stats.ledger import STATUSES, LedgerEntry, classify
from fintech_stats.observation import Gap, Observation
from fintech_stats.search import index_document
from fintech_stats.spec import TableSpec
from fintech_stats.tabular import (
    checks_arrow,
    claims_arrow,
    codes_arrow,
    gaps_arrow,
    ledger_arrow,
    spec_document,
    to_arrow,
)

__all__ = ["BuildResult", "BuiltTable", "build", "check", "extract_all", "write_parquet"]

_log = logging.getLogger(__name__)

DATA_FILE = "data.parquet"
RESTATEMENTS_FILE = "restatements.parquet"
#: The files of a table version beside data.parquet: catalog key -> file name.  A published entry
#: records `<key>` (rows), `<key>_path` and `<key>_sha256` for each (the path is null when empty).
MENTION_FILES = {"restatements": RESTATEMENTS_FILE, "conflicts": "conflicts.parquet"}
SPEC_FILE = "spec.json"


@dataclass
class BuiltTable:
    """One table as the build made it: spec, primary rows and restatement rows."""

    spec: TableSpec
    primary: list[Observation]
    restatements: list[Observation] = field(default_factory=list)
    conflicts: list[Observation] = field(default_factory=list)

    def mentions(self, key: str) -> list[Observation]:
        """The rows of one of MENTION_FILES' keys (restatements, conflicts)."""
        rows: list[Observation] = getattr(self, key)
        return rows


def _validate(built: BuiltTable) -> None:
    name = built.spec.name
    keys = Counter(o.dims for o in built.primary)
    dupes = [dict(k) for k, n in keys.items() if n > 1]
    if dupes:
        raise SpecError(f"table {name}: several primary rows for dimensions {dupes[:3]}")
    by_key = {o.dims: o for o in built.primary}
    for o in (*built.restatements, *built.conflicts):
        primary = by_key.get(o.dims)
        if primary is None:
            raise SpecError(f"{o.where}: table {name}: {o.mention} {dict(o.dims)} ({o.literal!r}) has no primary row")
        comparable = agrees(o, primary)
        # Statements in units that cannot be compared (a budget in yen and its conversion to yuan)
        # are restatements only with a note that says what they are.
        agree = bool(o.note) if comparable is None else comparable
        said = f"{o.qualifier} {o.value} {o.unit} ({o.literal!r} at {o.span_start}, {o.where})"
        table_says = f"{primary.qualifier} {primary.value} {primary.unit} ({primary.literal!r} at {primary.span_start})"
        if o.mention == "restatement" and not agree:
            raise SpecError(
                f"table {name}: restatement {dict(o.dims)} says {said} but the table says {table_says}: "
                "a statement that disagrees is mention=conflict, with a note"
            )
        if o.mention == "conflict" and (agree or not o.note):
            raise SpecError(
                f"table {name}: conflict {dict(o.dims)} says {said}, the table {table_says}: "
                + ("they agree, so it is a restatement" if agree else "a conflict needs a note saying what disagrees")
            )
    if not built.primary:
        raise SpecError(f"table {name} has no rows")


@dataclass
class Extracted:
    """Everything a build extracts from the corpus: tables, gaps, and the reports."""

    tables: list[BuiltTable]
    gaps: list[Gap]
    reports: tuple[Report, ...]
    notes: dict[str, str] = field(default_factory=dict)
    ledger: list[LedgerEntry] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)


def extract_all(corpus: Path | None = None) -> Extracted:
    """Every table and gap of every report's curation, validated; raises on the first problem."""
    reports = load_reports(corpus)
    by_id = {r.report_id: r for r in reports}
    built: list[BuiltTable] = []
    gaps: list[Gap] = []
    seen: dict[str, str] = {}
    notes: dict[str, str] = {}
    exclusions: list[Gap] = []
    checks: list[Check] = []
    for folder in curation.folders():
        cur = curation.read_curation(folder)
        if cur.note:
            notes[cur.report_id] = cur.note
        report = by_id.get(cur.report_id)
        if report is None:
            raise CorpusFormatError(
                f"{folder}/tables.toml: report {cur.report_id!r} is not in the corpus "
                f"({len(reports)} reports read): is the corpus complete?"
            )
        result = curation.run(cur, report.text)
        for tdef, observations in result.tables:
            if tdef.name in seen:
                raise SpecError(f"{tdef.where}: table {tdef.name} is also defined in {seen[tdef.name]}")
            seen[tdef.name] = tdef.where
            table = BuiltTable(
                spec_of(tdef, report.report_id, cur.topic),
                [o for o in observations if o.mention == "primary"],
                [o for o in observations if o.mention == "restatement"],
                [o for o in observations if o.mention == "conflict"],
            )
            _validate(table)
            built.append(table)
            checks += derived_checks(cur.report_id, tdef.name, table.primary, [*table.restatements, *table.conflicts])
        primaries = {b.spec.name: b.primary for b in built if b.spec.report_id == cur.report_id}
        checks += [run_check(c, cur.report_id, primaries) for c in cur.checks]
        gaps.extend(result.gaps)
        exclusions.extend(result.exclusions)
    ledger: list[LedgerEntry] = []
    for report in reports:
        rid = report.report_id
        claims = [o for b in built if b.spec.report_id == rid for o in (*b.primary, *b.restatements, *b.conflicts)]
        ledger += classify(
            rid,
            report.text,
            claims,
            [g for g in gaps if g.report_id == rid],
            [e for e in exclusions if e.report_id == rid],
        )
    return Extracted(sorted(built, key=lambda b: b.spec.name), gaps, reports, notes, ledger, checks)


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write deterministically: fixed compression, no timestamps, one row group."""
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        row_group_size=1 << 20,
        write_statistics=False,
        use_dictionary=True,
    )


def _dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _write_version(built: BuiltTable, target: Path) -> dict[str, Any]:
    """Write one table version's files into `target`; return its catalog entry."""
    spec = built.spec
    target.mkdir(parents=True)
    rel = f"{spec.name}/{spec.version}"
    data = to_arrow(spec, built.primary)
    write_parquet(data, target / DATA_FILE)
    document = spec_document(spec, [*built.primary, *built.restatements, *built.conflicts])
    (target / SPEC_FILE).write_text(_dump_json(document), encoding="utf-8")
    entry: dict[str, Any] = {
        "table": spec.name,
        "version": spec.version,
        "title": spec.title,
        "description": spec.description,
        "report_id": spec.report_id,
        "source": spec.source,
        "rows": data.num_rows,
        "path": f"{rel}/{DATA_FILE}",
        "sha256": store.sha256_file(target / DATA_FILE),
        "bytes": (target / DATA_FILE).stat().st_size,
        "spec_path": f"{rel}/{SPEC_FILE}",
        "spec_sha256": store.sha256_file(target / SPEC_FILE),
        "schema": [{"name": f.name, "type": str(f.type)} for f in data.schema],
    }
    for key, file in MENTION_FILES.items():
        rows = built.mentions(key)
        entry[key], entry[f"{key}_path"], entry[f"{key}_sha256"] = len(rows), None, None
        if rows:
            write_parquet(to_arrow(spec, rows), target / file)
            entry[f"{key}_path"] = f"{rel}/{file}"
            entry[f"{key}_sha256"] = store.sha256_file(target / file)
    return entry


def _same_data(a: Path, b: Path) -> bool:
    return bool(pq.read_table(a).equals(pq.read_table(b)))


def _same_version(datasets: Path, published: dict[str, Any] | None, stage: Path, entry: dict[str, Any]) -> bool:
    """Whether a staged version holds the same data (and extra mention files) as the published one."""
    if published is None:
        return False
    for key in ("path", *(f"{k}_path" for k in MENTION_FILES)):
        old, new = published.get(key), entry.get(key)
        if old is None or new is None:
            if (old is None) != (new is None):
                return False
            continue
        if not ((datasets / old).is_file() and _same_data(datasets / old, stage.parent.parent / new)):
            return False
    return True


def _reports_document(extracted: Extracted) -> list[dict[str, Any]]:
    reports, built, gaps = extracted.reports, extracted.tables, extracted.gaps
    claims = Counter(o.report_id for b in built for o in (*b.primary, *b.restatements, *b.conflicts))
    tables = Counter(b.spec.report_id for b in built)
    gap_counts = Counter(g.report_id for g in gaps)
    ledger = Counter((e.report_id, e.status) for e in extracted.ledger)
    checks = Counter((c.report_id, c.passed) for c in extracted.checks)
    return [
        {
            "report_id": r.report_id,
            "publisher": r.publisher,
            "title": r.title,
            "pages": r.pages,
            "site_published": r.site_published.isoformat(),
            "views": r.views,
            "text_chars": r.text_chars,
            "text_status": r.text_status,
            "text_extent": r.text_extent,
            "n_claims": claims.get(r.report_id, 0),
            "n_tables": tables.get(r.report_id, 0),
            "n_gaps": gap_counts.get(r.report_id, 0),
            "n_numbers": sum(ledger[(r.report_id, s)] for s in STATUSES),
            "n_unaccounted": ledger[(r.report_id, "unaccounted")],
            "n_checks_passed": checks[(r.report_id, True)],
            "n_checks_failed": checks[(r.report_id, False)],
            "curation_note": extracted.notes.get(r.report_id),
            "source_file": r.source_file,
            "position": r.position,
        }
        for r in reports
    ]


@dataclass
class BuildResult:
    """What a build did: versions written and unchanged, leftovers cleared, the build it waited for."""

    written: list[str]
    unchanged: list[str]
    directory: Path
    cleared: list[str] = field(default_factory=list)
    waited: str | None = None


Notify = Callable[[str], None]


@contextmanager
def _locked(datasets: Path, notify: Notify) -> Iterator[str | None]:
    """Hold the store's build lock (waiting for a running build); yield what was waited for, if anything."""
    path = datasets / store.LOCK_FILE
    handle: IO[str] = path.open("a+", encoding="utf-8")
    try:
        waited = None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another build"
            notify(f"waiting for {holder} in {datasets} to finish")
            began = time.monotonic()
            fcntl.flock(handle, fcntl.LOCK_EX)
            waited = f"waited {time.monotonic() - began:.1f} s for {holder} in {datasets}"
            notify(waited)
        handle.seek(0)
        handle.truncate()
        started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        handle.write(f"the build of process {os.getpid()} (started {started} UTC)\n")
        handle.flush()
        yield waited
    finally:
        handle.truncate(0)
        handle.close()  # releases the lock


def _published_catalog(datasets: Path) -> dict[str, Any]:
    """The catalog a build starts from (validated); none only for a new store."""
    if (datasets / store.CATALOG_FILE).exists():
        return store.read_catalog(datasets, empty_ok=True)
    stray = sorted(
        p.name
        for p in datasets.iterdir()
        if p.name != store.LOCK_FILE and not p.name.startswith(store.BUILD_TEMP_PREFIX)
    )
    if stray:
        # A build writes an empty catalog before it moves anything in: no catalog beside published
        # files means it was deleted (or this is not a store), and only the catalog lists versions.
        raise CatalogError(
            f"catalog {datasets / store.CATALOG_FILE} is missing but {datasets} holds {len(stray)} entries "
            f"({', '.join(stray[:3])}{', ...' if len(stray) > 3 else ''}): the catalog was deleted or this is not "
            "a store; restore catalog.json, or build into an empty directory"
        )
    return {"tables": {}}


def _clear_leftovers(datasets: Path, catalog: dict[str, Any], notify: Notify) -> list[str]:
    """Remove what killed builds left in the store (see `store.unlisted`); refuse anything else."""
    leftovers, unknown = store.unlisted(datasets, catalog)
    if unknown:
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise BuildError(
            f"{unknown[0]}{more} is in the store but neither listed in {store.CATALOG_FILE} nor written by a build: "
            "move it out of the store"
        )
    cleared: list[str] = []
    for path in leftovers:
        what = "temporary directory" if path.parent == datasets else "unpublished version directory"
        shutil.rmtree(path)
        if path.parent != datasets and not any(path.parent.iterdir()):
            path.parent.rmdir()
        cleared.append(str(path.relative_to(datasets)))
        notify(f"removed {path}: the {what} of an interrupted build (not in the catalog)")
    return cleared


def _verify_published(datasets: Path, catalog: dict[str, Any]) -> None:
    """Every file of every published version is there and has its catalog sha256."""
    for name, versions in sorted(catalog["tables"].items()):
        for version, e in sorted(versions.items()):
            for path_key, hash_key in (
                ("path", "sha256"),
                ("spec_path", "spec_sha256"),
                *((f"{k}_path", f"{k}_sha256") for k in MENTION_FILES),
            ):
                if e.get(path_key) is None:
                    continue
                path = datasets / e[path_key]
                said = f"table {name} version {version} is published and its file {path}"
                if not path.is_file():
                    raise PublishedVersionError(
                        f"{said} is missing: restore it (published versions never change, so a build cannot remake it)"
                    )
                actual = store.sha256_file(path)
                if actual != e[hash_key]:
                    raise PublishedVersionError(
                        f"{said} has been changed or damaged since: sha256 expected {e[hash_key]}, actual {actual}; "
                        "restore it (published versions never change)"
                    )


def _check_reports_kept(datasets: Path, reports: tuple[Report, ...], corpus: Path | None) -> None:
    """Every report of the published reports.json is still in the corpus."""
    if not (datasets / store.REPORTS_FILE).is_file():
        return
    published = store.read_json(store.REPORTS_FILE, directory=datasets)
    if not isinstance(published, list) or not all(
        isinstance(r, dict) and isinstance(r.get("report_id"), str) for r in published
    ):
        raise IntegrityError(
            f"published file {datasets / store.REPORTS_FILE} is damaged: want a list of reports with report_id"
        )
    current = {r.report_id for r in reports}
    gone = [r for r in published if r["report_id"] not in current]
    if gone:
        first = gone[0]
        more = f" (and {len(gone) - 1} more: {', '.join(r['report_id'] for r in gone[1:4])})" if len(gone) > 1 else ""
        raise BuildError(
            f"report {first['report_id']!r} ({first.get('publisher')}:{first.get('title')}) is published but no "
            f"longer in the corpus {corpus or corpus_dir()}{more}: is the corpus complete? A published report is "
            "never dropped"
        )


def build(datasets: Path | None = None, corpus: Path | None = None, notify: Notify | None = None) -> BuildResult:
    """Extract everything and publish new table versions into `datasets` (all or nothing).

    One build at a time: a second build waits for the first (and says so through `notify`,
    default: a logging warning).  What killed builds left behind is removed first.
    """
    notify = notify or _log.warning
    datasets = datasets or store.datasets_dir()
    extracted = extract_all(corpus)
    built = extracted.tables
    if not built:
        raise BuildError("the curation defines no table: nothing to publish")
    if datasets.is_dir():
        _published_catalog(datasets)  # refuse a directory that is no store before leaving a lock file in it
    datasets.mkdir(parents=True, exist_ok=True)
    with _locked(datasets, notify) as waited:
        catalog = _published_catalog(datasets)
        cleared = _clear_leftovers(datasets, catalog, notify)
        _verify_published(datasets, catalog)
        _check_reports_kept(datasets, extracted.reports, corpus)
        for key in store.REGISTRY_KEYS:
            record, path = catalog.get(key), datasets / catalog.get(key, {}).get("path", "")
            if record is not None and path.is_file() and store.sha256_file(path) != record["sha256"]:
                notify(f"{path} did not match the catalog (left by an interrupted build): it is rewritten")
        written, unchanged = _publish(datasets, catalog, extracted)
    store.clear_caches()
    return BuildResult(written, unchanged, datasets, cleared, waited)


def _publish(datasets: Path, catalog: dict[str, Any], extracted: Extracted) -> tuple[list[str], list[str]]:
    written: list[str] = []
    unchanged: list[str] = []
    with tempfile.TemporaryDirectory(prefix=store.BUILD_TEMP_PREFIX, dir=datasets) as tmp:
        staged: list[tuple[Path, Path]] = []
        indexed: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []
        for table in extracted.tables:
            spec = table.spec
            final = datasets / spec.name / spec.version
            stage = Path(tmp) / spec.name / spec.version
            entry = _write_version(table, stage)
            indexed.append((spec.name, spec.version, entry, json.loads((stage / SPEC_FILE).read_text("utf-8"))))
            published = catalog["tables"].get(spec.name, {}).get(spec.version)
            if final.exists() or published is not None:
                if not _same_version(datasets, published, stage, entry):
                    raise PublishedVersionError(
                        f"table {spec.name} version {spec.version} is published and its data changed: "
                        "published versions never change; bump the version in the extractor "
                        "(minor for corrected values, major for a schema change)"
                    )
                unchanged.append(f"{spec.name} {spec.version}")
                continue
            staged.append((stage, final))
            catalog["tables"].setdefault(spec.name, {})[spec.version] = entry
            written.append(f"{spec.name} {spec.version}")
        reports_text = _dump_json(_reports_document(extracted))
        for key, file, rows in (
            ("gaps", store.GAPS_FILE, gaps_arrow(extracted.gaps)),
            ("numbers", store.NUMBERS_FILE, ledger_arrow(extracted.ledger)),
            ("checks", store.CHECKS_FILE, checks_arrow(extracted.checks)),
            ("codes", store.CODES_FILE, codes_arrow([spec for _, _, _, spec in indexed])),
            (
                "claims",
                store.CLAIMS_FILE,
                claims_arrow([(b.spec, b.primary + b.restatements + b.conflicts) for b in extracted.tables]),
            ),
        ):
            write_parquet(rows, Path(tmp) / file)
            catalog[key] = {"path": file, "sha256": store.sha256_file(Path(tmp) / file), "rows": rows.num_rows}
        # The search index: one file for search() to read, instead of every table's spec.
        index = json.dumps(index_document(indexed), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        (Path(tmp) / store.SEARCH_FILE).write_text(index + "\n", encoding="utf-8")
        catalog["search"] = {
            "path": store.SEARCH_FILE,
            "sha256": store.sha256_file(Path(tmp) / store.SEARCH_FILE),
            "rows": len(indexed),
        }
        catalog_text = _dump_json(catalog)
        (Path(tmp) / store.REPORTS_FILE).write_text(reports_text, encoding="utf-8")
        (Path(tmp) / store.CATALOG_FILE).write_text(catalog_text, encoding="utf-8")
        if not (datasets / store.CATALOG_FILE).exists():
            # A new store gets an empty catalog before anything moves in, so that a version directory
            # without a catalog is never left by a build (see _published_catalog).
            (Path(tmp) / "empty.json").write_text(_dump_json({"tables": {}}), encoding="utf-8")
            os.replace(Path(tmp) / "empty.json", datasets / store.CATALOG_FILE)
        # Everything is written and validated: only renames from here on; the catalog, last, publishes.
        for stage, final in staged:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage, final)
        for file in store.STORE_WIDE_FILES[1:]:
            os.replace(Path(tmp) / file, datasets / file)
        os.replace(Path(tmp) / store.CATALOG_FILE, datasets / store.CATALOG_FILE)
    return written, unchanged


def _row_label(row: dict[str, Any], dims: list[str]) -> str:
    return ", ".join(f"{d}={row.get(d)}" for d in dims)


def _diff_table(name: str, dims: list[str], published: pa.Table, rebuilt: pa.Table, what: str) -> list[str]:
    if published.schema != rebuilt.schema:
        return [
            f"table {name} ({what}): schema differs: published {published.schema.names}, rebuilt {rebuilt.schema.names}"
        ]
    old, new = published.to_pylist(), rebuilt.to_pylist()
    problems: list[str] = []
    for i in range(max(len(old), len(new))):
        a = old[i] if i < len(old) else None
        b = new[i] if i < len(new) else None
        if a == b:
            continue
        if a is None or b is None:
            row = a or b or {}
            side = "only in the rebuild" if a is None else "only in the published table"
            problems.append(f"table {name} ({what}) row {i} [{_row_label(row, dims)}]: {side}")
            continue
        cols = [c for c in a if a[c] != b[c]]
        detail = "; ".join(f"{c}: published {a[c]!r}, rebuilt {b[c]!r}" for c in cols)
        problems.append(
            f"table {name} ({what}) row {i} [{_row_label(a, dims)}] span {b['span_start']}-{b['span_end']}: {detail}"
        )
    return problems


def _read_table(path: Path) -> pa.Table | str:
    try:
        return pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        return f"{path} cannot be read: {exc}"


def _compare_file(
    old: Path, new: Path, name: str, what: str, damaged: set[Path], compare: Callable[[pa.Table, pa.Table], list[str]]
) -> list[str]:
    if old in damaged:
        return []  # reported as missing or corrupt already
    a, b = _read_table(old), _read_table(new)
    if isinstance(a, str) or isinstance(b, str):
        return [f"{name} ({what}): {a if isinstance(a, str) else b}"]
    return compare(a, b)


#: Catalog fields that may differ between equal files (bytes depend on the Parquet writer).
_WRITER_KEYS = frozenset({"sha256", "bytes", "spec_sha256", *(f"{k}_sha256" for k in MENTION_FILES)})


def check(datasets: Path | None = None, corpus: Path | None = None) -> list[str]:
    """Rebuild in a temporary directory; every problem of the published store, as sentences.

    The catalog is validated, every published file is checked against its sha256 (a corrupt file
    is reported as such), leftovers of interrupted builds are named, and every latest version,
    the store-wide files and reports.json are compared with the rebuild, naming table and row.
    """
    datasets = datasets or store.datasets_dir()
    try:
        store.read_catalog(datasets)
        _, problems = store.verify_all(datasets)
    except CatalogError as exc:
        return [str(exc)]
    damaged = {Path(p.split(": ", 1)[0]) for p in problems}
    published = store.catalog_entries(datasets)
    with tempfile.TemporaryDirectory(prefix="fintech-stats-check-") as tmp:
        result = build(Path(tmp) / "datasets", corpus)
        rebuilt = store.catalog_entries(result.directory)
        for name in sorted(set(published) | set(rebuilt)):
            if name not in published:
                problems.append(f"table {name} is built but not published: run `fintech-stats build`")
                continue
            if name not in rebuilt:
                problems.append(f"table {name} is published but no extractor builds it any more")
                continue
            new_version = max(rebuilt[name], key=store.version_key)
            old_version = max(published[name], key=store.version_key)
            if new_version != old_version:
                problems.append(
                    f"table {name}: the code builds version {new_version}, the latest published "
                    f"is {old_version}: run `fintech-stats build`"
                )
                continue
            a, b = published[name][old_version], rebuilt[name][new_version]
            differs = sorted(k for k in set(a) | set(b) if k not in _WRITER_KEYS and a.get(k) != b.get(k))
            if differs:
                problems.append(f"table {name} {old_version}: the catalog entry differs from the rebuild in {differs}")
            for key, what in (("path", "data"), *((f"{k}_path", k) for k in MENTION_FILES)):
                if (a.get(key) is None) != (b.get(key) is None):
                    problems.append(
                        f"table {name} {old_version}: {what} published {a.get(key) is not None}, "
                        f"rebuilt {b.get(key) is not None}"
                    )
                elif a.get(key) is not None:

                    def rows(old_tab: pa.Table, new_tab: pa.Table, what: str = what, name: str = name) -> list[str]:
                        dims = [f.name for f in old_tab.schema][: old_tab.schema.get_field_index("value")]
                        return _diff_table(name, dims, old_tab, new_tab, what)

                    problems += _compare_file(
                        datasets / a[key], result.directory / b[key], f"table {name}", what, damaged, rows
                    )
            if datasets / a["spec_path"] not in damaged:
                old_spec = store.read_json(a["spec_path"], directory=datasets)
                new_spec = store.read_json(b["spec_path"], directory=result.directory)
                if old_spec != new_spec:
                    keys = sorted(k for k in old_spec if old_spec.get(k) != new_spec.get(k))
                    problems.append(f"table {name} {old_version}: metadata differs in {keys}")
        for key in store.REGISTRY_KEYS:
            record = store.registry_entry(key, datasets) if key in _catalog_keys(datasets) else None
            if record is None:
                problems.append(f"the catalog lists no {key} file: run `fintech-stats build`")
                continue
            fresh = store.registry_entry(key, result.directory)
            if record["path"].endswith(".json"):
                old_file, new_file = datasets / record["path"], result.directory / fresh["path"]
                if old_file not in damaged and old_file.read_bytes() != new_file.read_bytes():
                    problems.append(f"{record['path']} differs from the rebuild: run `fintech-stats build`")
                continue

            def same(old_tab: pa.Table, new_tab: pa.Table, file: str = record["path"]) -> list[str]:
                return (
                    [] if old_tab.equals(new_tab) else [f"{file} differs from the rebuild: run `fintech-stats build`"]
                )

            problems += _compare_file(
                datasets / record["path"], result.directory / fresh["path"], record["path"], key, damaged, same
            )
        old_reports = datasets / store.REPORTS_FILE
        if old_reports.is_file() and old_reports.read_bytes() != (result.directory / store.REPORTS_FILE).read_bytes():
            problems.append("reports.json differs from the rebuild: run `fintech-stats build`")
    store.clear_caches()
    return problems


def _catalog_keys(datasets: Path) -> set[str]:
    return set(store.read_catalog(datasets))
