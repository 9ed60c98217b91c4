"""The marketplace view of the linked seller account: products and private offers.

A partner user reaches it through the IAM role they are mapped to (the guide's
single sign-on); that role's policies decide, through the evaluator, whether they
may list entities and agreements (read) and start change sets (create, edit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from allyport.access.actor import Actor
from allyport.audit import services as audit
from allyport.cloud.principals import IamPrincipal
from allyport.core.errors import ChangeRefused
from allyport.marketplace.models import AccountLink, PrivateOffer, Product, RoleMapping
from allyport.marketplace.services.common import refuse_while_unlinking, role_session_actor

MARKETPLACE_SOURCE = "aws-marketplace.amazonaws.com"
# What the guide's minimal offer policy conditions on: the seller proposes
# purchase agreements.
SELLER_CONTEXT = {
    "aws-marketplace:PartyType": "Proposer",
    "aws-marketplace:AgreementType": ["PurchaseAgreement"],
}
READ_ACTIONS = ("aws-marketplace:ListEntities", "aws-marketplace:SearchAgreements")
WRITE_ACTION = "aws-marketplace:StartChangeSet"  # with catalog:ChangeType, as AWS checks it
ACCOUNT_ID_RE = re.compile(r"^\d{12}$")
OFFER_STATES = ("Draft", "Released")


@dataclass(frozen=True)
class SellerAccess:
    link: AccountLink
    session: Actor  # acting as the mapped role
    read_refusal: str
    product_refusal: str  # why the role may not create products, or ""
    offer_refusal: str  # why the role may not create offers, or ""

    @property
    def principal(self) -> IamPrincipal:
        assert self.session.iam is not None
        return self.session.iam

    @property
    def can_read(self) -> bool:
        return not self.read_refusal

    @property
    def can_create_products(self) -> bool:
        return not self.product_refusal

    @property
    def can_create_offers(self) -> bool:
        return not self.offer_refusal

    def entity_arn(self, kind: str, entity_id: str) -> str:
        return (
            f"arn:aws:aws-marketplace:{settings.ALLYPORT_AWS_REGION}:"
            f"{self.link.account.account_id}:AWSMarketplace/{kind}/{entity_id}"
        )

    def change_refusal(self, change_type: str, resource: str = "*") -> str:
        """Why StartChangeSet of this type on this entity is refused, or ""."""
        return _decide(self.principal, WRITE_ACTION, resource, {"catalog:ChangeType": change_type})


def _decide(
    principal: IamPrincipal, action: str, resource: str = "*", extra: dict | None = None
) -> str:
    result = principal.check(action, resource, {**SELLER_CONTEXT, **(extra or {})})
    return "" if result.allowed else principal.refusal(action, resource, result)


def seller_access(actor: Actor) -> SellerAccess:
    """The actor's access to the seller account, or ChangeRefused saying why none."""
    assert actor.company is not None
    link = AccountLink.objects.select_related("account").filter(company=actor.company).first()
    if link is None:
        raise ChangeRefused(_("Your company has not linked an AWS Marketplace account."))
    mapping = RoleMapping.objects.select_related("role").filter(user=actor.user).first()
    if mapping is None or mapping.role.account_id != link.account_id:
        raise ChangeRefused(
            _(
                "You are not mapped to an IAM role of the linked account; ask your alliance "
                "lead or cloud admin to map you."
            )
        )
    session = role_session_actor(actor, mapping.role)
    assert session.iam is not None
    read = next((r for r in (_decide(session.iam, a) for a in READ_ACTIONS) if r), "")
    access = SellerAccess(link, session, read, "", "")
    return SellerAccess(
        link,
        session,
        read,
        access.change_refusal("CreateProduct"),
        access.change_refusal("CreateOfferOnProduct"),
    )


def _require(access: SellerAccess, refusal_text: str) -> None:
    assert access.link.company is not None
    refuse_while_unlinking(access.link.company)
    if refusal_text:
        raise ChangeRefused(refusal_text)


def _change_set(access: SellerAccess, change_type: str, entity: str) -> None:
    audit.record(
        access.session,
        "StartChangeSet",
        event_source=MARKETPLACE_SOURCE,
        event_type="AwsApiCall",
        company=access.link.company,
        request_parameters={
            "catalog": "AWSMarketplace",
            "changeType": change_type,
            "entityId": entity,
        },
    )


def create_product(access: SellerAccess, title: str) -> Product:
    _require(access, access.product_refusal)
    title = title.strip()
    if not title or len(title) > 255:
        raise ChangeRefused(_("Give a title of 1 to 255 characters."), "title")
    with transaction.atomic():
        product = Product.objects.create(account=access.link.account, title=title)
        _change_set(access, "CreateProduct", product.entity_id)
    return product


def _offer_fields(name: str, buyer: str, state: str) -> tuple[str, str, str]:
    errors: dict[str, str] = {}
    name, buyer = name.strip(), buyer.strip()
    if not name or len(name) > 150:
        errors["name"] = _("Give a name of 1 to 150 characters.")
    if not ACCOUNT_ID_RE.match(buyer):
        errors["buyer_account_id"] = _("Give the buyer's 12-digit AWS account ID.")
    if state not in OFFER_STATES:
        errors["state"] = _("Choose Draft or Released.")
    if errors:
        field, message = next(iter(errors.items()))
        raise ChangeRefused(message, field)
    return name, buyer, state


def save_offer(
    access: SellerAccess,
    offer: PrivateOffer | None,
    product: Product | None,
    name: str,
    buyer: str,
    state: str = "Draft",
) -> PrivateOffer:
    """Create (offer None, product given) or edit a private offer."""
    if offer is None:
        _require(access, access.offer_refusal)
    else:
        arn = access.entity_arn("Offer", offer.entity_id)
        _require(access, access.change_refusal("UpdateInformation", arn))
    name, buyer, state = _offer_fields(name, buyer, state)
    with transaction.atomic():
        if offer is None:
            assert product is not None
            offer = PrivateOffer.objects.create(
                account=access.link.account,
                product=product,
                name=name,
                buyer_account_id=buyer,
                state=state,
            )
            _change_set(access, "CreateOffer", offer.entity_id)
            return offer
        offer.name, offer.buyer_account_id, offer.state = name, buyer, state
        offer.save(update_fields=["name", "buyer_account_id", "state", "updated_at"])
        _change_set(access, "UpdateInformation", offer.entity_id)
    return offer
