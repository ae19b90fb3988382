"""PDF in, end to end: a PDF made here with reportlab is ingested, curated, built and loaded back."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from fintech_stats import curation, errors, store
from fintech_stats.corpus import ingested
from fintech_stats.corpus import reports as corpus
from fintech_stats.pipeline import extract, publish
from fintech_stats.tools import ingest

pytest.importorskip("reportlab")
pytest.importorskip("pypdf")

HAS_CAMELOT = importlib.util.find_spec("camelot") is not None
SLUG = "test-pdf-survey-2024"
PAGE1 = "调研显示,共有 79 家金融机构参与本次调研,其中 58.5%的机构已使用图数据库。"
PAGE2 = "预计到 2025 年,图数据库市场规模将达到 1.2 万亿元,同比增长 20.5%。"


def _make_pdf(path: Path) -> None:
    """Two pages of Chinese text with numbers, a ruled table (page 1) and a borderless one (page 2)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=12, leading=18)
    cell = TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 11)])
    ruled = Table([["机构类型", "使用率"], ["国有大行", "66.7%"], ["股份制银行", "40.0%"]], colWidths=[120, 90])
    ruled.setStyle(cell)
    ruled.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 1, colors.black)]))
    plain = Table([["年份", "规模", "增速"], ["2023", "0.8", "15%"], ["2024", "1.0", "25%"]], colWidths=[90, 90, 90])
    plain.setStyle(cell)
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build(
        [
            Paragraph(PAGE1, style),
            Spacer(1, 24),
            ruled,
            PageBreak(),
            Paragraph(PAGE2, style),
            Spacer(1, 24),
            plain,
        ]
    )


def _make_scan(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 300, fill=1)
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "survey.pdf"
    _make_pdf(path)
    return path


def test_no_text_layer_is_refused_in_one_line(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    _make_scan(scan)
    (tmp_path / "corpus").mkdir()
    with pytest.raises(errors.NoTextLayerError, match="no text layer") as info:
        ingest.ingest(scan, "scan-2024", "P", "T", tmp_path / "corpus", tables=False)
    assert "\n" not in str(info.value)
    assert not list((tmp_path / "corpus").iterdir())  # nothing left behind


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch, pdf: Path, tmp_path: Path) -> None:
    import builtins

    real = builtins.__import__

    def no_pypdf(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] in ("pypdf", "camelot"):
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    monkeypatch.setattr("importlib.import_module", lambda name: no_pypdf(name))
    with pytest.raises(errors.PdfExtraMissingError, match=r'pip install "fintech-stats\[pdf\]"') as info:
        ingest.ingest(pdf, "x-2024", "P", "T", tmp_path, tables=False)
    assert "\n" not in str(info.value)


def test_bad_slug_and_existing_report(pdf: Path, tmp_path: Path) -> None:
    with pytest.raises(errors.IngestError, match="lowercase"):
        ingest.ingest(pdf, "Bad Slug", "P", "T", tmp_path, tables=False)
    ingest.ingest(pdf, "once-2024", "P", "T", tmp_path, tables=False)
    with pytest.raises(errors.IngestError, match="ingested already"):
        ingest.ingest(pdf, "once-2024", "P", "T", tmp_path, tables=False)


@pytest.mark.skipif(not HAS_CAMELOT, reason="camelot-py is not installed (the pdf extra)")
def test_tables_are_saved_with_page_and_bbox(pdf: Path, tmp_path: Path) -> None:
    folder = ingest.ingest(pdf, SLUG, "测试出版社", "测试报告", tmp_path)
    index = json.loads((folder / "tables" / "index.json").read_text(encoding="utf-8"))
    found = [t for t in index if "file" in t]
    lattice = [t for t in found if t["flavor"] == "lattice"]
    assert [t["page"] for t in lattice] == [1]  # the ruled table; the borderless one has no lines
    assert any(t["flavor"] == "stream" and t["page"] == 2 for t in found)
    for t in found:
        assert len(t["bbox"]) == 4 and (folder / "tables" / t["file"]).is_file()
    ruled = (folder / "tables" / lattice[0]["file"]).read_text(encoding="utf-8")
    assert "66.7%" in ruled and "国有大行" in ruled
    stream_text = "".join((folder / "tables" / t["file"]).read_text(encoding="utf-8") for t in found if t["page"] == 2)
    assert "25%" in stream_text


CURATION_TOML = f"""report_id = "{SLUG}"
topic = "pdftest"

[[table]]
name = "pdftest_graph_db"
title = "Graph databases in the test PDF"
description = "Values of the test PDF."
source = "正文"
dims = ["year"]
units = ["count", "percent", "CNY"]
"""
ROWS_TSV = (
    "table\tanchor\tdims\tunit\tlocation\n"
    "pdftest_graph_db\t共有 {Q}金融机构\tyear=2021\t\tp. 1\n"
    "pdftest_graph_db\t其中 {Q}的机构已使用\tyear=2022\t\tp. 1\n"
    "pdftest_graph_db\t将达到 {Q},同比\tyear=2025\t\tp. 2\n"
    "pdftest_graph_db\t国有大行 ?{Q}\tyear=2023\t\t表\n"
)


def test_end_to_end(pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    folder = ingest.ingest(pdf, SLUG, "测试出版社", "测试报告", corpus_dir, tables=HAS_CAMELOT)
    text = (folder / "text.txt").read_text(encoding="utf-8")
    assert PAGE1.replace(" ", "")[:10] in text.replace(" ", "")
    bounds = json.loads((folder / "pages.json").read_text(encoding="utf-8"))
    assert [b["page"] for b in bounds] == [1, 2]
    assert bounds[0]["start"] == 0 and bounds[0]["end"] <= bounds[1]["start"] and bounds[1]["end"] == len(text)
    assert "1.2 万亿元" in text[bounds[1]["start"] : bounds[1]["end"]]

    reports = ingested.read_ingested(corpus_dir)
    assert [(r.report_id, r.pages, r.text_status, r.source_file) for r in reports] == [
        (SLUG, 2, "full", f"ingested-{SLUG}/text.txt")
    ]
    assert reports[0].text == text

    # a curation of the ingested report, in a curation folder of its own
    cur_root = tmp_path / "curation"
    (cur_root / "r01").mkdir(parents=True)
    (cur_root / "r01" / "tables.toml").write_text(CURATION_TOML, encoding="utf-8")
    (cur_root / "r01" / "rows.tsv").write_text(ROWS_TSV, encoding="utf-8")
    result = curation.run(curation.read_curation(cur_root / "r01"), text)
    observed = {int(dict(o.dims)["year"]): o for _, obs in result.tables for o in obs}
    assert observed[2021].literal.startswith("79") and observed[2025].unit == "CNY"

    monkeypatch.setattr(curation, "FOLDER", cur_root)
    monkeypatch.setenv(corpus.ENV_VAR, str(corpus_dir))

    def with_ingested(directory: Path | None = None) -> tuple[corpus.Report, ...]:
        # corpus.load_reports reads ingested-*/ once it is wired in; until then, add them here
        try:
            listed = corpus.load_reports(directory)
        except corpus.CorpusNotFoundError:
            listed = ()
        known = {r.report_id for r in listed}
        return (*listed, *(r for r in ingested.read_ingested(directory or corpus_dir) if r.report_id not in known))

    monkeypatch.setattr(extract, "load_reports", with_ingested)
    datasets = tmp_path / "datasets"
    built = publish.build(datasets, corpus_dir)
    assert built.written == ["pdftest_graph_db 1.0.0"]

    monkeypatch.setenv(store.ENV_VAR, str(datasets))
    store.clear_caches()
    import fintech_stats as fs

    try:
        table = fs.load("pdftest_graph_db")
        rows = {int(r.year): r for r in table.itertuples()}
        assert rows[2021].value == 79 and rows[2021].unit == "count"
        assert rows[2022].value == 58.5 and rows[2022].unit == "percent"
        assert rows[2025].value == 1.2e12 and rows[2025].unit == "CNY"
        assert rows[2023].value == 66.7
        for r in rows.values():
            assert text[r.span_start : r.span_end] == r.literal
        paged = ingested.with_pages(table, corpus_dir)
        assert dict(zip(paged["year"].astype(int), paged["page"], strict=True)) == {2021: 1, 2022: 1, 2023: 1, 2025: 2}
        assert corpus.report_text(SLUG, corpus_dir) == text
        report = fs.reports().set_index("report_id").loc[SLUG]
        assert report["n_claims"] == 4 and report["pages"] == 2
    finally:
        store.clear_caches()
