"""The catalog: the root of trust of the published store, validated when read.

Any fault is a `CatalogError` naming the file and the field; a missing or empty store is an error,
never an empty answer.  All of it is validated by the calls that list every table, only the part
it reads by a load of one table or one store-wide file (see `_part`), so that a first load costs
the same with thousands of tables.  Validated catalogs and parts are cached per process until the
file's size, modification time or inode changes.  Standard library only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any, NoReturn

from fintech_stats.errors import CatalogError, UnknownTableError, UnknownVersionError, did_you_mean
from fintech_stats.store.paths import (
    CATALOG_FILE,
    LOCK_FILE,
    MENTION_FILES,
    REGISTRY_KEYS,
    STORE_WIDE_FILES,
    VERSION_FILES,
    datasets_dir,
    is_build_temp,
    is_version,
    version_key,
    where,
)

__all__ = [
    "catalog_entries",
    "clear_caches",
    "entry",
    "read_catalog",
    "register_cache",
    "registry_entry",
    "unlisted",
    "versions",
]

#: Caches elsewhere that hold what was read from a datasets directory (cleared with ours).
_DEPENDENT_CACHES: list[Callable[[], None]] = []

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class _Checker:
    """Validates one catalog document, raising CatalogError naming the file and the field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, want: str) -> NoReturn:
        raise CatalogError(f"catalog {self.path}: {field}: {want}; rebuild the store or reinstall fintech-stats")

    def mapping(self, value: object, field: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(field, f"want an object, found {type(value).__name__}")
        return value

    def text(self, record: dict[str, Any], key: str, field: str) -> str:
        value = record.get(key)
        if not isinstance(value, str):
            self.fail(f"{field}.{key}", "missing" if key not in record else f"want a string, found {value!r}")
        return value

    def count(self, record: dict[str, Any], key: str, field: str) -> None:
        value = record.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(f"{field}.{key}", "missing" if key not in record else f"want a count, found {value!r}")

    def sha256(self, record: dict[str, Any], key: str, field: str) -> None:
        if not _HEX64.match(self.text(record, key, field)):
            self.fail(f"{field}.{key}", f"want 64 lowercase hex digits, found {record[key]!r}")

    def relative(self, record: dict[str, Any], key: str, field: str) -> None:
        value = self.text(record, key, field)
        parts = PurePosixPath(value).parts
        if not value or value.startswith("/") or "\\" in value or ".." in parts:
            self.fail(f"{field}.{key}", f"want a path inside the store, found {value!r}")

    def entry(self, record: dict[str, Any], table: str, version: str) -> None:
        field = f"tables.{table}.{version}"
        for key in ("title", "description", "report_id", "source"):
            self.text(record, key, field)
        for key, want in (("table", table), ("version", version)):
            if self.text(record, key, field) != want:
                self.fail(f"{field}.{key}", f"want {want!r}, found {record[key]!r}")
        self.count(record, "rows", field)
        if "bytes" in record:
            self.count(record, "bytes", field)
        for path_key, hash_key in (("path", "sha256"), ("spec_path", "spec_sha256")):
            self.relative(record, path_key, field)
            self.sha256(record, hash_key, field)
        if not isinstance(record.get("schema"), list):
            self.fail(f"{field}.schema", "want a list of columns")
        for key in MENTION_FILES:
            if key not in record and key != "restatements":
                continue  # entries published before conflicts existed have no conflicts keys
            self.count(record, key, field)
            path, digest = record.get(f"{key}_path"), record.get(f"{key}_sha256")
            if (path is None) != (digest is None) or (path is None) != (record[key] == 0):
                self.fail(
                    f"{field}.{key}_path",
                    f"want a path and a sha256 when {key} > 0 and both null when 0, found {key}={record[key]!r}, "
                    f"path {path!r}, sha256 {digest!r}",
                )
            if path is not None:
                self.relative(record, f"{key}_path", field)
                self.sha256(record, f"{key}_sha256", field)

    def versions(self, value: object, table: str) -> dict[str, dict[str, Any]]:
        versions = self.mapping(value, f"tables.{table}")
        if not versions:
            self.fail(f"tables.{table}", "lists no version")
        for version, record in versions.items():
            if not is_version(version):
                self.fail(f"tables.{table}.{version}", "a version is MAJOR.MINOR.PATCH")
            self.entry(self.mapping(record, f"tables.{table}.{version}"), table, version)
        return versions

    def registry(self, value: object, key: str) -> dict[str, Any]:
        record = self.mapping(value, key)
        self.relative(record, "path", key)
        self.sha256(record, "sha256", key)
        self.count(record, "rows", key)
        return record

    def document(self, data: object) -> dict[str, Any]:
        top = self.mapping(data, "the document")
        tables = self.mapping(top.get("tables"), "tables") if "tables" in top else self.fail("tables", "missing")
        for table, versions in tables.items():
            self.versions(versions, table)
        for key in REGISTRY_KEYS:
            if key in top:
                self.registry(top[key], key)
        return top


def read_catalog(directory: Path, missing_ok: bool = False, empty_ok: bool = False) -> dict[str, Any]:
    """The catalog of a datasets directory, validated (not cached); `CatalogError` names file and field.

    A missing catalog, or one that lists no table, is an error (an empty store is no answer),
    unless `missing_ok` (gives an empty catalog) or `empty_ok` (for a build into a new store).
    """
    path = directory / CATALOG_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if missing_ok:
            return {"tables": {}}
        raise CatalogError(
            f"no catalog: {path} does not exist{where()}: the store is missing or was never built; "
            "run `fintech-stats build` or reinstall fintech-stats"
        ) from None
    except IsADirectoryError:
        raise CatalogError(f"catalog {path} is a directory, not a file") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError(f"catalog {path} is not valid JSON ({exc}): restore it or rebuild the store") from None
    checked = _Checker(path).document(data)
    if not checked["tables"] and not empty_ok:
        raise CatalogError(f"catalog {path} lists no table{where()}: the store is empty; run `fintech-stats build`")
    return checked


#: directory -> the catalog file's (size, mtime, inode) when this process last looked at it; what
#: the two caches below hold was read from that file (a change clears them: see `_signature`).
_SEEN: dict[str, tuple[int, int, int]] = {}
#: directory -> its validated catalog.
_CATALOGS: dict[str, dict[str, Any]] = {}
#: (directory, top-level key or "tables", table or "") -> one validated part of the catalog.
_PARTS: dict[tuple[str, str, str], Any] = {}
#: The key of the catalog's tables, whose absence makes it no catalog at all.
_TABLES_KEY = re.compile(rb'"tables"\s*:\s*\{')


def _signature(directory: str) -> tuple[int, int, int] | None:
    """The catalog file's (size, mtime, inode), None if it cannot be read; a change since this
    process last looked clears everything read from the store (a build elsewhere made it stale)."""
    try:
        st = (Path(directory) / CATALOG_FILE).stat()
    except OSError:
        return None
    signature = (st.st_size, st.st_mtime_ns, st.st_ino)
    seen = _SEEN.get(directory)
    if seen is not None and seen != signature:
        _CATALOGS.pop(directory, None)
        for key in [k for k in _PARTS if k[0] == directory]:
            del _PARTS[key]
        for clear in _DEPENDENT_CACHES:
            clear()
    _SEEN[directory] = signature
    return signature


def _catalog(directory: str) -> dict[str, Any]:
    signature = _signature(directory)
    if signature is None:
        return read_catalog(Path(directory))  # raises the CatalogError that says what is wrong
    if directory not in _CATALOGS:
        _CATALOGS[directory] = read_catalog(Path(directory))
    return _CATALOGS[directory]


def _part(directory: str, key: str, table: str = "") -> Any:
    """One value of the catalog, read from its bytes alone and validated, or None.

    `key` is a top-level key (a store-wide file's record), or "tables" with `table` for that
    table's versions.  The key is found in the file's bytes (a JSON string followed by a colon is
    a key; inside a string a quote is escaped), and only the object after it is decoded.  With
    thousands of tables this is what keeps `load(T)` about as fast as at a hundred: the rest is
    neither parsed nor validated (`tables()`, `catalog()`, `verify` and `build --check` read and
    validate it all).  None when the part is absent or there twice, the file is no JSON object
    with tables, or the part is invalid: the caller then reads the whole catalog, which says
    precisely what is wrong.
    """
    import mmap

    if _signature(directory) is None:
        return None
    whole = _CATALOGS.get(directory)
    if whole is not None:
        return whole["tables"].get(table) if table else whole.get(key)
    if (directory, key, table) in _PARTS:
        return _PARTS[directory, key, table]
    path = Path(directory) / CATALOG_FILE
    quoted = json.dumps(table or key, ensure_ascii=False).encode("utf-8")
    try:
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as raw:
            if not raw[:64].lstrip().startswith(b"{") or not raw[-64:].rstrip().endswith(b"}"):
                return None
            if _TABLES_KEY.search(raw) is None:
                return None
            at = _key_at(raw, quoted)
            if at < 0:
                return None
            value, end = _object_at(raw, at)
            if _key_at(raw, quoted, end) >= 0:
                return None  # the key twice: a JSON reader keeps the last; read it all
        checker = _Checker(path)
        part = checker.versions(value, table) if table else checker.registry(value, key)
    except (OSError, ValueError, CatalogError):
        return None  # mmap of an empty file, bad JSON, an invalid part: read it all instead
    _PARTS[directory, key, table] = part
    return part


_COLON_BRACE = re.compile(rb"\s*:\s*\{")


def _key_at(raw: Any, quoted: bytes, start: int = 0) -> int:
    """Where the object of the first key `quoted` (a JSON string's bytes) at or after `start`
    begins, -1 if none: an occurrence followed by a colon and a brace, not inside a string (a
    quote inside a string is escaped).  `find` keeps this at memory speed over a large file."""
    at = raw.find(quoted, start)
    while at >= 0:
        if at == 0 or raw[at - 1 : at] != b"\\":
            m = _COLON_BRACE.match(raw, at + len(quoted))
            if m is not None:
                return m.end() - 1
        at = raw.find(quoted, at + 1)
    return -1


def _object_at(raw: Any, start: int) -> tuple[Any, int]:
    """The JSON value starting at byte `start` of `raw`, and the byte where it ends; only a window
    around it is decoded (grown until the value fits)."""
    decoder = json.JSONDecoder()
    window = 1 << 16
    while True:
        chunk = raw[start : start + window].decode("utf-8", errors="replace")
        try:
            value, length = decoder.raw_decode(chunk)
        except json.JSONDecodeError:
            if start + window >= len(raw):
                raise
            window *= 4
            continue
        return value, start + len(chunk[:length].encode("utf-8"))


def catalog_entries(directory: Path | None = None) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> version -> catalog entry, as published."""
    tables: dict[str, dict[str, dict[str, Any]]] = _catalog(str(directory or datasets_dir()))["tables"]
    return tables


def registry_entry(key: str, directory: Path | None = None) -> dict[str, Any]:
    """The catalog's record of a store-wide file (`gaps`, `numbers`): path, sha256, rows."""
    part = _part(str(directory or datasets_dir()), key)
    if part is not None:
        found: dict[str, Any] = part
        return found
    data = _catalog(str(directory or datasets_dir()))
    if key not in data:
        raise CatalogError(
            f"catalog {(directory or datasets_dir()) / CATALOG_FILE}: {key}: missing (no {key} file); rebuild the store"
        )
    found = data[key]
    return found


def versions(table: str, directory: Path | None = None) -> dict[str, dict[str, Any]]:
    """version -> catalog entry of every published version of `table` (read alone: see `_part`)."""
    found: dict[str, dict[str, Any]] | None = _part(str(directory or datasets_dir()), "tables", table)
    if found is None:
        tables = catalog_entries(directory)
        if table not in tables:
            raise UnknownTableError(
                f"no table {table!r}"
                + did_you_mean(table, tables, "; `fintech-stats tables` (or fintech_stats.tables()) lists them")
            )
        found = tables[table]
    return found


def entry(table: str, version: str | None = None, directory: Path | None = None) -> dict[str, Any]:
    """The catalog entry of a table version (the latest when `version` is None)."""
    published = versions(table, directory)
    if version is None:
        version = max(published, key=version_key)
    if version not in published:
        known = ", ".join(sorted(published, key=version_key))
        raise UnknownVersionError(f"table {table!r} has no version {version!r}; published versions: {known}")
    return published[version]


def register_cache(clear: Callable[[], None]) -> None:
    """Have `clear_caches` also call `clear` (for caches of other modules built from published data)."""
    _DEPENDENT_CACHES.append(clear)


def _build_made(version_dir: Path) -> bool:
    return bool(is_version(version_dir.name)) and all(
        p.is_file() and p.name in VERSION_FILES for p in version_dir.iterdir()
    )


def unlisted(directory: Path, catalog: dict[str, Any]) -> tuple[list[Path], list[Path]]:
    """The entries of a store that `catalog` does not list, as (left by a build, anything else).

    Left by a build (killed, so its cleanup never ran): its temporary `.build-*` directories, and
    version directories (holding only the files a build writes) that the catalog does not list.
    """
    leftovers: list[Path] = []
    unknown: list[Path] = []
    if not directory.is_dir():
        return leftovers, unknown
    tables: dict[str, Any] = catalog.get("tables", {})
    # The store-wide files are known by name too: a build replaces them before the catalog lists them.
    known = {*STORE_WIDE_FILES, LOCK_FILE}
    known |= {catalog[k]["path"] for k in REGISTRY_KEYS if k in catalog}
    for child in sorted(directory.iterdir()):
        if child.name in known:
            continue
        if is_build_temp(child.name) and child.is_dir():
            leftovers.append(child)
        elif not child.is_dir() or child.is_symlink():
            unknown.append(child)
        else:
            versions = tables.get(child.name, {})
            for sub in sorted(child.iterdir()):
                if sub.name in versions and sub.is_dir():
                    continue
                (leftovers if sub.is_dir() and not sub.is_symlink() and _build_made(sub) else unknown).append(sub)
    return leftovers, unknown


def clear_caches() -> None:
    """Forget cached catalogs and verifications (after a build, or in tests)."""
    _CATALOGS.clear()
    _SEEN.clear()
    _PARTS.clear()
    for clear in _DEPENDENT_CACHES:
        clear()
