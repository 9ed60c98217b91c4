"""What kind of question it is, before any ranking: a request to act (declined), a
question about the company's own records (answered from them where the roles allow),
or a question in a language other than English (answered in English, with a note)."""

from __future__ import annotations

import re

from allyport.helpcentre import text

ACT_VERBS = (
    "enroll|enrol|register|apply|submit|create|add|remove|delete|cancel|change|update|edit|"
    "set|reset|turn|link|unlink|assign|invite|accept|reject|approve|close|open|file|upload|"
    "download|transfer|renew|upgrade|downgrade|activate|deactivate|disable|enable|move|"
    "make|give|grant|revoke|book|sign|publish|share|send|pay|claim|request|mark|withdraw"
)
# "Enroll us in…", "Please cancel our…", "Can you create…", "Go ahead and…"
_ACT = re.compile(
    rf"^\s*(?:(?:hey|hi|ok|okay)[,!]?\s+)?(?:please\s+)?"
    rf"(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|i\s+want\s+you\s+to\s+|"
    rf"i(?:'d| would)\s+like\s+you\s+to\s+|go\s+ahead\s+and\s+|do\s+)?"
    rf"(?:{ACT_VERBS})\b(?!\s+(?:do|does|can|should|is|are)\b)",
    re.IGNORECASE,
)
# Questions about how to do something are not requests to act.
_HOW = re.compile(
    r"^\s*(?:how|where|what|which|when|why|who|is|are|does|do\s+i|do\s+we|can\s+i|can\s+we|"
    r"should|may\s+i|what's|i\s+(?:can't|cannot|don't))\b",
    re.IGNORECASE,
)
_YOU_ACT = re.compile(rf"\b(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:{ACT_VERBS})\b", re.I)


_REQUEST = re.compile(
    r"^\s*(?:(?:hey|hi|ok|okay)[,!]?\s+)?(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+"
    r"(?:please\s+)?|i\s+want\s+you\s+to\s+|i(?:'d| would)\s+like\s+you\s+to\s+|"
    r"go\s+ahead\s+and\s+)?",
    re.IGNORECASE,
)


def without_request(question: str) -> str:
    """ "Please enroll us in…" as "enroll us in…"."""
    return _REQUEST.sub("", question, count=1).strip()


def is_request_to_act(question: str) -> bool:
    q = question.strip()
    if _YOU_ACT.search(q):
        return True
    if _HOW.match(q):
        return False
    return bool(_ACT.match(q))


def is_english(question: str) -> bool:
    letters = [ch for ch in question if ch.isalpha()]
    if not letters:
        return True
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    if non_latin / len(letters) > 0.3:
        return False
    found = text.words(question)
    foreign = sum(1 for w in found if w in text.FOREIGN_STOP_WORDS)
    english = sum(1 for w in found if w in text.STOP_WORDS)
    return not (foreign >= 2 and foreign > english) and not (foreign >= 1 and english == 0)
