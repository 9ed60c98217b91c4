"""Words as the ranking sees them: lower case, English stop words dropped, Snowball
stems, and a few of the portal's abbreviations spelled out so "MFA" finds
"multi-factor authentication" and the other way round."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "get",
        "gets",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "please",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "us",
        "very",
        "want",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "tell",
        "know",
        "need",
        "needs",
        "find",
        "see",
        "show",
        "use",
        "using",
        "via",
        "aws",
        "partner",
        "partners",
        "central",
        "i'd",
        "i'm",
        "we're",
        "what's",
        "let",
    ]
)

# Abbreviations partners type, and the words the articles use for them.
EXPANSIONS = {
    "mfa": "multi factor authentication",
    "2fa": "multi factor authentication",
    "ace": "apn customer engagements opportunity",
    "apn": "partner network",
    "mdf": "marketing development funds",
    "poc": "proof of concept",
    "iam": "identity access management role",
    "sso": "sign in",
    "login": "sign in",
    "log": "sign",
    "signin": "sign in",
    "password": "password",
    "crm": "crm integration",
    "msp": "managed service provider msp",
    "ammp": "marketplace management portal",
    "gtm": "go to market",
    "ftr": "foundational technical review",
    "wa": "well architected",
    "pdm": "partner development manager",
    "psa": "partner solutions architect",
    "csv": "csv file",
    "faq": "faq",
}


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """The text's words, lower case, apostrophes and hyphens folded."""
    return WORD.findall(text.lower().replace("-", " "))


def terms(text: str, *, expand: bool = True) -> list[str]:
    """Stemmed content words, abbreviations expanded (for documents and questions)."""
    found: list[str] = []
    for word in words(text):
        word = word.replace("’", "'").split("'")[0]
        if expand and word in EXPANSIONS:
            found.extend(_stem(w) for w in EXPANSIONS[word].split() if w not in STOP_WORDS)
        if word in STOP_WORDS or len(word) < 2 and not word.isdigit():
            continue
        found.append(_stem(word))
    return found


def term_set(text: str) -> frozenset[str]:
    return frozenset(terms(text, expand=False))
