"""Faults and bad input (issue 13): no jammed build, no silent pass, no traceback, nothing lost.

One section per class of fault of the issue; each test failed before its fix.  The quantity parser
edges (class 10) are tested in test_quantity.py.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

import fintech_stats as fs
from fintech_stats import store
from fintech_stats.cli import main
from fintech_stats.corpus import reports as corpus
from fintech_stats.errors import (
    BuildError,
    CatalogError,
    ExportTargetError,
    ExportTargetExistsError,
    IntegrityError,
    PublishedVersionError,
)
from fintech_stats.outputs import exports
from fintech_stats.pipeline import publish, verify
from tests.conftest import rewrite_notes

NODES = "graph_db_scale_by_server_nodes"
CORES = "graph_db_scale_by_server_cores"
CHECKOUT = Path(fs.__file__).resolve().parent.parent


def _snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != store.LOCK_FILE
    }


def _catalog(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((directory / store.CATALOG_FILE).read_text("utf-8"))
    return data


def _write_catalog(directory: Path, data: Any) -> None:
    (directory / store.CATALOG_FILE).write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    store.clear_caches()


def _latest(directory: Path, table: str = NODES) -> tuple[str, dict[str, Any]]:
    versions = _catalog(directory)["tables"][table]
    version = max(versions, key=store.version_key)
    return version, versions[version]


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture()
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    """A copy of the built store, not read by the loaders (for builds into it)."""
    target = tmp_path / "datasets"
    shutil.copytree(built_store, target)
    store.clear_caches()
    return target


# 1. A killed build never jams the next one; a second build waits; each fault has its own message.


def _unpublish(directory: Path, table: str = NODES) -> str:
    """Drop the latest version of `table` from the catalog (as if its build was killed before the catalog)."""
    catalog = _catalog(directory)
    version = max(catalog["tables"][table], key=store.version_key)
    del catalog["tables"][table][version]
    if not catalog["tables"][table]:
        del catalog["tables"][table]
    _write_catalog(directory, catalog)
    return version


_KILLED_BUILD = """
import os, sys
from pathlib import Path
from fintech_stats.pipeline import extract, publish, verify
real, calls, stop = os.replace, [0], int(sys.argv[2])
def replace(a, b):
    calls[0] += 1
    if calls[0] == stop:
        os._exit(137)  # as a SIGKILL would: no cleanup, no finally
    real(a, b)
os.replace = replace
publish.build(Path(sys.argv[1]))
"""


@pytest.mark.parametrize(("start", "kill_at"), [("unlisted", 2), ("unlisted", 4), ("new", 3)])
def test_killed_build_is_cleared_by_the_next(store_copy: Path, tmp_path: Path, start: str, kill_at: int) -> None:
    target = store_copy
    if start == "new":
        target = tmp_path / "new"
    else:
        # A store where the next build publishes NODES again (so that a kill can leave it unlisted).
        shutil.rmtree(target / NODES / _unpublish(target))
    run = subprocess.run([sys.executable, "-c", _KILLED_BUILD, str(target), str(kill_at)], capture_output=True)
    assert run.returncode == 137, run.stderr.decode()
    assert any(p.name.startswith(store.BUILD_TEMP_PREFIX) for p in target.iterdir())  # what the kill left
    messages: list[str] = []
    result = publish.build(target, notify=messages.append)
    assert not any(p.name.startswith(store.BUILD_TEMP_PREFIX) for p in target.iterdir())
    assert result.cleared and any("interrupted build" in m for m in messages)
    checked, problems = store.verify_all(target)
    assert problems == [] and checked > 0
    assert NODES in _catalog(target)["tables"]


def test_unlisted_version_is_reported_by_verify_and_cleared_by_build(store_copy: Path) -> None:
    version = _unpublish(store_copy)
    _, problems = store.verify_all(store_copy)
    assert any(f"{NODES}/{version}" in p and "interrupted build" in p for p in problems)
    result = publish.build(store_copy)  # before: "version ... is published and its data changed"
    assert f"{NODES}/{version}" in result.cleared and f"{NODES} {version}" in result.written
    assert store.verify_all(store_copy)[1] == []


def test_deleted_data_file_has_its_own_message(store_copy: Path) -> None:
    version, entry = _latest(store_copy)
    (store_copy / entry["path"]).unlink()
    with pytest.raises(PublishedVersionError, match=rf"{NODES} version {version} is published and its file .* missing"):
        publish.build(store_copy)


def test_deleted_catalog_has_its_own_message(store_copy: Path) -> None:
    (store_copy / store.CATALOG_FILE).unlink()
    (store_copy / store.LOCK_FILE).unlink()
    before = _snapshot(store_copy)
    with pytest.raises(CatalogError, match=r"catalog .*catalog\.json is missing but .* holds \d+ entries"):
        publish.build(store_copy)
    assert _snapshot(store_copy) == before
    assert not (store_copy / store.LOCK_FILE).exists()


def test_unknown_entry_in_the_store_is_not_deleted(store_copy: Path) -> None:
    (store_copy / NODES / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(BuildError, match=r"notes\.txt is in the store but neither listed"):
        publish.build(store_copy)
    assert (store_copy / NODES / "notes.txt").read_text("utf-8") == "mine"


def test_second_build_waits_and_says_for_what(store_copy: Path) -> None:
    messages: list[str] = []
    results: list[publish.BuildResult] = []
    with (store_copy / store.LOCK_FILE).open("a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.write("the build of the test")
        lock.flush()
        worker = threading.Thread(target=lambda: results.append(publish.build(store_copy, notify=messages.append)))
        worker.start()
        deadline = time.monotonic() + 120
        while not messages and time.monotonic() < deadline:
            time.sleep(0.05)
        assert messages and "waiting for the build of the test" in messages[0]
        assert not results  # still waiting
    worker.join(120)
    assert results and results[0].waited is not None and "the build of the test" in results[0].waited
    assert store.verify_all(store_copy)[1] == []


def test_two_builds_at_once(tmp_path: Path) -> None:
    target = tmp_path / "datasets"
    code = (
        "import sys; from pathlib import Path; from fintech_stats.pipeline import publish; "
        "publish.build(Path(sys.argv[1]))"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(target)], stderr=subprocess.PIPE) for _ in range(2)]
    errs = [p.communicate(timeout=300)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert "Traceback" not in "".join(errs)
    assert store.verify_all(target)[1] == []


# 2. build --check verifies every published hash and the catalog; a corrupt file is reported as such.


def _flip_that_still_decodes(path: Path) -> None:
    raw = path.read_bytes()
    original = pq.read_table(path)
    for i in range(len(raw) - 8):
        flipped = raw[:i] + bytes([raw[i] ^ 1]) + raw[i + 1 :]
        path.write_bytes(flipped)
        try:
            if pq.read_table(path).equals(original):
                return
        except (pa.ArrowException, OSError):
            pass
    raise AssertionError("no single-bit flip decodes")


def test_check_reports_a_flip_that_still_decodes(store_copy: Path) -> None:
    _, entry = _latest(store_copy)
    _flip_that_still_decodes(store_copy / entry["path"])
    problems = verify.check(store_copy)  # before: [] (the decoded tables are equal)
    assert any(entry["path"] in p and "corrupt" in p for p in problems), problems


def test_check_reports_an_undecodable_file(store_copy: Path) -> None:
    _, entry = _latest(store_copy)
    path = store_copy / entry["path"]
    path.write_bytes(path.read_bytes()[:-9])
    problems = verify.check(store_copy)  # before: ArrowInvalid
    assert any(str(path) in p and "corrupt" in p for p in problems), problems


def test_check_reports_missing_spec_and_reports(store_copy: Path) -> None:
    _, entry = _latest(store_copy)
    (store_copy / entry["spec_path"]).unlink()
    (store_copy / store.REPORTS_FILE).unlink()
    problems = verify.check(store_copy)  # before: FileNotFoundError
    assert any(entry["spec_path"] in p and "missing" in p for p in problems), problems
    assert any(store.REPORTS_FILE in p and "missing" in p for p in problems), problems


def test_check_compares_the_catalog_itself(store_copy: Path) -> None:
    catalog = _catalog(store_copy)
    _entry(catalog)["title"] = "a title changed by a bit flip"
    _entry(catalog)["rows"] += 1
    _write_catalog(store_copy, catalog)
    problems = verify.check(store_copy)  # before: [] (only the files were compared)
    assert any(f"table {NODES}" in p and "catalog entry differs" in p and "'rows', 'title'" in p for p in problems)


def test_check_reports_a_broken_catalog(store_copy: Path) -> None:
    (store_copy / store.CATALOG_FILE).write_text("{", "utf-8")
    problems = verify.check(store_copy)
    assert len(problems) == 1 and "catalog.json is not valid JSON" in problems[0]


# 3. The catalog is validated when read: CatalogError names the file and the field.


def _restated(catalog: dict[str, Any]) -> dict[str, Any]:
    return next(e for v in catalog["tables"].values() for e in v.values() if e["restatements"])


_BREAKAGES: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    ("not JSON", lambda c: "{not json", "not valid JSON"),
    ("no tables", lambda c: {k: v for k, v in c.items() if k != "tables"}, "tables: missing"),
    ("tables a list", lambda c: {**c, "tables": []}, "tables: want an object"),
    ("entry without path", lambda c: _drop(c, "path"), r"\.path: missing"),
    ("rows a string", lambda c: _set(c, "rows", "12"), r"\.rows: want a count"),
    ("sha256 a number", lambda c: _set(c, "sha256", 12), r"\.sha256: want a string"),
    ("path outside", lambda c: _set(c, "path", "../x.parquet"), r"\.path: want a path inside the store"),
    ("restatements_path null", lambda c: _set_restated(c, "restatements_path", None), r"restatements_path: want"),
    ("gaps without sha256", lambda c: {**c, "gaps": {"path": "gaps.parquet", "rows": 1}}, r"gaps\.sha256: missing"),
]


def _entry(catalog: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = catalog["tables"][NODES][max(catalog["tables"][NODES], key=store.version_key)]
    return entry


def _drop(catalog: dict[str, Any], key: str) -> dict[str, Any]:
    del _entry(catalog)[key]
    return catalog


def _set(catalog: dict[str, Any], key: str, value: object) -> dict[str, Any]:
    _entry(catalog)[key] = value
    return catalog


def _set_restated(catalog: dict[str, Any], key: str, value: object) -> dict[str, Any]:
    _restated(catalog)[key] = value
    return catalog


_LAYOUTS: dict[str, Callable[[Any], str]] = {
    "as built": publish.dump_json,
    "compact": json.dumps,
    "indent 1, unsorted": lambda c: json.dumps(dict(reversed(list(c.items()))), indent=1, ensure_ascii=False),
}


def _write_as_built(directory: Path, data: Any) -> None:
    """Write a catalog laid out as the build writes it (so that loaders read only their part)."""
    (directory / store.CATALOG_FILE).write_text(publish.dump_json(data), "utf-8")
    store.clear_caches()


def test_a_table_read_alone_is_its_entry_in_the_whole_catalog(fresh_store: Path) -> None:
    whole = _catalog(fresh_store)
    # a table's name as a key elsewhere (in a description) or the key twice: read it all instead
    tricky = json.loads(json.dumps(whole))
    tricky["tables"][NODES][_latest(fresh_store)[0]]["description"] += f' see "{CORES}": {{}}'
    _write_as_built(fresh_store, tricky)
    assert store.catalog._part(str(fresh_store), "tables", CORES) == whole["tables"][CORES]
    doubled = publish.dump_json(whole)[:-2] + f', "tables": {{"{NODES}": {{}}}}}}\n'
    (fresh_store / store.CATALOG_FILE).write_text(doubled, "utf-8")
    store.clear_caches()
    assert store.catalog._part(str(fresh_store), "tables", NODES) is None
    _write_as_built(fresh_store, whole)
    for table, versions in whole["tables"].items():
        assert store.catalog._part(str(fresh_store), "tables", table) == versions, table
    for key in store.REGISTRY_KEYS:
        assert store.catalog._part(str(fresh_store), key) == whole[key], key
    assert store.catalog._part(str(fresh_store), "tables", "no_such_table") is None


@pytest.mark.parametrize("layout", list(_LAYOUTS))
def test_load_and_claims_do_not_read_the_whole_catalog(
    fresh_store: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    # With thousands of tables, parsing and validating all of catalog.json is most of a first load;
    # a load finds its table's part in the file however the JSON is laid out.
    (fresh_store / store.CATALOG_FILE).write_text(_LAYOUTS[layout](_catalog(fresh_store)), "utf-8")
    store.clear_caches()

    def whole(*args: object, **kwargs: object) -> None:
        raise AssertionError("read the whole catalog")

    monkeypatch.setattr(store.catalog, "read_catalog", whole)
    assert len(fs.load(NODES)) == _catalog(fresh_store)["tables"][NODES][_latest(fresh_store)[0]]["rows"]
    assert len(fs.claims()) == _catalog(fresh_store)["claims"]["rows"]
    assert not fs.search("graph database nodes").empty
    assert fs.info(NODES).versions == tuple(sorted(_catalog(fresh_store)["tables"][NODES], key=store.version_key))
    with pytest.raises(AssertionError, match="whole catalog"):
        fs.tables()


@pytest.mark.parametrize("layout", ["as built", "indent 1, unsorted"])
@pytest.mark.parametrize(("what", "breaks", "message"), _BREAKAGES, ids=[b[0] for b in _BREAKAGES])
def test_broken_catalog_is_a_catalog_error(
    fresh_store: Path, what: str, breaks: Callable[[dict[str, Any]], Any], message: str, layout: str
) -> None:
    # A load validates the part of the catalog it reads: a fault in its own table's entry (or in
    # the whole document) stops it, naming the field; a fault elsewhere is found by the calls that
    # read all of it (tables, catalog, verify, build --check) and by those that read that part.
    broken = breaks(_catalog(fresh_store))
    if isinstance(broken, str):
        (fresh_store / store.CATALOG_FILE).write_text(broken, "utf-8")
        store.clear_caches()
    else:
        (fresh_store / store.CATALOG_FILE).write_text(_LAYOUTS[layout](broken), "utf-8")
        store.clear_caches()
    stopped: list[Callable[[], object]] = [fs.tables, fs.catalog, store.verify_all]
    if what == "restatements_path null":
        restated = _restated(broken)["table"]  # another table than NODES
        stopped.append(lambda: fs.restatements(restated))
        assert restated != NODES and len(fs.load(NODES)) > 0 and len(fs.claims()) > 0
    elif what == "gaps without sha256":
        stopped.append(fs.gaps)
        assert len(fs.load(NODES)) > 0 and len(fs.claims()) > 0
    elif what.startswith(("entry", "rows", "sha256", "path")):
        stopped.append(lambda: fs.load(NODES))
        assert len(fs.claims()) > 0
    else:  # the document itself
        stopped += [lambda: fs.load(NODES), fs.claims, fs.gaps]
    for call in stopped:
        with pytest.raises(CatalogError, match=message) as info:
            call()
        assert str(fresh_store / store.CATALOG_FILE) in str(info.value)


@pytest.mark.parametrize("where", ["missing", "empty", "nowhere"])
def test_missing_or_empty_store_is_an_error(
    fresh_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    if where == "missing":
        (fresh_store / store.CATALOG_FILE).unlink()
    elif where == "empty":
        _write_catalog(fresh_store, {"tables": {}})
    else:
        monkeypatch.setenv(store.ENV_VAR, str(tmp_path / "nowhere"))
    store.clear_caches()
    for call in (fs.tables, fs.claims, fs.catalog, store.verify_all):
        with pytest.raises(CatalogError, match=r"no catalog|lists no table"):
            call()  # before: [], 0 rows, "all 0 files match"
    assert main(["verify"]) == 2
    assert "catalog" in _one_line_error(capsys)
    with pytest.raises(CatalogError):
        fs.export(tmp_path / "out", "csv")
    assert not (tmp_path / "out").exists()


# 4. A file changed after it was verified is verified again.


def test_file_changed_after_a_load_is_verified_again(fresh_store: Path) -> None:
    fs.load(NODES)
    entry = store.entry(NODES)
    path = fresh_store / entry["path"]
    original = path.read_bytes()
    st = path.stat()
    path.write_bytes(original[:100] + bytes([original[100] ^ 1]) + original[101:])  # same size
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    with pytest.raises(IntegrityError, match="changed or damaged"):
        fs.load(NODES)  # before: served unchecked
    path.write_bytes(original)
    assert len(fs.load(NODES)) == entry["rows"]


# 5. Exports never replace the store or the checkout; bad targets are one line; leftovers cleared.


def test_export_refuses_the_store_and_what_holds_it(
    fresh_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(fresh_store)
    for target in (fresh_store, fresh_store.parent, fresh_store / NODES, fresh_store / "new"):
        with pytest.raises(ExportTargetError, match="the published store"):
            fs.export(target, "csv", tables=[NODES], force=True)  # before: the store was deleted
    assert main(["export", "--out", str(fresh_store), "--force"]) == 2
    assert "holds the published store" in _one_line_error(capsys)
    assert _snapshot(fresh_store) == before
    assert store.verify_all(fresh_store)[1] == []


def test_export_refuses_the_checkout(fresh_store: Path) -> None:
    # Without force: were the refusal missing, the existing target would stop it, and nothing is lost.
    for target in (CHECKOUT, CHECKOUT.parent, CHECKOUT / "tests", CHECKOUT / "fintech_stats" / "new"):
        with pytest.raises(ExportTargetError, match=r"the checkout|the fintech_stats package"):
            fs.export(target, "csv", tables=[NODES])


@pytest.mark.parametrize("case", ["dot", "under a file", "unwritable"])
def test_bad_export_targets_are_one_line(
    fresh_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "mine.txt").write_text("keep me", "utf-8")
    monkeypatch.chdir(work)
    out = {"dot": ".", "under a file": "mine.txt/out", "unwritable": "/sys/fintech-stats-export"}[case]
    assert main(["export", "--out", out, "--force", "--tables", NODES]) == 2
    line = _one_line_error(capsys)
    assert {"dot": "current directory", "under a file": "is a file", "unwritable": "cannot write"}[case] in line
    assert (work / "mine.txt").read_text("utf-8") == "keep me"


_KILLED_EXPORT = """
import os, sys
from fintech_stats.outputs import exports
real, calls = exports._write_csv, [0]
def write(*args):
    calls[0] += 1
    if calls[0] == 3:
        os._exit(137)
    real(*args)
exports._write_csv = write
exports.export(sys.argv[1], "csv")
"""


def test_killed_export_is_cleared_by_the_next(fresh_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    run = subprocess.run([sys.executable, "-c", _KILLED_EXPORT, str(target)], capture_output=True)
    assert run.returncode == 137, run.stderr.decode()
    assert [p.name for p in tmp_path.glob(".out-*")]  # what the kill left
    messages: list[str] = []
    fs.export(target, "csv", tables=[NODES], notify=messages.append)
    assert not list(tmp_path.glob(".out-*")) and any("interrupted export" in m for m in messages)
    assert sorted(p.name for p in target.iterdir()) == ["README.md", "datapackage.json", f"{NODES}.csv"]


def test_target_moved_aside_by_a_killed_export_is_restored(fresh_store: Path, tmp_path: Path) -> None:
    stage = tmp_path / ".out-abcd1234"  # as an export killed between its two renames leaves it
    (stage / "old").mkdir(parents=True)
    (stage / "old" / "mine.txt").write_text("keep me", "utf-8")
    (stage / ".lock").write_text("", "utf-8")
    with pytest.raises(ExportTargetExistsError):
        fs.export(tmp_path / "out", "csv", tables=[NODES], notify=lambda m: None)
    assert (tmp_path / "out" / "mine.txt").read_text("utf-8") == "keep me"
    assert not stage.exists()


@pytest.mark.parametrize(
    ("tables", "error", "message"),
    [
        ([], ValueError, "empty list"),
        (NODES, TypeError, "not the string"),
        ([NODES, NODES], ValueError, "twice"),
        ([NODES, 3], TypeError, "table must be a table name"),
    ],
)
def test_export_tables_argument(fresh_store: Path, tmp_path: Path, tables: Any, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        fs.export(tmp_path / "out", "csv", tables=tables)
    assert not (tmp_path / "out").exists()


# 6. Every text cell of every sheet and CSV is neutralised and reads back exactly.

STARTS = ["=", "+", "-", "@", "\t", "\r"]
NASTY = [*(s + "cmd|' /C calc'!A0" for s in STARTS), "'=already", "''=twice", "'plain", "a\rb", "c\r\nd", "-50.0%"]


@pytest.mark.parametrize("text", [*NASTY, *(s + "1" for s in STARTS), "'", "''", "plain"])
def test_neutralise_round_trips(text: str) -> None:
    cell = exports.neutralise(text)
    assert exports.unneutralise(cell) == text
    assert not cell.startswith(tuple(STARTS)) or exports._PLAIN_NUMBER.match(text)


def test_every_cell_is_neutralised_and_round_trips(fresh_store: Path, tmp_path: Path) -> None:
    catalog = rewrite_notes(fresh_store, NODES, NASTY)
    entry = store.entry(NODES)
    notes = (NASTY * 20)[: entry["rows"]]
    catalog["tables"][NODES][entry["version"]]["title"] = '=HYPERLINK("http://x", "title")'
    _write_catalog(fresh_store, catalog)
    reports = json.loads((fresh_store / store.REPORTS_FILE).read_text("utf-8"))
    reports[0]["publisher"] = '=HYPERLINK("http://x")'
    (fresh_store / store.REPORTS_FILE).write_text(json.dumps(reports, ensure_ascii=False), "utf-8")
    store.clear_caches()

    out = fs.export(tmp_path / "csv", "csv", tables=[NODES])
    raw = pd.read_csv(out / f"{NODES}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert len(raw) == entry["rows"]  # before: a \r inside a cell split its row
    assert not any(v.startswith(tuple(STARTS)) for v in raw.stack() if not exports._PLAIN_NUMBER.match(v))
    assert [exports.unneutralise(v) for v in raw["note"]] == notes

    out = fs.export(tmp_path / "xlsx", "xlsx", tables=[NODES])
    book = load_workbook(out / exports.WORKBOOK)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    title = next(c for c in book["catalog"][2] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert title.data_type == "s"
    publisher = [c for c in book["README"]["B"] if str(c.value).startswith('=HYPERLINK("http://x")')]
    assert publisher and publisher[0].data_type == "s"
    sheet = book[exports.sheet_names([NODES])[NODES]]
    col = [c.value for c in sheet[1]].index("note") + 1
    back = [sheet.cell(r, col).value for r in range(2, sheet.max_row + 1)]
    # xlsx is XML, whose readers turn a carriage return into a line feed: compare without them.
    assert [v.replace("\r\n", "\n").replace("\r", "\n") for v in notes] == back


# 7. Every user error of the command is one line on stderr and exit 2.


@pytest.mark.parametrize(
    "argv",
    [
        ["show", NODES, "--rows", "-1"],
        ["show", NODES, "--rows", "many"],
        ["search", "graph", "--limit", "0"],
        ["export", "--out", "{tmp}/x", "--tables", NODES, NODES],
        ["show", NODES, "--version", "9.9.9"],
    ],
)
def test_cli_user_errors_are_one_line(
    fresh_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    _one_line_error(capsys)


def _corpus_without(tmp_path: Path, report_id: str) -> Path:
    source = corpus.corpus_dir()
    report = next(r for r in corpus.load_reports(source) if r.report_id == report_id)
    lines = (source / report.source_file).read_text("utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if "•" in line and report.title in line)
    changed = tmp_path / "corpus"
    changed.mkdir()
    (changed / report.source_file).write_text("\n".join(lines[:i] + lines[i + 3 :]), "utf-8")
    return changed


def test_build_with_a_report_missing_is_one_line(
    store_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(corpus.ENV_VAR, str(_corpus_without(tmp_path, "fe-graph-database-survey-2023")))
    monkeypatch.setenv(store.ENV_VAR, str(store_copy))
    before = _snapshot(store_copy)
    assert main(["build"]) == 2
    assert "fe-graph-database-survey-2023" in _one_line_error(capsys)
    assert _snapshot(store_copy) == before


# 8. Arguments of the wrong type: a clear TypeError naming the argument.


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: fs.load(None), "table must be a table name"),  # type: ignore[arg-type]
        (lambda: fs.load(123), "table must be a table name"),  # type: ignore[arg-type]
        (lambda: fs.load(["x"]), "table must be a table name"),  # type: ignore[arg-type]
        (lambda: fs.load(NODES, version=1), "version must be"),  # type: ignore[arg-type]
        (lambda: fs.load(NODES, labels=None), "labels must be a string"),  # type: ignore[arg-type]
        (lambda: fs.restatements(None), "table must be"),  # type: ignore[arg-type]
        (lambda: fs.conflicts(NODES, labels=1), "labels must be a string"),  # type: ignore[arg-type]
        (lambda: fs.report_text(None), "report_id must be"),  # type: ignore[arg-type]
        (lambda: fs.export("out", None), "format must be a string"),  # type: ignore[arg-type]
        (lambda: fs.export(None, "csv"), "out must be a directory path"),  # type: ignore[arg-type]
    ],
)
def test_wrong_argument_types(fresh_store: Path, call: Callable[[], object], message: str) -> None:
    with pytest.raises(TypeError, match=message) as info:
        call()
    assert "difflib" not in str(info.traceback[-1].path)


# 9. A published report gone from the corpus is an error naming it.


def test_report_gone_from_the_corpus(store_copy: Path, tmp_path: Path) -> None:
    gone = "smba-small-bank-fintech-2023"  # no table of its own: before, it was dropped silently
    before = _snapshot(store_copy)
    with pytest.raises(BuildError, match=f"report '{gone}' .* is published but no longer in the corpus"):
        publish.build(store_copy, _corpus_without(tmp_path, gone))
    assert _snapshot(store_copy) == before


# 11. The wheel packages only what the catalog lists.


@pytest.mark.skipif(importlib.util.find_spec("build") is None, reason="needs `build` (the test extras)")
def test_wheel_has_only_what_the_catalog_lists(built_store: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(CHECKOUT / name, project / name)
    shutil.copytree(CHECKOUT / "fintech_stats", project / "fintech_stats", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(built_store, project / "datasets")
    leftover = project / "datasets" / ".build-abcd1234" / NODES / "1.1.0"
    leftover.mkdir(parents=True)
    (leftover / "data.parquet").write_bytes(b"half")
    (project / "datasets" / store.LOCK_FILE).write_text("", "utf-8")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(project)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    prefix = "fintech_stats/datasets/"
    names = {n[len(prefix) :] for n in zipfile.ZipFile(wheel).namelist() if n.startswith(prefix)}
    listed = {path for path, _ in store.published_files(built_store)} | {store.CATALOG_FILE, store.REPORTS_FILE}
    assert names == listed
    assert any(n.startswith("fintech_stats/cli.py") for n in zipfile.ZipFile(wheel).namelist())
