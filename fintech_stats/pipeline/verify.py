"""Verify (`build --check`): is the published store what the corpus and the curation build?

The catalog is validated, every published sha256 is checked, and a rebuild into a temporary
directory is compared with what is published, every difference named by table and row.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
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
