"""Connection preferences: who may invite the company, per catalog, guarded by a
revision number (a stale one is refused, so two editors cannot overwrite each other)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.connections import permissions as perms
from allyport.connections.models import AccessType, ConnectionPreferences
from allyport.connections.services.scope import (
    account_id_of,
    preferences_arn,
    record,
    require,
)
from allyport.core.errors import DUPLICATE, REQUEST, Conflict, FieldError, RuleViolation

FIELD = "ExcludedParticipantIdentifiers"


def _arn(actor: Actor, catalog: str) -> str:
    account = actor.iam.account_id if actor.iam is not None else ""
    if not account and actor.company is not None:
        account = account_id_of(actor.company)
    return preferences_arn(catalog, account)


def current(company: Company, catalog: str) -> ConnectionPreferences:
    """The stored preferences, or the default (anyone may invite; revision 1) unsaved."""
    found = ConnectionPreferences.objects.filter(company=company, catalog=catalog).first()
    return found or ConnectionPreferences(
        company=company, catalog=catalog, updated_at=company.created_at
    )


def accepts_invitation_from(receiver: Company, catalog: str, sender: Company) -> bool:
    prefs = current(receiver, catalog)
    if prefs.access_type == AccessType.DENY_ALL:
        return False
    if prefs.access_type == AccessType.ALLOW_BY_DEFAULT_DENY_SOME:
        names = {sender.public_id, account_id_of(sender)} - {""}
        return not names & set(prefs.excluded)
    return True


def get_preferences(actor: Actor, catalog: str) -> ConnectionPreferences:
    company = require(actor, perms.GET_CONNECTION_PREFERENCES, _arn(actor, catalog), catalog)
    return current(company, catalog)


def _check_excluded(excluded: list[str]) -> list[str]:
    errors = [
        FieldError(f"{FIELD}[{index}]", _("Each participant may be listed once."), DUPLICATE)
        for index, value in enumerate(excluded)
        if value in excluded[:index]
    ]
    if errors:
        raise RuleViolation(errors, REQUEST)
    return list(excluded)


@transaction.atomic
def update_preferences(
    actor: Actor, catalog: str, *, revision: int, access_type: str, excluded: list[str]
) -> ConnectionPreferences:
    """Replace the preferences if `revision` is the stored one; the revision then grows."""
    company = require(actor, perms.UPDATE_CONNECTION_PREFERENCES, _arn(actor, catalog), catalog)
    excluded = _check_excluded(excluded)
    prefs, _made = ConnectionPreferences.objects.select_for_update().get_or_create(
        company=company, catalog=catalog, defaults={"updated_at": company.created_at}
    )
    if prefs.revision != revision:
        raise Conflict(
            _("The preferences changed since revision %(revision)s; read them again.")
            % {"revision": revision},
            "ConnectionPreferences",
            catalog,
            "INCOMPATIBLE_CONNECTION_PREFERENCES_REVISION",
        )
    prefs.access_type, prefs.excluded = access_type, excluded
    prefs.revision += 1
    prefs.updated_at = timezone.now()
    prefs.save()
    record(
        actor, "UpdateConnectionPreferences", company,
        request={"catalog": catalog, "accessType": access_type, "revision": revision,
                 "excludedParticipantIdentifiers": excluded},
        response={"revision": prefs.revision},
        resources=[{"ARN": _arn(actor, catalog),
                    "type": "AWS::PartnerCentral::ConnectionPreferences"}],
    )  # fmt: skip
    return prefs
