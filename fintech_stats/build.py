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

from fintech_stats import store
from fintech_stats.corpus import Report, load_reports
from fintech_stats.errors import PublishedVersionError, SpecError
from fintech_stats.extractors import extractor_modules
from fintech_stats.extractors.extract import extract_table, spec_of
from fintech_stats.observation import Observation
from fintech_stats.spec import TableSpec
from fintech_stats.tabular import spec_document, to_arrow

__all__ = ["BuiltTable", "build", "check", "extract_all", "write_parquet"]

DATA_FILE = "data.parquet"
RESTATEMENTS_FILE = "restatements.parquet"
SPEC_FILE = "spec.json"


@dataclass
class BuiltTable:
    """One table as the build made it: spec, primary rows and restatement rows."""

    spec: TableSpec
    primary: list[Observation]
    restatements: list[Observation] = field(default_factory=list)


def _validate(built: BuiltTable) -> None:
    name = built.spec.name
    keys = Counter(o.dims for o in built.primary)
    dupes = [dict(k) for k, n in keys.items() if n > 1]
    if dupes:
        raise SpecError(f"table {name}: several primary rows for dimensions {dupes[:3]}")
    by_key = {o.dims: o for o in built.primary}
    for o in built.restatements:
        primary = by_key.get(o.dims)
        if primary is None:
            raise SpecError(
                f"table {name}: restatement {dict(o.dims)} ({o.literal!r} at {o.span_start}) has no primary row"
            )
        if (primary.value, primary.unit) != (o.value, o.unit) and not o.note:
            raise SpecError(
                f"table {name}: restatement {dict(o.dims)} says {o.value} {o.unit} but the "
                f"table says {primary.value} {primary.unit}; a note must explain the difference"
            )
    if not built.primary:
        raise SpecError(f"table {name} has no rows")


def extract_all(corpus: Path | None = None) -> tuple[list[BuiltTable], tuple[Report, ...]]:
    """Every table of every extractor, validated; raises on the first problem."""
    reports = load_reports(corpus)
    by_id = {r.report_id: r for r in reports}
    built: list[BuiltTable] = []
    seen: set[str] = set()
    for module in extractor_modules():
        report = by_id[module.REPORT_ID]
        for tdef in module.TABLES:
            if tdef.name in seen:
                raise SpecError(f"table {tdef.name} is defined twice")
            seen.add(tdef.name)
            observations = extract_table(tdef, report.report_id, report.text)
            table = BuiltTable(
                spec_of(tdef, report.report_id),
                [o for o in observations if o.mention == "primary"],
                [o for o in observations if o.mention == "restatement"],
            )
            _validate(table)
            built.append(table)
    return sorted(built, key=lambda b: b.spec.name), reports


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
    (target / SPEC_FILE).write_text(_dump_json(spec_document(spec)), encoding="utf-8")
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
        "restatements": len(built.restatements),
        "restatements_path": None,
        "restatements_sha256": None,
    }
    if built.restatements:
        write_parquet(to_arrow(spec, built.restatements), target / RESTATEMENTS_FILE)
        entry["restatements_path"] = f"{rel}/{RESTATEMENTS_FILE}"
        entry["restatements_sha256"] = store.sha256_file(target / RESTATEMENTS_FILE)
    return entry


def _same_data(a: Path, b: Path) -> bool:
    return bool(pq.read_table(a).equals(pq.read_table(b)))


def _reports_document(reports: tuple[Report, ...], built: list[BuiltTable]) -> list[dict[str, Any]]:
    claims = Counter(o.report_id for b in built for o in (*b.primary, *b.restatements))
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
            "n_claims": claims.get(r.report_id, 0),
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
    built, reports = extract_all(corpus)
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
                old = (published or {}).get("path")
                same = old is not None and (datasets / old).is_file() and _same_data(datasets / old, stage / DATA_FILE)
                if same and table.restatements and published is not None and published["restatements_path"]:
                    same = _same_data(datasets / published["restatements_path"], stage / RESTATEMENTS_FILE)
                elif same:
                    same = bool(table.restatements) == bool(published and published["restatements_path"])
                if not same:
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
        reports_text = _dump_json(_reports_document(reports, built))
        catalog_text = _dump_json(catalog)
        (Path(tmp) / store.REPORTS_FILE).write_text(reports_text, encoding="utf-8")
        (Path(tmp) / store.CATALOG_FILE).write_text(catalog_text, encoding="utf-8")
        # Everything is written and validated: only renames from here on.
        for stage, final in staged:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage, final)
        os.replace(Path(tmp) / store.REPORTS_FILE, datasets / store.REPORTS_FILE)
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
            for key, what in (("path", "data"), ("restatements_path", "restatements")):
                if (a[key] is None) != (b[key] is None):
                    problems.append(
                        f"table {name} {old_version}: {what} published {a[key] is not None}, "
                        f"rebuilt {b[key] is not None}"
                    )
                elif a[key] is not None:
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
