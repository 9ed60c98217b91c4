"""Marketing Central's records, shaped after the Partner Central Marketing API
(botocore `partnercentral-marketing`): the template catalogue staff keep, the
companies' campaigns and their assets, activation and export tasks (each a job of the
job framework), the sends an activation schedules, social connections and their
recorded authorization flow."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from allyport.core.ids import alnum


def template_id() -> str:
    return "tmpl-" + alnum(13)


def campaign_id() -> str:
    return "camp-" + alnum(13)


def asset_id() -> str:
    return "ast-" + alnum(13)


def activation_id() -> str:
    return "atsk-" + alnum(13)


def export_id() -> str:
    return "etsk-" + alnum(13)


def connection_id() -> str:
    return "sc-" + alnum(13)


class CampaignTemplate(models.Model):
    """A campaign template of the catalogue (staff keep it in the admin); the list
    members hold the API's enum values."""

    public_id = models.CharField(max_length=18, unique=True, default=template_id, editable=False)
    name = models.CharField(_("name"), max_length=200)
    description = models.CharField(_("description"), max_length=300, blank=True)
    industry = models.CharField(_("industry"), max_length=32, blank=True)
    use_case = models.CharField(_("use case"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    collection = models.CharField(_("collection"), max_length=16, default="GENERAL")
    aws_services = models.JSONField(_("AWS services"), default=list, blank=True)
    customer_segments = models.JSONField(_("customer segments"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    setup_duration = models.CharField(_("setup duration"), max_length=50, blank=True)
    reference_materials = models.JSONField(
        _("reference materials"),
        default=list,
        blank=True,
        help_text=_('A list of {"Name": …, "Url": …}.'),
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("name", "id")
        verbose_name = _("campaign template")

    def __str__(self) -> str:
        return self.name


class AssetTemplate(models.Model):
    """An asset blueprint of a template: its fields (the API's CampaignAssetTemplateField
    list) and layouts (CampaignAssetLayoutOption list)."""

    class Type(models.TextChoices):
        EMAIL = "EMAIL", _("Email")
        SOCIAL_POST = "SOCIAL_POST", _("Social post")
        LANDING_PAGE = "LANDING_PAGE", _("Landing page")
        BANNER_AD = "BANNER_AD", _("Banner ad")
        DOCUMENT = "DOCUMENT", _("Document")

    template = models.ForeignKey(CampaignTemplate, on_delete=models.CASCADE, related_name="assets")
    key = models.CharField(_("asset template ID"), max_length=64)
    type = models.CharField(_("type"), max_length=16, choices=Type.choices)
    label = models.CharField(_("label"), max_length=200)
    display_order = models.IntegerField(_("display order"), default=0)
    social_platform = models.CharField(_("social platform"), max_length=16, blank=True)
    fields = models.JSONField(
        _("fields"),
        default=list,
        blank=True,
        help_text=_('A list of {"FieldId", "Label", "Required", "Section", "Type": {"Text": {}}}.'),
    )
    layouts = models.JSONField(
        _("layouts"),
        default=list,
        blank=True,
        help_text=_('A list of {"Value", "Label", "FieldIds": [...]}.'),
    )

    class Meta:
        ordering = ("display_order", "id")
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="marketing_asset_tpl_key")
        ]

    def __str__(self) -> str:
        return self.label


class Campaign(models.Model):
    class State(models.TextChoices):
        DRAFT = "DRAFT", _("Draft")
        ACTIVE = "ACTIVE", _("Active")
        COMPLETED = "COMPLETED", _("Completed")

    public_id = models.CharField(max_length=18, unique=True, default=campaign_id, editable=False)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8)
    name = models.CharField(max_length=100)
    template = models.ForeignKey(
        CampaignTemplate, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    language = models.CharField(max_length=8, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    sender_email = models.CharField(max_length=254, blank=True)
    privacy_policy_url = models.CharField(max_length=2048, blank=True)
    partner_address = models.CharField(max_length=200, blank=True)
    partner_badge = models.JSONField(null=True, blank=True)  # FileRef
    email_target = models.JSONField(null=True, blank=True)  # FileRef + what was read
    recipients = models.JSONField(default=list, blank=True)  # the valid addresses
    engagement_group_ids = models.JSONField(default=list, blank=True)
    target_audience = models.JSONField(null=True, blank=True)
    estimated_budget = models.JSONField(null=True, blank=True)
    total_budget = models.JSONField(null=True, blank=True)
    start_on = models.DateField(null=True, blank=True)
    end_on = models.DateField(null=True, blank=True)
    social_connections = models.JSONField(default=dict, blank=True)  # platform -> [sc-…]
    tags = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "-created_at", "-id"],
                name="marketing_campaign_recent",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id


class CampaignAsset(models.Model):
    class State(models.TextChoices):
        INACTIVE = "INACTIVE", _("Inactive")
        ACTIVE = "ACTIVE", _("Active")

    public_id = models.CharField(max_length=17, unique=True, default=asset_id, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assets")
    source = models.ForeignKey(
        AssetTemplate, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    source_key = models.CharField(max_length=64)
    category = models.CharField(max_length=16)
    name = models.CharField(max_length=200)
    state = models.CharField(max_length=8, choices=State.choices, default=State.INACTIVE)
    last_activation_status = models.CharField(max_length=12, blank=True)
    delivery_status = models.CharField(max_length=10, blank=True)
    delivery_status_reason = models.CharField(max_length=40, blank=True)
    social_platform = models.CharField(max_length=16, blank=True)
    send_mode = models.CharField(max_length=16, blank=True)
    scheduled_send_at = models.DateTimeField(null=True, blank=True)
    field_values = models.JSONField(default=dict, blank=True)  # FieldId -> TemplateFieldValue
    layout = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return self.public_id


class ActivationTask(models.Model):
    """StartCampaignAssetActivationTask: a job (`jobs.BulkJob`, kind
    `marketing-activation`) schedules the assets' sends."""

    public_id = models.CharField(max_length=18, unique=True, default=activation_id, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="activations")
    job = models.OneToOneField("jobs.BulkJob", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, default="IN_PROGRESS")
    asset_ids = models.JSONField(default=list)
    outcomes = models.JSONField(default=list, blank=True)  # CampaignAssetActivationOutcome
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-started_at", "-id")

    def __str__(self) -> str:
        return self.public_id


class ScheduledSend(models.Model):
    """One send an activation scheduled: an email to one recipient (through the outbox
    when due) or a social post (recorded only: no social network is reachable)."""

    class Status(models.TextChoices):
        SCHEDULED = "SCHEDULED", _("Scheduled")
        SENT = "SENT", _("Sent")

    asset = models.ForeignKey(CampaignAsset, on_delete=models.CASCADE, related_name="sends")
    activation = models.ForeignKey(ActivationTask, on_delete=models.CASCADE, related_name="sends")
    channel = models.CharField(max_length=16)  # EMAIL or the social platform
    recipient = models.CharField(max_length=254, blank=True)  # an email address
    connection = models.CharField(max_length=16, blank=True)  # a social connection id
    send_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "send_at"], name="marketing_send_due")]

    def __str__(self) -> str:
        return f"{self.channel} {self.recipient or self.connection}"


class ExportTask(models.Model):
    """StartCampaignAssetExportTask: a job (kind `marketing-export`) writes the ZIP as
    the job's result file."""

    public_id = models.CharField(max_length=18, unique=True, default=export_id, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="exports")
    job = models.OneToOneField("jobs.BulkJob", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=12, default="IN_PROGRESS")
    failure = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return self.public_id


class SocialConnection(models.Model):
    class Status(models.TextChoices):
        AUTHORIZED = "AUTHORIZED", _("Authorized")
        EXPIRED = "EXPIRED", _("Expired")
        PAGE_REQUIRED = "PAGE_REQUIRED", _("Page required")

    public_id = models.CharField(max_length=16, unique=True, default=connection_id, editable=False)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8)
    platform = models.CharField(max_length=16)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.AUTHORIZED)
    page_name = models.CharField(max_length=256, blank=True)
    account_name = models.CharField(max_length=256, blank=True)
    connected_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["company", "catalog", "-connected_at", "-id"],
                name="marketing_connection_recent",
            ),
        ]

    def __str__(self) -> str:
        return self.public_id


class SocialAuthorization(models.Model):
    """A started authorization flow: the URL CreateSocialConnectionAuthorizationUrl
    gives leads to the portal's own consent page (no social network is reachable),
    which completes it once, before it expires."""

    state = models.CharField(max_length=64, unique=True)
    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    catalog = models.CharField(max_length=8)
    platform = models.CharField(max_length=16)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.platform
