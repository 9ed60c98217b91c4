"""The optional generator: an OpenAI-compatible chat-completions endpoint
(`ALLYPORT_ASSISTANT_GENERATOR_URL`) phrases the answer from the retrieved passages
only, citing them as [1], [2]…. Its reply is used only when it cites at least one of
the passages it was given; otherwise, or on any error or timeout, the caller keeps
the extractive answer. The question is masked before it leaves (privacy.mask)."""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

from allyport.helpcentre.models import Passage

logger = logging.getLogger(__name__)

CITATION = re.compile(r"\[(\d{1,2})\]")
SYSTEM = (
    "You answer questions about the AWS Partner Central portal for partner companies. "
    "Use only the numbered passages given. Cite each fact with its passage number in "
    "square brackets, like [1]. If the passages do not answer the question, say so. "
    "Never claim to have done anything: you cannot change anything in the portal; "
    "say how and where the user can do it. Answer in plain English text, no markup."
)


@dataclass(frozen=True)
class Generated:
    text: str
    cited: tuple[Passage, ...]


def configured() -> bool:
    return bool(settings.ALLYPORT_ASSISTANT_GENERATOR_URL)


def _prompt(question: str, passages: list[Passage]) -> str:
    numbered = "\n\n".join(
        f"[{n}] {p.title}{' — ' + p.heading if p.heading else ''}\n{p.body}"
        for n, p in enumerate(passages, start=1)
    )
    return f"Passages:\n\n{numbered}\n\nQuestion: {question}"


def _request(question: str, passages: list[Passage]) -> str:
    url = settings.ALLYPORT_ASSISTANT_GENERATOR_URL.rstrip("/") + "/chat/completions"
    body = {
        "model": settings.ALLYPORT_ASSISTANT_GENERATOR_MODEL or "default",
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": _prompt(question, passages)},
        ],
    }
    headers = {"Content-Type": "application/json"}
    if settings.ALLYPORT_ASSISTANT_GENERATOR_KEY:
        headers["Authorization"] = f"Bearer {settings.ALLYPORT_ASSISTANT_GENERATOR_KEY}"
    request = urllib.request.Request(  # noqa: S310 - the operator's configured endpoint
        url, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    timeout = settings.ALLYPORT_ASSISTANT_GENERATOR_TIMEOUT
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        payload = json.loads(response.read().decode("utf-8"))
    return str(payload["choices"][0]["message"]["content"]).strip()


def generate(question: str, passages: list[Passage]) -> Generated | None:
    """The generator's answer with the passages it cited, or None (not configured,
    failed, timed out, or cited nothing it was given)."""
    if not configured() or not passages:
        return None
    try:
        reply = _request(question, passages)
    except (OSError, urllib.error.URLError, ValueError, KeyError, IndexError, TypeError):
        logger.warning("assistant generator failed; the extractive answer is shown", exc_info=True)
        return None
    numbers = {int(n) for n in CITATION.findall(reply)}
    cited = tuple(passages[n - 1] for n in sorted(numbers) if 1 <= n <= len(passages))
    if not cited or numbers - set(range(1, len(passages) + 1)):
        logger.warning("assistant generator cited no retrieved passage; extractive shown")
        return None
    # The numbers mean nothing to the reader: the citations list the sources.
    text = re.sub(r"\s*\[\d{1,2}\]", "", reply).strip()
    return Generated(text=text, cited=cited) if text else None
