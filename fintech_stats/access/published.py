"""The one reader of each published metadata file and store-wide table: a table version's spec.json
(as a typed `PublishedSpec`), reports.json, and the store-wide Parquet files the catalog lists
(gaps, numbers, checks, claims, codes).

Every reader of the store (the loader, `info`, the downloads, SQLite, the site, the docs) reads
them here, verified against the catalog's sha256.  pyarrow is imported when a table is read.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats import store
from fintech_stats.errors import IntegrityError
from fintech_stats.model.spec import PublishedSpec

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_registry", "read_reports", "read_spec", "spec_of"]


def read_spec(table: str, version: str | None = None) -> PublishedSpec:
    """What the spec.json of a published table version (the latest by default) says."""
    return spec_of(store.entry(table, version))


def spec_of(entry: dict[str, Any]) -> PublishedSpec:
    """What the spec.json of the table version of a catalog entry says (for a caller holding the entry)."""
    return _spec(entry["spec_path"], entry["spec_sha256"])


@cache
def _spec(relative: str, sha256: str) -> PublishedSpec:
    document = store.read_json(relative, sha256)
    try:
        return PublishedSpec.from_document(document)
    except (KeyError, TypeError, AttributeError) as exc:
        raise IntegrityError(
            f"published file {store.datasets_dir() / relative} is no table spec (missing or malformed {exc})"
        ) from None


def read_reports(directory: Path | None = None) -> list[dict[str, Any]]:
    """The reports of reports.json (every report of the corpus, no text), in listing order.

    `IntegrityError` when the file is missing or is not a list of reports with a report_id.
    """
    base = directory or store.datasets_dir()
    try:
        st = (base / store.REPORTS_FILE).stat()
        signature = (st.st_size, st.st_mtime_ns, st.st_ino)
    except OSError:
        signature = None  # read_json says what is wrong
    return [dict(r) for r in _reports(base, signature)]


@cache
def _reports(base: Path, signature: tuple[int, int, int] | None) -> list[dict[str, Any]]:
    """The sorted reports of `base`'s reports.json as it was when it had `signature`."""
    rows = store.reports_json(base)
    return sorted(rows, key=lambda r: (r.get("position", 0), r["report_id"]))


def read_registry(key: str, directory: Path | None = None) -> pd.DataFrame:
    """A store-wide table the catalog lists (`gaps`, `numbers`, `checks`, `claims`, `codes`), as a new frame."""
    import pyarrow.parquet as pq

    meta = store.registry_entry(key, directory)
    frame: pd.DataFrame = pq.read_table(store.verified_path(meta["path"], meta["sha256"], directory)).to_pandas()
    return frame


store.register_cache(_spec.cache_clear)
store.register_cache(_reports.cache_clear)
