"""Shared fixtures: the real corpus, and a build of every table into a temporary directory."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from fintech_stats import store
from fintech_stats.corpus import reports as corpus
from fintech_stats.pipeline import extract, publish
from fintech_stats.pipeline.extract import BuiltTable

# A fast default for development; CI runs `HYPOTHESIS_PROFILE=ci` (5,000 examples a property).
settings.register_profile("dev", max_examples=300)
settings.register_profile("ci", max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def fail_on_call(real: Callable[..., Any], n: int, error: Exception) -> Callable[..., Any]:
    """`real`, except that its n-th call raises `error` (to inject a failure midway)."""
    calls = {"n": 0}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == n:
            raise error
        return real(*args, **kwargs)

    return wrapper


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    """The corpus directory (the tests run on the real corpus: CI has ../shared beside the clone)."""
    return corpus.corpus_dir()


@pytest.fixture(scope="session")
def built(corpus_path: Path) -> list[BuiltTable]:
    """Every table, extracted from the corpus in memory."""
    return extract.extract_all(corpus_path).tables


@pytest.fixture(scope="session")
def texts(corpus_path: Path) -> dict[str, str]:
    """report_id -> report text."""
    return {r.report_id: r.text for r in corpus.load_reports(corpus_path)}


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory, corpus_path: Path) -> Path:
    """A datasets directory built once from the corpus."""
    target = tmp_path_factory.mktemp("built") / "datasets"
    publish.build(target, corpus_path)
    return target


@pytest.fixture()
def fresh_store(built_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the freshly built datasets that the loaders read instead of the published ones."""
    target = tmp_path / "datasets"
    shutil.copytree(built_store, target)
    monkeypatch.setenv(store.ENV_VAR, str(target))
    store.clear_caches()
    yield target
    store.clear_caches()


def rewrite_notes(directory: Path, table: str, texts: list[str]) -> dict[str, Any]:
    """Give the latest version of `table` in the store copy `directory` notes cycling through `texts`
    (its data file rewritten and its catalog hash updated); return the catalog, written back."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    entry = store.entry(table, directory=directory)
    path = directory / entry["path"]
    data = pq.read_table(path)
    notes = (texts * (data.num_rows // len(texts) + 1))[: data.num_rows]
    data = data.set_column(data.schema.get_field_index("note"), "note", pa.array(notes, pa.string()))
    publish.write_parquet(data, path)
    catalog: dict[str, Any] = json.loads((directory / store.CATALOG_FILE).read_text("utf-8"))
    catalog["tables"][table][entry["version"]]["sha256"] = store.sha256_file(path)
    (directory / store.CATALOG_FILE).write_text(json.dumps(catalog, ensure_ascii=False, indent=1), "utf-8")
    store.clear_caches()
    return catalog
