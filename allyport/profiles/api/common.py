"""What the Account API's profile handlers share: the operation decorator that gives
the profile services' refusals the account service's `Reason`, and the partner an
Identifier names."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allyport.access.decisions import Permission
from allyport.accounts.models import Company
from allyport.awsapi.idempotency import with_client_token
from allyport.awsapi.registry import ApiContext, Handler, operation
from allyport.core.errors import Conflict, NotFound
from allyport.pipeline.services import check_catalog
from allyport.profiles.selectors.partner import partner_for

SERVICE = "partnercentral-account"
# The account service's Reason for a refusal the profile services raise, by the
# resource it names (the model requires one on every error).
NOT_FOUND_REASONS = {
    "Partner": "PARTNER_NOT_FOUND",
    "PartnerProfile": "PARTNER_PROFILE_NOT_FOUND",
    "ProfileUpdateTask": "PARTNER_PROFILE_TASK_NOT_FOUND",
    "PartnerDomain": "PARTNER_DOMAIN_NOT_FOUND",
    "Verification": "VERIFICATION_NOT_FOUND",
    "QualificationsAssociationTask": "QUALIFICATIONS_ASSOCIATION_TASK_NOT_FOUND",
    "QualificationsDisassociationTask": "QUALIFICATIONS_DISASSOCIATION_TASK_NOT_FOUND",
}
CONFLICT_REASONS = {
    "Partner": "DUPLICATE_PARTNER",
    "ProfileUpdateTask": "INCOMPATIBLE_PARTNER_PROFILE_TASK_STATE",
    "Verification": "VERIFICATION_ALREADY_IN_PROGRESS",
    "QualificationsAssociationTask": "INCOMPATIBLE_QUALIFICATIONS_ASSOCIATION_TASK_STATE",
}


def _with_reason(error: NotFound | Conflict) -> None:
    if error.reason:
        return
    table = NOT_FOUND_REASONS if isinstance(error, NotFound) else CONFLICT_REASONS
    reason = table.get(error.resource_type, "")
    verified = "verified" in str(error) and "progress" not in str(error)
    if isinstance(error, Conflict) and error.resource_type == "Verification" and verified:
        reason = "ACCOUNT_ALREADY_VERIFIED"
    error.reason = reason


def account_operation(name: str) -> Callable[[Handler], Handler]:
    """`registry.operation` for the account service, with the Reasons filled in."""

    def register(handler: Handler) -> Handler:
        @wraps(handler)
        def run(ctx: ApiContext, params: dict[str, Any]) -> dict[str, Any] | None:
            try:
                return handler(ctx, params)
            except (NotFound, Conflict) as error:
                _with_reason(error)
                raise

        return operation(SERVICE, name)(run)

    return register


def partner(ctx: ApiContext, params: dict[str, Any], permission: Permission) -> Company:
    """The caller's partner the Identifier names (another company's: not found)."""
    catalog = check_catalog(params["Catalog"])
    return partner_for(ctx.actor, params["Identifier"], permission, catalog=catalog)


def own_company(ctx: ApiContext) -> Company:
    """The partner the key acts for (the endpoint refuses keys of unlinked accounts)."""
    company = ctx.actor.company
    assert company is not None, "the endpoint answers only keys of a linked account"
    return company


def once(ctx: ApiContext, params: dict[str, Any], run: Callable[[], dict[str, Any]]) -> Any:
    """`run` once per ClientToken, where the request carries one."""
    token = params.get("ClientToken")
    return with_client_token(ctx, token, params, run) if token else run()
