"""Unlinking: a request carried by a support case, completed by staff.

While the request is open, linking, mapping and linking products or offers are
refused (common.refuse_while_unlinking). Resolving the case cancels the request;
staff completing it removes the link, the mappings and the CRM role (the IAM
roles stay in the cloud account, as they would in AWS).
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.actor import Actor
from allyport.access.decisions import Permission, authorize, require
from allyport.accounts.services.roles import lock_company
from allyport.core.confirm import require_confirm
from allyport.core.errors import ChangeRefused
from allyport.marketplace.models import (
    AccountLink,
    CrmIntegrationRole,
    RoleMapping,
    UnlinkRequest,
)
from allyport.marketplace.services.common import account_event, open_unlink_request
from allyport.support import services as support
from allyport.support.models import SupportCase

UNLINK_REASONS = {
    "wrong_account": gettext_lazy("I linked the wrong AWS account"),
    "new_account": gettext_lazy("We are moving to another AWS Marketplace account"),
    "no_longer_selling": gettext_lazy("We no longer sell in AWS Marketplace"),
    "company_change": gettext_lazy("Our company was acquired or merged"),
    "other": gettext_lazy("Other"),
}


def request_unlink(actor: Actor, reason: str, confirm: str) -> UnlinkRequest:
    require(actor, "unlink_marketplace_account")
    assert actor.company is not None
    if reason not in UNLINK_REASONS:
        raise ChangeRefused(_("Choose the reason you are unlinking your account."), "reason")
    require_confirm(confirm)
    with transaction.atomic():
        lock_company(actor.company)
        link = AccountLink.objects.select_related("account").filter(company=actor.company).first()
        if link is None:
            raise ChangeRefused(_("Your company is not linked to an account."))
        if open_unlink_request(actor.company) is not None:
            raise ChangeRefused(_("An unlinking request is already open."))
        body = _("Please unlink AWS account %(account)s. Reason: %(reason)s") % {
            "account": link.account.account_id,
            "reason": UNLINK_REASONS[reason],
        }
        case = support.open_case(actor, _("Account unlinking request"), "account-linking", body)
        return UnlinkRequest.objects.create(
            link_company=actor.company,
            account_id=link.account.account_id,
            reason=reason,
            case=case,
            requested_by=actor.user,
        )


@receiver(support.case_resolved, sender=SupportCase)
def _cancel_on_resolve(sender: object, case: SupportCase, actor: Actor, **kwargs: object) -> None:
    """The guide: "If you resolve your account unlinking request, it will cancel the request." """
    UnlinkRequest.objects.filter(case=case, status=UnlinkRequest.OPEN).update(
        status=UnlinkRequest.CANCELLED
    )


# AWS's side of unlinking: staff (the admin, operator commands) and the system.
COMPLETE_UNLINK = Permission(
    staff=True, system=True, refusal=gettext_lazy("Only staff complete unlinking.")
)


def complete_unlink(actor: Actor, unlink: UnlinkRequest) -> None:
    """Staff complete an open request: the link, mappings and CRM role go."""
    decision = authorize(actor, COMPLETE_UNLINK)
    if not decision:
        raise ChangeRefused(decision.reason)
    company = unlink.link_company
    with transaction.atomic():
        lock_company(company)
        locked = UnlinkRequest.objects.select_for_update().get(pk=unlink.pk)
        if locked.status != UnlinkRequest.OPEN:
            raise ChangeRefused(_("This request is not open."))
        locked.status = UnlinkRequest.COMPLETED
        locked.save(update_fields=["status"])
        RoleMapping.objects.filter(company=company).delete()
        CrmIntegrationRole.objects.filter(company=company).delete()
        AccountLink.objects.filter(company=company).delete()
        account_event(actor, "DisassociatePartnerAccount", company)
        support.resolve_case(actor, locked.case, _("Your AWS account was unlinked."))
    unlink.status = UnlinkRequest.COMPLETED
