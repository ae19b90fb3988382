"""The fintech-stats command."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_stats.cli import main


def test_tables(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables"]) == 0
    out = capsys.readouterr().out
    assert "graph_db_scale_by_server_nodes" in out and "1.1.0" in out


def test_show(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "graph_db_scale_by_server_nodes", "--labels", "en"]) == 0
    out = capsys.readouterr().out
    assert "2-3 nodes" in out and "digits_glued" in out  # show prints repair and note too


def test_show_unknown_table(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "graph_db_scale_by_server_node"]) == 2
    err = capsys.readouterr().err
    assert "no table 'graph_db_scale_by_server_node'" in err and "graph_db_scale_by_server_nodes" in err


def test_build_check(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--check"]) == 0
    assert "equals the published tables" in capsys.readouterr().out


def test_verify(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify"]) == 0
    assert "match their catalog sha256" in capsys.readouterr().out
    data = next(fresh_store.glob("graph_db_scale_by_server_nodes/*/data.parquet"))
    data.write_bytes(data.read_bytes() + b"x")
    assert main(["verify"]) == 1
    err = capsys.readouterr().err
    assert str(data) in err and "sha256 expected" in err and "1 of" in err


def test_export_and_existing_target(fresh_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x"
    assert main(["export", "--format", "csv", "--out", str(out), "--tables", "graph_db_usage_status"]) == 0
    assert (out / "graph_db_usage_status.csv").is_file() and (out / "datapackage.json").is_file()
    assert main(["export", "--format", "xlsx", "--out", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert (out / "graph_db_usage_status.csv").is_file()
    assert main(["export", "--format", "xlsx", "--out", str(out), "--force"]) == 0
    assert [p.name for p in out.iterdir()] == ["fintech-stats.xlsx"]


def test_search(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "图数据库", "节点"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "graph_db_scale_by_server_nodes" in first
    assert main(["search", "qqqzzz"]) == 1
