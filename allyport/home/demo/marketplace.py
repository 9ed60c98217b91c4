"""Demo cloud account for `load_demo`: a marketplace seller Octank can link."""

from __future__ import annotations

from allyport.access.actor import system
from allyport.cloud import services as cloud
from allyport.cloud.guide import guide_policy
from allyport.marketplace.models import PrivateOffer, Product


def load_seller_demo(password: str) -> list[str]:
    """An account with an administrator and the guide's linking user; returns the
    lines to print for newcomers."""
    account = cloud.create_account("octank-seller", "admin", password)
    account.seller_legal_name = "Octank Software LLC"
    account.save(update_fields=["seller_legal_name"])
    linker = cloud.create_user(system(), account, "linker", password)
    cloud.put_inline_policy(
        system(), linker, "PartnerAccountManagement", guide_policy("partner-account-management")
    )
    product = Product.objects.create(account=account, title="Octank Analytics (SaaS)")
    PrivateOffer.objects.create(
        account=account,
        product=product,
        name="Octank for AnyCompany",
        buyer_account_id="111122223333",
    )
    return [
        f"Demo AWS account {account.account_id}: the cloud console is at /cloud/;"
        " Link Account is on the home page",
        "  IAM users: admin (AdministratorAccess) and linker (the guide's"
        " PartnerAccountManagement policy), same password",
    ]
