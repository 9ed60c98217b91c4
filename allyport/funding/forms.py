"""The Funding Portal's forms. They collect what the services take (the Benefits
API's members) and map the services' field paths back to their own fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from allyport.core.forms import ConfirmForm
from allyport.funding.models import Benefit, BenefitApplication
from allyport.funding.services.rules import schema_fields

DETAIL_PREFIX = "detail_"
CONTACT_FIELDS = {
    "contact_first_name": "FirstName",
    "contact_last_name": "LastName",
    "contact_email": "Email",
    "contact_title": "BusinessTitle",
    "contact_phone": "Phone",
}


class ApplicationForm(forms.Form):
    """Create or edit an application of `benefit`: its name and description, the
    partner contact, and the details the benefit asks for."""

    name = forms.CharField(label=_("Application name"), max_length=255, required=False)
    description = forms.CharField(
        label=_("Description"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_first_name = forms.CharField(
        label=_("Contact first name"), max_length=80, required=False
    )
    contact_last_name = forms.CharField(label=_("Contact last name"), max_length=80, required=False)
    contact_email = forms.EmailField(label=_("Contact email"), max_length=80, required=False)
    contact_title = forms.CharField(
        label=_("Contact business title"), max_length=80, required=False
    )
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)

    def __init__(self, *args: Any, benefit: Benefit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.benefit = benefit
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["contact_last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["contact_phone"].widget.attrs["autocomplete"] = "tel"
        for key, title, description, required in schema_fields(benefit):
            label = f"{title} ({_('required to submit')})" if required else title
            self.fields[DETAIL_PREFIX + key] = forms.CharField(
                label=label,
                help_text=description,
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @classmethod
    def initial_of(cls, application: BenefitApplication) -> dict[str, Any]:
        contact = (application.partner_contacts or [{}])[0]
        initial = {"name": application.name, "description": application.description}
        initial |= {field: contact.get(member, "") for field, member in CONTACT_FIELDS.items()}
        for key, value in (application.details or {}).items():
            initial[DETAIL_PREFIX + key] = value if isinstance(value, str) else str(value)
        return initial

    def payload(self) -> dict[str, Any]:
        data = self.cleaned_data
        contact = {
            m: data[f].strip().lower() if m == "Email" else data[f].strip()
            for f, m in CONTACT_FIELDS.items()
            if data.get(f, "").strip()
        }
        details = {
            key[len(DETAIL_PREFIX) :]: value.strip()
            for key, value in data.items()
            if key.startswith(DETAIL_PREFIX) and value.strip()
        }
        return {
            "Name": data["name"],
            "Description": data["description"],
            "PartnerContacts": [contact] if contact else [],
            "BenefitApplicationDetails": details,
        }

    def field_of(self, path: str) -> str | None:
        """The form field an API field path names (None: the form as a whole)."""
        if path == "Name":
            return "name"
        if path == "Description":
            return "description"
        if path.startswith("BenefitApplicationDetails."):
            name = DETAIL_PREFIX + path.split(".", 1)[1]
            return name if name in self.fields else None
        if path.startswith("PartnerContacts"):
            member = path.rsplit(".", 1)[-1]
            return next((f for f, m in CONTACT_FIELDS.items() if m == member), None)
        return None


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CancelForm(ConfirmForm):
    """Cancel stops the application for good: the user types `confirm`."""

    reason = forms.CharField(label=_("Reason"), max_length=1000, required=False)
    field_order = ("reason", "confirm")


class ResourceForm(forms.Form):
    resource_arn = forms.CharField(
        label=_("Resource ARN (opportunity, benefit allocation or campaign)"), max_length=1600
    )


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("File (PDF, Word, Excel, PowerPoint, PNG, JPEG, SVG or CSV; at most 10 MB)")
    )
    business_use_case = forms.CharField(
        label=_("What the file shows"), max_length=255, required=False
    )
