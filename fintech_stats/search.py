"""Offline search of the published tables by their metadata: search("图数据库 节点"), search("server nodes").

Only the catalog and the tables' spec.json files are read (through `fintech_stats.store`, verified by
sha256), never the corpus or the data: the build writes an inverted index (search.json), read once
per process and catalog path and decoded only as far as each query needs.

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
from fintech_stats.errors import FintechStatsError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "closest", "search"]

#: The columns of a search result, in order.
COLUMNS = ("table", "version", "title", "report_id", "rows", "score", "matched")

#: The label of a dimension's field in the index ("dimension region"), and in `matched`.
DIMENSION_LABEL = "dimension "
NAME_WEIGHT = 3.0
DIMENSION_WEIGHT = 2.0
TEXT_WEIGHT = 1.0
#: Factor of a single Chinese character relative to a bigram or a word.
CHAR_FACTOR = 0.2
#: Factor of a term the query expands to (地区 -> 区域) relative to the query's own terms.
EXPANSION_FACTOR = 0.8
#: Factor of the score of a table without the breakdown the query asks for ("... by region",
#: "按地区"): no dimension of the table holds a word of it.
BREAKDOWN_FACTOR = 0.5
#: The words that ask for a breakdown by what follows them (English: up to the next stop word;
#: Chinese: the rest of the run of characters).
_BREAKDOWN_WORD = "by"
_BREAKDOWN_CHAR = "按"

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z]+|[0-9]+")
# Function words and question words ("how big is ...", "what share of ..."): they say nothing of a table.
_STOP_WORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "each", "for", "from", "has", "have"}
    | {"how", "in", "into", "is", "it", "its", "many", "much", "of", "on", "or", "than", "that", "the", "their"}
    | {"there", "these", "this", "to", "was", "were", "what", "when", "where", "which", "who", "with"}
)
_SYNONYMS = {"database": "db", "vertice": "vertex", "not": "non"}
#: Acronyms written in capitals that would otherwise be stop words (IT, not the pronoun it).
_ACRONYMS = {"IT": "infotech"}
_ACRONYM = re.compile(r"(?<![A-Za-z])(?:" + "|".join(_ACRONYMS) + r")(?![A-Za-z])")
#: "don't" reads "do not", "bank's" reads "bank" (straight or curly apostrophe).
_APOSTROPHE = re.compile(r"n['\u2019]t(?![a-z0-9])|['\u2019]s(?![a-z0-9])")
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
    "芯片": "chip 集成电路 semiconductor",
    "图数据库": "graph db",
    "供应链": "supply chain",
    "案例": "case",
    "投入": "investment",
    "人员": "staff",
    "半导体": "semiconductor chip",
    "集成电路": "chip integrated circuit",
    "spend": "investment 投入",
    "expenditure": "investment 投入",
    "filing": "application 申请",
    "灾备": "disaster recovery 容灾",
    "容灾": "disaster recovery 灾备",
    "disaster recovery": "灾备 容灾",
    "人工智能": "ai",
    "大模型": "llm large model",
    "区块链": "blockchain",
    "blockchain": "区块链",
    "调研": "survey",
    "问卷": "survey questionnaire",
    "employee": "staff 人员",
    "headcount": "staff 人员",
    "why": "reason",
    "nationality": "country",
    "农行": "农业银行",
    "工行": "工商银行",
    "建行": "建设银行",
    "中行": "中国银行",
    "交行": "交通银行",
    "招行": "招商银行",
    "邮储": "邮政储蓄",
    "国有大行": "国有大型商业银行",
    "股份行": "股份制银行",
    "农商行": "农村商业银行 农信社",
}


@dataclass(frozen=True)
class _Term:
    text: str
    weight: float  # 1, or CHAR_FACTOR for a single Chinese character
    strong: bool  # a word or a bigram: enough on its own to make a table match
    phrase: str | None = None  # the query phrase this term is an expansion of (None: the query's own)


@dataclass(frozen=True)
class _Field:
    label: str
    weight: float
    size: int  # how many distinct terms the field holds (the specificity's denominator)


#: The version of the index document's layout (search.json); another is rebuilt from the specs.
FORMAT = 2


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


def _normalise(word: str) -> str:
    """A word's term: a light stemmer (plural, -ed, -ing, then a synonym, then -ion and a final e),
    the same for tables and queries, so that nodes/node, scoring/score and adoption/adopt meet."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif len(word) > 6 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]  # surveyed -> survey, planned -> plann (consistently on both sides)
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]  # scoring -> scor, planning -> plann
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    if len(word) > 7 and word.endswith("ion"):
        word = word[:-3]  # adoption -> adopt, transaction -> transact
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]  # score -> scor, finance -> financ
    return word


def _unapostrophe(match: re.Match[str]) -> str:
    return " not" if match.group().startswith("n") else ""


def _terms(text: str) -> list[_Term]:
    """The terms of `text`, in order of first appearance, each once."""
    found: dict[str, _Term] = {}
    text = _ACRONYM.sub(lambda m: f" {_ACRONYMS[m.group()]} ", text)
    lowered = _APOSTROPHE.sub(_unapostrophe, text.lower().replace("_", " "))
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


def _field(label: str, weight: float, *texts: str) -> tuple[str, float, frozenset[str]]:
    return label, weight, frozenset(t.text for text in texts for t in _terms(text))


def _table_fields(name: str, spec: dict[str, Any]) -> list[tuple[str, float, frozenset[str]]]:
    fields = [
        _field("name", NAME_WEIGHT, name),
        _field("title", NAME_WEIGHT, spec["title"]),
        _field("title_zh", NAME_WEIGHT, spec["title_zh"]),
    ]
    for dim in spec["dimensions"]:
        labels = [label for code in dim["codes"] or [] for label in (code["zh"], code["en"])]
        headers = [dim.get("zh", ""), dim.get("en", "")]
        fields.append(_field(f"{DIMENSION_LABEL}{dim['name']}", DIMENSION_WEIGHT, dim["name"], *headers, *labels))
    fields += [
        _field("units", TEXT_WEIGHT, *spec["units"]),
        _field("description", TEXT_WEIGHT, spec["description"]),
        _field("source", TEXT_WEIGHT, spec["source"]),
    ]
    return fields


def index_document(tables: list[tuple[str, str, dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """The search index the build writes (search.json) from (name, version, catalog entry, spec
    document) per table: an inverted index (see `_Index`), so that search() reads one file, not
    every spec, and decodes only what a query needs."""
    ordered = sorted(tables, key=lambda t: t[0])
    fields = [_table_fields(name, spec) for name, _, _, spec in ordered]
    terms = sorted({term for table in fields for _, _, held in table for term in held})
    position = {term: i for i, term in enumerate(terms)}
    postings: list[dict[int, list[int]]] = [{} for _ in terms]
    for t, table in enumerate(fields):
        for f, (_, _, held) in enumerate(table):
            for term in held:
                postings[position[term]].setdefault(t, []).append(f)
    return {
        "format": FORMAT,
        "terms": terms,
        "postings": [";".join(f"{t}:{','.join(map(str, fs))}" for t, fs in sorted(p.items())) for p in postings],
        "tables": {
            "name": [name for name, _, _, _ in ordered],
            "version": [version for _, version, _, _ in ordered],
            "title": [spec["title"] for _, _, _, spec in ordered],
            "report_id": [entry["report_id"] for _, _, entry, _ in ordered],
            "rows": [int(entry["rows"]) for _, _, entry, _ in ordered],
            "fields": [
                "\n".join(f"{label}\t{weight}\t{len(held)}" for label, weight, held in table) for table in fields
            ],
        },
    }


@cache
def _index(catalog_path: str) -> _Index:
    """The search index of the latest version of every table listed in `catalog_path`."""
    directory = Path(catalog_path).parent
    try:
        meta = store.registry_entry("search", directory)
    except FintechStatsError:
        meta = None  # a store built before the index existed
    if meta is not None:
        document = store.read_json(meta["path"], meta["sha256"], directory)
        if isinstance(document, dict) and document.get("format") == FORMAT:
            return _Index(document)
    # No index of this layout: make it from every table's spec, as the build does.
    tables = []
    for name, versions in sorted(store.catalog_entries(directory).items()):
        version = max(versions, key=store.version_key)
        entry = versions[version]
        tables.append((name, version, entry, store.read_json(entry["spec_path"], entry["spec_sha256"], directory)))
    return _Index(index_document(tables))


def _score(
    table: int, terms: list[tuple[_Term, int]], caps: dict[str, float], index: _Index
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


def _caps(terms: list[_Term], index: _Index) -> dict[str, float]:
    """phrase -> what its own words weigh (IDF times weight, times EXPANSION_FACTOR), for `_score`."""
    return {
        phrase: EXPANSION_FACTOR * sum(index.idf(index.term_id(t.text)) * t.weight for t in _terms(phrase))
        for phrase in dict.fromkeys(t.phrase for t in terms if t.phrase is not None)
    }


def _has_dimension(table: int, term_ids: list[int], index: _Index) -> bool:
    """Whether a dimension of the table holds one of the terms."""
    fields = index.fields(table)
    return any(fields[f].label.startswith(DIMENSION_LABEL) for t in term_ids for f in index.postings(t).get(table, ()))


def _expanded(text: str) -> list[_Term]:
    """The terms of `text`, and at a lower weight those of the phrases it expands to."""
    terms = _terms(text)
    seen = {t.text for t in terms}
    lowered = text.lower()
    for phrase, expansion in _QUERY_EXPANSIONS.items():
        if phrase in lowered:
            for t in _terms(expansion):
                if t.text not in seen:
                    seen.add(t.text)
                    terms.append(_Term(t.text, t.weight * EXPANSION_FACTOR, t.strong, phrase))
    return terms


def _query_terms(query: str) -> list[_Term]:
    """The query's terms, and at a lower weight those of the phrases it expands to."""
    return _expanded(query)


def _concepts(query: str) -> list[frozenset[str]]:
    """The query's concepts: per whitespace-separated word, its strong terms and those of the
    phrases it is part of expanded ("bank type" -> institution type); a table that matches more of
    them ranks higher (`COVERAGE`)."""
    lowered = query.lower()
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", lowered)]
    concepts = [{t.text for t in _terms(word) if t.strong} for _, _, word in words]
    for phrase, expansion in _QUERY_EXPANSIONS.items():
        at = lowered.find(phrase)
        while at >= 0:
            extra = {t.text for t in _terms(expansion) if t.strong}
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
    words = _WORD.findall(_CJK_RUN.sub(" ", lowered))
    for i, word in enumerate(words):
        if word == _BREAKDOWN_WORD:
            phrases.append(" ".join(itertools.takewhile(lambda w: w not in _STOP_WORDS, words[i + 1 :])))
    for run in _CJK_RUN.findall(lowered):
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
        terms = [_Term(t.text, t.weight, True, t.phrase) for t in terms]
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
