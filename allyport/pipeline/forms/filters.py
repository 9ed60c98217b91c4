"""Opportunity Management's filter bar (GET): what ListOpportunities filters and
sorts on, plus the portal's owner filter and search box."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from allyport.accounts.models import User
from allyport.shapes.selling import REVIEW_STATUSES, STAGES

ANY = gettext_lazy("Any")
# Sort choice -> ListOpportunities' Sort.
SORTS: dict[str, tuple[StrOrPromise, dict[str, str]]] = {
    "modified-desc": (
        gettext_lazy("Last modified, newest first"),
        {"SortBy": "LastModifiedDate", "SortOrder": "DESCENDING"},
    ),
    "modified-asc": (
        gettext_lazy("Last modified, oldest first"),
        {"SortBy": "LastModifiedDate", "SortOrder": "ASCENDING"},
    ),
    "close-asc": (
        gettext_lazy("Target close date, soonest first"),
        {"SortBy": "TargetCloseDate", "SortOrder": "ASCENDING"},
    ),
    "close-desc": (
        gettext_lazy("Target close date, latest first"),
        {"SortBy": "TargetCloseDate", "SortOrder": "DESCENDING"},
    ),
    "customer-asc": (
        gettext_lazy("Customer name, A to Z"),
        {"SortBy": "CustomerCompanyName", "SortOrder": "ASCENDING"},
    ),
    "customer-desc": (
        gettext_lazy("Customer name, Z to A"),
        {"SortBy": "CustomerCompanyName", "SortOrder": "DESCENDING"},
    ),
}
FILTER_NAMES = ("q", "stage", "review_status", "owner", "customer", "close_from", "close_to")


class OpportunityFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search by title or customer"), required=False, max_length=255
    )
    stage = forms.ChoiceField(
        label=gettext_lazy("Stage"),
        required=False,
        choices=[("", ANY), *((value, value) for value in STAGES)],
    )
    review_status = forms.ChoiceField(
        label=gettext_lazy("Review status"),
        required=False,
        choices=[("", ANY), *((value, value) for value in REVIEW_STATUSES)],
    )
    owner = forms.ChoiceField(label=gettext_lazy("Owner"), required=False)
    customer = forms.CharField(
        label=gettext_lazy("Customer company name"), required=False, max_length=120
    )
    close_from = forms.DateField(
        label=gettext_lazy("Target close date from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    close_to = forms.DateField(
        label=gettext_lazy("Target close date to"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = forms.ChoiceField(
        label=gettext_lazy("Sort by"),
        required=False,
        choices=[(key, label) for key, (label, _sort) in SORTS.items()],
    )

    def __init__(self, *args: Any, owners: list[User] | None = None, **kwargs: Any) -> None:
        """`owners`: the users to filter by, or None when the member sees only their own
        opportunities (no owner filter)."""
        super().__init__(*args, **kwargs)
        self.owners = {user.public_id: user for user in owners or []}
        if owners is None:
            del self.fields["owner"]
        else:
            field = cast(forms.ChoiceField, self.fields["owner"])
            field.choices = [("", ANY)] + [(u.public_id, _name(u)) for u in owners]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("close_from"), data.get("close_to")
        if start and end and end < start:
            self.add_error("close_to", gettext_lazy("The end is before the start."))
        return data

    def request(self) -> dict[str, Any]:
        """The ListOpportunities members these filters ask for."""
        data = self.cleaned_data if self.is_valid() else {}
        request: dict[str, Any] = {"Sort": SORTS[data.get("sort") or "modified-desc"][1]}
        if data.get("stage"):
            request["LifeCycleStage"] = [data["stage"]]
        if data.get("review_status"):
            request["LifeCycleReviewStatus"] = [data["review_status"]]
        if data.get("customer"):
            request["CustomerCompanyName"] = [data["customer"]]
        bounds = {}
        if data.get("close_from"):
            bounds["AfterTargetCloseDate"] = data["close_from"].isoformat()
        if data.get("close_to"):  # the API's upper bound is exclusive; the form's inclusive
            bounds["BeforeTargetCloseDate"] = (data["close_to"] + timedelta(days=1)).isoformat()
        if bounds:
            request["TargetCloseDate"] = bounds
        return request

    def chosen_owner(self) -> User | None:
        data = self.cleaned_data if self.is_valid() else {}
        return self.owners.get(data.get("owner") or "")

    def search(self) -> str:
        return str(self.cleaned_data.get("q") or "") if self.is_valid() else ""

    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.get(name) for name in FILTER_NAMES)


def _name(user: User) -> str:
    return f"{user.full_name} <{user.email}>" if user.full_name else user.email
