"""Masking what a question or a stored conversation must not keep: email addresses,
phone numbers, AWS access keys, secrets and tokens. `mask` is idempotent."""

from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# AWS access key ids: AKIA/ASIA… and the other documented prefixes, 16 more characters.
ACCESS_KEY = re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b")
# "secret/token/password: value" and bearer tokens, whatever the value looks like.
# The value must look like one (a digit or a symbol in it), so "password
# requirements" stays readable while "password: hunter2!" does not.
LABELLED_SECRET = re.compile(
    r"(?i)\b(secret(?:[ _-]?access)?(?:[ _-]?key)?|session[ _-]?token|token|password|"
    r"passwd|api[ _-]?key|bearer)(\s*[:=]\s*|\s+(?:is\s+)?)"
    r"((?=[^\s,;]*[0-9!@#$%^&*_+=/-])[^\s,;]{6,})"
)
# A 40-character base64 run is the shape of an AWS secret access key; long
# opaque runs are treated as tokens.
SECRET_SHAPE = re.compile(r"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")
LONG_TOKEN = re.compile(r"\b(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{32,}\b")
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d\s().-]{6,}\d(?![\w])")

EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"
KEY_MASK = "[access key]"
SECRET_MASK = "[secret]"


def _phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    # Seven or more digits make a phone number; dates and small numbers stay.
    if digits < 7 or re.fullmatch(r"\d{4}-\d{2}-\d{2}", match.group(0).strip()):
        return match.group(0)
    return PHONE_MASK


def mask(text: str) -> str:
    """The text with emails, phone numbers, access keys, secrets and tokens masked."""
    text = EMAIL.sub(EMAIL_MASK, text)
    text = ACCESS_KEY.sub(KEY_MASK, text)
    text = LABELLED_SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}{SECRET_MASK}", text)
    text = SECRET_SHAPE.sub(SECRET_MASK, text)
    text = LONG_TOKEN.sub(SECRET_MASK, text)
    return PHONE.sub(_phone, text)
