"""Referrals and leads: the form that shares one with a partner company, and the list
of invitations sent."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from allyport.access.middleware import staff_actor
from allyport.accounts.models import Company
from allyport.core.errors import RuleViolation
from allyport.pipeline.engagements.models import EngagementInvitation
from allyport.pipeline.enums import Catalog
from allyport.pipeline.leads.referrals import send_referral
from allyport.shapes.selling import choices

PayloadType = EngagementInvitation.PayloadType


def _blank(options: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", "—"), *options]


class ReferralForm(forms.Form):
    """A referral (OpportunityInvitation) or a lead (LeadInvitation) for one company;
    the service checks it against the model, and its refusals land on these fields."""

    company = forms.ModelChoiceField(
        Company.objects.order_by("legal_name"), label=gettext_lazy("Partner company")
    )
    catalog = forms.ChoiceField(choices=Catalog.choices, label=gettext_lazy("Catalog"))
    payload_type = forms.ChoiceField(choices=PayloadType.choices, label=gettext_lazy("Share"))
    message = forms.CharField(
        label=gettext_lazy("Message to the partner"), max_length=255, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    customer_company_name = forms.CharField(label=gettext_lazy("Customer"), max_length=120)
    industry = forms.ChoiceField(choices=_blank(choices("Industry")), required=False)
    website_url = forms.CharField(label=gettext_lazy("Website"), max_length=255, required=False)
    country_code = forms.ChoiceField(choices=_blank(choices("CountryCode")), required=False)
    # Opportunity referrals
    project_title = forms.CharField(max_length=255, required=False)
    business_problem = forms.CharField(
        label=gettext_lazy("Customer business problem (20 characters or more)"),
        required=False, widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    target_completion_date = forms.DateField(required=False, help_text="YYYY-MM-DD")
    monthly_spend = forms.DecimalField(
        label=gettext_lazy("Expected monthly AWS spend"), required=False, min_value=0,
        decimal_places=2, max_digits=20,
    )  # fmt: skip
    currency = forms.ChoiceField(choices=[("USD", "USD"), ("EUR", "EUR")])
    opportunity_type = forms.ChoiceField(choices=_blank(choices("OpportunityType")), required=False)
    receiver_responsibilities = forms.MultipleChoiceField(
        choices=choices("ReceiverResponsibility"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    sender_email = forms.EmailField(label=gettext_lazy("AWS contact's email"), required=False)
    sender_name = forms.CharField(label=gettext_lazy("AWS contact's name"), required=False)
    # Leads
    aws_maturity = forms.CharField(max_length=255, required=False)
    market_segment = forms.CharField(max_length=255, required=False)
    source_type = forms.CharField(max_length=255, required=False)
    source_name = forms.CharField(max_length=255, required=False)
    use_case = forms.CharField(max_length=255, required=False)
    contact_business_title = forms.CharField(
        label=gettext_lazy("Contact's business title"), max_length=80, required=False
    )

    # The service's field paths (after the payload type), by form field.
    PATHS = {
        "Customer.CompanyName": "customer_company_name",
        "Customer.Industry": "industry",
        "Customer.WebsiteUrl": "website_url",
        "Customer.CountryCode": "country_code",
        "Customer.AwsMaturity": "aws_maturity",
        "Customer.MarketSegment": "market_segment",
        "Project.Title": "project_title",
        "Project.BusinessProblem": "business_problem",
        "Project.TargetCompletionDate": "target_completion_date",
        "Project.ExpectedCustomerSpend": "monthly_spend",
        "ReceiverResponsibilities": "receiver_responsibilities",
        "OpportunityType": "opportunity_type",
        "SenderContacts": "sender_email",
        "Interaction.SourceType": "source_type",
        "Interaction.SourceName": "source_name",
        "Interaction.Usecase": "use_case",
        "Interaction.ContactBusinessTitle": "contact_business_title",
        "Interaction": "contact_business_title",
        "InvitationMessage": "message",
    }

    GROUPS = {
        "receiver_fields": ("company", "catalog", "payload_type", "message"),
        "customer_fields": ("customer_company_name", "industry", "website_url", "country_code"),
        "referral_fields": (
            "project_title", "business_problem", "target_completion_date", "monthly_spend",
            "currency", "opportunity_type", "receiver_responsibilities", "sender_email",
            "sender_name",
        ),
        "lead_fields": (
            "aws_maturity", "market_segment", "source_type", "source_name", "use_case",
            "contact_business_title",
        ),
    }  # fmt: skip

    def _group(self, name: str) -> list[forms.BoundField]:
        return [self[field] for field in self.GROUPS[name]]

    # The page's sections, as bound fields.
    def receiver_fields(self) -> list[forms.BoundField]:
        return self._group("receiver_fields")

    def customer_fields(self) -> list[forms.BoundField]:
        return self._group("customer_fields")

    def referral_fields(self) -> list[forms.BoundField]:
        return self._group("referral_fields")

    def lead_fields(self) -> list[forms.BoundField]:
        return self._group("lead_fields")

    def _customer(self) -> dict[str, Any]:
        data = self.cleaned_data
        customer = {
            "CompanyName": data["customer_company_name"],
            "Industry": data["industry"],
            "WebsiteUrl": data["website_url"],
            "CountryCode": data["country_code"],
        }
        if data["payload_type"] == PayloadType.LEAD:
            customer.update(AwsMaturity=data["aws_maturity"], MarketSegment=data["market_segment"])
        return {key: value for key, value in customer.items() if value}

    def _spend(self) -> list[dict[str, str]]:
        amount = self.cleaned_data["monthly_spend"]
        if amount is None:
            return []
        return [{"Amount": str(amount), "CurrencyCode": self.cleaned_data["currency"],
                 "Frequency": "Monthly", "TargetCompany": "AWS"}]  # fmt: skip

    def _contacts(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        if not data["sender_email"]:
            return []
        first, _space, last = data["sender_name"].partition(" ")
        contact = {"Email": data["sender_email"], "FirstName": first, "LastName": last}
        return [{key: value for key, value in contact.items() if value}]

    def payload(self) -> dict[str, Any]:
        """The payload in the API's shape (blank fields left out)."""
        data = self.cleaned_data
        if data["payload_type"] == PayloadType.LEAD:
            interaction = {
                "SourceType": data["source_type"],
                "SourceName": data["source_name"],
                "Usecase": data["use_case"],
                "ContactBusinessTitle": data["contact_business_title"],
            }
            return {
                "Customer": self._customer(),
                "Interaction": {k: v for k, v in interaction.items() if v},
            }
        project = {
            "Title": data["project_title"],
            "BusinessProblem": data["business_problem"],
            "TargetCompletionDate": (
                data["target_completion_date"].isoformat() if data["target_completion_date"] else ""
            ),
        }
        payload: dict[str, Any] = {
            "Customer": self._customer(),
            "Project": {k: v for k, v in project.items() if v},
            # Required, and may be empty.
            "ReceiverResponsibilities": list(data["receiver_responsibilities"]),
        }
        payload["Project"]["ExpectedCustomerSpend"] = self._spend()
        if data["opportunity_type"]:
            payload["OpportunityType"] = data["opportunity_type"]
        if self._contacts():
            payload["SenderContacts"] = self._contacts()
        return payload

    def add_refusal(self, refused: RuleViolation) -> None:
        """Each field error on its form field; what has no field, above the form."""
        for error in refused.errors:
            field = self._field_of(error.field)
            self.add_error(field, error.message if field else f"{error.field}: {error.message}")

    def _field_of(self, path: str) -> str | None:
        head, _dot, rest = path.partition(".")
        if head in PayloadType.values:
            path = rest
        path = re.sub(r"\[\d+\]", "", path)
        for prefix, name in self.PATHS.items():
            if path == prefix or path.startswith(prefix + "."):
                return name
        return None


@admin.register(EngagementInvitation)
class EngagementInvitationAdmin(admin.ModelAdmin):
    """Invitations (read-only); Add shares a referral or lead with a partner company."""

    list_display = (
        "public_id", "receiver_company", "sender_name", "catalog", "payload_type", "status",
        "invitation_date", "expiration_date",
    )  # fmt: skip
    list_filter = ("status", "payload_type", "catalog")
    search_fields = ("public_id", "receiver_company__legal_name", "sender_name")
    list_select_related = ("receiver_company",)
    ordering = ("-invitation_date",)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ReferralForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                invitation = send_referral(
                    staff_actor(request),
                    data["company"],
                    data["catalog"],
                    data["payload_type"],
                    form.payload(),
                    message=data["message"],
                )
            except RuleViolation as refused:
                form.add_refusal(refused)
            else:
                self.message_user(
                    request,
                    _("%(id)s shared with %(company)s; its ACE managers are told by email.")
                    % {"id": invitation.public_id, "company": data["company"]},
                )
                return HttpResponseRedirect(
                    reverse("admin:pipeline_engagementinvitation_changelist")
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send a referral or lead"),
            "opts": self.model._meta,
            "form": form,
        }
        return TemplateResponse(request, "pipeline/leads/admin/send_referral.html", context)


# Engagement groups (curated by staff) have their own module.
