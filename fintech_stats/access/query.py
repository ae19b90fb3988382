"""Offline search of the published tables by their metadata: search("图数据库 节点"), search("server nodes").

Only the catalog and the search index are read (through `fintech_stats.store.catalog`, verified by
sha256), never a spec.json, the corpus or the data: the build writes the tables' spec metadata as an
inverted index (search.json), read once per process and catalog path and decoded only as far as
each query needs.

Text is cut into terms the same way for tables and queries:

- Chinese (no spaces): every pair of adjacent characters (bigram), plus every single character at a
  low weight, so "图数据库 节点" matches "服务器节点数量" through 节点.
- Other text: lowercase runs of letters or of digits, minus a few stop words ("don't" reads "do
  not"), through a light stemmer (nodes -> node, scoring and score -> scor, adoption -> adopt) and a
  few synonyms ("database" reads "db"), so "graph database" matches the name part "graph_db" (names
  are split on "_").
- A few query words also search their counterpart in the other language or the metadata's word
  (地区 and region, 农行 and 农业银行, spending and investment), at a lower weight.

A table scores, for each distinct query term it contains, the term's IDF (rare terms count more)
times the weight of the best field holding it: name or title 3, a dimension (its name and the zh/en
labels of its codes) 2, description, source or units 1; single Chinese characters count a fifth.
Single characters only refine the ranking: a table must match a whole word or bigram of the query
(unless the query has nothing but single characters).  The terms a phrase expands to add at most
what the phrase's own words would (an expansion into several rare words must not outweigh it).  A
table's score is multiplied by the share of the query's words (each with its expansions) it holds,
and halved when the query asks for a breakdown ("... by region", "按地区") that none of its
dimensions holds.  IT in capitals is an acronym, not the stop word it.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats import store
from fintech_stats.errors import IntegrityError
from fintech_stats.text import tokens
from fintech_stats.text.tokens import (
    CHAR_FACTOR,
    CJK_RUN,
    DIMENSION_LABEL,
    INDEX_FORMAT,
    STOP_WORDS,
    WORD,
    Term,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "closest", "expansions", "port_document", "search"]

#: The columns of a search result, in order.
COLUMNS = ("table", "version", "title", "report_id", "rows", "score", "matched")

#: Factor of a term the query expands to (地区 -> 区域) relative to the query's own terms.
EXPANSION_FACTOR = 0.8
#: Factor of the score of a table without the breakdown the query asks for ("... by region",
#: "按地区"): no dimension of the table holds a word of it.
BREAKDOWN_FACTOR = 0.5
#: The words that ask for a breakdown by what follows them (English: up to the next stop word;
#: Chinese: the rest of the run of characters).
_BREAKDOWN_WORD = "by"
_BREAKDOWN_CHAR = "按"


@dataclass(frozen=True)
class _Field:
    label: str
    weight: float
    size: int  # how many distinct terms the field holds (the specificity's denominator)


class _Index:
    """The build's search index (an inverted index), decoded only as far as a query needs.

    The document lists the terms, sorted; per term its postings as one string (the tables holding
    it, each with the fields that do: "table:field,field;table:field"); per table its name,
    version, title, report, rows and fields ("label<TAB>weight<TAB>size" lines).  JSON strings
    parse at memory speed, and a query decodes the postings of its own few terms and the fields of
    the tables they hit, so the first search costs about the same with 10,000 tables as with 200.
    """

    def __init__(self, document: dict[str, Any]) -> None:
        self.terms: list[str] = document["terms"]
        self._postings: list[str] = document["postings"]
        tables = document["tables"]
        self.names: list[str] = tables["name"]
        self.versions: list[str] = tables["version"]
        self.titles: list[str] = tables["title"]
        self.report_ids: list[str] = tables["report_id"]
        self.rows: list[int] = tables["rows"]
        self._fields_text: list[str] = tables["fields"]
        self._decoded: dict[int, dict[int, tuple[int, ...]]] = {}
        self._fields: dict[int, tuple[_Field, ...]] = {}

    def __len__(self) -> int:
        return len(self.names)

    def term_id(self, term: str) -> int | None:
        """The term's number (its place in the sorted terms), None when no table holds it."""
        at = bisect.bisect_left(self.terms, term)
        return at if at < len(self.terms) and self.terms[at] == term else None

    def postings(self, term_id: int) -> dict[int, tuple[int, ...]]:
        """table number -> the numbers of its fields that hold the term."""
        found = self._decoded.get(term_id)
        if found is None:
            found = {}
            for item in self._postings[term_id].split(";"):
                table, fields = item.split(":")
                found[int(table)] = tuple(int(f) for f in fields.split(","))
            self._decoded[term_id] = found
        return found

    def idf(self, term_id: int | None) -> float:
        # BM25's IDF: near 0 for a term every table has, highest for a term only one table has
        # (a term no table has counts as that rare).  Squared: a rare word of the query (人才, 灾备)
        # should outweigh several common ones (图数据库).
        n, k = len(self.names), 1 if term_id is None else len(self.postings(term_id))
        return math.log(1 + (n - k + 0.5) / (k + 0.5)) ** 2

    def fields(self, table: int) -> tuple[_Field, ...]:
        found = self._fields.get(table)
        if found is None:
            found = tuple(
                _Field(label, float(weight), int(size))
                for label, weight, size in (line.split("\t") for line in self._fields_text[table].split("\n"))
            )
            self._fields[table] = found
        return found

    def field_terms(self) -> list[list[list[int]]]:
        """Per table, per field, the numbers of its terms (the whole index inverted back, for the site)."""
        out: list[list[list[int]]] = [[[] for _ in self.fields(t)] for t in range(len(self))]
        for term_id in range(len(self.terms)):
            for table, fields in self.postings(term_id).items():
                for f in fields:
                    out[table][f].append(term_id)
        return out


@cache
def expansions() -> dict[str, str]:
    """Query phrase -> the words it also searches (expansions.toml beside this module), read on first use."""
    import tomllib

    found: dict[str, str] = tomllib.loads((Path(__file__).resolve().parent / "expansions.toml").read_text("utf-8"))[
        "expansions"
    ]
    return found


@cache
def _index(catalog_path: str) -> _Index:
    """The search index of the latest version of every table listed in `catalog_path`."""
    directory = Path(catalog_path).parent
    meta = store.registry_entry("search", directory)
    document = store.read_json(meta["path"], meta["sha256"], directory)
    if not isinstance(document, dict) or document.get("format") != INDEX_FORMAT:
        raise IntegrityError(
            f"{directory / meta['path']}: a search index of format {INDEX_FORMAT} was wanted: "
            "rebuild the store (`fintech-stats build`) or reinstall"
        )
    return _Index(document)


def _score(
    table: int, terms: list[tuple[Term, int]], caps: dict[str, float], index: _Index
) -> tuple[float, float, list[str]]:
    """The table's score for the query terms (each with its term number), its specificity (a
    tie-breaker: how much of the matching fields the query covers), and the labels of the fields a
    strong term matched, in the table's order of fields.

    The terms a phrase expands to add at most `caps[phrase]` times the weight of their best field:
    what the phrase's own words would add there (an expansion of several rare words, 芯片 ->
    集成电路, must not outweigh the phrase itself)."""
    score = 0.0
    specificity = 0.0
    matched: set[int] = set()
    fields = index.fields(table)
    expanded: dict[str, list[float]] = {}  # phrase -> [score, specificity, best field weight]
    for term, term_id in terms:
        holding = index.postings(term_id).get(table, ())
        if not holding:
            continue
        best = max(fields[f].weight for f in holding)
        tight = max(fields[f].weight / fields[f].size for f in holding)
        if term.strong:
            matched.update(holding)
        idf = index.idf(term_id)
        if term.phrase is None:
            score += idf * term.weight * best
            specificity += idf * term.weight * tight
        else:
            sums = expanded.setdefault(term.phrase, [0.0, 0.0, 0.0])
            sums[0] += idf * term.weight * best
            sums[1] += idf * term.weight * tight
            sums[2] = max(sums[2], best)
    for phrase, (added, tight_added, best) in expanded.items():
        kept = min(added, caps[phrase] * best)
        score += kept
        specificity += tight_added * kept / added
    return score, specificity, [fields[f].label for f in sorted(matched)]


def _caps(terms: list[Term], index: _Index) -> dict[str, float]:
    """phrase -> what its own words weigh (IDF times weight, times EXPANSION_FACTOR), for `_score`."""
    return {
        phrase: EXPANSION_FACTOR * sum(index.idf(index.term_id(t.text)) * t.weight for t in tokens.terms(phrase))
        for phrase in dict.fromkeys(t.phrase for t in terms if t.phrase is not None)
    }


def _has_dimension(table: int, term_ids: list[int], index: _Index) -> bool:
    """Whether a dimension of the table holds one of the terms."""
    fields = index.fields(table)
    return any(fields[f].label.startswith(DIMENSION_LABEL) for t in term_ids for f in index.postings(t).get(table, ()))


def _expanded(text: str) -> list[Term]:
    """The terms of `text`, and at a lower weight those of the phrases it expands to."""
    terms = tokens.terms(text)
    seen = {t.text for t in terms}
    lowered = text.lower()
    for phrase, expansion in expansions().items():
        if phrase in lowered:
            for t in tokens.terms(expansion):
                if t.text not in seen:
                    seen.add(t.text)
                    terms.append(Term(t.text, t.weight * EXPANSION_FACTOR, t.strong, phrase))
    return terms


def _query_terms(query: str) -> list[Term]:
    """The query's terms, and at a lower weight those of the phrases it expands to."""
    return _expanded(query)


def _concepts(query: str) -> list[frozenset[str]]:
    """The query's concepts: per whitespace-separated word, its strong terms and those of the
    phrases it is part of expanded ("bank type" -> institution type); a table that matches more of
    them ranks higher (the coverage factor of `search`)."""
    lowered = query.lower()
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", lowered)]
    concepts = [{t.text for t in tokens.terms(word) if t.strong} for _, _, word in words]
    for phrase, expansion in expansions().items():
        at = lowered.find(phrase)
        while at >= 0:
            extra = {t.text for t in tokens.terms(expansion) if t.strong}
            for i, (start, end, _) in enumerate(words):
                if start < at + len(phrase) and at < end:
                    concepts[i] |= extra
            at = lowered.find(phrase, at + 1)
    return [frozenset(c) for c in concepts if c]


def _breakdowns(query: str) -> list[frozenset[str]]:
    """The breakdowns the query asks for ("share by region", "按机构类型"), each as the words
    (with their expansions) of which a dimension of the table must hold one."""
    lowered = query.lower().replace("_", " ")
    phrases = []
    words = WORD.findall(CJK_RUN.sub(" ", lowered))
    for i, word in enumerate(words):
        if word == _BREAKDOWN_WORD:
            phrases.append(" ".join(itertools.takewhile(lambda w: w not in STOP_WORDS, words[i + 1 :])))
    for run in CJK_RUN.findall(lowered):
        if _BREAKDOWN_CHAR in run:
            phrases.append(run[run.index(_BREAKDOWN_CHAR) + 1 :])
    found = [frozenset(t.text for t in _expanded(phrase) if t.strong) for phrase in phrases]
    return [words for words in found if words]


def _known(groups: list[frozenset[str]], index: _Index) -> list[list[int]]:
    """Each group of words as the numbers of those the index holds; groups it holds none of are dropped."""
    found = [[term_id for word in words if (term_id := index.term_id(word)) is not None] for words in groups]
    return [ids for ids in found if ids]


def closest(query: str, n: int = 5) -> list[str]:
    """The table names and report titles that look most like `query` (for an empty result)."""
    import difflib

    index = _index(str(store.datasets_dir() / store.CATALOG_FILE))
    candidates = {name: name for name in index.names}
    candidates.update({title.lower(): name for title, name in zip(index.titles, index.names, strict=True)})
    found = difflib.get_close_matches(query.lower().strip(), list(candidates), n=n, cutoff=0.3)
    names = list(dict.fromkeys(candidates[f] for f in found))
    reports = set(index.report_ids)
    words = [w for w in query.lower().split() if len(w) > 2]
    names += sorted(r for r in reports if any(w in r for w in words))
    return names[:n]


def search(query: str, limit: int | None = None) -> pd.DataFrame:
    """The published tables (latest versions) whose metadata matches `query`, best first.

    Matches names, titles (English and Chinese), descriptions, sources, units, dimension names and
    headers, and the Chinese and English labels of the dimensions' codes; works for English and
    Chinese queries (a few words of each language also search their counterpart: 地区 and region,
    银行类型 and institution type).  A name or title hit outranks a dimension-label hit; equal scores
    are ordered by how much of the matching fields the query covers, then by name.
    Columns: table, version, title, report_id, rows, score, matched (the fields that matched).
    No match gives an empty frame with the same columns, whose `attrs["closest"]` names the tables
    and reports that look most like the query.
    """
    import pandas as pd

    if not isinstance(query, str):
        raise TypeError(f"query must be a string, not {type(query).__name__}")
    if limit is not None and (not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be None or at least 0, not {limit}")
    index = _index(str(store.datasets_dir() / store.CATALOG_FILE))
    terms = _query_terms(query)
    if not any(t.strong for t in terms):
        # A query of single Chinese characters only: let them match on their own.
        terms = [Term(t.text, t.weight, True, t.phrase) for t in terms]
    known = [(t, term_id) for t in terms if (term_id := index.term_id(t.text)) is not None]
    candidates = sorted({table for t, term_id in known if t.strong for table in index.postings(term_id)})
    breakdowns = _known(_breakdowns(query), index)
    caps = _caps(terms, index)
    concepts = _known(_concepts(query), index)
    hits: list[tuple[float, float, str, int, str]] = []
    for table in candidates:
        score, specificity, matched = _score(table, known, caps, index)
        if len(concepts) > 1:
            held = sum(any(table in index.postings(t) for t in c) for c in concepts) / len(concepts)
            score, specificity = score * held, specificity * held
        for term_ids in breakdowns:
            if not _has_dimension(table, term_ids, index):
                score, specificity = score * BREAKDOWN_FACTOR, specificity * BREAKDOWN_FACTOR
        hits.append((-round(score, 4), -round(specificity, 6), index.names[table], table, ", ".join(matched)))
    hits.sort(key=lambda hit: hit[:3])
    rows = [
        [name, index.versions[t], index.titles[t], index.report_ids[t], index.rows[t], -neg_score, matched]
        for neg_score, _, name, t, matched in hits[:limit]
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame = frame.astype({"rows": "int64", "score": "float64"})
    if frame.empty:
        frame.attrs["closest"] = closest(query) if query.strip() else []
    return frame


store.register_cache(_index.cache_clear)


def port_document() -> dict[str, Any]:
    """The search index and every rule of `search()` as plain data, for a port of it (the site's script).

    `vocab` lists every term and `idf` its IDF; each table lists its fields as [label, weight,
    [term numbers]]; the expansions, stop words, synonyms, acronyms and factors are those above
    and of `fintech_stats.text.tokens`.
    """
    index = _index(str(store.datasets_dir() / store.CATALOG_FILE))
    held = index.field_terms()
    return {
        "vocab": list(index.terms),
        "idf": [index.idf(i) for i in range(len(index.terms))],
        "tables": [
            {
                "name": index.names[t],
                "version": index.versions[t],
                "title": index.titles[t],
                "report_id": index.report_ids[t],
                "rows": index.rows[t],
                "fields": [[f.label, f.weight, held[t][i]] for i, f in enumerate(index.fields(t))],
            }
            for t in range(len(index))
        ],
        "expansions": list(expansions().items()),
        "stop_words": sorted(STOP_WORDS),
        "synonyms": tokens.SYNONYMS,
        "char_factor": CHAR_FACTOR,
        "expansion_factor": EXPANSION_FACTOR,
        "breakdown_word": _BREAKDOWN_WORD,
        "breakdown_char": _BREAKDOWN_CHAR,
        "breakdown_factor": BREAKDOWN_FACTOR,
        "dimension_label": DIMENSION_LABEL,
        "acronyms": tokens.ACRONYMS,
        "unknown_idf": index.idf(None),
    }
