"""Demo Marketing Central data for `load_demo`: a small template catalogue and one
draft campaign of Octank's, its email filled in and two recipients set."""

from __future__ import annotations

from allyport.access.actor import Actor
from allyport.accounts.models import User
from allyport.marketing.catalogue import make_template
from allyport.marketing.services import assets, campaigns

TEMPLATES = (
    ("Migrate to AWS", {"industry": "FINANCIAL_SERVICES", "themes": ["MIGRATION_MODERNIZATION"]}),
    (
        "Generative AI for retail",
        {
            "industry": "RETAIL",
            "themes": ["AI"],
            "collection": "BUILD_WITH_AI",
            "use_case": "Generative AI",
            "customer_segments": ["SMB", "ENTERPRISE"],
        },
    ),
    (
        "Secure your cloud",
        {
            "industry": "HEALTHCARE",
            "themes": ["SECURITY"],
            "language": "de",
            "use_case": "Security",
            "customer_segments": ["PUBLIC_SECTOR"],
        },
    ),
)


def load_marketing_demo() -> list[str]:
    made = [make_template(name, **values) for name, values in TEMPLATES]
    actor = Actor.for_member(User.objects.get(email="marketing_staff@octank.example"))
    campaign = campaigns.create_campaign(
        actor,
        "AWS",
        {
            "Name": "Spring migration webinar",
            "CampaignTemplateId": made[0].public_id,
            "SenderEmail": "marketing@octank.example",
            "PrivacyPolicyUrl": "https://octank.example/privacy",
            "PartnerAddress": "1 Main Street, Seattle, WA",
            "StartOn": "2026-03-01",
            "EndOn": "2026-05-31",
            "Recipients": "cto@anycompany.example\nit@example.com",
        },
    )
    created, _errors = assets.create_assets(
        actor, "AWS", campaign.public_id, [a.key for a in made[0].assets.all()]
    )
    email = next(a for a in created if a.category == "EMAIL")
    assets.update_asset(
        actor,
        "AWS",
        campaign.public_id,
        email.public_id,
        {
            "FieldValues": [
                {"FieldId": "Subject", "Value": {"Text": "Plan your migration with Octank"}},
                {"FieldId": "Headline", "Value": {"Text": "Move faster on AWS"}},
                {"FieldId": "Body", "Value": {"Text": "<p>Join our <strong>webinar</strong>.</p>"}},
            ]
        },
    )
    return [
        f"Marketing Central: {len(made)} campaign templates and the draft campaign "
        f"“{campaign.name}” (marketing_staff@octank.example)."
    ]
