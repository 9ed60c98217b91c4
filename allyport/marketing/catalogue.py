"""Asset blueprints used by the demo catalogue and the tests: an email, a landing page
and a LinkedIn post, with fields as the Marketing API shapes them."""

from __future__ import annotations

from typing import Any

from allyport.marketing.models import AssetTemplate, CampaignTemplate


def _text(
    field_id: str,
    label: str,
    section: str,
    *,
    required: bool = True,
    max_length: int = 200,
    rich: bool = False,
) -> dict[str, Any]:
    kind = (
        {
            "RichText": {
                "AllowedTags": ["p", "strong", "em", "a", "ul", "li"],
                "MaxLength": max_length,
            }
        }
        if rich
        else {"Text": {"MaxLength": max_length}}
    )
    return {
        "FieldId": field_id,
        "Label": label,
        "Section": section,
        "Required": required,
        "Type": kind,
    }


EMAIL_FIELDS = [
    _text("Subject", "Subject line", "HEADER", max_length=150),
    _text("Headline", "Headline", "HEADER"),
    _text("Body", "Body", "BODY", max_length=5000, rich=True),
    _text("CallToAction", "Call to action", "FOOTER", required=False),
]
LANDING_FIELDS = [
    _text("Headline", "Headline", "HEADER"),
    _text("Body", "Body", "BODY", max_length=5000, rich=True),
    {
        "FieldId": "HeroImage",
        "Label": "Hero image",
        "Section": "HEADER",
        "Required": False,
        "Type": {"Image": {"AllowedFormats": ["PNG", "JPEG"]}},
    },
]
SOCIAL_FIELDS = [_text("Post", "Post text", "BODY", max_length=1300)]
LAYOUTS = [
    {
        "Value": "Standard",
        "Label": "Standard",
        "FieldIds": ["Subject", "Headline", "Body", "CallToAction"],
    },
    {"Value": "Short", "Label": "Short", "FieldIds": ["Subject", "Headline", "Body"]},
]


def add_blueprints(template: CampaignTemplate) -> None:
    AssetTemplate.objects.create(
        template=template,
        key="email-1",
        type="EMAIL",
        label="Invitation email",
        display_order=1,
        fields=EMAIL_FIELDS,
        layouts=LAYOUTS,
    )
    AssetTemplate.objects.create(
        template=template,
        key="landing-1",
        type="LANDING_PAGE",
        label="Landing page",
        display_order=2,
        fields=LANDING_FIELDS,
    )
    AssetTemplate.objects.create(
        template=template,
        key="linkedin-1",
        type="SOCIAL_POST",
        label="LinkedIn post",
        display_order=3,
        social_platform="LINKEDIN",
        fields=SOCIAL_FIELDS,
    )


def make_template(name: str = "Migrate to AWS", **values: Any) -> CampaignTemplate:
    defaults: dict[str, Any] = {
        "description": "Invite customers to plan their migration with you.",
        "industry": "FINANCIAL_SERVICES",
        "use_case": "Migration",
        "language": "en",
        "collection": "GENERAL",
        "aws_services": ["Amazon EC2", "AWS Migration Hub"],
        "customer_segments": ["ENTERPRISE"],
        "themes": ["MIGRATION_MODERNIZATION"],
        "setup_duration": "1 day",
        "published": True,
    }
    template = CampaignTemplate.objects.create(name=name, **{**defaults, **values})
    add_blueprints(template)
    return template
