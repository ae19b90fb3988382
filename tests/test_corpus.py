"""The corpus parser on the real listing, and its errors."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from fintech_stats.corpus import record
from fintech_stats.corpus import reports as corpus
from fintech_stats.errors import CorpusFormatError, CorpusNotFoundError, UnknownReportError


def test_listing_page_one(corpus_path: Path) -> None:
    reports = corpus.load_reports(corpus_path)
    assert len(reports) == 19
    assert Counter(r.text_status for r in reports) == {"full": 9, "truncated": 1, "snippet": 8, "digits_lost": 1}
    assert sum(r.pages for r in reports) == 1394
    assert len({r.report_id for r in reports}) == 19
    survey = corpus.get_report("fe-graph-database-survey-2023", corpus_path)
    assert survey.publisher == "金融电子化"
    assert survey.pages == 92
    assert survey.site_published == dt.date(2023, 12, 5)
    assert survey.text.startswith("金融业图数据库建设发展调研报告")
    assert len(survey.text) == 54226
    assert survey.position == 2
    hundsun = reports[0]
    assert hundsun.publisher == "HundSun恒生电子"
    last = reports[-1]
    assert last.views == 34 and last.pages == 359


def test_text_is_the_stripped_line(corpus_path: Path) -> None:
    raw = (corpus_path / "listing-fintech-p01.txt").read_text(encoding="utf-8").split("\n")
    survey = corpus.get_report("fe-graph-database-survey-2023", corpus_path)
    assert raw[14].strip() == survey.text


def test_missing_corpus_names_both_places(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(corpus.ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(CorpusNotFoundError, match="FINTECH_STATS_CORPUS"):
        corpus.corpus_dir()
    monkeypatch.delenv(corpus.ENV_VAR)
    monkeypatch.setattr(record, "_source_checkout_corpus", lambda: tmp_path / "shared" / "corpus")
    with pytest.raises(CorpusNotFoundError) as info:
        corpus.corpus_dir()
    assert "FINTECH_STATS_CORPUS" in str(info.value) and str(tmp_path / "shared" / "corpus") in str(info.value)


def test_empty_corpus_directory(tmp_path: Path) -> None:
    with pytest.raises(CorpusNotFoundError, match="no listing"):
        corpus.load_reports(tmp_path)


def test_corpus_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "listing-x.txt").write_bytes("  • 某:报告(3页).pdf\n".encode("utf-16"))
    with pytest.raises(CorpusFormatError, match=r"listing-x\.txt is not UTF-8"):
        corpus.load_reports(tmp_path)


def test_entry_without_meta_line(tmp_path: Path) -> None:
    (tmp_path / "listing-x.txt").write_text("  • 某:报告(3页).pdf\n\n    正文\n\n    nothing\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="发布时间"):
        corpus.load_reports(tmp_path)


def test_unknown_report_suggests(corpus_path: Path) -> None:
    with pytest.raises(UnknownReportError, match="fe-graph-database-survey-2023"):
        corpus.get_report("fe-graph-database-survey", corpus_path)


def test_report_ids_are_data_and_a_bad_file_says_what_it_wants(tmp_path: Path) -> None:
    from fintech_stats.corpus import ids

    good, lost, truncated = ids.read_ids()
    assert (good, lost, truncated) == (ids.REPORT_IDS, ids.DIGITS_LOST, ids.TRUNCATED)
    assert len(set(good.values())) == len(good)  # one id a report
    broken = tmp_path / "ids.toml"
    broken.write_text('[ids]\n"a:b" = "a-b"\n[digits_lost]\nreports = ["c-d"]\n[truncated]\n', "utf-8")
    with pytest.raises(CorpusFormatError, match=r"ids\.toml: \[digits_lost\] names 'c-d', which is no id"):
        ids.read_ids(broken)
    broken.write_text("[ids]\n", "utf-8")
    with pytest.raises(CorpusFormatError, match=r"ids\.toml: want tables \[ids\]"):
        ids.read_ids(broken)
