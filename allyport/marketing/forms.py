"""The Marketing Central pages' forms; the services check every rule (the same as the
API's), and their refusals are put next to these fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from allyport.marketing.models import CampaignAsset, SocialConnection

# The service's field name (the API's) -> the form's.
CAMPAIGN_FIELDS = {
    "Name": "name",
    "SenderEmail": "sender_email",
    "PrivacyPolicyUrl": "privacy_policy_url",
    "PartnerAddress": "partner_address",
    "StartOn": "start_on",
    "EndOn": "end_on",
    "EmailTarget": "recipients",
    "Recipients": "recipients",
    "EstimatedBudget": "estimated_budget",
    "TotalBudget": "total_budget",
}


class NewCampaignForm(forms.Form):
    name = forms.CharField(label=_("Campaign name"), max_length=100)


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Campaign name"), max_length=100)
    sender_email = forms.EmailField(label=_("Sender email"), required=False, max_length=254)
    privacy_policy_url = forms.URLField(
        label=_("Privacy policy URL"), required=False, max_length=2048, assume_scheme="https"
    )
    partner_address = forms.CharField(label=_("Partner address"), required=False, max_length=200)
    start_on = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_on = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    budget_currency = forms.RegexField(
        label=_("Budget currency"),
        regex=r"^[A-Z]{3}$",
        initial="USD",
        max_length=3,
        required=False,
        help_text=_("Three capital letters, such as USD or EUR."),
    )
    estimated_budget = forms.DecimalField(
        label=_("Estimated budget"), required=False, min_value=0, decimal_places=2, max_digits=18
    )
    total_budget = forms.DecimalField(
        label=_("Total budget"), required=False, min_value=0, decimal_places=2, max_digits=18
    )
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Email addresses, one a line. Left empty, the recipients stay as they are."),
    )

    def __init__(self, *args: Any, connections: list[SocialConnection], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for platform in sorted({c.platform for c in connections}):
            choices = [("", _("None"))] + [
                (c.public_id, f"{c.page_name} ({c.public_id})")
                for c in connections
                if c.platform == platform
            ]
            self.fields[f"social_{platform}"] = forms.ChoiceField(
                label=_("%(platform)s connection") % {"platform": platform.title()},
                choices=choices,
                required=False,
            )

    def clean_privacy_policy_url(self) -> str:
        url: str = self.cleaned_data["privacy_policy_url"]
        if url and not url.startswith("https://"):
            raise forms.ValidationError(_("Give an https:// address."))
        return url

    def request(self) -> dict[str, Any]:
        """The change in the service's (the API's) terms."""
        data = self.cleaned_data
        request: dict[str, Any] = {
            api: data[name]
            for api, name in CAMPAIGN_FIELDS.items()
            if name not in ("recipients", "estimated_budget", "total_budget")
        }
        for api, name in (("EstimatedBudget", "estimated_budget"), ("TotalBudget", "total_budget")):
            amount = data[name]
            request[api] = (
                {"Amount": f"{amount:.2f}", "CurrencyCode": data["budget_currency"] or "USD"}
                if amount is not None
                else None
            )
        if data["recipients"].strip():
            request["Recipients"] = data["recipients"]
        social = {
            k.removeprefix("social_"): [v] if v else []
            for k, v in data.items()
            if k.startswith("social_")
        }
        if social:
            request["SocialConnections"] = social
        return request


class AssetForm(forms.Form):
    """One field per template field, then the layout and when to send."""

    def __init__(self, *args: Any, asset: CampaignAsset, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = asset.source.fields if asset.source is not None else []
        for field in fields:
            kind = next(iter(field.get("Type") or {"Text": {}}))
            value = asset.field_values.get(field["FieldId"]) or {}
            label = field.get("Label") or field["FieldId"]
            if kind == "Image":
                self.fields[f"f_{field['FieldId']}"] = forms.URLField(
                    label=label,
                    required=False,
                    initial=value.get("ImageReference", ""),
                    help_text=field.get("Description"),
                    assume_scheme="https",
                )
            else:
                multiline = (
                    kind == "RichText"
                    or (field.get("Type", {}).get("Text", {}) or {}).get("MaxLength", 0) > 200
                )
                self.fields[f"f_{field['FieldId']}"] = forms.CharField(
                    label=label,
                    required=False,
                    initial=value.get("Text", ""),
                    help_text=field.get("Description"),
                    strip=False,
                    widget=forms.Textarea(attrs={"rows": 4}) if multiline else forms.TextInput,
                )
        layouts = asset.source.layouts if asset.source is not None else []
        if layouts:
            self.fields["layout"] = forms.ChoiceField(
                label=_("Layout"),
                initial=asset.layout,
                choices=[(o["Value"], o.get("Label") or o["Value"]) for o in layouts],
            )
        if asset.category in ("EMAIL", "SOCIAL_POST"):
            self.fields["send_mode"] = forms.ChoiceField(
                label=_("Send"),
                initial=asset.send_mode or "ON_ACTIVATION",
                choices=[("ON_ACTIVATION", _("On activation")), ("SCHEDULED", _("Scheduled"))],
            )
            self.fields["scheduled_send_at"] = forms.DateTimeField(
                label=_("Send at (UTC)"),
                required=False,
                initial=asset.scheduled_send_at,
                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
            )
        self.asset = asset

    def request(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = []
        for field in self.asset.source.fields if self.asset.source is not None else []:
            given = data.get(f"f_{field['FieldId']}") or ""
            kind = next(iter(field.get("Type") or {"Text": {}}))
            key = "ImageReference" if kind == "Image" else "Text"
            values.append({"FieldId": field["FieldId"], "Value": {key: given} if given else {}})
        request: dict[str, Any] = {"FieldValues": values}
        if data.get("layout"):
            request["Layout"] = data["layout"]
        if data.get("send_mode"):
            request["SendMode"] = data["send_mode"]
            request["ScheduledSendAt"] = data.get("scheduled_send_at")
        return request

    def field_name(self, api_field: str) -> str | None:
        """The form field a service error names (FieldValues[n].… -> that field's box)."""
        if api_field.startswith("FieldValues["):
            number = int(api_field[len("FieldValues[") :].split("]")[0])
            fields = self.asset.source.fields if self.asset.source is not None else []
            return f"f_{fields[number]['FieldId']}" if number < len(fields) else None
        return {
            "Layout": "layout",
            "ScheduledSendAt": "scheduled_send_at",
            "SendMode": "send_mode",
        }.get(api_field)


class PageNameForm(forms.Form):
    page_name = forms.CharField(
        label=_("Page name"), max_length=256, help_text=_("The page or profile posts go to.")
    )


class ConfirmForm(forms.Form):
    confirm = forms.CharField(label=_('Type "confirm" to delete the campaign'), max_length=20)
