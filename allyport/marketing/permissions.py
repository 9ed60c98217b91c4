"""Who may do each Marketing operation, declared once: members need the Marketing
Central menu item (its roles, Confirmed or higher: `services.scope.require_marketing`
asks the menu), IAM principals their policies' allow of `partnercentral:<Operation>`;
the jobs that schedule sends run as whoever started them."""

from __future__ import annotations

from allyport.access.decisions import Permission

MENU = "menu:Market/Marketing Central"
MENU_ITEM = "Market/Marketing Central"

OPERATIONS = (
    "BatchCreateCampaignAsset",
    "CreateCampaign",
    "CreateSocialConnectionAuthorizationUrl",
    "DeactivateCampaignAsset",
    "DeleteCampaign",
    "DeleteCampaignAsset",
    "DeleteSocialConnection",
    "GetCampaign",
    "GetCampaignAsset",
    "GetCampaignAssetActivationTask",
    "GetCampaignAssetExportTask",
    "GetCampaignTemplate",
    "ListCampaignAssets",
    "ListCampaigns",
    "ListSocialConnections",
    "ListTagsForResource",
    "SearchCampaignTemplates",
    "StartCampaignAssetActivationTask",
    "StartCampaignAssetExportTask",
    "TagResource",
    "UntagResource",
    "UpdateCampaign",
    "UpdateCampaignAsset",
)
PERMISSIONS = {name: Permission(iam=f"partnercentral:{name}") for name in OPERATIONS}
# The recorded authorization page completes a flow a member started (no API operation).
PERMISSIONS["CreateSocialConnection"] = Permission(iam="partnercentral:CreateSocialConnection")
