"""Build: run every extractor, validate against the specs, and publish into `datasets/`.

The build is all-or-nothing: every table is extracted and validated in memory first, new version
directories are written to a temporary directory and renamed into place, and the catalog is
replaced last.  A published version is never rewritten: if the data of a published version
changes, the build stops and asks for a new version.  `check` rebuilds into a temporary directory
and reports every difference from what is published, naming table and row.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from fintech_stats import curation, store
from fintech_stats.consistency import agrees
from fintech_stats.corpus import Report, load_reports
from fintech_stats.curation.engine import spec_of
from fintech_stats.errors import CorpusFormatError, PublishedVersionError, SpecError
from fintech_stats.observation import Gap, Observation
from fintech_stats.spec import TableSpec
from fintech_stats.tabular import gaps_arrow, spec_document, to_arrow

__all__ = ["BuiltTable", "build", "check", "extract_all", "write_parquet"]

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


def extract_all(corpus: Path | None = None) -> Extracted:
    """Every table and gap of every report's curation, validated; raises on the first problem."""
    reports = load_reports(corpus)
    by_id = {r.report_id: r for r in reports}
    built: list[BuiltTable] = []
    gaps: list[Gap] = []
    seen: dict[str, str] = {}
    notes: dict[str, str] = {}
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
        gaps.extend(result.gaps)
    return Extracted(sorted(built, key=lambda b: b.spec.name), gaps, reports, notes)


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
            "curation_note": extracted.notes.get(r.report_id),
            "source_file": r.source_file,
            "position": r.position,
        }
        for r in reports
    ]


@dataclass
class BuildResult:
    """What a build did."""

    written: list[str]
    unchanged: list[str]
    directory: Path


def build(datasets: Path | None = None, corpus: Path | None = None) -> BuildResult:
    """Extract everything and publish new table versions into `datasets` (all or nothing)."""
    datasets = datasets or store.datasets_dir()
    extracted = extract_all(corpus)
    built = extracted.tables
    datasets.mkdir(parents=True, exist_ok=True)
    catalog = (
        json.loads((datasets / store.CATALOG_FILE).read_text("utf-8"))
        if (datasets / store.CATALOG_FILE).is_file()
        else {"tables": {}}
    )
    written: list[str] = []
    unchanged: list[str] = []
    with tempfile.TemporaryDirectory(prefix=".build-", dir=datasets) as tmp:
        staged: list[tuple[Path, Path]] = []
        for table in built:
            spec = table.spec
            final = datasets / spec.name / spec.version
            stage = Path(tmp) / spec.name / spec.version
            entry = _write_version(table, stage)
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
        write_parquet(gaps_arrow(extracted.gaps), Path(tmp) / store.GAPS_FILE)
        catalog["gaps"] = {
            "path": store.GAPS_FILE,
            "sha256": store.sha256_file(Path(tmp) / store.GAPS_FILE),
            "rows": len(extracted.gaps),
        }
        catalog_text = _dump_json(catalog)
        (Path(tmp) / store.REPORTS_FILE).write_text(reports_text, encoding="utf-8")
        (Path(tmp) / store.CATALOG_FILE).write_text(catalog_text, encoding="utf-8")
        # Everything is written and validated: only renames from here on.
        for stage, final in staged:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage, final)
        os.replace(Path(tmp) / store.REPORTS_FILE, datasets / store.REPORTS_FILE)
        os.replace(Path(tmp) / store.GAPS_FILE, datasets / store.GAPS_FILE)
        os.replace(Path(tmp) / store.CATALOG_FILE, datasets / store.CATALOG_FILE)
    store.clear_caches()
    return BuildResult(written, unchanged, datasets)


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


def check(datasets: Path | None = None, corpus: Path | None = None) -> list[str]:
    """Rebuild in a temporary directory; every difference from the published tables, as sentences."""
    datasets = datasets or store.datasets_dir()
    published = store.catalog_entries(datasets)
    problems: list[str] = []
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
            for key, what in (("path", "data"), *((f"{k}_path", k) for k in MENTION_FILES)):
                if (a.get(key) is None) != (b.get(key) is None):
                    problems.append(
                        f"table {name} {old_version}: {what} published {a.get(key) is not None}, "
                        f"rebuilt {b.get(key) is not None}"
                    )
                elif a.get(key) is not None:
                    old_tab = pq.read_table(datasets / a[key])
                    new_tab = pq.read_table(result.directory / b[key])
                    dims = [f.name for f in old_tab.schema][: old_tab.schema.get_field_index("value")]
                    problems += _diff_table(name, dims, old_tab, new_tab, what)
            old_spec = json.loads((datasets / a["spec_path"]).read_text("utf-8"))
            new_spec = json.loads((result.directory / b["spec_path"]).read_text("utf-8"))
            if old_spec != new_spec:
                keys = sorted(k for k in old_spec if old_spec.get(k) != new_spec.get(k))
                problems.append(f"table {name} {old_version}: metadata differs in {keys}")
        if (datasets / store.REPORTS_FILE).read_text("utf-8") != (result.directory / store.REPORTS_FILE).read_text(
            "utf-8"
        ):
            problems.append("reports.json differs from the rebuild: run `fintech-stats build`")
    store.clear_caches()
    return problems
