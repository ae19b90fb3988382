"""The edges a new user hits: metadata on the frame, claims filters, the package's surface, the CLI."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

import fintech_stats as fs
from fintech_stats import errors
from fintech_stats.cli import main

NODES = "graph_db_scale_by_server_nodes"


def test_load_carries_the_metadata(fresh_store: Path) -> None:
    frame = fs.load(NODES)
    assert frame.attrs["table"] == NODES and frame.attrs["version"] == "1.1.0"
    assert frame.attrs["units"] == ["count", "percent"]
    assert any(w["type"] == "typo" for w in frame.attrs["usage_warnings"])
    catalog = fs.catalog().set_index("table")
    assert catalog.loc[NODES, "warnings"] == len(frame.attrs["usage_warnings"])


def test_claims_filters_and_labels(fresh_store: Path) -> None:
    every = fs.claims()
    one = fs.claims(table=NODES)
    assert set(one["table"]) == {NODES} and len(one) == (every["table"] == NODES).sum()
    trust = fs.claims(report_id="cta-trust-fintech-2022")
    assert set(trust["report_id"]) == {"cta-trust-fintech-2022"} and len(trust) >= 225
    zh = fs.claims(labels="zh", table="payment_cases")
    assert "中国银联" in "".join(zh["dims"])
    measures = {json.loads(d)["measure"] for d in fs.claims(labels="en", table=NODES)["dims"]}
    assert measures == {"Count of institutions", "Share of institutions", "Year-on-year change"}
    with pytest.raises(fs.UnknownTableError):
        fs.claims(table="graph_db_scale_by_server_node")
    with pytest.raises(fs.UnknownReportError):
        fs.claims(report_id="no-such-report")
    with pytest.raises(TypeError, match="table"):
        fs.claims(table=3)  # type: ignore[arg-type]


def test_the_package_surface_is_clean() -> None:
    assert dir(fs) == sorted(fs.__all__)
    for name, cls in inspect.getmembers(errors, inspect.isclass):
        if issubclass(cls, errors.FintechStatsError):
            assert getattr(fs, name) is cls, name
    assert (
        "pandas"
        not in subprocess.run(
            [sys.executable, "-c", "import sys, fintech_stats; print(sorted(sys.modules))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_cli_version_tables_and_show(fresh_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0 and capsys.readouterr().out.startswith("fintech-stats ")
    assert main(["tables"]) == 0
    out = capsys.readouterr().out
    assert " 1 row " in out and " 1 rows" not in out
    assert main(["show", NODES, "--rows", "80"]) == 0
    shown = capsys.readouterr().out
    assert "repair" in shown and "digits_glued" in shown and "note" in shown
    assert main(["show", NODES, "--info"]) == 0
    assert "cite as" in capsys.readouterr().out


def test_listing_commands_do_not_import_pandas() -> None:
    code = (
        "import sys, io, contextlib; from fintech_stats.cli import main; "
        "out = io.StringIO(); "
        "[main(a) for a in (['tables'], ['verify'])]; "
        "print('pandas' in sys.modules, 'pyarrow' in sys.modules, file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr.strip().splitlines()[-1] == "False False"


def test_parquet_download_validates(fresh_store: Path, tmp_path: Path) -> None:
    from frictionless import validate

    out = fs.export(tmp_path / "pq", "parquet", tables=[NODES, "payment_cases"])
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert all(r["x-sha256"] and r["x-bytes"] > 0 for r in package["resources"])
