"""The marketplace view: reached through the mapped IAM role, whose policies
decide what the user may read and change."""

from __future__ import annotations

from django.urls import reverse

from allyport.access.actor import for_user
from allyport.audit.models import AuditEvent
from allyport.marketplace import testing
from allyport.marketplace.models import PrivateOffer, Product
from allyport.marketplace.services import mapping
from allyport.testing import make_user

SELLER = reverse("marketplace:seller")


def _mapped(lead, role_attr, *roles):  # type: ignore[no-untyped-def]
    link = testing.link(lead)
    user = make_user(lead.company, *roles)
    mapping.map_users(for_user(lead), [user.public_id], getattr(link, role_attr).role_id)
    return link, user


def test_it_refuses_an_unmapped_user_with_the_reason(lead, member, client_for) -> None:
    testing.link(lead)
    response = client_for(member).get(SELLER)
    assert response.status_code == 403
    assert "not mapped to an IAM role" in response.content.decode()


def test_it_lets_the_alliance_role_create_products_and_offers(lead, client_for) -> None:
    link, user = _mapped(lead, "alliance_role", "alliance_team")
    client = client_for(user)
    client.post(reverse("marketplace:new_product"), {"title": "Octank Analytics"})
    product = Product.objects.get(account=link.account)
    response = client.post(
        reverse("marketplace:new_offer"),
        {
            "product": product.entity_id,
            "name": "Offer for Example Corp",
            "buyer_account_id": "111122223333",
            "state": "Draft",
        },
    )
    assert response.status_code == 302
    offer = PrivateOffer.objects.get()
    assert offer.product == product
    event = AuditEvent.objects.filter(event_name="StartChangeSet").latest("id")
    assert event.record["userIdentity"]["arn"] == link.alliance_role.arn
    assert "Offer for Example Corp" in client.get(SELLER).content.decode()


def test_it_lets_the_ace_role_manage_offers_but_not_products(lead, client_for) -> None:
    link, user = _mapped(lead, "ace_role", "ace_user")
    product = Product.objects.create(account=link.account, title="Octank Analytics")
    client = client_for(user)
    body = client.get(SELLER).content.decode()
    assert "Create private offer" in body and "Create product" not in body
    response = client.post(reverse("marketplace:new_product"), {"title": "Sneaky"})
    assert (
        "is not authorized to perform: aws-marketplace:StartChangeSet" in response.content.decode()
    )
    assert Product.objects.count() == 1
    client.post(
        reverse("marketplace:new_offer"),
        {
            "product": product.entity_id,
            "name": "O",
            "buyer_account_id": "111122223333",
            "state": "Draft",
        },
    )
    offer = PrivateOffer.objects.get()
    client.post(
        reverse("marketplace:offer", args=[offer.entity_id]),
        {
            "product": product.entity_id,
            "name": "O2",
            "buyer_account_id": "111122223333",
            "state": "Released",
        },
    )
    offer.refresh_from_db()
    assert (offer.name, offer.state) == ("O2", "Released")


def test_it_shows_bad_offer_input_next_to_the_field(lead, client_for) -> None:
    link, user = _mapped(lead, "alliance_role", "alliance_team")
    product = Product.objects.create(account=link.account, title="P")
    response = client_for(user).post(
        reverse("marketplace:new_offer"),
        {"product": product.entity_id, "name": "", "buyer_account_id": "12", "state": "Draft"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter the buyer&#x27;s 12-digit AWS account ID." in body
    assert not PrivateOffer.objects.exists()


def test_it_hides_another_companys_offers(lead, outsider, client_for) -> None:
    link, _user = _mapped(lead, "alliance_role", "alliance_team")
    product = Product.objects.create(account=link.account, title="P")
    offer = PrivateOffer.objects.create(
        account=link.account, product=product, name="Secret", buyer_account_id="111122223333"
    )
    other_link = testing.link(outsider)
    other_user = make_user(outsider.company, "alliance_team")
    mapping.map_users(for_user(outsider), [other_user.public_id], other_link.alliance_role.role_id)
    client = client_for(other_user)
    assert client.get(reverse("marketplace:offer", args=[offer.entity_id])).status_code == 404
    assert "Secret" not in client.get(SELLER).content.decode()


def test_it_needs_sign_in_for_the_seller_view(client) -> None:
    response = client.get(SELLER)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
