"""What a new user does after `pip install fintech-stats`: load everything, from any directory."""

from __future__ import annotations

import sys
from pathlib import Path

import fintech_stats as fs
from fintech_stats import store

no_corpus = "--no-corpus" in sys.argv
assert "site-packages" in fs.__file__, fs.__file__
reports = fs.reports()
assert len(reports) == 19 and reports["pages"].sum() == 1394, reports
assert reports["text_status"].value_counts().to_dict() == {"full": 9, "truncated": 1, "snippet": 8, "digits_lost": 1}
catalog = fs.catalog()
assert catalog["table"].nunique() == len(fs.tables()) > 0
for entry in catalog.itertuples():
    assert store.sha256_file(Path(entry.path)) == entry.sha256, entry.table
latest = catalog.drop_duplicates("table", keep="last")
for entry in latest.itertuples():
    assert len(fs.load(entry.table)) == entry.rows, entry.table
claims = fs.claims()
assert len(claims) == latest["rows"].sum() + latest["restatements"].sum() + latest["conflicts"].sum()
if no_corpus:
    try:
        fs.report_text("fe-graph-database-survey-2023")
    except fs.CorpusNotFoundError as exc:
        assert "FINTECH_STATS_CORPUS" in str(exc)
    else:
        raise AssertionError("report_text must need the corpus")
else:
    texts = {rid: fs.report_text(rid) for rid in claims["report_id"].unique()}
    for row in claims.itertuples():
        assert texts[row.report_id][row.span_start : row.span_end] == row.literal, row
print(f"installed package OK: {len(latest)} tables, {len(claims)} claims, corpus={'no' if no_corpus else 'yes'}")
