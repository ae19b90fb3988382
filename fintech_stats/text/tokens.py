"""The tokenizer of search: how table metadata and queries are cut into terms, the same way in
`fs.search()`, the build's search index and the site's script (which receives these constants).

- Chinese (no spaces): every pair of adjacent characters (bigram), plus every single character at
  a low weight (`CHAR_FACTOR`).
- Other text: lowercase runs of letters or of digits, minus the stop words ("don't" reads "do
  not"), through a light stemmer (nodes -> node, scoring and score -> scor, adoption -> adopt) and
  a few synonyms ("database" reads "db"); names are split on "_".  IT in capitals is an acronym.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = [
    "ACRONYMS",
    "CHAR_FACTOR",
    "CJK_RUN",
    "DIMENSION_LABEL",
    "INDEX_FORMAT",
    "STOP_WORDS",
    "SYNONYMS",
    "WORD",
    "Term",
    "normalise",
    "terms",
]

#: Factor of a single Chinese character relative to a bigram or a word.
CHAR_FACTOR = 0.2
#: The label of a dimension's field in the search index ("dimension region"), and in `matched`.
DIMENSION_LABEL = "dimension "
#: The version of the search index document's layout (search.json), for its writer and readers.
INDEX_FORMAT = 2

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[a-z]+|[0-9]+")
# Function words and question words ("how big is ...", "what share of ..."): they say nothing of a table.
STOP_WORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "each", "for", "from", "has", "have"}
    | {"how", "in", "into", "is", "it", "its", "many", "much", "of", "on", "or", "than", "that", "the", "their"}
    | {"there", "these", "this", "to", "was", "were", "what", "when", "where", "which", "who", "with"}
)
SYNONYMS = {"database": "db", "vertice": "vertex", "not": "non"}
#: Acronyms written in capitals that would otherwise be stop words (IT, not the pronoun it).
ACRONYMS = {"IT": "infotech"}
_ACRONYM = re.compile(r"(?<![A-Za-z])(?:" + "|".join(ACRONYMS) + r")(?![A-Za-z])")
#: "don't" reads "do not", "bank's" reads "bank" (straight or curly apostrophe).
_APOSTROPHE = re.compile(r"n['\u2019]t(?![a-z0-9])|['\u2019]s(?![a-z0-9])")


@dataclass(frozen=True)
class Term:
    """A term of a text: its text, weight, whether it is enough to match on its own, its phrase."""

    text: str
    weight: float  # 1, or CHAR_FACTOR for a single Chinese character
    strong: bool  # a word or a bigram: enough on its own to make a table match
    phrase: str | None = None  # the query phrase this term is an expansion of (None: the query's own)


def normalise(word: str) -> str:
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
    if word in SYNONYMS:
        return SYNONYMS[word]
    if len(word) > 7 and word.endswith("ion"):
        word = word[:-3]  # adoption -> adopt, transaction -> transact
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]  # score -> scor, finance -> financ
    return word


def _unapostrophe(match: re.Match[str]) -> str:
    return " not" if match.group().startswith("n") else ""


def terms(text: str) -> list[Term]:
    """The terms of `text`, in order of first appearance, each once."""
    found: dict[str, Term] = {}
    text = _ACRONYM.sub(lambda m: f" {ACRONYMS[m.group()]} ", text)
    lowered = _APOSTROPHE.sub(_unapostrophe, text.lower().replace("_", " "))
    for run in CJK_RUN.findall(lowered):
        for a, b in itertools.pairwise(run):
            found.setdefault(a + b, Term(a + b, 1.0, True))
        for char in run:
            found.setdefault(char, Term(char, CHAR_FACTOR, False))
    for word in WORD.findall(CJK_RUN.sub(" ", lowered)):
        if word not in STOP_WORDS:
            term = normalise(word)
            found.setdefault(term, Term(term, 1.0, True))
    return list(found.values())
