"""search(): offline ranking of the published tables by their metadata, in English and Chinese."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from fintech_stats import store
from fintech_stats.access.query import COLUMNS, search

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
    # best first (equal scores: the table whose matching fields the query covers most, then by name)
    assert list(result["score"]) == sorted(result["score"], reverse=True)
    assert result["table"].is_unique


def test_city_commercial_banks_finds_the_tables_by_institution_type() -> None:
    result = search("城商行")
    # the tables whose rows use a code labelled 城商行 (a table's spec lists the codes it uses)
    with_dimension = {t for t in store.catalog_entries() if "城商行" in _institution_labels(t)}
    assert len(with_dimension) > 5
    assert with_dimension <= set(result["table"])
    matched = dict(zip(result["table"], result["matched"], strict=True))
    assert all("dimension institution_type" in matched[t] for t in with_dimension)


def test_no_match_is_empty_with_the_columns() -> None:
    for query in ["qqqzzz", "", "   ", "臭豆腐"]:
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
        "from fintech_stats.access.query import search\n"
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
    code = "import sys, fintech_stats.access.query; assert 'pandas' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


#: Realistic queries (Chinese and English), each with the table a user means (see its "about").
QUERY_SETS = json.loads((Path(__file__).parent / "search_queries.json").read_text("utf-8"))


def _misses(queries: list[dict[str, str]]) -> dict[str, list[str]]:
    found = {q["query"]: search(q["query"])["table"].head(3).tolist() for q in queries}
    return {q["query"]: found[q["query"]] for q in queries if found[q["query"]][:1] != [q["table"]]}


@pytest.mark.parametrize("name", ["issue", "independent_1", "independent_2", "independent_3"])
def test_search_precision_on_realistic_queries(name: str) -> None:
    # The issue asks for the expected table first for at least 27 of 30 queries (90%), in each set.
    queries = QUERY_SETS[name]
    assert len(queries) >= 30
    assert all(store.entry(q["table"]) for q in queries)  # every expected table exists
    missed = _misses(queries)
    assert len(queries) - len(missed) >= 0.9 * len(queries), missed


def test_a_breakdown_the_query_asks_for_is_a_dimension() -> None:
    # "by region" asks for tables broken down by region: one without a region dimension scores half.
    plain = search("survey respondents region").set_index("table")["score"]  # the same terms, no "by"
    by_region = search("survey respondents by region").set_index("table")["score"]
    assert by_region.index[0] == "graph_db_survey_sample_by_region"
    assert by_region["graph_db_survey_sample_by_institution_type"] == pytest.approx(
        0.5 * plain["graph_db_survey_sample_by_institution_type"], abs=1e-3
    )
    plain = search("图数据库 地区").set_index("table")["score"]
    by_region = search("图数据库 按地区").set_index("table")["score"]
    assert by_region.index[0] == "graph_db_usage_by_region"
    assert by_region["graph_db_usage_by_region"] == plain["graph_db_usage_by_region"]  # has the dimension
    assert by_region["graph_db_typical_scale_by_institution_type"] == pytest.approx(
        0.5 * plain["graph_db_typical_scale_by_institution_type"], abs=1e-3
    )


def test_stems_abbreviations_and_apostrophes() -> None:
    assert search("scoring")["table"].tolist() == search("scores")["table"].tolist()
    assert search("adopting graph databases")["table"].tolist() == search("graph database adoption")["table"].tolist()
    assert search("why banks don't adopt graph databases")["table"].iloc[0] == "graph_db_non_adoption_reasons"
    assert "graph_db_case_abc" in search("农行")["table"].head(3).tolist()


def test_zh_and_en_words_of_one_concept_find_the_same_tables() -> None:
    # 地区 finds what region finds (through the 区域/Region header), and the tables whose own text says 地区
    assert set(search("region")["table"]) <= set(search("地区")["table"])
    assert search("bank type")["table"].iloc[0].endswith("by_institution_type")


def test_an_empty_result_names_the_closest() -> None:
    empty = search("qqqzzz")
    assert list(empty.columns) == list(COLUMNS)
    assert empty.empty and empty.attrs["closest"] == []
    near = search("paymnt_casez")
    assert near.empty and "payment_cases" in near.attrs["closest"]


def test_an_expansion_never_outweighs_its_phrase_and_more_concepts_rank_higher() -> None:
    # 芯片 also searches 集成电路 (three rare bigrams): capped at what 芯片 itself would add, the tax
    # table whose title says 集成电路 no longer outranks the tests of domestic chips.
    assert search("AI芯片 国产化")["table"].iloc[0] == "ai_chip_bank_domestic_chip_tests"
    # Two concepts: the purchase table holds both (采购, and chip for 芯片), the policy table one.
    assert search("芯片 采购")["table"].iloc[0] == "ai_chip_purchase_quantity"


def test_capital_it_is_an_acronym_not_a_stop_word() -> None:
    found = search("IT")
    assert len(found) > 0 and all(re.search(r"\bIT\b", title) for title in found["title"].head(2))
    assert "trust_fintech_staffing" in search("IT staff")["table"].head(3).tolist()
    assert search("it").empty  # the pronoun
