"""search(): offline ranking of the published tables by their metadata, in English and Chinese."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from fintech_stats import store
from fintech_stats.search import COLUMNS, search

NODES = "graph_db_scale_by_server_nodes"
CORES = "graph_db_scale_by_server_cores"


def _institution_labels(table: str) -> str:
    entry = store.entry(table)
    dims = store.read_json(entry["spec_path"], entry["spec_sha256"])["dimensions"]
    return " ".join(c["zh"] for d in dims if d["name"] == "institution_type" for c in d["codes"])


def _dimensions(table: str) -> set[str]:
    entry = store.entry(table)
    return {d["name"] for d in store.read_json(entry["spec_path"], entry["spec_sha256"])["dimensions"]}


@pytest.mark.parametrize("query", ["图数据库 节点", "graph database nodes", "server nodes", "Server-Nodes"])
def test_server_nodes_ranks_first(query: str) -> None:
    result = search(query)
    assert list(result.columns) == list(COLUMNS)
    assert result["table"].iloc[0] == NODES
    assert result["score"].iloc[0] > result["score"].iloc[1]


def test_result_columns_and_order() -> None:
    result = search("graph database nodes")
    assert list(result.columns) == list(COLUMNS)
    top = result.iloc[0]
    latest = store.entry(NODES)
    assert (top["version"], top["title"], top["report_id"], top["rows"]) == (
        latest["version"],
        latest["title"],
        latest["report_id"],
        latest["rows"],
    )
    assert "name" in top["matched"] and "server_node_bucket" in top["matched"]
    # best first, ties by table name
    keys = list(zip(-result["score"], result["table"], strict=True))
    assert keys == sorted(keys)
    assert result["table"].is_unique


def test_city_commercial_banks_finds_the_tables_by_institution_type() -> None:
    result = search("城商行")
    # the tables whose rows use a code labelled 城商行 (a table's spec lists the codes it uses)
    with_dimension = {t for t in store.catalog_entries() if "城商行" in _institution_labels(t)}
    assert len(with_dimension) > 5
    assert set(result["table"]) == with_dimension
    assert all(m == "dimension institution_type" for m in result["matched"] if "description" not in m)


def test_no_match_is_empty_with_the_columns() -> None:
    for query in ["qqqzzz", "", "   ", "存款利率"]:
        result = search(query)
        assert result.empty
        assert list(result.columns) == list(COLUMNS)


def test_cpu_cores_ranks_the_core_table_first() -> None:
    assert search("CPU cores")["table"].iloc[0] == CORES
    assert search("服务器核数")["table"].iloc[0] == CORES


def test_anti_money_laundering_finds_the_scenario_tables_in_both_languages() -> None:
    for query in ["反洗钱", "anti-money laundering"]:
        found = set(search(query)["table"])
        assert {"graph_db_scenario_plan_2023", "graph_db_application_rate_by_scenario"} <= found
        assert NODES not in found


def test_titles_outrank_dimension_labels() -> None:
    # 农业银行 is a label of the shared case_institution codelist of every case table, but only the
    # Agricultural Bank of China case has it in its title.
    for query in ["农业银行", "Agricultural Bank of China"]:
        result = search(query)
        assert result["table"].iloc[0] == "graph_db_case_abc"
        assert result["score"].iloc[0] > result["score"].iloc[1]
        assert len(result) > 1


def test_limit() -> None:
    full = search("graph database")
    graph = [t for t in store.catalog_entries() if t.startswith("graph_db_")]
    assert set(full["table"].head(len(graph))) == set(graph)  # every graph-database table, first
    pd.testing.assert_frame_equal(search("graph database", limit=3), full.head(3))
    assert list(search("graph database", limit=0).columns) == list(COLUMNS)
    with pytest.raises(ValueError, match="limit"):
        search("graph", limit=-1)


def test_deterministic_across_calls_and_hash_seeds() -> None:
    queries = ["图数据库 节点", "graph database nodes", "城商行", "反洗钱", "TB"]
    first = [search(q) for q in queries]
    for q, frame in zip(queries, first, strict=True):
        pd.testing.assert_frame_equal(search(q), frame)
    script = (
        "import json, sys\n"
        "from fintech_stats.search import search\n"
        "print(json.dumps([search(q).to_dict('records') for q in json.loads(sys.argv[1])]))\n"
    )
    outputs = []
    for seed in ["1", "2"]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, json.dumps(queries)], env=env, capture_output=True, text=True, check=True
        )
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1] == [frame.to_dict("records") for frame in first]


def test_importing_search_does_not_import_pandas() -> None:
    code = "import sys, fintech_stats.search; assert 'pandas' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
