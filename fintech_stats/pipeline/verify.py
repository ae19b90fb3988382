"""Verify (`build --check`): is the published store what the corpus and the curation build?

The catalog is validated, every published sha256 is checked, and a rebuild into a temporary
directory is compared with what is published, every difference named by table and row.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from fintech_stats import store
from fintech_stats.errors import CatalogError
from fintech_stats.pipeline.publish import build
from fintech_stats.store.paths import MENTION_FILES

__all__ = ["check"]


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
    # The rebuild is a throw-away store, not output: a temporary directory is its place.
    with tempfile.TemporaryDirectory(prefix="fintech-stats-check-") as tmp:
        rebuilt = _Sides(datasets, build(Path(tmp) / "datasets", corpus).directory, damaged)
        fresh = store.catalog_entries(rebuilt.new)
        for name in sorted(set(published) | set(fresh)):
            problems += _compare_table(name, published.get(name), fresh.get(name), rebuilt)
        problems += _compare_store_wide(rebuilt)
    store.clear_caches()
    return problems


@dataclass(frozen=True)
class _Sides:
    """The published store (`old`) and its rebuild (`new`), and the published files found damaged."""

    old: Path
    new: Path
    damaged: set[Path]


def _compare_table(
    name: str, published: dict[str, dict[str, Any]] | None, rebuilt: dict[str, dict[str, Any]] | None, sides: _Sides
) -> list[str]:
    """The differences of one table's latest version: its version, catalog entry, files and spec."""
    if published is None:
        return [f"table {name} is built but not published: run `fintech-stats build`"]
    if rebuilt is None:
        return [f"table {name} is published but no extractor builds it any more"]
    new_version = max(rebuilt, key=store.version_key)
    old_version = max(published, key=store.version_key)
    if new_version != old_version:
        return [
            f"table {name}: the code builds version {new_version}, the latest published "
            f"is {old_version}: run `fintech-stats build`"
        ]
    a, b = published[old_version], rebuilt[new_version]
    problems = []
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

            def rows(old_tab: pa.Table, new_tab: pa.Table, what: str = what) -> list[str]:
                dims = [f.name for f in old_tab.schema][: old_tab.schema.get_field_index("value")]
                return _diff_table(name, dims, old_tab, new_tab, what)

            problems += _compare_file(
                sides.old / a[key], sides.new / b[key], f"table {name}", what, sides.damaged, rows
            )
    if sides.old / a["spec_path"] not in sides.damaged:
        old_spec = store.read_json(a["spec_path"], directory=sides.old)
        new_spec = store.read_json(b["spec_path"], directory=sides.new)
        if old_spec != new_spec:
            keys = sorted(k for k in old_spec if old_spec.get(k) != new_spec.get(k))
            problems.append(f"table {name} {old_version}: metadata differs in {keys}")
    return problems


def _compare_store_wide(sides: _Sides) -> list[str]:
    """The differences of the store-wide files and reports.json from the rebuild."""
    problems = []
    listed = set(store.read_catalog(sides.old))
    for key in store.REGISTRY_KEYS:
        if key not in listed:
            problems.append(f"the catalog lists no {key} file: run `fintech-stats build`")
            continue
        record, fresh = store.registry_entry(key, sides.old), store.registry_entry(key, sides.new)
        old_file, new_file = sides.old / record["path"], sides.new / fresh["path"]
        if record["path"].endswith(".json"):
            if old_file not in sides.damaged and old_file.read_bytes() != new_file.read_bytes():
                problems.append(f"{record['path']} differs from the rebuild: run `fintech-stats build`")
            continue

        def same(old_tab: pa.Table, new_tab: pa.Table, file: str = record["path"]) -> list[str]:
            return [] if old_tab.equals(new_tab) else [f"{file} differs from the rebuild: run `fintech-stats build`"]

        problems += _compare_file(old_file, new_file, record["path"], key, sides.damaged, same)
    old_reports = sides.old / store.REPORTS_FILE
    if old_reports.is_file() and old_reports.read_bytes() != (sides.new / store.REPORTS_FILE).read_bytes():
        problems.append("reports.json differs from the rebuild: run `fintech-stats build`")
    return problems
