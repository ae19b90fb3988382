"""Published versions never change: every version file of every earlier commit is byte-identical now."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from fintech_stats import store

ROOT = Path(__file__).resolve().parents[1]
#: The store-wide files each build replaces (the index of versions and what is derived from all of
#: them); table versions are what never changes.
STORE_WIDE = {f"datasets/{name}" for name in store.STORE_WIDE_FILES}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_no_published_file_changed_since_any_commit() -> None:
    assert (ROOT / ".git").exists(), "the immutability check needs the git history of the checkout"
    commits = _git("log", "--format=%H", "--", "datasets/catalog.json").split()
    assert commits, "datasets/catalog.json has no history"
    current = json.loads((ROOT / "datasets" / "catalog.json").read_text("utf-8"))["tables"]
    checked = 0
    for commit in commits:
        # Files of table versions (not the store-wide files, which each build replaces) must be unchanged.
        changed = _git("diff", "--no-renames", "--name-status", commit, "--", "datasets").splitlines()
        for line in changed:
            status, path = line.split("\t", 1)
            if path in STORE_WIDE:
                continue
            assert status == "A", f"{path} was published in {commit[:10]} and is now {status}"
        # Every catalog entry of that commit is still in the catalog, unchanged.
        old = json.loads(_git("show", f"{commit}:datasets/catalog.json"))["tables"]
        for table, versions in old.items():
            for version, entry in versions.items():
                assert current.get(table, {}).get(version) == entry, f"catalog entry {table} {version} changed"
                checked += 1
    assert checked > 0


def test_published_files_match_the_catalog() -> None:
    checked, problems = store.verify_all(ROOT / "datasets")
    assert problems == []
    versions = sum(len(v) for v in store.catalog_entries(ROOT / "datasets").values())
    assert checked >= 2 * versions > 0  # each version has at least its data and its spec
