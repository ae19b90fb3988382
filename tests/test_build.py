"""Build: deterministic, all-or-nothing, never rewrites a published version; check names table and row."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from fintech_stats import curation, store
from fintech_stats.curation import engine
from fintech_stats.errors import AnchorError, PublishedVersionError
from fintech_stats.pipeline import publish, verify
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
    publish.build(target)
    return target


def test_build_is_deterministic(built_once: Path, tmp_path: Path) -> None:
    again = tmp_path / "datasets"
    publish.build(again)
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
    result = publish.build(target)
    assert result.written == []
    assert _snapshot(target) == before


def test_refuses_to_change_a_published_version(built_once: Path, tmp_path: Path) -> None:
    target = tmp_path / "datasets"
    shutil.copytree(built_once, target)
    catalog = json.loads((target / "catalog.json").read_text("utf-8"))
    name = "graph_db_scale_by_server_nodes"
    version = max(catalog["tables"][name], key=store.version_key)
    entry = catalog["tables"][name][version]
    table = pq.read_table(target / entry["path"])
    publish.write_parquet(table.slice(1), target / entry["path"])  # the published data differs
    before = _snapshot(target)
    with pytest.raises(PublishedVersionError, match=f"table {name} version {version} is published"):
        publish.build(target)
    assert _snapshot(target) == before


def test_failed_build_leaves_datasets_untouched(
    built_once: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "datasets"
    shutil.copytree(built_once, target)
    before = _snapshot(target)
    folders = tmp_path / "curation"
    shutil.copytree(curation.FOLDER / "r02", folders / "r02")
    broken = folders / "r99"
    broken.mkdir()
    (broken / "tables.toml").write_text(
        'report_id = "fe-graph-database-survey-2023"\ntopic = "zz"\n\n[[table]]\nname = "zz_broken_table"\n'
        'title = "t"\ndescription = "d"\nsource = "x"\ndims = ["institution_type"]\nunit = "percent"\n',
        "utf-8",
    )
    (broken / "rows.tsv").write_text("table\tanchor\tdims\nzz_broken_table\t{Q}的\tinstitution_type=all\n", "utf-8")
    monkeypatch.setattr(curation, "FOLDER", folders)
    with pytest.raises(AnchorError, match=r"r99/rows\.tsv:2: table zz_broken_table: pattern .*matched \d+ times"):
        publish.build(target)
    assert _snapshot(target) == before


def test_extractor_raising_midway(built_once: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "datasets"
    shutil.copytree(built_once, target)
    before = _snapshot(target)
    monkeypatch.setattr(
        engine, "extract_table", fail_on_call(engine.extract_table, 5, RuntimeError("extractor crashed"))
    )
    with pytest.raises(RuntimeError, match="extractor crashed"):
        publish.build(target)
    assert _snapshot(target) == before


def test_check_names_table_row_and_span(built_once: Path, corpus_path: Path, tmp_path: Path) -> None:
    assert verify.check(built_once) == []
    # A corpus whose number changed: 2.5% (never heard of graph databases) becomes 3.5%.
    changed = tmp_path / "corpus"
    changed.mkdir()
    raw = (corpus_path / "listing-fintech-p01.txt").read_text("utf-8")
    # Both statements of the fact (图 7 and its restatement in the summary) change together.
    markers = ("仅有 2.5%的机构表示没听说过", "仅 2.5%未听说过图数据库")
    for marker in markers:
        assert raw.count(marker) == 1
        raw = raw.replace(marker, marker.replace("2.5", "3.5"))
    (changed / "listing-fintech-p01.txt").write_text(raw, "utf-8")
    problems = verify.check(built_once, changed)
    assert problems, "a changed number must be reported"
    joined = "\n".join(problems)
    assert "table graph_db_usage_status" in joined
    assert "row " in joined and "span " in joined
    assert "value: published 2.5, rebuilt 3.5" in joined
