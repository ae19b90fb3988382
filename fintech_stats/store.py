"""The published store: where tables live, the catalog, and verified reads.

Layout of `datasets/` (shipped inside the wheel as `fintech_stats/datasets/`):

    catalog.json                      every published table version: sha256, rows, schema, paths
    reports.json                      metadata of every report of the corpus (no report text)
    <table>/<version>/data.parquet    the table: one row per fact
    <table>/<version>/restatements.parquet   the same facts stated again elsewhere (optional)
    <table>/<version>/spec.json       the table's metadata, dimensions with their codelists

Only `build` writes here; everything else only reads, and reads verify sha256 (once per file per
process).  This module imports neither pandas nor pyarrow at import time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from fintech_stats.errors import IntegrityError, UnknownTableError, UnknownVersionError, did_you_mean

__all__ = [
    "CATALOG_FILE",
    "ENV_VAR",
    "GAPS_FILE",
    "REPORTS_FILE",
    "catalog_entries",
    "clear_caches",
    "datasets_dir",
    "entry",
    "gaps_entry",
    "published_files",
    "read_json",
    "register_cache",
    "sha256_file",
    "verified_path",
    "verify_all",
    "version_key",
]

ENV_VAR = "FINTECH_STATS_DATASETS"
CATALOG_FILE = "catalog.json"
REPORTS_FILE = "reports.json"
GAPS_FILE = "gaps.parquet"


def datasets_dir() -> Path:
    """`$FINTECH_STATS_DATASETS`, else the data shipped in the package, else `datasets/` of a checkout."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    package = Path(__file__).resolve().parent
    shipped = package / "datasets"
    if (shipped / CATALOG_FILE).is_file():
        return shipped
    return package.parent / "datasets"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def version_key(version: str) -> tuple[int, ...]:
    """Sort key of a MAJOR.MINOR.PATCH version."""
    return tuple(int(part) for part in version.split("."))


@cache
def _catalog(directory: str) -> dict[str, Any]:
    path = Path(directory) / CATALOG_FILE
    if not path.is_file():
        return {"tables": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def catalog_entries(directory: Path | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> version -> catalog entry, as published."""
    tables: dict[str, dict[str, dict[str, Any]]] = _catalog(str(directory or datasets_dir()))["tables"]
    return tables


def gaps_entry(directory: Path | None = None) -> dict[str, Any]:
    """The catalog's record of the gaps registry: path, sha256, rows."""
    data = _catalog(str(directory or datasets_dir()))
    if "gaps" not in data:
        raise IntegrityError(f"the catalog of {directory or datasets_dir()} lists no gaps registry: rebuild the store")
    gaps: dict[str, Any] = data["gaps"]
    return gaps


def entry(table: str, version: str | None = None, directory: Path | None = None) -> dict[str, Any]:
    """The catalog entry of a table version (the latest when `version` is None)."""
    tables = catalog_entries(directory)
    if table not in tables:
        raise UnknownTableError(
            f"no table {table!r}" + did_you_mean(table, tables, "; see fintech_stats.tables() for the list")
        )
    versions = tables[table]
    if version is None:
        version = max(versions, key=version_key)
    if version not in versions:
        known = ", ".join(sorted(versions, key=version_key))
        raise UnknownVersionError(f"table {table!r} has no version {version!r}; published versions: {known}")
    return versions[version]


_VERIFIED: set[tuple[str, str]] = set()
#: Caches elsewhere that hold what was read from a datasets directory (cleared with ours).
_DEPENDENT_CACHES: list[Callable[[], None]] = []


def register_cache(clear: Callable[[], None]) -> None:
    """Have `clear_caches` also call `clear` (for caches of other modules built from published data)."""
    _DEPENDENT_CACHES.append(clear)


def verified_path(relative: str, sha256: str, directory: Path | None = None) -> Path:
    """The absolute path of a published file, after checking its sha256 (once per process)."""
    path = (directory or datasets_dir()) / relative
    key = (str(path), sha256)
    if key not in _VERIFIED:
        if not path.is_file():
            raise IntegrityError(f"published file {path} is missing (catalog sha256 {sha256})")
        actual = sha256_file(path)
        if actual != sha256:
            raise IntegrityError(
                f"published file {path} has been changed or damaged: sha256 expected {sha256}, "
                f"actual {actual}. Reinstall fintech-stats or restore the file."
            )
        _VERIFIED.add(key)
    return path


def read_json(relative: str, sha256: str | None = None, directory: Path | None = None) -> Any:
    """A published JSON file (verified when its sha256 is given)."""
    base = directory or datasets_dir()
    path = verified_path(relative, sha256, base) if sha256 else base / relative
    return json.loads(path.read_text(encoding="utf-8"))


def published_files(directory: Path | None = None) -> list[tuple[str, str]]:
    """(relative path, catalog sha256) of every file the catalog lists."""
    base = directory or datasets_dir()
    files: list[tuple[str, str]] = []
    for versions in catalog_entries(base).values():
        for e in versions.values():
            for path_key, hash_key in (
                ("path", "sha256"),
                ("spec_path", "spec_sha256"),
                ("restatements_path", "restatements_sha256"),
                ("conflicts_path", "conflicts_sha256"),
            ):
                if e.get(path_key) is not None:
                    files.append((e[path_key], e[hash_key]))
    gaps = _catalog(str(base)).get("gaps")
    if gaps is not None:
        files.append((gaps["path"], gaps["sha256"]))
    return files


def verify_all(directory: Path | None = None) -> tuple[int, list[str]]:
    """Check the sha256 of every published file; return how many were checked and the problems."""
    base = directory or datasets_dir()
    problems = []
    files = published_files(base)
    for relative, expected in files:
        path = base / relative
        if not path.is_file():
            problems.append(f"{path}: missing (catalog sha256 {expected})")
            continue
        actual = sha256_file(path)
        if actual != expected:
            problems.append(f"{path}: sha256 expected {expected}, actual {actual}")
    return len(files), problems


def clear_caches() -> None:
    """Forget cached catalogs and verifications (after a build, or in tests)."""
    _catalog.cache_clear()
    _VERIFIED.clear()
    for clear in _DEPENDENT_CACHES:
        clear()
