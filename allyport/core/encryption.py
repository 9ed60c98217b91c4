"""Secrets at rest (IAM secret access keys, webhook secrets, queued mail): encrypted with
Fernet (the `cryptography` package).

The key comes from ALLYPORT_ENCRYPTION_KEY, or is derived from SECRET_KEY when
that is not set, so a development checkout works without extra settings.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet
from django.conf import settings


@cache
def _fernet(key_material: str) -> Fernet:
    # The label predates this module's move to core; changing it would make every
    # stored secret unreadable.
    digest = hashlib.sha256(("allyport.cloud.encryption:" + key_material).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _current() -> Fernet:
    return _fernet(settings.ALLYPORT_ENCRYPTION_KEY or settings.SECRET_KEY)


def encrypt(secret: str) -> str:
    return _current().encrypt(secret.encode()).decode()


def decrypt(token: str) -> str:
    return _current().decrypt(token.encode()).decode()
