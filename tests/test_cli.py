"""The fintech-stats command."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_stats.cli import main


def test_tables(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables"]) == 0
    out = capsys.readouterr().out
    assert "graph_db_scale_by_server_nodes" in out and "1.0.0" in out


def test_show(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "graph_db_scale_by_server_nodes", "--labels", "en"]) == 0
    out = capsys.readouterr().out
    assert "2-3 nodes" in out and "digits_glued" not in out


def test_show_unknown_table(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "graph_db_scale_by_server_node"]) == 2
    err = capsys.readouterr().err
    assert "no table 'graph_db_scale_by_server_node'" in err and "graph_db_scale_by_server_nodes" in err


def test_build_check(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--check"]) == 0
    assert "equals the published tables" in capsys.readouterr().out
