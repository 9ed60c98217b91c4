"""Whose connections an actor sees, the Account API's ARNs, and the participants.

A company is a participant under two names: its partner id (`partner-…`) and the
12-digit id of the AWS account it linked. Both work wherever the API takes a
ParticipantIdentifier; answers name the other company by its partner id
(invitations) and its account id (connections). Connections need a linked account
on both sides, since a connection names the other side's account.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import (
    Decision,
    Permission,
    PermissionDenied,
    Target,
    authorize,
)
from allyport.accounts.models import Company
from allyport.audit import services as audit
from allyport.core.errors import FieldError, RuleViolation
from allyport.pipeline.selectors import linked_account_id
from allyport.pipeline.services import check_catalog

SOURCE = "partnercentral-account.amazonaws.com"
ACCOUNT_ID = re.compile(r"^[0-9]{12}$")
LINKING_CODE = "INVALID_ACCOUNT_LINKING_STATUS"


def arn_prefix(account_id: str = "") -> str:
    return f"arn:aws:partnercentral:{settings.ALLYPORT_AWS_REGION}:{account_id}:"


def invitation_arn(catalog: str, public_id: str) -> str:
    # The model's ConnectionInvitationArn has an empty account field.
    return f"{arn_prefix()}catalog/{catalog}/connection-invitation/{public_id}"


def connection_arn(catalog: str, public_id: str) -> str:
    return f"{arn_prefix()}catalog/{catalog}/connection/{public_id}"


def preferences_arn(catalog: str, account_id: str) -> str:
    return f"{arn_prefix(account_id)}catalog/{catalog}/connection-preferences"


def partner_arn(catalog: str, company: Company) -> str:
    return f"{arn_prefix(linked_account_id(company))}catalog/{catalog}/partner/{company.public_id}"


def company_of(actor: Actor) -> Company:
    if actor.company is None or actor.kind not in (ActorKind.MEMBER, ActorKind.IAM):
        raise PermissionDenied(Decision(False, _("sign in as a member of a partner company")))
    return actor.company


def require(
    actor: Actor, permission: Permission, arn: str = "*", catalog: str | None = None
) -> Company:
    """The actor's company once `permission` is allowed on `arn` (IAM: with the
    catalog condition key); the catalog is checked after the caller is decided."""
    company = company_of(actor)
    decision = authorize(actor, permission, Target(arn=arn, catalog=catalog))
    if not decision:
        raise PermissionDenied(decision)
    if catalog is not None:
        check_catalog(catalog)
    return company


def account_id_of(company: Company) -> str:
    return linked_account_id(company)


def participant(identifier: str) -> Company | None:
    """The company a ParticipantIdentifier names (partner id or linked account id)."""
    if ACCOUNT_ID.match(identifier):
        found = Company.objects.filter(account_link__account__account_id=identifier)
    else:
        found = Company.objects.filter(public_id=identifier)
    return found.select_related("account_link__account").first()


def participants_q(identifiers: list[str], field: str) -> Q:
    """Rows whose `field` (a Company relation) is one of the named participants."""
    accounts = [i for i in identifiers if ACCOUNT_ID.match(i)]
    partners = [i for i in identifiers if not ACCOUNT_ID.match(i)]
    return Q(**{f"{field}__public_id__in": partners}) | Q(
        **{f"{field}__account_link__account__account_id__in": accounts}
    )


def business(message: str, code: str) -> RuleViolation:
    """A business rule's refusal (the API's BusinessValidationError: it names no field)."""
    return RuleViolation([FieldError("", message, code)])


def require_linked(company: Company, message: str) -> str:
    """The company's account id, or a business refusal saying why it is needed."""
    account = account_id_of(company)
    if not account:
        raise business(message, LINKING_CODE)
    return account


def record(
    actor: Actor,
    event_name: str,
    company: Company,
    *,
    request: dict[str, Any],
    response: dict[str, Any] | None = None,
    resources: list[dict[str, str]] | None = None,
) -> None:
    """The change's record, whoever the caller (inside an API call it joins the call's)."""
    audit.record_change(
        actor,
        event_name,
        event_source=SOURCE,
        company=company,
        request_parameters=request,
        response_elements=response,
        resources=resources or [],
    )
