"""Role assignment with the limits of the access model, safe under concurrency."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.model import access_model
from allyport.access.models import RoleAssignment


class RoleLimitReached(Exception):
    pass


def _lock_company(company: object) -> None:
    """Serialise role changes of one company: limits are counted under this lock."""
    type(company).objects.select_for_update().filter(pk=company.pk).first()  # type: ignore[attr-defined]


def add_roles(
    company: object, user: object, roles: Iterable[str], granted_by: object = None
) -> None:
    """Give `user` each role it does not hold yet, refusing any role past its limit."""
    with transaction.atomic():
        _lock_company(company)
        held = set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))
        for role in roles:
            if role in held:
                continue
            limit = access_model().roles[role].limit
            if limit is not None:
                count = RoleAssignment.objects.filter(company=company, role=role).count()
                if count >= limit:
                    raise RoleLimitReached(
                        _("%(role)s is limited to %(limit)d users per company")
                        % {"role": access_model().role_name(role), "limit": limit}
                    )
            RoleAssignment.objects.create(
                company=company, user=user, role=role, granted_by=granted_by
            )
            held.add(role)
