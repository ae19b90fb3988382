"""Publish: write a tabulated build into `datasets/`, all or nothing (the build's last step).

The build is all-or-nothing: every table is extracted, validated and tabulated in memory first,
new version directories are written to a temporary directory and renamed into place, and the
catalog is replaced last.  A published version is never rewritten: if the data of a published
version changes, the build stops and asks for a new version.  One build at a time: a build holds a
lock in the datasets directory, and a second one waits for it and says so.  What a killed build
left (its temporary directory, version directories the catalog does not list) is removed by the
next build; anything else it does not recognise stops it.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from fintech_stats import store
from fintech_stats.corpus.reports import Report, corpus_dir
from fintech_stats.errors import BuildError, CatalogError, PublishedVersionError
from fintech_stats.pipeline.extract import extract_all
from fintech_stats.pipeline.tabulate import TableVersion, Tabulated, tabulate
from fintech_stats.store import writes
from fintech_stats.store.paths import DATA_FILE, MENTION_FILES, SPEC_FILE

__all__ = ["BuildResult", "build", "dump_json", "write_parquet"]

_log = logging.getLogger(__name__)


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


def dump_json(data: Any) -> str:
    """JSON as the store writes it: UTF-8 text, sorted keys, indented, one final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _write_version(version: TableVersion, target: Path) -> dict[str, Any]:
    """Write one table version's files into `target`; return its catalog entry."""
    spec, data = version.spec, version.data
    target.mkdir(parents=True)
    rel = f"{spec.name}/{spec.version}"
    write_parquet(data, target / DATA_FILE)
    (target / SPEC_FILE).write_text(dump_json(version.document), encoding="utf-8")
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
        entry[key], entry[f"{key}_path"], entry[f"{key}_sha256"] = version.counts[key], None, None
        if key in version.mentions:
            write_parquet(version.mentions[key], target / file)
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
    published = store.reports_json(datasets)
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
    if not extracted.tables:
        raise BuildError("the curation defines no table: nothing to publish")
    tabulated = tabulate(extracted)
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
        written, unchanged = _publish(datasets, catalog, tabulated)
    store.clear_caches()
    return BuildResult(written, unchanged, datasets, cleared, waited)


def _publish(datasets: Path, catalog: dict[str, Any], tabulated: Tabulated) -> tuple[list[str], list[str]]:
    written: list[str] = []
    unchanged: list[str] = []
    with writes.staging(datasets, store.BUILD_TEMP_PREFIX) as tmp:
        staged: list[tuple[Path, Path]] = []
        for version in tabulated.versions:
            spec = version.spec
            final = datasets / spec.name / spec.version
            stage = tmp / spec.name / spec.version
            entry = _write_version(version, stage)
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
        for key, rows in tabulated.store_wide.items():
            file = store.REGISTRY_FILES[key]
            write_parquet(rows, tmp / file)
            catalog[key] = {"path": file, "sha256": store.sha256_file(tmp / file), "rows": rows.num_rows}
        # The search index: one file for search() to read, instead of every table's spec.
        index = json.dumps(tabulated.search_index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        (tmp / store.SEARCH_FILE).write_text(index + "\n", encoding="utf-8")
        catalog["search"] = {
            "path": store.SEARCH_FILE,
            "sha256": store.sha256_file(tmp / store.SEARCH_FILE),
            "rows": len(tabulated.versions),
        }
        (tmp / store.REPORTS_FILE).write_text(dump_json(tabulated.reports), encoding="utf-8")
        (tmp / store.CATALOG_FILE).write_text(dump_json(catalog), encoding="utf-8")
        if not (datasets / store.CATALOG_FILE).exists():
            # A new store gets an empty catalog before anything moves in, so that a version directory
            # without a catalog is never left by a build (see _published_catalog).
            (tmp / "empty.json").write_text(dump_json({"tables": {}}), encoding="utf-8")
            writes.put_in_place(tmp / "empty.json", datasets / store.CATALOG_FILE, tmp / "old")
        # Everything is written and validated: only renames from here on; the catalog, last, publishes.
        for stage, final in staged:
            final.parent.mkdir(parents=True, exist_ok=True)
            writes.put_in_place(stage, final, tmp / "old")
        for file in store.STORE_WIDE_FILES[1:]:
            writes.put_in_place(tmp / file, datasets / file, tmp / "old")
        writes.put_in_place(tmp / store.CATALOG_FILE, datasets / store.CATALOG_FILE, tmp / "old")
    return written, unchanged
