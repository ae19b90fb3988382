"""Verified reads of the published store: a file is read only after its sha256 is checked
against the catalog (once per file per process, again when its size, modification time or inode
changed), and the check of the whole store (`verify`).  Standard library only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fintech_stats.errors import IntegrityError
from fintech_stats.store.catalog import catalog_entries, read_catalog, register_cache, unlisted
from fintech_stats.store.paths import REGISTRY_KEYS, REPORTS_FILE, datasets_dir, sha256_file, where

__all__ = ["published_files", "read_json", "reports_json", "verified_path", "verify_all"]

#: (path, sha256) -> the file's (size, mtime, inode) when its sha256 was checked.
_VERIFIED: dict[tuple[str, str], tuple[int, int, int]] = {}


def verified_path(relative: str, sha256: str, directory: Path | None = None) -> Path:
    """The absolute path of a published file, after checking its sha256.

    A file is hashed once per process, and again whenever its size, modification time or inode
    changed since it was checked.
    """
    path = (directory or datasets_dir()) / relative
    key = (str(path), sha256)
    try:
        st = path.stat()
    except OSError:
        raise IntegrityError(f"published file {path} is missing (catalog sha256 {sha256})") from None
    signature = (st.st_size, st.st_mtime_ns, st.st_ino)
    if _VERIFIED.get(key) != signature:
        if not path.is_file():
            raise IntegrityError(f"published file {path} is not a file (catalog sha256 {sha256})")
        actual = sha256_file(path)
        if actual != sha256:
            _VERIFIED.pop(key, None)
            raise IntegrityError(
                f"published file {path} has been changed or damaged: sha256 expected {sha256}, "
                f"actual {actual}. Reinstall fintech-stats or restore the file."
            )
        _VERIFIED[key] = signature
    return path


def read_json(relative: str, sha256: str | None = None, directory: Path | None = None) -> Any:
    """A published JSON file (verified when its sha256 is given); `IntegrityError` if missing or not JSON."""
    base = directory or datasets_dir()
    path = verified_path(relative, sha256, base) if sha256 else base / relative
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise IntegrityError(f"published file {path} is missing{where()}: rebuild the store or reinstall") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IntegrityError(f"published file {path} is damaged: not valid JSON ({exc})") from None


def reports_json(directory: Path | None = None) -> list[dict[str, Any]]:
    """The reports of a store's reports.json, as written; `IntegrityError` when it is missing or is
    not a list of reports with a report_id."""
    base = directory or datasets_dir()
    rows = read_json(REPORTS_FILE, directory=base)
    if not isinstance(rows, list) or not all(isinstance(r, dict) and isinstance(r.get("report_id"), str) for r in rows):
        raise IntegrityError(f"published file {base / REPORTS_FILE} is damaged: want a list of reports with report_id")
    return rows


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
    for key in REGISTRY_KEYS:
        found = read_catalog(base).get(key)
        if found is not None:
            files.append((found["path"], found["sha256"]))
    return files


def verify_all(directory: Path | None = None) -> tuple[int, list[str]]:
    """Check the sha256 of every published file; return how many were checked and the problems.

    The catalog is validated first (`CatalogError`); entries of the store that the catalog does not
    list are problems too (see `unlisted`).
    """
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
            problems.append(f"{path}: corrupt: sha256 expected {expected}, actual {actual}")
    if not (base / REPORTS_FILE).is_file():
        problems.append(f"{base / REPORTS_FILE}: missing")
    leftovers, unknown = unlisted(base, read_catalog(base))
    problems += [
        f"{p}: not listed in the catalog: left by an interrupted build (the next build removes it)" for p in leftovers
    ]
    problems += [
        f"{p}: not listed in the catalog and not written by a build: move it out of the store" for p in unknown
    ]
    return len(files), problems


register_cache(_VERIFIED.clear)
