"""Benchmarks of what users wait for; prints a table and writes benchmarks/results.json.

Plain Python: stdlib timing, fresh processes for cold starts, several runs, medians and ratios.

    python benchmarks/run.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Run from a checkout without installing: the package is found beside this folder, here and in children.
sys.path.insert(0, str(HERE.parent))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))
TABLE = "graph_db_scale_by_server_nodes"


def _cold(code: str, runs: int) -> float:
    """Median wall time of `python -c code` in fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _warm(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _synthetic_store(factor: int) -> Path:
    """A store with `factor` times the published tables (each version listed under new names, pointing
    at the same files, and the claims file repeated), written as the build writes a store: the
    catalog laid out by the build's own writer, the search index made by the build's own function."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from fintech_stats import store
    from fintech_stats.pipeline import publish
    from fintech_stats.pipeline.index import index_document

    source = store.datasets_dir()
    target = Path(tempfile.mkdtemp(prefix="fintech-stats-x50-")) / "datasets"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".build*"))
    catalog = json.loads((target / store.CATALOG_FILE).read_text("utf-8"))
    tables = catalog["tables"]
    indexed = []
    for name, versions in list(tables.items()):
        latest = max(versions, key=store.version_key)
        spec = json.loads((target / versions[latest]["spec_path"]).read_text("utf-8"))
        for i in range(factor):
            copy = f"{name}_x{i}" if i else name
            tables[copy] = {v: {**e, "table": copy} for v, e in versions.items()}
            indexed.append((copy, latest, tables[copy][latest], spec))
    index = index_document(indexed)
    (target / store.SEARCH_FILE).write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    catalog["search"]["sha256"] = store.sha256_file(target / store.SEARCH_FILE)
    catalog["search"]["rows"] = len(indexed)
    claims = pq.read_table(target / store.CLAIMS_FILE)
    pq.write_table(pa.concat_tables([claims] * factor), target / store.CLAIMS_FILE)
    catalog["claims"]["sha256"] = store.sha256_file(target / store.CLAIMS_FILE)
    catalog["claims"]["rows"] = claims.num_rows * factor
    (target / store.CATALOG_FILE).write_text(publish.dump_json(catalog), "utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    import fintech_stats as fs
    from fintech_stats import store

    path = store.datasets_dir() / store.entry(TABLE)["path"]
    leaked = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, fintech_stats; "
            "print(','.join(m for m in ('pandas', 'pyarrow', 'camelot') if m in sys.modules))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()

    python_start = _cold("pass", runs)
    import_time = _cold("import fintech_stats", runs)
    load_cold = _cold(f"import fintech_stats as fs; fs.load({TABLE!r})", runs)
    read_cold = _cold(f"import pandas as pd; pd.read_parquet({str(path)!r})", runs)

    claims_cold = _cold("import fintech_stats as fs; fs.claims()", runs)
    fs.claims()
    claims_warm = _warm(fs.claims, runs)
    search_cold = _cold("import fintech_stats as fs; fs.search('graph database nodes')", runs)
    tables_cli = _cold("from fintech_stats.cli import main; main(['tables'])", runs)

    # 50 x today's tables: a synthetic store, the same commands in fresh processes.
    big = _synthetic_store(50)
    os.environ["FINTECH_STATS_DATASETS"] = str(big)
    claims_cold_x50 = _cold("import fintech_stats as fs; fs.claims()", runs)
    search_cold_x50 = _cold("import fintech_stats as fs; fs.search('graph database nodes')", runs)
    load_cold_x50 = _cold(f"import fintech_stats as fs; fs.load({TABLE!r})", runs)
    del os.environ["FINTECH_STATS_DATASETS"]
    shutil.rmtree(big.parent, ignore_errors=True)

    check_runs = max(1, runs // 3)
    baseline = _cold("import pandas, pyarrow.parquet", runs)
    check = _cold("from fintech_stats.cli import main; raise SystemExit(main(['build', '--check']))", check_runs)
    # r02 alone: the same check with the curation folder holding only r02 (its differences are
    # the other reports' tables, which it no longer builds; only the time matters here).
    check_r02 = _cold(
        "import shutil, tempfile; from pathlib import Path; from fintech_stats import curation; "
        "from fintech_stats.pipeline import verify; "
        "tmp = Path(tempfile.mkdtemp()); shutil.copytree(curation.FOLDER / 'r02', tmp / 'r02'); "
        "curation.FOLDER = tmp; verify.check()",
        check_runs,
    )

    def _xlsx() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            fs.export(Path(tmp) / "x", "xlsx")

    xlsx = _warm(_xlsx, max(1, runs // 3))
    site_root = Path(tempfile.mkdtemp(prefix="fintech-stats-site-"))
    site_args = ["site", "--out", str(site_root / "site"), "--force"]
    site_build = _cold(f"from fintech_stats.cli import main; raise SystemExit(main({site_args!r}))", max(1, runs // 3))
    shutil.rmtree(site_root, ignore_errors=True)

    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "runs": runs,
        "table": TABLE,
        "import_leaks": leaked.split(",") if leaked else [],
        "seconds": {
            "python_startup": round(python_start, 4),
            "import_fintech_stats": round(import_time, 4),
            "cold_load": round(load_cold, 4),
            "cold_pandas_read_parquet": round(read_cold, 4),
            "claims_cold_process": round(claims_cold, 4),
            "claims_warm": round(claims_warm, 4),
            "import_pandas_pyarrow_parquet": round(baseline, 4),
            "build_check": round(check, 3),
            "build_check_r02_alone": round(check_r02, 3),
            "xlsx_export_all_tables": round(xlsx, 3),
            "site_build": round(site_build, 3),
        },
        "ratios": {
            "cold_load_over_read_parquet": round(load_cold / read_cold, 3),
            "claims_cold_over_load_cold": round(claims_cold / load_cold, 2),
            "tables_cli_over_import": round(tables_cli / import_time, 2),
            "x50_claims_cold_over_today": round(claims_cold_x50 / claims_cold, 2),
            "x50_search_cold_over_today": round(search_cold_x50 / search_cold, 2),
            "x50_load_cold_over_today": round(load_cold_x50 / load_cold, 2),
            "build_check_over_import_pandas": round(check / baseline, 2),
            "build_check_r02_over_import_pandas": round(check_r02 / baseline, 2),
        },
        "targets": {
            "import_leaks": "none",
            "cold_load_over_read_parquet": "<= 1.25",
            "claims_warm": "<= 0.5 s",
            "build_check_over_import_pandas": "<= 10",
            "claims_cold_over_load_cold": "<= 1.2",
            "tables_cli_over_import": "<= 2",
            "x50_claims_cold_over_today": "<= 10",
            "x50_search_cold_over_today": "<= 5",
            "x50_load_cold_over_today": "<= 1.2",
            "build_check_r02_over_import_pandas": "<= 4",
            "xlsx_export_all_tables": "<= 10 s",
            "site_build": "<= 10 s",
        },
    }
    results["met"] = {
        "import_leaks": not leaked,
        "cold_load_over_read_parquet": load_cold / read_cold <= 1.25,
        "claims_warm": claims_warm <= 0.5,
        "build_check_over_import_pandas": check / baseline <= 10,
        "claims_cold_over_load_cold": claims_cold / load_cold <= 1.2,
        "tables_cli_over_import": tables_cli / import_time <= 2,
        "x50_claims_cold_over_today": claims_cold_x50 / claims_cold <= 10,
        "x50_search_cold_over_today": search_cold_x50 / search_cold <= 5,
        "x50_load_cold_over_today": load_cold_x50 / load_cold <= 1.2,
        "build_check_r02_over_import_pandas": check_r02 / baseline <= 4,
        "xlsx_export_all_tables": xlsx <= 10,
        "site_build": site_build <= 10,
    }
    rows = [
        ("import fintech_stats (fresh process)", import_time, f"leaks: {leaked or 'none'}"),
        ("cold fs.load(T)", load_cold, ""),
        ("cold pd.read_parquet(P)", read_cold, f"ratio {load_cold / read_cold:.2f} (target <= 1.25)"),
        ("claims(), fresh process", claims_cold, "includes python, pandas, pyarrow start-up"),
        ("claims(), warm", claims_warm, "target <= 0.5 s"),
        ("claims(), fresh / load(T), fresh", claims_cold / load_cold, "ratio (target <= 1.2)"),
        ("fintech-stats tables / import", tables_cli / import_time, "ratio (target <= 2)"),
        ("x50 tables: claims(), fresh", claims_cold_x50, f"{claims_cold_x50 / claims_cold:.2f} x today (<= 10)"),
        ("x50 tables: search(), fresh", search_cold_x50, f"{search_cold_x50 / search_cold:.2f} x today (<= 5)"),
        ("x50 tables: load(T), fresh", load_cold_x50, f"{load_cold_x50 / load_cold:.2f} x today (<= 1.2)"),
        ("python -c 'import pandas, pyarrow.parquet'", baseline, "the yardstick of the build ratios"),
        ("fintech-stats build --check", check, f"ratio {check / baseline:.2f} (target <= 10)"),
        ("build --check, r02 alone", check_r02, f"ratio {check_r02 / baseline:.2f} (target <= 4)"),
        ("xlsx export, all tables", xlsx, "target <= 10 s"),
        ("fintech-stats site (fresh process)", site_build, "target <= 10 s"),
    ]
    print(f"{'what':<40} {'median s':>9}  note")
    for what, seconds, note in rows:
        print(f"{what:<40} {seconds:>9.3f}  {note}")
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if all(results["met"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
