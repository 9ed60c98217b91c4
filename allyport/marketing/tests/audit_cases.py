"""The marketing app's writing services for the project-wide audit-per-caller test
(home/tests/test_audit_per_caller.py adds these to its lists): each records its
event for each kind of caller that may use it. A case is (scanned name, event name,
callers, run(world, actor))."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from allyport.access.actor import Actor, ActorKind
from allyport.marketing.catalogue import make_template
from allyport.marketing.services import activation, assets, campaigns, exports, social, tags
from allyport.marketing.services.scope import campaign_arn
from allyport.testing import make_user

MEMBER, IAM = "member", "iam"

SCANNED: dict[str, ModuleType] = {
    "marketing.campaigns": campaigns,
    "marketing.assets": assets,
    "marketing.activation": activation,
    "marketing.exports": exports,
    "marketing.social": social,
    "marketing.tags": tags,
}
NOT_CHANGES: dict[str, str] = {}


def _marketer(world: Any, actor: Actor) -> Actor:
    """A member needs Marketing Central (its roles, Confirmed or higher); the IAM caller
    is the one given."""
    if actor.kind != ActorKind.MEMBER:
        return actor
    world.company.stage = "Confirmed"
    world.company.save(update_fields=["stage"])
    return Actor.for_member(make_user(world.company, "marketing_staff"))


def _campaign(world: Any, actor: Actor) -> Any:
    template = make_template()
    campaign = campaigns.create_campaign(
        _marketer(world, actor), "AWS", {"Name": "C", "CampaignTemplateId": template.public_id}
    )
    assets.create_assets(_marketer(world, actor), "AWS", campaign.public_id, ["email-1"])
    return campaign


def _asset(world: Any, actor: Actor) -> tuple[Any, Any]:
    campaign = _campaign(world, actor)
    return campaign, campaign.assets.get()


def _update_asset(world: Any, actor: Actor) -> None:
    campaign, asset = _asset(world, actor)
    assets.update_asset(
        _marketer(world, actor), "AWS", campaign.public_id, asset.public_id, {"Layout": "Short"}
    )


def _asset_change(change: Any) -> Any:
    def run(world: Any, actor: Actor) -> None:
        campaign, asset = _asset(world, actor)
        change(_marketer(world, actor), "AWS", campaign.public_id, asset.public_id)

    return run


def _activate(world: Any, actor: Actor) -> None:
    campaign, asset = _asset(world, actor)
    activation.start_activation(
        _marketer(world, actor), "AWS", campaign.public_id, [asset.public_id]
    )


def _tag(world: Any, actor: Actor, untag: bool = False) -> None:
    arn = campaign_arn(_campaign(world, actor))
    who = _marketer(world, actor)
    if untag:
        tags.untag_resource(who, arn, ["k"])
    else:
        tags.tag_resource(who, arn, [{"Key": "k", "Value": "v"}])


def _connect(world: Any, actor: Actor) -> Any:
    who = _marketer(world, actor)
    url = social.create_authorization_url(who, "AWS", "LINKEDIN")
    member = (
        who
        if who.kind == ActorKind.MEMBER
        else _marketer(world, Actor.for_member(make_user(world.company, "marketing_staff")))
    )
    return social.complete_authorization(member, url.rstrip("/").rsplit("/", 1)[-1], "Page")


SERVICES: list[tuple[str, str, tuple[str, ...], Any]] = [
    ("marketing.campaigns.create_campaign", "CreateCampaign", (MEMBER, IAM), _campaign),
    (
        "marketing.campaigns.update_campaign",
        "UpdateCampaign",
        (MEMBER, IAM),
        lambda world, actor: campaigns.update_campaign(
            _marketer(world, actor), "AWS", _campaign(world, actor).public_id, {"Name": "D"}
        ),
    ),
    (
        "marketing.campaigns.delete_campaign",
        "DeleteCampaign",
        (MEMBER, IAM),
        lambda world, actor: campaigns.delete_campaign(
            _marketer(world, actor), "AWS", _campaign(world, actor).public_id
        ),
    ),
    ("marketing.assets.create_assets", "BatchCreateCampaignAsset", (MEMBER, IAM), _campaign),
    (
        "marketing.assets.create_campaign_from_template",
        "CreateCampaign",
        (MEMBER, IAM),
        lambda world, actor: assets.create_campaign_from_template(
            _marketer(world, actor),
            "AWS",
            {"Name": "T", "CampaignTemplateId": make_template().public_id},
        ),
    ),
    ("marketing.assets.update_asset", "UpdateCampaignAsset", (MEMBER, IAM), _update_asset),
    (
        "marketing.assets.deactivate_asset",
        "DeactivateCampaignAsset",
        (MEMBER, IAM),
        _asset_change(assets.deactivate_asset),
    ),
    (
        "marketing.assets.delete_asset",
        "DeleteCampaignAsset",
        (MEMBER, IAM),
        _asset_change(assets.delete_asset),
    ),
    (
        "marketing.activation.start_activation",
        "StartCampaignAssetActivationTask",
        (MEMBER, IAM),
        _activate,
    ),
    ("marketing.activation.run", "ActivateCampaignAssets", (MEMBER, IAM), _activate),
    (
        "marketing.exports.start_export",
        "StartCampaignAssetExportTask",
        (MEMBER, IAM),
        lambda world, actor: exports.start_export(
            _marketer(world, actor), "AWS", _campaign(world, actor).public_id
        ),
    ),
    (
        "marketing.social.create_authorization_url",
        "CreateSocialConnectionAuthorizationUrl",
        (MEMBER, IAM),
        lambda world, actor: social.create_authorization_url(_marketer(world, actor), "AWS", "X"),
    ),
    ("marketing.social.complete_authorization", "CreateSocialConnection", (MEMBER,), _connect),
    (
        "marketing.social.delete_connection",
        "DeleteSocialConnection",
        (MEMBER, IAM),
        lambda world, actor: social.delete_connection(
            _marketer(world, actor), "AWS", _connect(world, actor).public_id
        ),
    ),
    ("marketing.tags.tag_resource", "TagResource", (MEMBER, IAM), _tag),
    (
        "marketing.tags.untag_resource",
        "UntagResource",
        (MEMBER, IAM),
        lambda world, actor: _tag(world, actor, untag=True),
    ),
]
