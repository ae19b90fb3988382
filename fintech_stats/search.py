"""Offline search of the published tables by their metadata: search("图数据库 节点"), search("server nodes").

Only the catalog and the tables' spec.json files are read (through `fintech_stats.store`, verified by
sha256), never the corpus or the data.  The index is built once per process and catalog path.

Text is cut into terms the same way for tables and queries:

- Chinese (no spaces): every pair of adjacent characters (bigram), plus every single character at a
  low weight, so "图数据库 节点" matches "服务器节点数量" through 节点.
- Other text: lowercase runs of letters or of digits, minus a few stop words, with a plural "s"
  removed ("nodes" -> "node") and "database" read as "db", so "graph database" matches the name
  part "graph_db" (names are split on "_").

A table scores, for each distinct query term it contains, the term's IDF (rare terms count more)
times the weight of the best field holding it: name or title 3, a dimension (its name and the zh/en
labels of its codes) 2, description, source or units 1; single Chinese characters count a fifth.
Single characters only refine the ranking: a table must match a whole word or bigram of the query
(unless the query has nothing but single characters).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats import store
from fintech_stats.errors import FintechStatsError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "closest", "search"]

#: The columns of a search result, in order.
COLUMNS = ("table", "version", "title", "report_id", "rows", "score", "matched")

NAME_WEIGHT = 3.0
DIMENSION_WEIGHT = 2.0
TEXT_WEIGHT = 1.0
#: Factor of a single Chinese character relative to a bigram or a word.
CHAR_FACTOR = 0.2
#: Factor of a term the query expands to (地区 -> 区域) relative to the query's own terms.
EXPANSION_FACTOR = 0.8

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z]+|[0-9]+")
_STOP_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "each", "for", "from", "in", "is", "it", "of", "on", "or", "the", "to", "with"}
)
_SYNONYMS = {"database": "db", "vertice": "vertex"}
# Query words that the tables' metadata says otherwise: each query phrase also searches the words
# after it (Chinese and English names of one concept find the same tables).
_QUERY_EXPANSIONS = {
    "地区": "区域 region",
    "区域": "region",
    "地域": "区域 region",
    "银行类型": "机构类型 institution type",
    "机构类型": "institution type",
    "bank type": "institution type",
    "type of bank": "institution type",
    "支付": "payment",
    "信托": "trust",
    "专利": "patent",
    "绿色": "green",
    "芯片": "chip",
    "图数据库": "graph db",
    "供应链": "supply chain",
    "案例": "case",
    "投入": "investment",
    "人员": "staff",
}


@dataclass(frozen=True)
class _Term:
    text: str
    weight: float  # 1, or CHAR_FACTOR for a single Chinese character
    strong: bool  # a word or a bigram: enough on its own to make a table match


@dataclass(frozen=True)
class _Field:
    label: str
    weight: float
    # The field's terms; read from the build's index file they are positions in `_Index.vocab`
    # (integers hash for free: loading thousands of tables stays cheap).
    terms: frozenset[Any]


@dataclass(frozen=True)
class _Table:
    name: str
    version: str
    title: str
    report_id: str
    rows: int
    fields: tuple[_Field, ...]


@dataclass(frozen=True)
class _Index:
    tables: tuple[_Table, ...]
    idf: dict[str, float]
    #: When the fields hold term positions: the terms, and each term's position.
    vocab: tuple[str, ...] | None = None
    position: dict[str, int] | None = None

    def key(self, term: str) -> Any:
        """How `term` stands in the fields' term sets."""
        return term if self.position is None else self.position.get(term, -1)

    def field_terms(self, field: _Field) -> frozenset[str]:
        """The field's terms as text."""
        return field.terms if self.vocab is None else frozenset(self.vocab[i] for i in field.terms)


def _normalise(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif len(word) > 6 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]  # surveyed -> survey, planned -> plann (consistently on both sides)
    return _SYNONYMS.get(word, word)


def _terms(text: str) -> list[_Term]:
    """The terms of `text`, in order of first appearance, each once."""
    found: dict[str, _Term] = {}
    lowered = text.lower().replace("_", " ")
    for run in _CJK_RUN.findall(lowered):
        for a, b in itertools.pairwise(run):
            found.setdefault(a + b, _Term(a + b, 1.0, True))
        for char in run:
            found.setdefault(char, _Term(char, CHAR_FACTOR, False))
    for word in _WORD.findall(_CJK_RUN.sub(" ", lowered)):
        if word not in _STOP_WORDS:
            term = _normalise(word)
            found.setdefault(term, _Term(term, 1.0, True))
    return list(found.values())


def _field(label: str, weight: float, *texts: str) -> _Field:
    return _Field(label, weight, frozenset(t.text for text in texts for t in _terms(text)))


def _table(name: str, version: str, entry: dict[str, Any], spec: dict[str, Any]) -> _Table:
    fields = [
        _field("name", NAME_WEIGHT, name),
        _field("title", NAME_WEIGHT, spec["title"]),
        _field("title_zh", NAME_WEIGHT, spec["title_zh"]),
    ]
    for dim in spec["dimensions"]:
        labels = [label for code in dim["codes"] or [] for label in (code["zh"], code["en"])]
        headers = [dim.get("zh", ""), dim.get("en", "")]
        fields.append(_field(f"dimension {dim['name']}", DIMENSION_WEIGHT, dim["name"], *headers, *labels))
    fields += [
        _field("units", TEXT_WEIGHT, *spec["units"]),
        _field("description", TEXT_WEIGHT, spec["description"]),
        _field("source", TEXT_WEIGHT, spec["source"]),
    ]
    return _Table(name, version, spec["title"], entry["report_id"], int(entry["rows"]), tuple(fields))


def index_document(tables: list[tuple[str, str, dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """The search index the build writes (search.json): per table (name, version, catalog entry,
    spec document) its fields and their terms, so that search() reads one file, not every spec."""
    built = [_table(name, version, entry, spec) for name, version, entry, spec in sorted(tables, key=lambda t: t[0])]
    # Terms once, in a list; fields hold their positions (a compact file that parses fast).
    terms = sorted({term for table in built for f in table.fields for term in f.terms})
    position = {term: i for i, term in enumerate(terms)}
    out = [
        {
            "name": table.name,
            "version": table.version,
            "title": table.title,
            "report_id": table.report_id,
            "rows": table.rows,
            "fields": [[f.label, f.weight, sorted(position[t] for t in f.terms)] for f in table.fields],
        }
        for table in built
    ]
    # How many tables hold each term (the IDF's input), so that loading needs no pass over the fields.
    df = [0] * len(terms)
    for table in built:
        for term in frozenset().union(*(f.terms for f in table.fields)):
            df[position[term]] += 1
    return {"terms": terms, "df": df, "tables": out}


def _from_document(document: dict[str, Any]) -> list[_Table]:
    return [
        _Table(
            t["name"],
            t["version"],
            t["title"],
            t["report_id"],
            int(t["rows"]),
            tuple(_Field(label, float(weight), frozenset(ids)) for label, weight, ids in t["fields"]),
        )
        for t in document["tables"]
    ]


@cache
def _index(catalog_path: str) -> _Index:
    """The search index of the latest version of every table listed in `catalog_path`."""
    directory = Path(catalog_path).parent
    tables: list[_Table] = []
    try:
        meta = store.registry_entry("search", directory)
    except FintechStatsError:
        meta = None  # a store built before the index existed: read every spec
    if meta is not None:
        document = store.read_json(meta["path"], meta["sha256"], directory)
        tables = _from_document(document)
        vocab: list[str] = document["terms"]
        idf = _idf(len(tables), dict(zip(vocab, document["df"], strict=True)))
        return _Index(tuple(tables), idf, tuple(vocab), {t: i for i, t in enumerate(vocab)})
    else:
        for name, versions in sorted(store.catalog_entries(directory).items()):
            version = max(versions, key=store.version_key)
            entry = versions[version]
            spec = store.read_json(entry["spec_path"], entry["spec_sha256"], directory)
            tables.append(_table(name, version, entry, spec))
    df: dict[str, int] = {}
    for table in tables:
        for term in frozenset().union(*(f.terms for f in table.fields)):
            df[term] = df.get(term, 0) + 1
    return _Index(tuple(tables), _idf(len(tables), df))


def _idf(n: int, df: dict[str, int]) -> dict[str, float]:
    # BM25's IDF: near 0 for a term every table has, highest for a term only one table has.
    # Squared: a rare word of the query (人才, 灾备) should outweigh several common ones (图数据库).
    return {term: math.log(1 + (n - k + 0.5) / (k + 0.5)) ** 2 for term, k in df.items()}


def _score(table: _Table, terms: list[_Term], index: _Index) -> tuple[float, float, list[str]]:
    """The table's score for the query terms, its specificity (a tie-breaker: how much of the
    matching fields the query covers), and the labels of the fields a strong term matched."""
    score = 0.0
    specificity = 0.0
    matched: dict[str, None] = {}
    idf = index.idf
    for term in terms:
        best, tight = 0.0, 0.0
        key = index.key(term.text)
        for field in table.fields:
            if key in field.terms:
                best = max(best, field.weight)
                tight = max(tight, field.weight / len(field.terms))
                if term.strong:
                    matched[field.label] = None
        score += idf.get(term.text, 0.0) * term.weight * best
        specificity += idf.get(term.text, 0.0) * term.weight * tight
    field_order = [f.label for f in table.fields]
    return score, specificity, sorted(matched, key=field_order.index)


def _query_terms(query: str) -> list[_Term]:
    """The query's terms, and at a lower weight those of the phrases it expands to."""
    terms = _terms(query)
    seen = {t.text for t in terms}
    lowered = query.lower()
    for phrase, expansion in _QUERY_EXPANSIONS.items():
        if phrase in lowered:
            for t in _terms(expansion):
                if t.text not in seen:
                    seen.add(t.text)
                    terms.append(_Term(t.text, t.weight * EXPANSION_FACTOR, t.strong))
    return terms


def closest(query: str, n: int = 5) -> list[str]:
    """The table names and report titles that look most like `query` (for an empty result)."""
    import difflib

    index = _index(str(store.datasets_dir() / store.CATALOG_FILE))
    candidates = {t.name: t.name for t in index.tables}
    candidates.update({t.title.lower(): t.name for t in index.tables})
    found = difflib.get_close_matches(query.lower().strip(), list(candidates), n=n, cutoff=0.3)
    names = list(dict.fromkeys(candidates[f] for f in found))
    reports = {t.report_id for t in index.tables}
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
        terms = [_Term(t.text, t.weight, True) for t in terms]
    terms = [t for t in terms if t.text in index.idf]
    strong = {index.key(t.text) for t in terms if t.strong}
    hits: list[tuple[float, float, str, _Table, str]] = []
    for table in index.tables:
        if not any(strong & field.terms for field in table.fields):
            continue
        score, specificity, matched = _score(table, terms, index)
        hits.append((-round(score, 4), -round(specificity, 6), table.name, table, ", ".join(matched)))
    hits.sort(key=lambda hit: hit[:3])
    rows = [
        [table.name, table.version, table.title, table.report_id, table.rows, -neg_score, matched]
        for neg_score, _, _, table, matched in hits[:limit]
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame = frame.astype({"rows": "int64", "score": "float64"})
    if frame.empty:
        frame.attrs["closest"] = closest(query) if query.strip() else []
    return frame


store.register_cache(_index.cache_clear)
