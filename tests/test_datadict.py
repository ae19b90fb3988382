"""The data dictionary: the committed docs/ equal what render() produces from the published datasets."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import fintech_stats as fs
from fintech_stats import store
from fintech_stats.outputs import docs as datadict

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PUBLISHED = ROOT / "datasets"
NODES = "graph_db_scale_by_server_nodes"
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.fixture(scope="module")
def pages() -> Iterator[dict[str, str]]:
    """render() of the published datasets of this checkout (whatever $FINTECH_STATS_DATASETS says)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(store.ENV_VAR, str(PUBLISHED))
        store.clear_caches()
        yield datadict.render()
    store.clear_caches()


@pytest.fixture()
def published(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The loaders read the published datasets of this checkout."""
    monkeypatch.setenv(store.ENV_VAR, str(PUBLISHED))
    store.clear_caches()
    yield PUBLISHED
    store.clear_caches()


def _committed() -> dict[str, str]:
    """The generated files as committed: index.md and everything under the owned directories."""
    files = [DOCS / "index.md"] if (DOCS / "index.md").exists() else []
    for owned in datadict.OWNED_DIRS:
        files += [p for p in (DOCS / owned).rglob("*") if p.is_file()]
    return {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in files}


def _first_difference(expected: dict[str, str], actual: dict[str, str]) -> str | None:
    for relative in sorted(set(expected) | set(actual)):
        if relative not in actual:
            return f"docs/{relative} is missing"
        if relative not in expected:
            return f"docs/{relative} is stale (render() no longer produces it)"
        if expected[relative] != actual[relative]:
            want, got = expected[relative].splitlines(), actual[relative].splitlines()
            line = next(
                (i for i, (w, g) in enumerate(zip(want, got, strict=False)) if w != g), min(len(want), len(got))
            )
            return (
                f"docs/{relative} differs from render() at line {line + 1}: "
                f"expected {want[line] if line < len(want) else '<end>'!r}, "
                f"committed {got[line] if line < len(got) else '<end>'!r}"
            )
    return None


def test_committed_docs_equal_render(pages: dict[str, str]) -> None:
    difference = _first_difference(pages, _committed())
    assert difference is None, f"{difference}; regenerate with `python -m fintech_stats.outputs.docs`"


def test_first_difference_names_the_file() -> None:
    expected = {"index.md": "a\nb\n", "tables/t.md": "x\n"}
    assert _first_difference(expected, dict(expected)) is None
    message = _first_difference(expected, {"index.md": "a\nc\n", "tables/t.md": "y\n"})
    assert message is not None and message.startswith("docs/index.md differs") and "line 2" in message
    assert _first_difference(expected, {"index.md": "a\nb\n"}) == "docs/tables/t.md is missing"


def test_every_table_and_report_has_a_page(pages: dict[str, str], published: Path) -> None:
    names = fs.tables()
    assert len(names) == len(store.catalog_entries()) > 0
    for name in names:
        assert f"tables/{name}.md" in pages
        assert (DOCS / "tables" / f"{name}.md").is_file()
    report_ids = list(fs.reports()["report_id"])
    for report_id in report_ids:
        assert (DOCS / "reports" / f"{report_id}.md").is_file()
    assert len(pages) == 1 + len(names) + len(report_ids)


def test_links_resolve(pages: dict[str, str], published: Path) -> None:
    index_links = LINK.findall(pages["index.md"])
    for name in fs.tables():
        assert f"tables/{name}.md" in index_links
    assert "writing-extractors.md" in index_links
    for relative, text in pages.items():
        base = (DOCS / relative).parent
        for target in LINK.findall(text):
            assert (base / target).resolve().is_file(), f"docs/{relative} links to missing {target}"


def test_table_page_has_codelists_citation_and_sha256(pages: dict[str, str], published: Path) -> None:
    page = pages[f"tables/{NODES}.md"]
    entry = store.entry(NODES)
    spec = store.read_json(entry["spec_path"], entry["spec_sha256"])
    assert spec["title"] in page and spec["title_zh"] in page and spec["description"] in page
    for dim in spec["dimensions"]:
        for code in dim["codes"] or []:
            assert f"| `{code['code']}` | {code['zh']} | {code['en']} |" in page
    for version, e in store.catalog_entries()[NODES].items():
        assert f"| {version} | {e['rows']} | {e['restatements']} | `{e['sha256']}` |" in page
    for warning in spec["usage_warnings"]:
        assert warning["description"] in page
    assert (
        f"table {NODES} version {entry['version']} (data sha256 {entry['sha256']}). "
        "Source: 金融电子化《2023金融业图数据库建设发展调研报告》 (fe-graph-database-survey-2023), " in page
    )
    assert f"> {fs.info(NODES).citation}" in page
    # the preview: 8 rows, the first one as loaded
    preview = page.split("## Preview", 1)[1]
    assert len([line for line in preview.splitlines() if line.startswith("| 20")]) == datadict.PREVIEW_ROWS
    first = fs.load(NODES).iloc[0]
    assert f"| {first.year} | {first.plan_or_actual} | {first.server_node_bucket} | {first.measure} |" in preview


def test_dimension_lists_the_codes_the_table_uses(pages: dict[str, str], published: Path) -> None:
    name = "graph_db_case_pingan"
    entry = store.entry(name)
    spec = store.read_json(entry["spec_path"], entry["spec_sha256"])
    metric = next(d for d in spec["dimensions"] if d["name"] == "case_metric")
    used = set(fs.load(name)["case_metric"].astype(str)) | set(fs.restatements(name)["case_metric"].astype(str))
    assert {c["code"] for c in metric["codes"]} == used  # the spec holds the codes used, not the whole codelist
    page = pages[f"tables/{name}.md"]
    for code in metric["codes"]:
        assert f"| `{code['code']}` | {code['zh']} |" in page
    assert f"Codelist `graph_db_case_metric`: the {len(used)} codes this table uses" in page


def test_report_pages_status_and_losses(pages: dict[str, str]) -> None:
    survey = pages["reports/fe-graph-database-survey-2023.md"]
    assert "| claims | 466 (396 rows, 63 restatements and 7 conflicts in 43 tables) |" in survey
    lost = survey.split("## What was lost", 1)[1]
    for kind in ("damage", "typo", "sum", "missing"):
        assert f"- **{kind}** (" in lost
    assert "**verbal**" not in lost  # a caveat, not a loss: it stays on the table page
    assert "| `digits_glued` |" in lost
    snippet = pages["reports/duxiaoman-ai-in-finance-2023.md"]
    assert "**snippet**: Only a snippet of the text survives (its first 101 characters" in snippet
    assert "## Tables\n\nNone." in snippet
    digits = pages["reports/idc-jdt-supply-chain-fintech-2023.md"]
    assert "**digits_lost**:" in digits and "gap" in digits


def test_output_is_deterministic_and_follows_the_datasets_dir(
    pages: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "elsewhere" / "datasets"
    shutil.copytree(PUBLISHED, copy)
    monkeypatch.setenv(store.ENV_VAR, str(copy))
    store.clear_caches()
    assert datadict.render() == pages  # same data in another directory: same bytes
    assert not any(str(tmp_path) in text or str(ROOT) in text for text in pages.values())

    reports = json.loads((copy / store.REPORTS_FILE).read_text(encoding="utf-8"))
    reports[0]["title"] = "Report | with a pipe"
    (copy / store.REPORTS_FILE).write_text(json.dumps(reports, ensure_ascii=False), encoding="utf-8")
    store.clear_caches()
    changed = datadict.render()
    store.clear_caches()
    page = changed[f"reports/{reports[0]['report_id']}.md"]
    assert "| title | Report \\| with a pipe |" in page
    assert "Report \\| with a pipe" in changed["index.md"]


def test_write_replaces_stale_pages_and_keeps_hand_written_ones(
    pages: dict[str, str], tmp_path: Path, published: Path
) -> None:
    docs = tmp_path / "docs"
    (docs / "tables" / "old").mkdir(parents=True)
    (docs / "reports").mkdir()
    (docs / "tables" / "gone_table.md").write_text("stale", encoding="utf-8")
    (docs / "tables" / "old" / "nested.md").write_text("stale", encoding="utf-8")
    (docs / "reports" / "gone-report.md").write_text("stale", encoding="utf-8")
    (docs / "guide.md").write_text("hand-written", encoding="utf-8")
    (docs / "index.md").write_text(datadict._HEADER + "\n\nan older generated index\n", encoding="utf-8")

    written = datadict.write(docs)

    assert written == [str(docs / relative) for relative in pages]
    assert not (docs / "tables" / "gone_table.md").exists()
    assert not (docs / "tables" / "old" / "nested.md").exists()
    assert not (docs / "reports" / "gone-report.md").exists()
    assert (docs / "guide.md").read_text(encoding="utf-8") == "hand-written"
    on_disk = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md") if p.name != "guide.md"}
    assert on_disk == {relative: text.encode("utf-8") for relative, text in pages.items()}


def test_module_entry_writes_the_docs(tmp_path: Path, published: Path) -> None:
    env = dict(os.environ, **{store.ENV_VAR: str(published)})
    target = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "fintech_stats.outputs.docs", str(target)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert f"wrote {1 + len(fs.tables()) + len(fs.reports())} files" in result.stdout
    assert (target / "index.md").read_text(encoding="utf-8") == (DOCS / "index.md").read_text(encoding="utf-8")


def test_readme_quality_section_is_current() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = datadict.quality_section()
    assert section in readme, "regenerate with `fintech-stats docs` (it updates the README's quality section)"
    assert "| `fe-graph-database-survey-2023` | full |" in section


def test_readme_says_how_to_cite_and_the_licence() -> None:
    # The README's "how to cite" is what the one citation function makes, and its licence the one text.
    from fintech_stats.model.citation import CITATION_PATTERN, LICENCE

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert f"    {CITATION_PATTERN}\n" in readme and f"> {LICENCE}\n" in readme


def test_docs_refuse_someone_elses_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fintech_stats.errors import DocsTargetError

    # The guard, not the rendering, is under test: two small generated pages.
    monkeypatch.setattr(datadict, "render", lambda: {"index.md": datadict._HEADER + "\n", "tables/t.md": "t\n"})
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "index.md").write_text("# my own notes\n", "utf-8")
    with pytest.raises(DocsTargetError, match="did not generate"):
        datadict.write(theirs)
    assert (theirs / "index.md").read_text("utf-8") == "# my own notes\n"  # untouched
    assert datadict.write(theirs, force=True)
    fresh = tmp_path / "fresh"
    assert datadict.write(fresh) and datadict.write(fresh)  # a folder it made may be written again
