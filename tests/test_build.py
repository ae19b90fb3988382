"""Build: deterministic, all-or-nothing, never rewrites a published version; check names table and row."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from fintech_stats import build, store
from fintech_stats.errors import AnchorError, PublishedVersionError
from fintech_stats.extractors import anchors, extractor_modules
from tests.conftest import fail_on_call


def _snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("once") / "datasets"
    build.build(target)
    return target


def test_build_is_deterministic(built_once: Path, tmp_path: Path) -> None:
    again = tmp_path / "datasets"
    build.build(again)
    first, second = _snapshot(built_once), _snapshot(again)
    assert first == second
    assert any(name.endswith("data.parquet") for name in first)


def test_catalog_matches_files(built_once: Path) -> None:
    catalog = json.loads((built_once / "catalog.json").read_text("utf-8"))
    assert catalog["tables"]
    for versions in catalog["tables"].values():
        for entry in versions.values():
            assert store.sha256_file(built_once / entry["path"]) == entry["sha256"]
            assert pq.read_metadata(built_once / entry["path"]).num_rows == entry["rows"]


def test_rebuild_keeps_published_versions(built_once: Path, tmp_path: Path) -> None:
    target = tmp_path / "datasets"
    shutil.copytree(built_once, target)
    before = _snapshot(target)
    result = build.build(target)
    assert result.written == []
    assert _snapshot(target) == before


def test_refuses_to_change_a_published_version(built_once: Path, tmp_path: Path) -> None:
    target = tmp_path / "datasets"
    shutil.copytree(built_once, target)
    catalog = json.loads((target / "catalog.json").read_text("utf-8"))
    name = "graph_db_scale_by_server_nodes"
    entry = catalog["tables"][name]["1.0.0"]
    table = pq.read_table(target / entry["path"])
    build.write_parquet(table.slice(1), target / entry["path"])  # the published data differs
    before = _snapshot(target)
    with pytest.raises(PublishedVersionError, match=f"table {name} version 1.0.0 is published"):
        build.build(target)
    assert _snapshot(target) == before


def test_failed_build_leaves_datasets_untouched(
    built_once: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "datasets"
    shutil.copytree(built_once, target)
    before = _snapshot(target)
    module = extractor_modules()[0]
    broken = anchors.table(
        "zz_broken_table",
        title="t",
        description="d",
        source="x",
        dims=("institution_type",),
        unit="percent",
        rows=[anchors.row(r"{Q}的", institution_type="all")],  # matches many times
    )
    monkeypatch.setattr(module, "TABLES", [*module.TABLES, broken])
    with pytest.raises(AnchorError, match=r"table zz_broken_table, row 0 .*matched \d+ times"):
        build.build(target)
    assert _snapshot(target) == before


def test_extractor_raising_midway(built_once: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "datasets"
    shutil.copytree(built_once, target)
    before = _snapshot(target)
    monkeypatch.setattr(build, "extract_table", fail_on_call(build.extract_table, 5, RuntimeError("extractor crashed")))
    with pytest.raises(RuntimeError, match="extractor crashed"):
        build.build(target)
    assert _snapshot(target) == before


def test_check_names_table_row_and_span(built_once: Path, corpus_path: Path, tmp_path: Path) -> None:
    assert build.check(built_once) == []
    # A corpus whose number changed: 2.5% (never heard of graph databases) becomes 3.5%.
    changed = tmp_path / "corpus"
    changed.mkdir()
    raw = (corpus_path / "listing-fintech-p01.txt").read_text("utf-8")
    marker = "仅有 2.5%的机构表示没听说过"
    assert raw.count(marker) == 1
    (changed / "listing-fintech-p01.txt").write_text(raw.replace(marker, marker.replace("2.5", "3.5")), "utf-8")
    problems = build.check(built_once, changed)
    assert problems, "a changed number must be reported"
    joined = "\n".join(problems)
    assert "table graph_db_usage_status" in joined
    assert "row " in joined and "span " in joined
    assert "value: published 2.5, rebuilt 3.5" in joined
