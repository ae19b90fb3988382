"""The SQLite export (`fintech_stats.outputs.sqlite`) and Datasette serving it as it is."""

from __future__ import annotations

import argparse
import json
import math
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

import fintech_stats as fs
from fintech_stats import store
from fintech_stats.errors import ArgumentValueError, ExportTargetError, ExportTargetExistsError
from fintech_stats.outputs.sqlite import METADATA_FILE, add_export_arguments, export_sqlite, sqlite_cli

TABLE = "graph_db_scale_by_server_nodes"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sqlite") / "fintech.db"
    export_sqlite(out)
    return out


@pytest.fixture(scope="module")
def all_versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sqlite-all") / "fintech-all.db"
    export_sqlite(out, all_versions=True)
    return out


def _count(db: sqlite3.Connection, table: str) -> int:
    count: int = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    return count


def _primary_key(db: sqlite3.Connection, table: str) -> list[str]:
    rows = db.execute(f'PRAGMA table_info("{table}")').fetchall()
    return [r[1] for r in sorted(rows, key=lambda r: r[5]) if r[5] > 0]


def _table() -> str:
    return TABLE if TABLE in fs.tables() else fs.tables()[0]


def test_claims_and_tables_match_the_catalog(database: Path) -> None:
    db = sqlite3.connect(database)
    assert _count(db, "claims") == len(fs.claims())
    catalog = fs.catalog().drop_duplicates("table", keep="last")
    for row in catalog.itertuples():
        assert _count(db, row.table) == row.rows, row.table
    assert _count(db, "catalog") == len(catalog)
    assert _count(db, "gaps") == len(fs.gaps())
    assert _count(db, "checks") == len(fs.checks())
    assert _count(db, "coverage") == len(fs.coverage())
    assert _count(db, "reports") == len(fs.reports())
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not any("_v1_" in n for n in names), "older versions are in the file without all_versions"
    for name in names:
        assert _primary_key(db, name), f"{name} has no primary key"
    assert _count(db, "codelists") > 0


def test_a_table_equals_load(database: Path) -> None:
    name = _table()
    frame = fs.load(name)
    db = sqlite3.connect(database)
    db.row_factory = sqlite3.Row
    rows = [dict(r) for r in db.execute(f'SELECT * FROM "{name}"')]
    assert list(rows[0]) == list(frame.columns)
    assert rows == _records(frame)
    info = fs.info(name)
    assert _primary_key(db, name) == list(info.primary_key)


def _records(frame: Any) -> list[dict[str, Any]]:
    out = []
    for record in frame.astype(object).to_dict("records"):
        out.append(
            {k: None if (v is None or (isinstance(v, float) and math.isnan(v))) else v for k, v in record.items()}
        )
    return out


def test_all_versions(all_versions: Path) -> None:
    db = sqlite3.connect(all_versions)
    db.row_factory = sqlite3.Row
    catalog = {(r["table"], r["version"]): r for r in db.execute("SELECT * FROM catalog")}
    assert len(catalog) == len(fs.catalog())
    for row in fs.catalog().itertuples():
        entry = catalog[(row.table, row.version)]
        assert entry["sha256"] == row.sha256
        assert _count(db, entry["sqlite_table"]) == row.rows, entry["sqlite_table"]
    older = [r for r in catalog.values() if not r["latest"]]
    assert older, "the store has no table with two versions"
    frame = fs.load(older[0]["table"], older[0]["version"])
    got = [dict(r) for r in db.execute(f'SELECT * FROM "{older[0]["sqlite_table"]}"')]
    assert got == _records(frame)


def test_metadata_describes_every_table(database: Path) -> None:
    metadata = json.loads((database.parent / METADATA_FILE).read_text(encoding="utf-8"))
    tables = metadata["databases"][database.stem]["tables"]
    for name in fs.tables():
        info = fs.info(name)
        meta = tables[name]
        assert meta["title"] == info.title
        assert info.description in meta["description"]
        assert meta["source"] and meta["license"]
        for unit, _ in info.units:
            assert unit in meta["description"]
        assert "value" in meta["columns"]
    assert metadata["license"] and metadata["title"]


def test_refused_and_replaced(tmp_path: Path, database: Path) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("my notes", encoding="utf-8")
    with pytest.raises(ExportTargetError):
        export_sqlite(not_a_db, force=True)
    assert not_a_db.read_text(encoding="utf-8") == "my notes"
    with pytest.raises(ExportTargetError):
        export_sqlite(store.datasets_dir() / "x.db")
    with pytest.raises(ExportTargetError):
        export_sqlite(tmp_path)
    target = tmp_path / "again" / "fintech.db"
    target.parent.mkdir()
    target.write_bytes(database.read_bytes())
    with pytest.raises(ExportTargetExistsError):
        export_sqlite(target)
    parser = argparse.ArgumentParser()
    parser.add_argument("--out")
    parser.add_argument("--force", action="store_true")
    add_export_arguments(parser)
    parser.add_argument("--tables", nargs="+")
    parser.add_argument("--labels", default="code")
    assert sqlite_cli(parser.parse_args(["--out", str(target), "--force"])) == 0
    for extra in (["--tables", _table()], ["--labels", "zh"]):
        with pytest.raises(ArgumentValueError):
            sqlite_cli(parser.parse_args(["--out", str(target), "--force", *extra]))
    assert (target.parent / METADATA_FILE).is_file()
    assert sorted(p.name for p in target.parent.iterdir()) == ["fintech.db", METADATA_FILE]
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / METADATA_FILE).write_text("{}", encoding="utf-8")
    with pytest.raises(ExportTargetError):
        export_sqlite(foreign / "fintech.db", force=True)
    assert not (foreign / "fintech.db").exists()


def _key(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.mark.skipif(find_spec("datasette") is None, reason="datasette is not installed (pip install datasette)")
def test_datasette_serves_a_table_as_load(database: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "datasette", "serve", str(database), "-m", str(database.parent / METADATA_FILE)]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
                pytest.fail(f"datasette exited with {process.returncode}: {output[-2000:]}")
            try:
                _get(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail("datasette did not answer within 60 s")
                time.sleep(0.2)
        name = _table()
        rows = _get(f"{base}/{database.stem}/{name}.json?_shape=array&_size=max")
        # Datasette orders rows by primary key; the table's own order is the report's
        assert len(rows) == fs.catalog().drop_duplicates("table", keep="last").set_index("table").loc[name, "rows"]
        assert sorted(rows, key=_key) == sorted(_records(fs.load(name)), key=_key)
        served = _get(f"{base}/-/metadata.json")
        assert served["databases"][database.stem]["tables"][name]["title"] == fs.info(name).title
        claims = _get(f"{base}/{database.stem}.json?sql=select+count(*)+as+n+from+claims&_shape=array")
        assert claims == [{"n": len(fs.claims())}]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()
