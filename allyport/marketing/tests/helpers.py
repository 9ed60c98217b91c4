"""What the marketing tests share: a company at Confirmed, a marketer, a template, a
campaign ready to activate."""

from __future__ import annotations

from typing import Any

from allyport.access.actor import Actor
from allyport.accounts.models import Company, User
from allyport.marketing.catalogue import make_template
from allyport.marketing.models import Campaign, CampaignAsset, CampaignTemplate
from allyport.marketing.services import assets, campaigns
from allyport.testing import make_company, make_user

READY = {
    "SenderEmail": "news@octank.example",
    "PrivacyPolicyUrl": "https://octank.example/privacy",
    "PartnerAddress": "1 Main Street, Seattle",
    "StartOn": "2030-01-01",
    "EndOn": "2030-03-31",
    "Recipients": "ana@customer.example\nbo@customer.example\nana@customer.example\nnot-an-address",
}
EMAIL_VALUES = [
    {"FieldId": "Subject", "Value": {"Text": "Plan your migration"}},
    {"FieldId": "Headline", "Value": {"Text": "Move faster"}},
    {
        "FieldId": "Body",
        "Value": {"Text": "<p>Join <strong>us</strong><script>alert(1)</script></p>"},
    },
]


def confirmed_company(name: str | None = None) -> Company:
    return make_company(name, stage="Confirmed")[0]


def marketer(company: Company | None = None) -> User:
    return make_user(company or confirmed_company(), "marketing_staff")


def new_campaign(
    actor: Actor, template: CampaignTemplate | None = None, **settings: Any
) -> Campaign:
    template = template or make_template()
    campaign = campaigns.create_campaign(
        actor, "AWS", {"Name": "Spring", "CampaignTemplateId": template.public_id, **settings}
    )
    assets.create_assets(actor, "AWS", campaign.public_id, [a.key for a in template.assets.all()])
    return campaign


def asset_of(campaign: Campaign, category: str) -> CampaignAsset:
    return campaign.assets.get(category=category)


def ready_campaign(actor: Actor) -> Campaign:
    """A campaign whose email can be activated (two valid recipients)."""
    campaign = new_campaign(actor, **READY)
    email = asset_of(campaign, "EMAIL")
    assets.update_asset(
        actor, "AWS", campaign.public_id, email.public_id, {"FieldValues": EMAIL_VALUES}
    )
    return campaign
