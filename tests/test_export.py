"""Downloads: CSV + datapackage.json (valid Frictionless), xlsx, Parquet; round trips; formula safety."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

import fintech_stats as fs
from fintech_stats import store
from fintech_stats.errors import ExportTargetExistsError
from fintech_stats.outputs import exports
from tests.conftest import fail_on_call, rewrite_notes

NODES = "graph_db_scale_by_server_nodes"
NASTY = ['=HYPERLINK("x")', "+1", "-cmd", "@SUM(A1)"]


def _read_csv(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, na_values=[""], dtype=str)
    return frame.map(lambda v: exports.unneutralise(v) if isinstance(v, str) else v)


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.astype(object).where(frame.notna(), None)
    return out.map(lambda v: None if v is None else (repr(float(v)) if isinstance(v, float) else str(v)))


def test_csv_round_trip_and_datapackage(fresh_store: Path, tmp_path: Path) -> None:
    out = fs.export(tmp_path / "csv", "csv")
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert {r["name"] for r in package["resources"]} == set(fs.tables())
    assert (out / "README.md").read_text("utf-8").startswith("# fintech-stats download")
    resource = next(r for r in package["resources"] if r["name"] == NODES)
    assert resource["hash"] == "sha256:" + store.sha256_file(out / f"{NODES}.csv")
    assert resource["bytes"] == (out / f"{NODES}.csv").stat().st_size
    bucket = next(f for f in resource["schema"]["fields"] if f["name"] == "server_node_bucket")
    assert bucket["constraints"]["enum"] == ["n1", "n2_3", "n4_10", "n11_30", "over_30"]
    assert "fe-graph-database-survey-2023" in {s["report_id"] for s in package["sources"]}
    assert {s["report_id"] for s in package["sources"]} == set(fs.catalog()["report_id"])
    raw = (out / f"{NODES}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens the Chinese intact
    back = _read_csv(out / f"{NODES}.csv")
    loaded = fs.load(NODES)
    assert list(back.columns) == list(loaded.columns)
    assert len(back) == len(loaded)
    assert back["value"].astype(float).tolist() == loaded["value"].tolist()
    assert back["literal"].tolist() == loaded["literal"].tolist()
    assert back["server_node_bucket"].tolist() == loaded["server_node_bucket"].astype(str).tolist()


def test_frictionless_validates_the_csv_package(fresh_store: Path, tmp_path: Path) -> None:
    from frictionless import validate

    # One table of each report here (CI validates the whole download with the frictionless CLI).
    catalog = fs.catalog().drop_duplicates("report_id")
    for labels in ("code", "zh"):
        out = fs.export(tmp_path / labels, "csv", tables=list(catalog["table"]), labels=labels)
        report = validate(str(out / "datapackage.json"))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_zh_download_has_chinese_headers(fresh_store: Path, tmp_path: Path) -> None:
    out = fs.export(tmp_path / "zh", "csv", tables=[NODES], labels="zh")
    back = _read_csv(out / f"{NODES}.csv")
    assert list(back.columns[:5]) == ["年份", "现状或规划", "服务器节点数量", "指标", "数值"]
    assert "2-3 节点" in set(back["服务器节点数量"])
    # In Python the column names stay the same in every label mode.
    assert list(fs.load(NODES, labels="zh").columns) == list(fs.load(NODES).columns)


def test_xlsx(fresh_store: Path, tmp_path: Path) -> None:
    out = fs.export(tmp_path / "xlsx", "xlsx")
    book = load_workbook(out / exports.WORKBOOK)
    names = exports.sheet_names(fs.tables())
    assert book.sheetnames == ["README", "catalog", *names.values()]
    assert all(len(n) <= 31 for n in book.sheetnames) and len(set(book.sheetnames)) == len(book.sheetnames)
    sheet = book[names[NODES]]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    loaded = fs.load(NODES)
    assert header == list(loaded.columns)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(loaded)
    back = pd.DataFrame(rows, columns=header)
    assert back["value"].tolist() == loaded["value"].tolist()
    assert back["literal"].tolist() == loaded["literal"].tolist()
    value_col = header.index("value") + 1
    share = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, header.index("unit") + 1).value == "percent")
    assert sheet.cell(share, value_col).number_format.endswith('"%"')
    catalog = book["catalog"]
    assert [c.value for c in catalog[1]][:3] == ["sheet", "table", "version"]
    assert catalog.max_row == len(fs.tables()) + 1


def test_parquet(fresh_store: Path, tmp_path: Path) -> None:
    out = fs.export(tmp_path / "pq", "parquet", tables=[NODES])
    assert pq.read_table(out / f"{NODES}.parquet").equals(
        pq.read_table(fs.catalog().set_index("table").loc[NODES, "path"])
    )
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert package["resources"][0]["format"] == "parquet"


def test_existing_target_is_never_overwritten(fresh_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "mine.txt").write_text("keep me")
    with pytest.raises(ExportTargetExistsError, match="--force"):
        fs.export(target, "csv")
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    fs.export(target, "csv", tables=[NODES], force=True)
    assert sorted(p.name for p in target.iterdir()) == ["README.md", "datapackage.json", f"{NODES}.csv"]


def test_failed_export_leaves_nothing(fresh_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "_write_csv", fail_on_call(exports._write_csv, 3, OSError("disk full")))
    with pytest.raises(OSError, match="disk full"):
        fs.export(tmp_path / "out", "csv")
    assert [p.name for p in tmp_path.iterdir()] == ["datasets"]  # no target, no temporary directory


def test_unknown_table_and_bad_format(fresh_store: Path, tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="did you mean"):
        fs.export(tmp_path / "x", "csv", tables=["graph_db_scale_by_server_node"])
    with pytest.raises(ValueError, match="format must be one of"):
        fs.export(tmp_path / "x", "pdf")
    assert not (tmp_path / "x").exists()


def test_formula_injection_is_neutralised(fresh_store: Path, tmp_path: Path) -> None:
    # A table whose text cells hold formulas: rewrite one published table (and its catalog hash).
    rewrite_notes(fresh_store, NODES, NASTY)

    out = fs.export(tmp_path / "csv", "csv", tables=[NODES])
    cells = _read_csv(out / f"{NODES}.csv")
    raw = pd.read_csv(out / f"{NODES}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for text in NASTY:
        assert ("'" + text) in set(raw["note"]), text  # the file never starts a cell with the formula
        assert text in set(cells["note"])  # and reading it back gives the text
    assert not any(v.startswith(("=", "+", "@")) for v in raw.stack().astype(str))
    assert "-50.0%" in set(raw["literal"])  # a plain signed number is not a formula: left alone

    out = fs.export(tmp_path / "xlsx", "xlsx", tables=[NODES])
    sheet = load_workbook(out / exports.WORKBOOK)[exports.sheet_names([NODES])[NODES]]
    note_col = [c.value for c in sheet[1]].index("note") + 1
    cells_x = [sheet.cell(r, note_col) for r in range(2, sheet.max_row + 1)]
    assert {c.value for c in cells_x} == set(NASTY)
    assert all(c.data_type == "s" for c in cells_x)
