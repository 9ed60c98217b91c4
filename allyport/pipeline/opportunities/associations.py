"""AssociateOpportunity / DisassociateOpportunity: solutions, AWS products and the
linked seller account's AWS Marketplace entities (spec §2.6, quotas Appendix A §1.1)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.core.errors import INVALID, NOT_PERMITTED, REQUEST, TOO_MANY, ChangeRefused, refuse
from allyport.marketplace.models import AccountLink, PrivateOffer, Product
from allyport.marketplace.services.seller import seller_access
from allyport.pipeline.enums import Catalog
from allyport.pipeline.opportunities.models import Opportunity
from allyport.pipeline.opportunities.rules import LATE_STAGES, has_offering
from allyport.pipeline.opportunities.services import save_change
from allyport.pipeline.shared.scope import find_opportunity
from allyport.pipeline.solutions.models import Solution
from allyport.shapes.selling import RELATED_ENTITY_TYPES

FIELD = "RelatedEntityIdentifier"
LIMITS = {
    "Solutions": 10,
    "AwsProducts": 20,
    "AwsMarketplaceOffers": 1,
    "AwsMarketplaceOfferSets": 1,
    "AwsMarketplaceSolutions": 10,
    "AwsMarketplaceProducts": 10,
}
SANDBOX_TEST_SOLUTION = "S-1234567"  # documented for Sandbox tests (Appendix A §1.8)
OTHER = "Other"
MARKETPLACE_ARN = re.compile(
    r"arn:aws:aws-marketplace:[a-z]{1,2}-[a-z]*-\d+:(?P<account>\d{12}):"
    r"AWSMarketplace/(?P<kind>[A-Za-z]+)/(?P<entity>[^/]+)"
)
PRODUCT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


def _solution(opportunity: Opportunity, identifier: str) -> str:
    if identifier == OTHER:
        if opportunity.stage in LATE_STAGES:
            raise refuse(FIELD, _('"Other" is not allowed from the Committed stage on.'))
        return identifier
    if opportunity.catalog == Catalog.SANDBOX and identifier == SANDBOX_TEST_SOLUTION:
        return identifier
    solution = Solution.objects.filter(
        company_id=opportunity.company_id, catalog=opportunity.catalog, public_id=identifier
    ).first()
    if solution is None:
        raise refuse(FIELD, _("No solution %(id)s in this catalog.") % {"id": identifier})
    if solution.status != Solution.Status.ACTIVE:
        raise refuse(FIELD, _("Only active solutions can be associated."))
    return identifier


def _link(actor: Actor, opportunity: Opportunity) -> AccountLink:
    """The linked seller account; portal members also need their IAM role to read it."""
    try:
        if actor.kind == "user":
            access = seller_access(actor)
            if not access.can_read:
                raise ChangeRefused(access.read_refusal)
            return access.link
        link = AccountLink.objects.select_related("account").filter(
            company_id=opportunity.company_id
        )
        found = link.first()
        if found is None:
            raise ChangeRefused(_("Your company has not linked an AWS Marketplace account."))
        return found
    except ChangeRefused as refusal:
        raise refuse(FIELD, refusal.reason, NOT_PERMITTED) from None


def _marketplace_arn(link: AccountLink, kind: str, entity: str) -> str:
    return (
        f"arn:aws:aws-marketplace:{settings.ALLYPORT_AWS_REGION}:{link.account.account_id}:"
        f"AWSMarketplace/{kind}/{entity}"
    )


def _parse_marketplace(link: AccountLink, identifier: str) -> tuple[str, str]:
    """(kind, entity id) of an ARN of the linked account; a bare id has no kind."""
    match = MARKETPLACE_ARN.fullmatch(identifier)
    if match is None:
        if "/" in identifier or ":" in identifier:
            raise refuse(FIELD, _("This is not an AWS Marketplace ARN."), reason=REQUEST)
        return "", identifier
    if match["account"] != link.account.account_id:
        raise refuse(FIELD, _("This entity does not belong to your linked seller account."))
    return match["kind"], match["entity"]


def _offer(link: AccountLink, identifier: str) -> str:
    kind, entity = _parse_marketplace(link, identifier)
    found = PrivateOffer.objects.filter(account=link.account, entity_id=entity).exists()
    if kind not in ("", "Offer") or not found:
        raise refuse(FIELD, _("No private offer %(id)s in your seller account.") % {"id": entity})
    return _marketplace_arn(link, "Offer", entity)


def _product(link: AccountLink, identifier: str) -> str:
    _kind, entity = _parse_marketplace(link, identifier)
    product = Product.objects.filter(account=link.account, entity_id=entity).first()
    if product is None:
        raise refuse(FIELD, _("No product %(id)s in your seller account.") % {"id": entity})
    return _marketplace_arn(link, product.product_type, entity)


def _listed(link: AccountLink, identifier: str, kind: str) -> str:
    """Offer sets and Marketplace solutions: ARNs of the linked account."""
    found_kind, _entity = _parse_marketplace(link, identifier)
    if found_kind != kind:
        raise refuse(FIELD, _("Give the %(kind)s's ARN.") % {"kind": kind}, reason=REQUEST)
    return identifier


def resolve(actor: Actor, opportunity: Opportunity, entity_type: str, identifier: str) -> str:
    """The identifier as stored, once it is known to be associable."""
    if entity_type == "Solutions":
        return _solution(opportunity, identifier)
    if entity_type == "AwsProducts":
        if not PRODUCT_CODE.fullmatch(identifier):
            raise refuse(FIELD, _("This is not an AWS product code."), reason=REQUEST)
        return identifier
    link = _link(actor, opportunity)
    if entity_type == "AwsMarketplaceOffers":
        return _offer(link, identifier)
    if entity_type == "AwsMarketplaceProducts":
        return _product(link, identifier)
    return _listed(link, identifier, "OfferSet" if "OfferSet" in entity_type else "Solution")


def _check_type(entity_type: str) -> None:
    if entity_type not in RELATED_ENTITY_TYPES:
        raise refuse("RelatedEntityType", _("Unknown related entity type."), reason=REQUEST)


def associate_opportunity(
    actor: Actor, catalog: str, identifier: str, entity_type: str, entity_id: str
) -> Opportunity:
    """Add one related entity (already there: nothing changes)."""
    _check_type(entity_type)
    with transaction.atomic():
        opportunity = find_opportunity(actor, catalog, identifier, lock=True)
        value = resolve(actor, opportunity, entity_type, entity_id)
        current: list[str] = list(opportunity.related.get(entity_type, []))
        if value in current:
            return opportunity
        if len(current) >= LIMITS[entity_type]:
            raise refuse(
                FIELD,
                _("At most %(n)d %(type)s per opportunity.")
                % {"n": LIMITS[entity_type], "type": entity_type},
                TOO_MANY,
            )
        opportunity.related = {**opportunity.related, entity_type: [*current, value]}
        save_change(actor, opportunity, "AssociateOpportunity", _request(entity_type, value))
    return opportunity


def _request(entity_type: str, value: str) -> dict[str, Any]:
    return {"relatedEntityType": entity_type, "relatedEntityIdentifier": value}


def _matches(stored: str, given: str) -> bool:
    """An ARN also matches its bare entity id."""
    return stored == given or stored.endswith("/" + given)


def disassociate_opportunity(
    actor: Actor, catalog: str, identifier: str, entity_type: str, entity_id: str
) -> Opportunity:
    """Remove one related entity; refused when it is not associated, or when it is the
    last solution or Marketplace product of a Committed or Launched opportunity."""
    _check_type(entity_type)
    with transaction.atomic():
        opportunity = find_opportunity(actor, catalog, identifier, lock=True)
        current: list[str] = list(opportunity.related.get(entity_type, []))
        kept = [value for value in current if not _matches(value, entity_id)]
        if len(kept) == len(current):
            raise refuse(FIELD, _("%(id)s is not associated.") % {"id": entity_id}, INVALID)
        related = {**opportunity.related, entity_type: kept}
        if not kept:
            del related[entity_type]
        if opportunity.stage in LATE_STAGES and not has_offering(related):
            raise refuse(
                FIELD,
                _("Associate another solution or Marketplace product before removing the last."),
                NOT_PERMITTED,
            )
        opportunity.related = related
        save_change(actor, opportunity, "DisassociateOpportunity", _request(entity_type, entity_id))
    return opportunity
