"""Kept fragments of a member's view of their company's data (core.fragments).

Keyed per member, language and rights (roles, paths, stage), so nobody is shown a
view made for someone else; stale as soon as the company's generation moves on,
which every audited change of the company's data does (services.company_changed).
"""

from __future__ import annotations

import hashlib

from django.utils import translation

from allyport.access.actor import Actor
from allyport.audit.services import COMPANY_SCOPE
from allyport.core import fragments


def member_fragment(name: str, actor: Actor, *versions: str) -> fragments.Fragment:
    """`name`'s fragment for this member, stale with their company's generation and
    every other version given."""
    rights = hashlib.blake2b(
        repr((sorted(actor.roles), sorted(actor.paths), actor.stage)).encode(), digest_size=8
    ).hexdigest()
    user_id = actor.user.pk  # type: ignore[union-attr]
    return fragments.Fragment(
        key=f"{name}:{user_id}:{translation.get_language()}:{rights}",
        versions=(company_generation(actor.company.pk), *versions),  # type: ignore[union-attr]
    )


def company_generation(company_id: int) -> str:
    return fragments.generation_key(COMPANY_SCOPE, company_id)
