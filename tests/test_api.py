"""The loader API on a fresh build: shapes, dtypes, labels, errors, integrity, no corpus needed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import fintech_stats as fs
from fintech_stats import store
from fintech_stats.corpus import reports as corpus
from fintech_stats.errors import CorpusNotFoundError, IntegrityError, UnknownTableError, UnknownVersionError

CJK = re.compile(r"[\u4e00-\u9fff]")
NODES = "graph_db_scale_by_server_nodes"


def test_tables_and_catalog(fresh_store: Path) -> None:
    names = fs.tables()
    assert NODES in names and names == sorted(names)
    cat = fs.catalog()
    assert list(cat.columns[:8]) == [
        "table",
        "version",
        "title",
        "description",
        "report_id",
        "source",
        "rows",
        "restatements",
    ]
    assert "conflicts" in cat.columns
    assert set(cat["table"]) == set(names)
    for entry in cat.itertuples():
        assert Path(entry.path).is_absolute()
        assert store.sha256_file(Path(entry.path)) == entry.sha256
        assert len(fs.load(entry.table, entry.version)) == entry.rows


def test_load_dtypes_follow_the_spec(fresh_store: Path) -> None:
    frame = fs.load(NODES)
    assert list(frame.columns) == [
        "year",
        "plan_or_actual",
        "server_node_bucket",
        "measure",
        "value",
        "value_high",
        "unit",
        "qualifier",
        "report_id",
        "span_start",
        "span_end",
        "literal",
        "location",
        "repair",
        "note",
    ]
    assert str(frame["year"].dtype) == "int16"
    assert isinstance(frame["server_node_bucket"].dtype, pd.CategoricalDtype)
    assert list(frame["server_node_bucket"].cat.categories) == ["n1", "n2_3", "n4_10", "n11_30", "over_30"]
    assert frame["value"].dtype == "float64"
    assert frame["span_start"].dtype == "int64"
    wide = frame[frame["measure"] == "count"].pivot_table(
        index="server_node_bucket", columns="year", values="value", observed=True
    )
    assert wide.loc["n2_3", 2022] == 16 and wide.loc["n2_3", 2023] == 9


def test_labels(fresh_store: Path) -> None:
    codes, zh, en = (fs.load(NODES, labels=m) for m in ("code", "zh", "en"))
    assert list(codes.columns) == list(zh.columns) == list(en.columns)
    dims = ["plan_or_actual", "server_node_bucket", "measure"]
    for name in fs.tables():
        frame = fs.load(name, labels="en")
        for column in frame.columns[: frame.columns.get_loc("value")]:
            assert not frame[column].astype(str).str.contains(CJK).any(), (name, column)
    assert "2-3 节点" in set(zh["server_node_bucket"])
    assert "2-3 nodes" in set(en["server_node_bucket"])
    assert (codes["value"] == en["value"]).all()
    assert set(codes[dims[0]]) == {"actual", "plan"}


def test_unknown_table_suggests_close_matches(fresh_store: Path) -> None:
    with pytest.raises(UnknownTableError, match="graph_db_scale_by_server_nodes") as info:
        fs.load("graph_db_scale_by_server_node")
    assert isinstance(info.value, LookupError)
    with pytest.raises(LookupError, match=r"`fintech-stats tables` \(or fintech_stats\.tables\(\)\) lists them"):
        fs.load("qqqqqqqqqqqq")


def test_unknown_version_lists_versions(fresh_store: Path) -> None:
    with pytest.raises(UnknownVersionError, match=r"has no version '9\.9\.9'; published versions: 1\.1\.0"):
        fs.load(NODES, version="9.9.9")


def test_bad_labels(fresh_store: Path) -> None:
    with pytest.raises(ValueError, match="labels must be one of code, zh, en, not 'english'"):
        fs.load(NODES, labels="english")


def test_claims(fresh_store: Path) -> None:
    claims = fs.claims()
    assert list(claims.columns) == [
        "table",
        "version",
        "report_id",
        "value",
        "value_high",
        "unit",
        "qualifier",
        "repair",
        "literal",
        "span_start",
        "span_end",
        "location",
        "dims",
        "mention",
        "note",
    ]
    cat = fs.catalog()
    assert len(claims) == cat["rows"].sum() + cat["restatements"].sum() + cat["conflicts"].sum()
    assert set(claims["mention"]) == {"primary", "restatement", "conflict"}
    sample = claims[claims["table"] == NODES].iloc[0]
    assert set(json.loads(sample["dims"])) == {"year", "plan_or_actual", "server_node_bucket", "measure"}
    texts: dict[str, str] = {}
    for row in claims.itertuples():
        text = texts.setdefault(row.report_id, fs.report_text(row.report_id))
        assert text[row.span_start : row.span_end] == row.literal


def test_reports(fresh_store: Path) -> None:
    frame = fs.reports()
    assert list(frame.columns) == [
        "report_id",
        "publisher",
        "title",
        "pages",
        "site_published",
        "views",
        "text_chars",
        "text_status",
        "text_extent",
        "n_tables",
        "n_claims",
        "n_gaps",
        "curation_note",
    ]
    assert len(frame) == 19 and frame["pages"].sum() == 1394
    statuses = frame["text_status"].value_counts().to_dict()
    assert statuses == {"full": 9, "truncated": 1, "snippet": 8, "digits_lost": 1}
    truncated = frame.set_index("report_id").loc["pcac-payment-fintech-cases-2023"]
    assert truncated["text_status"] == "truncated" and "case 25" in truncated["text_extent"]
    survey = frame.set_index("report_id").loc["fe-graph-database-survey-2023"]
    assert survey["n_claims"] == (fs.claims()["report_id"] == "fe-graph-database-survey-2023").sum()


def test_works_without_corpus(fresh_store: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(corpus.ENV_VAR, str(tmp_path / "no-corpus"))
    assert len(fs.reports()) == 19
    assert fs.tables() and len(fs.catalog()) and len(fs.load(NODES)) and len(fs.claims())
    with pytest.raises(CorpusNotFoundError, match="FINTECH_STATS_CORPUS"):
        fs.report_text("fe-graph-database-survey-2023")


def test_tampered_file_raises_integrity_error(fresh_store: Path) -> None:
    entry = store.entry(NODES)
    path = fresh_store / entry["path"]
    path.write_bytes(path.read_bytes()[:-10])
    store.clear_caches()
    with pytest.raises(IntegrityError) as info:
        fs.load(NODES)
    message = str(info.value)
    assert str(path) in message and entry["sha256"] in message and "actual" in message


def test_import_is_light() -> None:
    code = "import sys, fintech_stats; print(sorted(m for m in ('pandas', 'pyarrow', 'camelot') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_published_version_still_loads() -> None:
    # The published store of the checkout: every version of every table stays loadable after a
    # later one (r02's 42 tables had 1.0.0 before 1.1.0 added `location`; others were corrected).
    store.clear_caches()
    cat = fs.catalog()
    superseded = cat[cat.duplicated("table", keep="last")]
    r02 = superseded[superseded["table"].str.startswith("graph_db_") & (superseded["version"] == "1.0.0")]
    assert len(r02) >= 42
    for entry in superseded.itertuples():
        frame = fs.load(entry.table, version=entry.version)
        assert len(frame) == entry.rows and frame.attrs["version"] == entry.version
    # `location` came with r02's 1.1.0: 42 tables have a 1.0.0 without it
    assert sum("location" not in fs.load(e.table, version="1.0.0").columns for e in r02.itertuples()) == 42
    corrected = fs.load("graph_db_usage_by_institution_type")
    assert "at_most" in set(corrected["qualifier"].astype(str))
    old = fs.load("graph_db_usage_by_institution_type", version="1.0.0")
    assert "at_most" not in set(old["qualifier"].astype(str))
    # This round's corrections: 突破 reads as over, 千万到亿级 as a range, 百逾家 is a row.
    assert fs.load("trust_case_shanghai_family_trust", version="1.0.0")["qualifier"].astype(str).tolist().count(
        "over"
    ) + 1 == fs.load("trust_case_shanghai_family_trust")["qualifier"].astype(str).tolist().count("over")
    scale = fs.load("graph_db_typical_scale_by_institution_type")
    assert scale.loc[scale["literal"] == "千万到亿级", "value_high"].tolist() == [1e8]
    served = fs.load("payment_customers_served")
    assert len(served) == len(fs.load("payment_customers_served", version="1.0.0")) + 1
    assert served.loc[served["literal"] == "百逾家", ["value", "qualifier"]].astype(str).values.tolist() == [
        ["100.0", "over"]
    ]


def test_categoricals_fit_the_table(fresh_store: Path) -> None:
    frame = fs.load(NODES)
    buckets = frame["server_node_bucket"].cat
    assert list(buckets.categories) == ["n1", "n2_3", "n4_10", "n11_30", "over_30"] and buckets.ordered
    assert list(frame["measure"].cat.categories) == ["count", "share", "yoy_change"]  # not the whole codelist
    assert frame.groupby("measure", observed=False).size().min() > 0  # no empty groups
    assert sorted(frame["server_node_bucket"].unique())[0] == "n1"  # sorts in codelist order, not as text
    labelled = fs.load(NODES, labels="en")["server_node_bucket"].cat
    assert labelled.ordered and next(iter(labelled.categories)) == "1 node"


def test_info_says_what_to_know_before_citing(fresh_store: Path) -> None:
    info = fs.info(NODES)
    assert info.version == "1.1.0" and info.rows == len(fs.load(NODES))
    assert [d.name for d in info.dimensions] == ["year", "plan_or_actual", "server_node_bucket", "measure"]
    bucket = info.dimensions[2]
    assert bucket.ordered and bucket.codes[0] == ("n1", "1 节点", "1 node")
    assert any(kind == "typo" for kind, _ in info.usage_warnings)
    assert any(c.startswith("server_nodes_2023_counts_sum_to_users") for c in info.failed_checks)
    assert f"table graph_db_scale_by_server_nodes version 1.1.0 (data sha256 {info.sha256})" in info.citation
    assert f"fintech-stats {fs.__version__}," in info.citation and "Source: 金融电子化《" in info.citation
    text, page = repr(info), info._repr_html_()
    assert "cite as" in text and "<table>" in page and "金融电子化" in text


def _says(document: object, typed: object) -> bool:
    """Whether everything `document` (JSON) says, `typed` (the same JSON from a typed object) says too."""
    if isinstance(document, dict):
        return isinstance(typed, dict) and all(k in typed and _says(v, typed[k]) for k, v in document.items())
    if isinstance(document, list):
        return isinstance(typed, list) and len(document) == len(typed) and all(map(_says, document, typed))
    return document == typed


def test_read_spec_says_what_every_published_spec_says(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every version ever published, old spec layouts included (r02's 1.0.0 have no topic, no
    # dimension headers, no `lost`): the typed spec holds all that its spec.json holds.
    from fintech_stats.access.published import read_spec

    monkeypatch.setenv(store.ENV_VAR, str(Path(__file__).resolve().parents[1] / "datasets"))
    store.clear_caches()
    for name, versions in store.catalog_entries().items():
        for version, entry in versions.items():
            spec = read_spec(name, version)
            assert (spec.name, spec.version) == (name, version)
            assert _says(store.read_json(entry["spec_path"], entry["spec_sha256"]), spec.document()), (name, version)
    store.clear_caches()


def test_codes_give_every_reader_the_codelist_order() -> None:
    # The categories load() gives are the codes the table uses in codelist order; codes.parquet holds
    # the same, with positions, for readers without pandas' ordered categoricals.
    codes = fs.codes()
    assert set(codes["table"]) == set(fs.tables())
    for name in ["graph_db_scale_by_server_nodes", "trust_bxtg_score_distribution", "payment_cases"]:
        frame, rows = fs.load(name), fs.codes(name)
        for column, group in rows.groupby("column", sort=False):
            categories = frame[column].cat
            assert group.sort_values("position")["code"].tolist() == list(categories.categories), (name, column)
            assert group["ordered"].iloc[0] == categories.ordered
    with pytest.raises(fs.UnknownTableError):
        fs.codes("graph_db_scale_by_server_node")


def test_duckdb_sorts_a_bucket_column_by_the_codes() -> None:
    import duckdb

    from fintech_stats import store

    table = "graph_db_scale_by_server_nodes"
    data = store.datasets_dir() / store.entry(table)["path"]
    codes = store.datasets_dir() / store.CODES_FILE
    as_text = duckdb.sql(f"SELECT DISTINCT server_node_bucket FROM '{data}' ORDER BY 1").fetchall()
    assert [r[0] for r in as_text][:2] == ["n1", "n11_30"]  # what the issue saw: sorted as text
    joined = duckdb.sql(
        f"SELECT DISTINCT t.server_node_bucket, c.position FROM '{data}' t JOIN '{codes}' c "
        f"ON c.\"table\" = '{table}' AND c.\"column\" = 'server_node_bucket' AND c.code = t.server_node_bucket "
        "ORDER BY c.position"
    ).fetchall()
    assert [r[0] for r in joined] == ["n1", "n2_3", "n4_10", "n11_30", "over_30"]
