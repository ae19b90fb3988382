"""Where the published store is and what its files are called.

Layout of `datasets/` (shipped inside the wheel as `fintech_stats/datasets/`):

    catalog.json                      every published table version: sha256, rows, schema, paths
    reports.json                      metadata of every report of the corpus (no report text)
    <table>/<version>/data.parquet    the table: one row per fact
    <table>/<version>/restatements.parquet, conflicts.parquet   the same facts stated again elsewhere
    <table>/<version>/spec.json       the table's metadata, dimensions with their codelists
    gaps, numbers, checks, claims, codes (.parquet), search.json   store-wide, of the latest versions
    .build.lock                       held by the running build (a second one waits for it)
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

__all__ = [
    "BUILD_TEMP_PREFIX",
    "CATALOG_FILE",
    "CHECKS_FILE",
    "CLAIMS_FILE",
    "CODES_FILE",
    "DATA_FILE",
    "ENV_VAR",
    "GAPS_FILE",
    "LOCK_FILE",
    "MENTION_FILES",
    "NUMBERS_FILE",
    "REGISTRY_FILES",
    "REGISTRY_KEYS",
    "REPORTS_FILE",
    "SEARCH_FILE",
    "SPEC_FILE",
    "STORE_WIDE_FILES",
    "VERSION_FILES",
    "datasets_dir",
    "is_build_temp",
    "is_version",
    "sha256_file",
    "version_key",
    "where",
]

ENV_VAR = "FINTECH_STATS_DATASETS"
CATALOG_FILE = "catalog.json"
REPORTS_FILE = "reports.json"
GAPS_FILE = "gaps.parquet"
CLAIMS_FILE = "claims.parquet"
SEARCH_FILE = "search.json"
NUMBERS_FILE = "numbers.parquet"
CHECKS_FILE = "checks.parquet"
CODES_FILE = "codes.parquet"


#: The store-wide files the catalog lists (key -> record of path, sha256, rows).
REGISTRY_FILES = {
    "gaps": GAPS_FILE,
    "numbers": NUMBERS_FILE,
    "checks": CHECKS_FILE,
    "claims": CLAIMS_FILE,
    "codes": CODES_FILE,
    "search": SEARCH_FILE,
}
REGISTRY_KEYS = tuple(REGISTRY_FILES)
#: The files every build replaces: the catalog, reports.json and the store-wide files it lists.
STORE_WIDE_FILES = (CATALOG_FILE, REPORTS_FILE, *REGISTRY_FILES.values())
#: The names of the files a build writes into a version directory.
#: The files of a table version: its data, its spec, and beside them the rows stated again
#: elsewhere (catalog key -> file name; an entry records `<key>` (rows), `<key>_path` and
#: `<key>_sha256` for each, the path null when there are none).
DATA_FILE = "data.parquet"
SPEC_FILE = "spec.json"
MENTION_FILES = {"restatements": "restatements.parquet", "conflicts": "conflicts.parquet"}
VERSION_FILES = frozenset({DATA_FILE, SPEC_FILE, *MENTION_FILES.values()})
#: The lock file a build holds in the datasets directory, and the prefix of its temporary directory.
LOCK_FILE = ".build.lock"
BUILD_TEMP_PREFIX = ".build-"
_BUILD_TEMP = re.compile(r"^\.build-[A-Za-z0-9_]{8}$")
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def datasets_dir() -> Path:
    """`$FINTECH_STATS_DATASETS`, else the data shipped in the package, else `datasets/` of a checkout."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    shipped = _PACKAGE / "datasets"
    if (shipped / CATALOG_FILE).is_file():
        return shipped
    return _PACKAGE.parent / "datasets"


#: The installed `fintech_stats` package directory (resolved once: every read asks for the store).
_PACKAGE = Path(__file__).resolve().parents[1]


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


def is_version(name: str) -> bool:
    """Whether `name` is a MAJOR.MINOR.PATCH version (a version directory's name)."""
    return bool(_VERSION.match(name))


def is_build_temp(name: str) -> bool:
    """Whether `name` is that of a build's temporary directory in the store."""
    return bool(_BUILD_TEMP.match(name))


def where() -> str:
    """Where the store was looked for, when `$FINTECH_STATS_DATASETS` chose it (for messages)."""
    env = os.environ.get(ENV_VAR)
    return f" (${ENV_VAR} is set to {env!r})" if env else ""
