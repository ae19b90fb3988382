"""Recall and precision of `fintech_stats.tools.propose.propose` against the curated claims, per report.

A curated claim is covered when a candidate of kind claim overlaps its span (recall); a candidate of
kind claim is right when it overlaps a curated claim (precision).  The naive baseline is a digit and
multiplier regex with no rules.  Needs the corpus and the published store.

    python benchmarks/propose.py
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fintech_stats.access import loader
from fintech_stats.corpus.reports import load_reports
from fintech_stats.tools import propose as curate

_NAIVE = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|万亿|亿|万|千|百)?")


def _naive(text: str, spans: list[tuple[int, int]]) -> curate.Score:
    found = [(m.start(), m.end()) for m in _NAIVE.finditer(text)]
    covered = sum(1 for s, e in spans if any(a < e and s < b for a, b in found))
    correct = sum(1 for a, b in found if any(s < b and a < e for s, e in spans))
    return curate.Score("naive", len(spans), covered, len(found), correct)


def main() -> int:
    began = time.perf_counter()
    scores = curate.evaluate()
    took = time.perf_counter() - began
    frame = loader.claims()
    texts = {r.report_id: r.text for r in load_reports()}
    naive = []
    print(f"{'report':<40} {'claims':>6} {'recall':>7} {'proposed':>8} {'precision':>9}   naive: recall precision")
    for s in scores:
        rows = frame[frame["report_id"] == s.report_id]
        spans = sorted(set(zip(rows["span_start"].astype(int), rows["span_end"].astype(int), strict=True)))
        n = _naive(texts[s.report_id], spans)
        naive.append(n)
        print(
            f"{s.report_id:<40} {s.curated:>6} {s.recall:>7.3f} {s.proposed:>8} {s.precision:>9.3f}"
            f"   {n.recall:>13.3f} {n.precision:>9.3f}"
        )
    t, nt = curate.total(scores), curate.total(naive)
    print(
        f"{'all full and truncated texts':<40} {t.curated:>6} {t.recall:>7.3f} {t.proposed:>8} {t.precision:>9.3f}"
        f"   {nt.recall:>13.3f} {nt.precision:>9.3f}"
    )
    print(f"({len(scores)} reports classified in {took:.2f} s; targets: recall >= 0.97, precision >= 0.70)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
